import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { referenceBeats, scoreBeats, scoreDetector } from '../../lib/evaluation';
import { readAnnotations, readRecord } from '../../lib/io';
import { detectRPeaks } from '../../lib/signal';
import { dataDir, tempDir } from '../helpers';

describe('evaluation/scoreDetector', () => {
  const rec100 = path.join(dataDir(), '100');
  const ann100 = readAnnotations(rec100);

  it('scores a detector that returns the reference beats as perfect, on every annotated record', () => {
    const oracle = (): Int32Array => referenceBeats(ann100);
    const s = scoreDetector([rec100], oracle);
    assert.equal(s.records.length, 1);
    const r = s.records[0];
    assert.equal(r.record, '100');
    assert.deepEqual([r.reference, r.detected, r.tp, r.fp, r.fn], [2273, 2273, 2273, 0, 0]);
    assert.deepEqual([r.se, r.ppv, r.f1], [1, 1, 1]);
    assert.equal(s.gross.tp, 2273);
  });

  it('counts a detector that misses every second beat and adds one far-off peak', () => {
    const ref = referenceBeats(ann100);
    const half = ref.filter((_, i) => i % 2 === 0);
    const detector = (): Int32Array => Int32Array.from([...half, ref[ref.length - 1] + 1000]);
    const r = scoreDetector([rec100], detector).records[0];
    assert.deepEqual([r.tp, r.fp, r.fn], [half.length, 1, ref.length - half.length]);
  });

  it('gives the same figures as scoring the detections by hand, record by record', () => {
    const s = scoreDetector([rec100], detectRPeaks);
    const rec = readRecord(rec100, { channels: [0] });
    const peaks = detectRPeaks(rec.signals[0].mV, rec.fsHz);
    const byHand = scoreBeats(peaks, referenceBeats(ann100), rec.fsHz);
    assert.deepEqual(s.gross, byHand);
    assert.deepEqual(s.records[0].peaks, Array.from(peaks));
    assert.equal(s.excludeVf, false);
  });

  it('reports null scores for a record without annotations and leaves it out of the gross figures', () => {
    const dir = tempDir();
    for (const ext of ['hea', 'dat']) fs.copyFileSync(`${rec100}.${ext}`, path.join(dir, `100.${ext}`));
    const s = scoreDetector([path.join(dir, '100'), rec100], detectRPeaks);
    const bare = s.records[0];
    assert.deepEqual([bare.reference, bare.tp, bare.se], [null, null, null]);
    assert.ok(bare.detected > 2000);
    assert.deepEqual(s.gross, scoreDetector([rec100], detectRPeaks).gross);
  });
});
