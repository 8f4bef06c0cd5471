import { createRng, EcgInputError } from '../common';
import { checkLabels, checkSameLength } from './split-checks';

/** Rows of a training set: x is n × length, row-major. */
export interface LabelledRows {
  x: Float32Array;
  y: ArrayLike<number>;
  n: number;
  length: number;
}

/** Oversampled rows; `source[i]` is the original row that row i copies (to gather side arrays). */
export interface OversampledRows {
  x: Float32Array;
  y: Int32Array;
  n: number;
  length: number;
  source: Int32Array;
}

/**
 * Random oversampling of the training rows: every row is kept once, and each smaller class gets
 * rows drawn with replacement from itself until it matches the largest class. Pass the training
 * split only, so that no copy of a test row can reach training.
 *
 * @throws EcgInputError when x is not n × length or labels are not class indices.
 * @example randomOversample({ x, y: [0, 0, 0, 1], n: 4, length: 2 }, { seed: 1 }).n // => 6
 */
export function randomOversample(rows: LabelledRows, options: { seed: number }): OversampledRows {
  const { x, y, n, length } = rows;
  checkShape(rows);
  const k = checkLabels(y);
  const members: number[][] = Array.from({ length: k }, () => []);
  for (let i = 0; i < n; i++) members[y[i]].push(i);
  const most = Math.max(0, ...members.map((m) => m.length));
  const rng = createRng(options.seed);
  const source: number[] = Array.from({ length: n }, (_, i) => i);
  for (const m of members) {
    if (m.length === 0) continue;
    for (let j = m.length; j < most; j++) source.push(m[rng.int(m.length)]);
  }
  const out = new Float32Array(source.length * length);
  source.forEach((s, r) => out.set(x.subarray(s * length, (s + 1) * length), r * length));
  return { x: out, y: Int32Array.from(source, (s) => y[s]), n: source.length, length, source: Int32Array.from(source) };
}

/**
 * Throws unless x holds n rows of `length` values and y one label per row.
 *
 * @throws EcgInputError naming `x` or `y`.
 * @example checkShape({ x: new Float32Array(4), y: [0, 1], n: 2, length: 2 }) // => undefined (fits)
 */
export function checkShape(rows: LabelledRows): void {
  if (rows.x.length !== rows.n * rows.length) {
    throw new EcgInputError(`x has ${rows.x.length} values`, { at: 'x' }, `n × length = ${rows.n} × ${rows.length}`);
  }
  checkSameLength(rows.y, { length: rows.n }, 'y');
}
