import { EcgInputError } from '../common';

type Indexable = { length: number; [i: number]: unknown };

/**
 * Copies the rows `indices` of a dataset. `fields` names the dataset's per-row fields (a dataset
 * module declares them, e.g. BEAT_ROW_FIELDS): each is a typed array holding a whole number of
 * values per row (x: length × channels, rr: 4, y: 1), copied by blocks, or a plain array of one
 * value per row; a declared field the dataset leaves out (an optional `side`) is skipped. Every
 * other field (length, fsHz, classes, …) is kept as it is, and n becomes indices.length.
 *
 * @throws EcgInputError for an index outside 0..n−1, or a field that is not an array of n rows.
 * @example selectRows(dataset, trainIndices, BEAT_ROW_FIELDS).n // => trainIndices.length
 */
export function selectRows<T extends { n: number }>(
  ds: T,
  indices: ArrayLike<number>,
  fields: readonly (keyof T & string)[],
): T {
  const n = ds.n;
  for (let r = 0; r < indices.length; r++) {
    const i = indices[r];
    if (!(Number.isInteger(i) && i >= 0 && i < n))
      throw new EcgInputError(`row ${i}`, { at: `indices[${r}]` }, `row indices 0..${n - 1}`);
  }
  const out: Record<string, unknown> = { ...ds, n: indices.length };
  for (const key of fields) {
    const a = (ds as Record<string, unknown>)[key] as Indexable | undefined;
    if (a === undefined) continue;
    const typed = ArrayBuffer.isView(a);
    if (!(typed || Array.isArray(a)) || (n > 0 && a.length % n !== 0) || (n === 0 && a.length !== 0)) {
      throw new EcgInputError(
        `field ${key} holds ${typeof a === 'object' && a !== null && 'length' in a ? `${a.length} values` : typeof a}`,
        { at: `dataset.${key}` },
        `an array with a whole number of values for each of the ${n} rows`,
      );
    }
    const w = n > 0 ? a.length / n : 1;
    if (!typed) {
      if (w !== 1)
        throw new EcgInputError(`field ${key} holds ${a.length} values`, { at: `dataset.${key}` }, `one per row (${n})`);
      out[key] = Array.from(indices, (i) => a[i]);
      continue;
    }
    const Ctor = (a as unknown as { constructor: new (n: number) => Indexable & { set(s: ArrayLike<unknown>, o: number): void } }).constructor;
    const b = new Ctor(indices.length * w);
    const src = a as unknown as { subarray(s: number, e: number): ArrayLike<unknown> };
    if (w === 1) for (let r = 0; r < indices.length; r++) b[r] = a[indices[r]];
    else for (let r = 0; r < indices.length; r++) b.set(src.subarray(indices[r] * w, (indices[r] + 1) * w), r * w);
    out[key] = b;
  }
  return out as T;
}
