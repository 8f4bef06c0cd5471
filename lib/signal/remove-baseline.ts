import { medianFilter } from './median-filter';
import { assertPositive, sameKind, type Samples } from './samples';

/**
 * Removes baseline wander by subtracting the baseline estimated with two cascaded median
 * filters of 200 ms (removes QRS complexes and P waves) and 600 ms (removes T waves), as in
 * de Chazal, O'Dwyer & Reilly, IEEE Trans. Biomed. Eng. 51(7), 2004. Widths are rounded to an
 * odd number of samples at `fsHz`.
 *
 * @example removeBaseline(ecg, 360) // => ecg with its slow drift removed (the 73- and 217-sample medians)
 * @throws EcgInputError for a non-positive fsHz or a NaN or infinite sample
 */
export function removeBaseline<T extends Samples>(samples: T, fsHz: number): T {
  assertPositive(fsHz, 'fsHz', 'removeBaseline');
  const baseline = medianFilter(medianFilter(samples, oddWidth(0.2 * fsHz)), oddWidth(0.6 * fsHz));
  const out = sameKind(samples, samples.length);
  for (let i = 0; i < samples.length; i++) out[i] = samples[i] - baseline[i];
  return out;
}

/**
 * The odd number of samples nearest to a window length in samples (at least 1).
 *
 * @example oddWidth(72) // => 73
 */
export function oddWidth(lengthSamples: number): number {
  const w = Math.max(1, Math.round(lengthSamples));
  return w % 2 === 1 ? w : w + 1;
}
