import { butter } from './butter';
import { filtfilt } from './filtfilt';
import type { Samples } from './samples';

/**
 * Zero-phase Butterworth low-pass: a `butter(order, cutoffHz, fsHz, 'lowpass')` design applied
 * forward and backward, so the magnitude is |H|² (−6 dB at the cutoff) and nothing shifts in time.
 *
 * @example lowpass(new Float32Array(720).fill(2), 360, 40)[360] // => 2 (DC passes)
 * @throws EcgInputError for a cutoff outside (0, fsHz/2) or a non-finite sample
 */
export function lowpass<T extends Samples>(samples: T, fsHz: number, cutoffHz: number, order = 4): T {
  return filtfilt(butter(order, cutoffHz, fsHz, 'lowpass'), samples);
}
