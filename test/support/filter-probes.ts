/**
 * Filters a 10 s unit sine of `fHz` (sampled at `fsHz`, phase 0.7 rad) and returns the largest
 * |y − gain·x| in the middle 4 s: small only when the filter has that gain at `fHz` and no phase
 * shift (a phase error of 0.01 rad alone leaves residuals ≈ 0.01). Shared by the zero-phase
 * filter tests.
 *
 * @example sineResidual((x) => lowpass(x, 360, 40), 40, 360, 0.5) // => ≈ 1e-6
 */
export function sineResidual(
  filter: (x: Float64Array) => Float64Array,
  fHz: number,
  fsHz: number,
  gain: number,
): number {
  const x = new Float64Array(fsHz * 10).map((_, i) => Math.sin((2 * Math.PI * fHz * i) / fsHz + 0.7));
  const y = filter(x);
  let worst = 0;
  for (let i = 3 * fsHz; i < 7 * fsHz; i++) worst = Math.max(worst, Math.abs(y[i] - gain * x[i]));
  return worst;
}

/**
 * x[i] = sin(0.3 i) + 0.01 i², i = 0..49: short enough that a zero-phase filter's edge padding
 * matters. The scipy reference values of the filter tests are this signal filtered, read at
 * {@link PROBE_AT} (the python lines are beside each test).
 */
export const PROBE_X = new Float64Array(50).map((_, i) => Math.sin(i * 0.3) + 0.01 * i * i);
export const PROBE_AT = [0, 10, 25, 49];

/**
 * The samples of a filtered {@link PROBE_X} at which the scipy references were read.
 *
 * @example probe(lowpass(PROBE_X, 360, 15)) // => [0.0197…, 1.040…, 6.561…, 25.30…]
 */
export function probe(y: ArrayLike<number>): number[] {
  return PROBE_AT.map((i) => y[i]);
}
