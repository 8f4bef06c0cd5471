import type { StripAnnotation } from './ecg-strip-chart';

/**
 * A record's annotations (as lib/io's readAnnotations returns them) as strip-chart marks, keeping
 * those with from ≤ sample < to (every one by default): the step each notebook used to write out.
 *
 * @example stripAnnotations({ samples: Int32Array.of(18, 400), symbols: ['+', 'N'] }, 0, 360) // => [{ sample: 18, symbol: '+' }]
 */
export function stripAnnotations(
  ann: { samples: ArrayLike<number>; symbols: readonly string[] },
  from = 0,
  to = Infinity,
): StripAnnotation[] {
  const out: StripAnnotation[] = [];
  for (let i = 0; i < ann.samples.length; i++) {
    const sample = ann.samples[i];
    if (sample >= from && sample < to) out.push({ sample, symbol: ann.symbols[i] });
  }
  return out;
}
