import { EcgInputError } from '../common';
import { assertFinite, sameKind, type Samples } from './samples';
import { sectionCount, sosfiltInPlace, sosfiltZi, type Sos } from './sos';

/** Options of {@link filtfilt}. */
export interface FiltfiltOptions {
  /** Samples of odd extension at each end; default 3·(2·sections + 1 − trailing zeros), as scipy. */
  padlen?: number;
}

/**
 * The default edge padding of scipy.signal.sosfiltfilt: three times the number of filter taps,
 * less the zero coefficients that first-order sections leave.
 *
 * @example defaultPadlen(butter(2, [5, 15], 360, 'bandpass')) // => 15 (2 sections: 3·(2·2 + 1))
 */
export function defaultPadlen(sos: Sos): number {
  const n = sectionCount(sos);
  let zb = 0,
    za = 0;
  for (let s = 0; s < n; s++) {
    if (sos[6 * s + 2] === 0) zb++;
    if (sos[6 * s + 5] === 0) za++;
  }
  return 3 * (2 * n + 1 - Math.min(zb, za));
}

/**
 * Zero-phase filtering: the sections run forward then backward over the signal, extended at
 * each end by an odd reflection about the edge sample and started from the steady state for
 * that edge value (Gustafsson 1996, as scipy.signal.sosfiltfilt with padtype 'odd'). The
 * magnitude response is squared and the phase is zero. Returns an array of the input's kind;
 * state and arithmetic are float64. When the signal is shorter than the padding the padding
 * shrinks to length − 1 (scipy raises instead).
 *
 * @example filtfilt(butter(2, 40, 360, 'lowpass'), new Float32Array(1000).fill(1))[500] // => 1
 * @throws EcgInputError for a NaN or infinite sample (naming its index) or a negative padlen
 */
export function filtfilt<T extends Samples>(sos: Sos, samples: T, options: FiltfiltOptions = {}): T {
  const n = samples.length;
  const out = sameKind(samples, n);
  if (n === 0) return out;
  assertFinite(samples, 'filtfilt');
  let pad = options.padlen ?? defaultPadlen(sos);
  if (!(Number.isInteger(pad) && pad >= 0)) {
    throw new EcgInputError(`padlen ${pad}`, { file: 'filtfilt', at: 'padlen' }, 'a non-negative integer');
  }
  pad = Math.min(pad, n - 1);
  const x = new Float64Array(n + 2 * pad);
  const first = samples[0];
  const last = samples[n - 1];
  for (let i = 0; i < pad; i++) {
    x[i] = 2 * first - samples[pad - i];
    x[pad + n + i] = 2 * last - samples[n - 2 - i];
  }
  x.set(samples, pad);
  const zi = sosfiltZi(sos);
  const z = new Float64Array(zi.length);
  for (let k = 0; k < zi.length; k++) z[k] = zi[k] * x[0];
  sosfiltInPlace(sos, x, z);
  const end = x[x.length - 1];
  for (let k = 0; k < zi.length; k++) z[k] = zi[k] * end;
  sosfiltInPlace(sos, x, z, 0, x.length, true);
  out.set(x.subarray(pad, pad + n));
  return out;
}
