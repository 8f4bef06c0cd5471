import { medianSorted } from '../common';

/**
 * The element-wise median of a record's beats (rows of `length` values): the record's typical
 * beat, robust to its ectopic minority.
 *
 * @example medianBeat(Float32Array.from([0, 1, 2, 3, 10, 10]), 3, 2) // => Float32Array [2, 3]
 */
export function medianBeat(x: Float32Array, n: number, length: number): Float32Array {
  const out = new Float32Array(length);
  const column = new Float32Array(n);
  for (let t = 0; t < length; t++) {
    for (let i = 0; i < n; i++) column[i] = x[i * length + t];
    column.sort();
    out[t] = n === 0 ? 0 : medianSorted(column);
  }
  return out;
}

/**
 * Adds a second channel to each beat: the beat minus the median beat of its own record. This
 * removes what is particular to a patient's normal morphology (lead placement, QRS shape), so a
 * classifier sees how a beat departs from that patient's usual beat, an unsupervised
 * patient adaptation (in the spirit of the patient-normalised features of inter-patient work such
 * as Mondéjar-Guerra et al. 2019). It uses the unlabelled beats of the same record (as a Holter
 * analysis has the whole recording), never labels. Output: n × length × 2, channels last.
 *
 * @example recordRelative(Float32Array.from([0, 1, 2, 3, 10, 10]), 3, 2, ['a', 'a', 'a']).length // => 12
 */
export function recordRelative(x: Float32Array, n: number, length: number, record: readonly string[]): Float32Array {
  const rowsOf = new Map<string, number[]>();
  record.forEach((r, i) => {
    if (!rowsOf.has(r)) rowsOf.set(r, []);
    rowsOf.get(r)!.push(i);
  });
  const out = new Float32Array(n * length * 2);
  for (const rows of rowsOf.values()) {
    const own = new Float32Array(rows.length * length);
    rows.forEach((i, j) => own.set(x.subarray(i * length, (i + 1) * length), j * length));
    const med = medianBeat(own, rows.length, length);
    for (const i of rows) {
      for (let t = 0; t < length; t++) {
        const v = x[i * length + t];
        out[(i * length + t) * 2] = v;
        out[(i * length + t) * 2 + 1] = v - med[t];
      }
    }
  }
  return out;
}
