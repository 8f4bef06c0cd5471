import { strict as assert } from 'assert';
import { EcgInputError } from '../../lib/common';
import { beatWindows, splitWindows, WINDOW_PRESETS } from '../../lib/signal';

describe('signal/beatWindows', () => {
  const ramp = new Float32Array(1000).map((_, i) => i); // value = index, so windows show their positions

  it('cuts [R − before, R + after) with R at index `before`, for both presets', () => {
    const { windows, peakIndex } = beatWindows(ramp, Int32Array.of(100, 500), WINDOW_PRESETS.w187);
    assert.equal(windows[0].length, 187);
    assert.equal(windows[0][62], 100); // R at index 62
    assert.equal(windows[0][0], 38); // 100 − 62
    assert.equal(windows[1][186], 500 + 124);
    assert.deepEqual(Array.from(peakIndex), [0, 1]);
    const w250 = beatWindows(ramp, Int32Array.of(300), WINDOW_PRESETS.w250).windows[0];
    assert.deepEqual([w250.length, w250[90], w250[0], w250[249]], [250, 300, 210, 459]);
  });

  it('skips peaks whose window would leave the signal and reports which peaks were kept', () => {
    const { windows, peakIndex } = beatWindows(ramp, Int32Array.of(10, 400, 990), { before: 20, after: 20 });
    assert.equal(windows.length, 1);
    assert.deepEqual(Array.from(peakIndex), [1]);
    assert.throws(() => beatWindows(ramp, Int32Array.of(10), { before: -1, after: 5 }), EcgInputError);
  });

  it('splits into whole 10 s windows and drops the remainder', () => {
    const w = splitWindows(
      new Float32Array(25 * 360).map((_, i) => i),
      360,
    );
    assert.equal(w.length, 2);
    assert.deepEqual([w[1].length, w[1][0]], [3600, 3600]);
    assert.equal(splitWindows(new Float32Array(1000), 125, 2).length, 4); // 250-sample windows
  });
});
