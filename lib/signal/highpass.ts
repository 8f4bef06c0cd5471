import { butter } from './butter';
import { filtfilt } from './filtfilt';
import type { Samples } from './samples';

/**
 * Zero-phase Butterworth high-pass: a `butter(order, cutoffHz, fsHz, 'highpass')` design applied
 * forward and backward (magnitude |H|², no phase shift).
 *
 * @example highpass(new Float32Array(720).fill(2), 360, 0.5)[360] // => 0 (DC removed, to rounding)
 * @throws EcgInputError for a cutoff outside (0, fsHz/2) or a non-finite sample
 */
export function highpass<T extends Samples>(samples: T, fsHz: number, cutoffHz: number, order = 2): T {
  return filtfilt(butter(order, cutoffHz, fsHz, 'highpass'), samples);
}
