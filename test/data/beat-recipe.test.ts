import { strict as assert } from 'assert';
import {
  beatInputs,
  cutRecordBeats,
  fitBeatNormalization,
  leadIndex,
  normalizeInputs,
  RR_FEATURE_NAMES,
} from '../../lib/data';
import { expectClose } from '../helpers';

// A ramp sampled at 10 Hz: sample i holds i, so a window shows where it was cut.
const ramp = Float32Array.from({ length: 100 }, (_, i) => i);
const none = { beforeSamples: 2, afterSamples: 3, filter: 'none' as const, bandHz: [0.5, 40] as [number, number] };

describe('data/beatRecipe', () => {
  it('cuts [R − before, R + after) around the kept beats, skipping windows that leave the signal', () => {
    const beats = Int32Array.of(1, 10, 30, 60, 98);
    const cut = cutRecordBeats(ramp, 10, beats, none, [0, 1, 3, 4]);
    // Beat 0 (R at 1) and beat 4 (R at 98) leave the signal; beat 2 is not kept.
    assert.deepEqual(Array.from(cut.beat), [1, 3]);
    assert.equal(cut.length, 5);
    assert.deepEqual(Array.from(cut.x), [8, 9, 10, 11, 12, 58, 59, 60, 61, 62]);
  });

  it('gives each window the RR features of all the beats, in seconds (de Chazal et al. 2004)', () => {
    // R peaks at 0, 10, 30, 60 s·10 Hz: RR 1, 2, 3 s; record mean 2 s.
    const beats = Int32Array.of(5, 15, 35, 65);
    const cut = cutRecordBeats(ramp, 10, beats, none, [1, 2]);
    assert.deepEqual(Array.from(cut.beat), [1, 2]);
    // Beat 1: pre 1 s, post 2 s; beat 2: pre 2 s, post 3 s; local mean over all four pre-RR (1, 1, 2, 3).
    expectClose(cut.rr, [1, 2, 1.75, 2, 2, 3, 1.75, 2], 1e-6);
    // One beat: no interval.
    assert.ok(Number.isNaN(cutRecordBeats(ramp, 10, Int32Array.of(50), none).rr[0]));
  });

  it('resamples to the recipe rate after filtering, so windows span the same time', () => {
    const cut = cutRecordBeats(ramp, 10, Int32Array.of(20, 40), { ...none, fsHz: 20 });
    assert.equal(cut.fsHz, 20);
    // R at 20 samples of 10 Hz is sample 40 of 20 Hz, which holds about 20 (the ramp, resampled).
    expectClose(cut.x[2], 20, 0.5);
  });

  it('adds the record-relative channel and the RR side input when the recipe asks for them', () => {
    const beats = {
      x: Float32Array.of(1, 2, 3, 4, 5, 6),
      n: 3,
      length: 2,
      record: ['a', 'a', 'a'],
      rr: Float32Array.of(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1),
    };
    const plain = beatInputs(beats, { recordRelative: false, rrFeatures: false });
    assert.equal(plain.channels, 1);
    assert.equal(plain.side, undefined);
    assert.equal(plain.x, beats.x);
    const both = beatInputs(beats, { recordRelative: true, rrFeatures: true });
    assert.equal(both.channels, 2);
    assert.equal(both.sideFeatures, RR_FEATURE_NAMES.length);
    // Median beat (3, 4): channels last, beat then beat − median.
    assert.deepEqual(Array.from(both.x.subarray(0, 4)), [1, -2, 2, -2]);
    assert.deepEqual(Array.from(both.side!.subarray(0, 7)), [1, 1, 1, 1, 1, 1, 1]);
  });

  it('fits the normalisation on the inputs it is given and applies it to others', () => {
    const train = { x: Float32Array.of(1, 3, 5, 7), n: 2, length: 2, channels: 1, sideFeatures: 0 };
    const norm = fitBeatNormalization(train, 'zscore');
    assert.deepEqual(norm.beats, { kind: 'zscore', mean: 4, std: Math.sqrt(5) });
    assert.equal(norm.side, null);
    const test = normalizeInputs({ ...train, x: Float32Array.of(4, 4 + Math.sqrt(5)) , n: 1 }, norm);
    expectClose(test.x, [0, 1], 1e-6);
    assert.equal(fitBeatNormalization(train, 'none').beats, null);
  });

  it('picks the named lead, else MLII, else signal 0, and names the file for a missing one', () => {
    assert.equal(leadIndex(['V5', 'MLII']), 1);
    assert.equal(leadIndex(['V1', 'V5']), 0);
    assert.equal(leadIndex(['MLII', 'V5'], 'V5'), 1);
    assert.equal(leadIndex(['MLII', 'V5'], 1), 1);
    assert.throws(() => leadIndex(['MLII'], 'V9', { file: '100.hea' }), /100.hea, channel: no signal "V9"; expected an index 0..0 or one of MLII/);
  });
});
