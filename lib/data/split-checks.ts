/** Argument checks shared by the split functions, with the project's error shape. */
import { EcgInputError } from '../common';

/**
 * Throws unless 0 < f < 1.
 *
 * @throws EcgInputError naming `options.<key>`.
 * @example checkFraction(0.2, 'testFraction') // => undefined
 */
export function checkFraction(f: number, key: string): void {
  if (!(f > 0 && f < 1)) throw new EcgInputError(`bad value ${f}`, { at: `options.${key}` }, 'a fraction strictly between 0 and 1');
}

/**
 * Throws unless every label is a non-negative integer; returns the number of classes (max + 1).
 *
 * @throws EcgInputError naming the first bad label.
 * @example checkLabels([0, 2, 1]) // => 3
 */
export function checkLabels(y: ArrayLike<number>, key = 'y'): number {
  let k = 0;
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    if (!(Number.isInteger(v) && v >= 0)) throw new EcgInputError(`label ${v}`, { at: `${key}[${i}]` }, 'class indices 0, 1, 2, ...');
    if (v + 1 > k) k = v + 1;
  }
  return k;
}

/**
 * Throws unless two per-row arrays have the same length.
 *
 * @throws EcgInputError naming `what`.
 * @example checkSameLength([1, 2], [3, 4], 'y') // => undefined
 */
export function checkSameLength(a: { length: number }, b: { length: number }, what: string): void {
  if (a.length !== b.length) throw new EcgInputError(`${a.length} rows against ${b.length}`, { at: what }, 'one entry per row');
}

/**
 * Indices 0..n−1 with `pick(i)` true, ascending.
 *
 * @example indicesWhere(4, (i) => i % 2 === 0) // => Int32Array [0, 2]
 */
export function indicesWhere(n: number, pick: (i: number) => boolean): Int32Array {
  const out: number[] = [];
  for (let i = 0; i < n; i++) if (pick(i)) out.push(i);
  return Int32Array.from(out);
}
