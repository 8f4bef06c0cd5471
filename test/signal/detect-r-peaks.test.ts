import { strict as assert } from 'assert';
import * as path from 'path';
import { SUBSET_RECORDS, listRecords, readAnnotations, readRecord } from '../../lib/io';
import { grossScore, referenceBeats, scoreBeats, type BeatScore } from '../../lib/evaluation';
import { detectRPeaks, refineToExtremum } from '../../lib/signal';
import { dataDir, hasFullMitdb } from '../helpers';
import { detectorBehaviour } from './detector-behaviour';

/** detectRPeaks on the first signal of each record, scored on all reference beats (±150 ms). */
function grossOver(names: string[]): BeatScore {
  return grossScore(
    names.map((name) => {
      const p = path.join(dataDir(), name);
      const rec = readRecord(p, { channels: [0] });
      return scoreBeats(detectRPeaks(rec.signals[0].mV, rec.fsHz), referenceBeats(readAnnotations(p)), rec.fsHz);
    }),
  );
}

describe('signal/detectRPeaks', () => {
  detectorBehaviour('detectRPeaks', detectRPeaks);

  it('moves a peak onto the extremum measured from the chord across the window, for R and QS shapes', () => {
    // On a ramp 0.1·i with a bump of +2 at 7, the chord removes the ramp: the bump is farthest.
    const x = new Float64Array(15).map((_, i) => 0.1 * i + (i === 7 ? 2 : 0));
    assert.deepEqual(Array.from(refineToExtremum(x, Int32Array.of(5), 3)), [7]);
    // A negative (QS) complex: the deepest sample wins.
    const y = Float64Array.of(0, 0, -1, -4, -2, 0, 0);
    assert.deepEqual(Array.from(refineToExtremum(y, Int32Array.of(1), 3)), [3]);
    // Two peaks landing on the same extremum become one.
    assert.deepEqual(Array.from(refineToExtremum(y, Int32Array.of(2, 4), 2)), [3]);
  });

  // Floors a little under what was measured (gross TP 23866, FP 48, FN 15: Se 99.94 %,
  // +P 99.80 %), so a change that costs beats on the shipped records fails here.
  it('keeps gross Se ≥ 99.9 % and +P ≥ 99.75 % over the 10 shipped MIT-BIH records (all beats)', function () {
    this.timeout(20000);
    const g = grossOver(SUBSET_RECORDS);
    assert.ok(g.se >= 0.999 && g.ppv >= 0.9975, `Se ${g.se}, +P ${g.ppv} (TP ${g.tp}, FP ${g.fp}, FN ${g.fn})`);
  });

  // The target of the flutter rule (tuned on these same records, see flutterEpisodes): measured
  // TP 109389, FP 247, FN 105 (Se 99.90 %, +P 99.78 %) without leaving VF/flutter episodes out.
  (hasFullMitdb() ? it : it.skip)(
    'reaches gross Se and +P ≥ 99.7 % over all 48 MIT-BIH records, scored on all beats',
    function () {
      this.timeout(60000);
      const g = grossOver(listRecords(dataDir()));
      assert.ok(g.se >= 0.997 && g.ppv >= 0.997, `Se ${g.se}, +P ${g.ppv} (TP ${g.tp}, FP ${g.fp}, FN ${g.fn})`);
    },
  );
});
