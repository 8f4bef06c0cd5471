import { EcgInputError } from '../common';

/** Fields a dataset may carry per row; `x` (and `rr`) hold several values per row. */
const PER_ROW = ['y', 'record', 'sample', 'subject', 'glucoseMmolL', 'startTime'] as const;
const BLOCKS = ['x', 'rr'] as const;

type Indexable = { length: number; [i: number]: unknown };

/**
 * Copies the rows `indices` of a dataset (beat or segment dataset): `x` and `rr` by blocks of
 * their row width, the per-row fields (`y`, `record`, `sample`, `subject`, `glucoseMmolL`,
 * `startTime`) element-wise; other fields (length, fsHz, classes, …) are kept as they are.
 *
 * @throws EcgInputError for an index outside 0..n−1.
 * @example selectRows(dataset, trainIndices).n // => trainIndices.length
 */
export function selectRows<T extends { n: number; x: Float32Array }>(ds: T, indices: ArrayLike<number>): T {
  const n = ds.n;
  for (let r = 0; r < indices.length; r++) {
    const i = indices[r];
    if (!(Number.isInteger(i) && i >= 0 && i < n)) throw new EcgInputError(`row ${i}`, { at: `indices[${r}]` }, `row indices 0..${n - 1}`);
  }
  const out: Record<string, unknown> = { ...ds, n: indices.length };
  const src = ds as unknown as Record<string, unknown>;
  for (const key of BLOCKS) {
    const a = src[key] as Float32Array | undefined;
    if (!a) continue;
    const w = a.length / n;
    const b = new Float32Array(indices.length * w);
    for (let r = 0; r < indices.length; r++) b.set(a.subarray(indices[r] * w, (indices[r] + 1) * w), r * w);
    out[key] = b;
  }
  for (const key of PER_ROW) {
    const a = src[key] as Indexable | undefined;
    if (!a) continue;
    if (Array.isArray(a)) out[key] = Array.from(indices, (i) => a[i]);
    else {
      const Ctor = (a as unknown as { constructor: new (n: number) => Indexable }).constructor;
      const b = new Ctor(indices.length);
      for (let r = 0; r < indices.length; r++) b[r] = a[indices[r]];
      out[key] = b;
    }
  }
  return out as T;
}
