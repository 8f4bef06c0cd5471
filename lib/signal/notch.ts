import { EcgInputError } from '../common';
import { filtfilt } from './filtfilt';
import { assertPositive, type Samples } from './samples';
import type { Sos } from './sos';

/**
 * Designs a second-order IIR notch at `notchHz` whose −3 dB bandwidth is notchHz / q
 * (Orfanidis, Introduction to Signal Processing, §11.3; the design of scipy.signal.iirnotch).
 *
 * @example notchSos(360, 60, 30) // => one section with zeros on the unit circle at ±60 Hz
 * @throws EcgInputError for notchHz outside (0, fsHz/2) or q ≤ 0
 */
export function notchSos(fsHz: number, notchHz = 50, q = 30): Sos {
  assertPositive(fsHz, 'fsHz', 'notch');
  assertPositive(q, 'q', 'notch');
  if (!(notchHz > 0 && notchHz < fsHz / 2)) {
    throw new EcgInputError(
      `notchHz ${notchHz} at fsHz ${fsHz}`,
      { file: 'notch', at: 'notchHz' },
      `a frequency strictly between 0 and ${fsHz / 2} Hz`,
    );
  }
  const w0 = (2 * Math.PI * notchHz) / fsHz;
  const bw = w0 / q;
  // The −3 dB edges ω1, ω2 of this design satisfy ω2 − ω1 = bw exactly when β = tan(bw / 2).
  const beta = Math.tan(bw / 2);
  const gain = 1 / (1 + beta);
  const c = Math.cos(w0);
  return new Float64Array([gain, -2 * gain * c, gain, 1, -2 * gain * c, 2 * gain - 1]);
}

/**
 * Removes mains interference with a zero-phase notch (50 Hz in Europe, 60 Hz in the Americas);
 * applied forward and backward, so the −3 dB band of one pass becomes the −6 dB band.
 *
 * @example notch(ecg, 360, 60, 30) // => ecg without its 60 Hz hum
 * @throws EcgInputError for notchHz outside (0, fsHz/2), q ≤ 0 or a non-finite sample
 */
export function notch<T extends Samples>(samples: T, fsHz: number, notchHz = 50, q = 30): T {
  return filtfilt(notchSos(fsHz, notchHz, q), samples);
}
