import { EcgInputError } from '../common';
import type { Samples } from './samples';

/** Samples before and after the R peak (the window is before + after samples, R at index `before`). */
export interface WindowSpec {
  before: number;
  after: number;
}

/**
 * Window presets: 187 samples (62 before R, 125 from R on: a third before, for the P wave, two
 * thirds after, for the T wave) and 250 samples (90 before, 160 from R on, about 0.25 s and
 * 0.44 s at 360 Hz).
 */
export const WINDOW_PRESETS: Record<'w187' | 'w250', WindowSpec> = {
  w187: { before: 62, after: 125 },
  w250: { before: 90, after: 160 },
};

/**
 * Cuts a fixed window around each R peak: samples [peak − before, peak + after). Peaks whose
 * window would leave the signal are skipped; `peakIndex` says which peak each window belongs to.
 *
 * @example beatWindows(ecg, Int32Array.of(500, 900), WINDOW_PRESETS.w250).windows[0].length // => 250
 * @throws EcgInputError for negative or non-integer before/after, or a window of length 0
 */
export function beatWindows(
  samples: Samples,
  peaks: Int32Array,
  spec: WindowSpec = WINDOW_PRESETS.w187,
): { windows: Float32Array[]; peakIndex: Int32Array } {
  const { before, after } = spec;
  if (!(Number.isInteger(before) && Number.isInteger(after) && before >= 0 && after >= 0 && before + after > 0)) {
    throw new EcgInputError(
      `before ${before}, after ${after}`,
      { file: 'beatWindows', at: 'spec' },
      'non-negative integers with a positive sum',
    );
  }
  const windows: Float32Array[] = [];
  const kept: number[] = [];
  for (let k = 0; k < peaks.length; k++) {
    const a = peaks[k] - before;
    const b = peaks[k] + after;
    if (a < 0 || b > samples.length) continue;
    windows.push(Float32Array.from(samples.subarray(a, b)));
    kept.push(k);
  }
  return { windows, peakIndex: Int32Array.from(kept) };
}

/**
 * Splits a signal into consecutive non-overlapping windows of `windowSec` (default 10 s); a last
 * window shorter than that is dropped. The windows are views, not copies.
 *
 * @example splitWindows(new Float32Array(25 * 360), 360).length // => 2 (the last 5 s are dropped)
 * @throws EcgInputError for a non-positive fsHz or windowSec
 */
export function splitWindows<T extends Samples>(samples: T, fsHz: number, windowSec = 10): T[] {
  const len = Math.round(fsHz * windowSec);
  if (!(len > 0))
    throw new EcgInputError(
      `window of ${windowSec} s at ${fsHz} Hz`,
      { file: 'splitWindows', at: 'windowSec' },
      'a window of at least one sample',
    );
  const out: T[] = [];
  for (let a = 0; a + len <= samples.length; a += len) out.push(samples.subarray(a, a + len) as T);
  return out;
}
