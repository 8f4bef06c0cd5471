import { strict as assert } from 'assert';
import { grossScore, referenceBeats, scoreBeats, vfEpisodes } from '../../lib/evaluation';
import { expectClose } from '../helpers';

describe('evaluation/scoreBeats', () => {
  const fs = 360; // 150 ms = 54 samples

  it('matches within ±150 ms and counts TP, FP, FN by hand', () => {
    // refs 1000, 2000, 3000, 4000; detections 1050 (matches 1000, 50 ≤ 54), 1990 (2000),
    // 2060 (2000 taken → FP), 3100 (100 > 54 → FP, so 3000 is FN), 4054 (exactly 54 → TP).
    const s = scoreBeats(Int32Array.of(1050, 1990, 2060, 3100, 4054), Int32Array.of(1000, 2000, 3000, 4000), fs);
    assert.deepEqual([s.tp, s.fp, s.fn], [3, 2, 1]);
    expectClose(s.se, 3 / 4, 1e-12);
    expectClose(s.ppv, 3 / 5, 1e-12);
    expectClose(s.f1, 6 / 9, 1e-12); // 2·3 / (2·3 + 2 + 1)
  });

  it('matches each reference at most once, to the nearest detection in time order', () => {
    // 995 takes 1000; 1010 cannot take 1000 again (FP); 1060 takes 1100 (|1100 − 1060| = 40 ≤ 54).
    const s = scoreBeats(Int32Array.of(995, 1010, 1060), Int32Array.of(1000, 1100), fs);
    assert.deepEqual([s.tp, s.fp, s.fn], [2, 1, 0]);
  });

  it('uses only beat annotations as references and can leave VF episodes out', () => {
    const ann = {
      samples: Int32Array.of(10, 500, 800, 900, 1000, 1200, 1500),
      symbols: ['+', 'N', '[', '!', ']', 'V', '~'],
    };
    assert.deepEqual(Array.from(referenceBeats(ann)), [500, 1200]);
    assert.deepEqual(vfEpisodes(ann, 2000), [[800, 1000]]);
    const det = Int32Array.of(500, 900, 1200);
    assert.equal(scoreBeats(det, referenceBeats(ann), fs).fp, 1);
    assert.equal(scoreBeats(det, referenceBeats(ann), fs, { exclude: vfEpisodes(ann, 2000) }).fp, 0);
  });

  it('gross figures come from summed counts, and empty inputs score 1', () => {
    const g = grossScore([
      { tp: 9, fp: 0, fn: 1 },
      { tp: 90, fp: 10, fn: 0 },
    ]);
    expectClose(g.se, 99 / 100, 1e-12);
    expectClose(g.ppv, 99 / 109, 1e-12);
    const e = scoreBeats(new Int32Array(0), new Int32Array(0), fs);
    assert.deepEqual([e.se, e.ppv, e.f1], [1, 1, 1]);
  });
});
