import { EcgInputError } from '../common';

/** A signal as the filters take it: single or double precision samples. */
export type Samples = Float32Array | Float64Array;

/**
 * Throws unless every sample is finite, so a NaN or ±Infinity is reported at its index
 * instead of spreading silently through a recursive filter or breaking a median's ordering.
 *
 * @example assertFinite(new Float32Array([1, 2]), 'bandpass') // => undefined (no throw)
 * @throws EcgInputError naming the first non-finite sample's index
 */
export function assertFinite(samples: ArrayLike<number>, what: string): void {
  for (let i = 0; i < samples.length; i++) {
    const v = samples[i];
    // v - v is 0 for every finite number and NaN for NaN and ±Infinity.
    if (v - v !== 0) {
      throw new EcgInputError(
        `${v} is not a finite sample value`,
        { file: what, at: `sample ${i}` },
        'finite numbers (no NaN or Infinity)',
      );
    }
  }
}

/**
 * Throws unless a rate or frequency is a finite positive number.
 *
 * @example assertPositive(360, 'fsHz', 'resample') // => undefined (no throw)
 * @throws EcgInputError naming the parameter
 */
export function assertPositive(value: number, name: string, what: string): void {
  if (!(Number.isFinite(value) && value > 0)) {
    throw new EcgInputError(`${name} = ${value}`, { file: what, at: name }, 'a finite positive number');
  }
}

/**
 * A new array of the same kind (Float32Array or Float64Array) as `like`, of length `n`.
 *
 * @example sameKind(new Float32Array(3), 5) // => Float32Array(5) [0, 0, 0, 0, 0]
 */
export function sameKind<T extends Samples>(like: T, n: number): T {
  return (like instanceof Float32Array ? new Float32Array(n) : new Float64Array(n)) as T;
}
