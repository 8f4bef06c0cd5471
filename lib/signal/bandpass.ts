import { butter } from './butter';
import { filtfilt } from './filtfilt';
import type { Samples } from './samples';

/**
 * Zero-phase Butterworth band-pass: a `butter(order, [lowHz, highHz], fsHz, 'bandpass')` design
 * (2·order poles) applied forward and backward (magnitude |H|², no phase shift).
 *
 * @example bandpass(ecg, 360, 0.5, 40) // => the ECG without baseline drift and high-frequency noise
 * @throws EcgInputError for edges outside (0, fsHz/2), lowHz ≥ highHz, or a non-finite sample
 */
export function bandpass<T extends Samples>(samples: T, fsHz: number, lowHz: number, highHz: number, order = 2): T {
  return filtfilt(butter(order, [lowHz, highHz], fsHz, 'bandpass'), samples);
}
