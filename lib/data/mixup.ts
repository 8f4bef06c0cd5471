/**
 * mixup (Zhang, Cisse, Dauphin & Lopez-Paz 2018, "mixup: Beyond Empirical Risk Minimization",
 * ICLR): training rows replaced by convex combinations of pairs, x̃ = λx_i + (1−λ)x_j and
 * ỹ = λy_i + (1−λ)y_j with λ ~ Beta(α, α).
 */
import { createRng, EcgInputError, shuffledIndices, type Rng } from '../common';
import { checkShape, type LabelledRows } from './oversample';
import { checkLabels } from './split-checks';

/**
 * A Gamma(shape, 1) draw (Marsaglia & Tsang 2000; shape < 1 boosted by U^(1/shape)).
 *
 * @example sampleGamma(2, createRng(1)) // => a positive number, 2 on average
 */
export function sampleGamma(shape: number, rng: Rng): number {
  if (shape < 1) {
    let u = rng.next();
    while (u === 0) u = rng.next();
    return sampleGamma(shape + 1, rng) * Math.pow(u, 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const z = rng.normal();
    const v = (1 + c * z) ** 3;
    if (v <= 0) continue;
    const u = rng.next();
    if (u < 1 - 0.0331 * z ** 4 || Math.log(u) < 0.5 * z * z + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * A Beta(a, b) draw as X / (X + Y) of two Gamma draws.
 *
 * @example sampleBeta(0.2, 0.2, createRng(1)) // => a number in [0, 1], usually near 0 or 1
 */
export function sampleBeta(a: number, b: number, rng: Rng): number {
  const x = sampleGamma(a, rng);
  const y = sampleGamma(b, rng);
  return x + y > 0 ? x / (x + y) : 0.5;
}

/** Options of {@link mixup}. */
export interface MixupOptions {
  /** Beta(α, α) concentration; Zhang et al. use 0.1–0.4. α = 0 returns the rows unmixed. */
  alpha: number;
  seed: number;
  /** Target columns: 1 for a single sigmoid output (y must be 0/1), else one-hot over this many classes. */
  columns: number;
}

/** Mixed rows with soft targets (n × columns), each row's λ and partner. */
export interface MixedRows {
  x: Float32Array;
  target: Float32Array;
  n: number;
  length: number;
  columns: number;
  lambda: Float32Array;
  partner: Int32Array;
}

/**
 * mixup of training rows: row i is mixed with row partner[i] (a seeded permutation, as in the
 * paper's batch implementation) with its own λ ~ Beta(α, α). Pass the training split only.
 *
 * @throws EcgInputError for α < 0, a bad shape, or labels that do not fit `columns`.
 * @example mixup({ x, y: [0, 1], n: 2, length: 3 }, { alpha: 0.2, seed: 1, columns: 2 }).target.length // => 4
 */
export function mixup(rows: LabelledRows, options: MixupOptions): MixedRows {
  checkShape(rows);
  const { x, y, n, length } = rows;
  const { alpha, columns } = options;
  if (!(alpha >= 0)) throw new EcgInputError(`alpha ${alpha}`, { at: 'options.alpha' }, 'α ≥ 0');
  const k = checkLabels(y);
  if (!(Number.isInteger(columns) && columns >= 1) || (columns === 1 ? k > 2 : k > columns)) {
    throw new EcgInputError(`${k} classes for ${columns} target columns`, { at: 'options.columns' }, 'columns = 1 with labels 0/1, or columns ≥ number of classes');
  }
  const rng = createRng(options.seed);
  const partner = shuffledIndices(n, rng);
  const lambda = new Float32Array(n);
  const outX = new Float32Array(n * length);
  const target = new Float32Array(n * columns);
  for (let i = 0; i < n; i++) {
    const l = alpha > 0 ? sampleBeta(alpha, alpha, rng) : 1;
    lambda[i] = l;
    const j = partner[i];
    for (let t = 0; t < length; t++) outX[i * length + t] = l * x[i * length + t] + (1 - l) * x[j * length + t];
    if (columns === 1) target[i] = l * y[i] + (1 - l) * y[j];
    else {
      target[i * columns + y[i]] += l;
      target[i * columns + y[j]] += 1 - l;
    }
  }
  return { x: outX, target, n, length, columns, lambda, partner };
}
