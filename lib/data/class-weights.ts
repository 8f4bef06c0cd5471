import { EcgInputError } from '../common';
import { checkLabels } from './split-checks';

/**
 * Class weights inversely proportional to class frequency, normalised as scikit-learn's
 * `class_weight='balanced'`: w_c = n / (k · n_c) over the k classes present; a class absent from
 * `y` gets 0 (it never enters the loss). Compute them on the training split only.
 *
 * @throws EcgInputError for empty or non-integer labels.
 * @example classWeights([0, 0, 0, 1]) // => [0.6667, 2] (4 / (2·3), 4 / (2·1))
 */
export function classWeights(y: ArrayLike<number>, nClasses?: number): number[] {
  if (y.length === 0) throw new EcgInputError('no labels', { at: 'y' }, 'at least one label');
  const k = Math.max(nClasses ?? 0, checkLabels(y));
  const counts = new Array<number>(k).fill(0);
  for (let i = 0; i < y.length; i++) counts[y[i]]++;
  const present = counts.filter((c) => c > 0).length;
  return counts.map((c) => (c > 0 ? y.length / (present * c) : 0));
}

/**
 * Per-row weights from class weights (for a weighted loss).
 *
 * @example sampleWeights([0, 1, 1], [2, 0.5]) // => Float32Array [2, 0.5, 0.5]
 */
export function sampleWeights(y: ArrayLike<number>, weights: readonly number[]): Float32Array {
  const out = new Float32Array(y.length);
  for (let i = 0; i < y.length; i++) out[i] = weights[y[i]] ?? 0;
  return out;
}
