import { createRng, shuffledIndices } from '../common';

/**
 * Keeps at most `max` of the given rows per class, chosen at random (seeded), in ascending order:
 * a way to make a quick run small or to limit the majority class. `max` 0 keeps everything.
 *
 * @example capPerClass(Int32Array.from([0, 0, 0, 1]), Int32Array.from([0, 1, 2, 3]), 2, 1).length // => 3
 */
export function capPerClass(y: ArrayLike<number>, rows: ArrayLike<number>, max: number, seed: number): Int32Array {
  if (max <= 0) return Int32Array.from(rows);
  const byClass = new Map<number, number[]>();
  for (let r = 0; r < rows.length; r++) {
    const c = y[rows[r]];
    if (!byClass.has(c)) byClass.set(c, []);
    byClass.get(c)!.push(rows[r]);
  }
  const rng = createRng(seed);
  const kept: number[] = [];
  for (const c of [...byClass.keys()].sort((a, b) => a - b)) {
    const members = byClass.get(c)!;
    const order = shuffledIndices(members.length, rng);
    for (let j = 0; j < Math.min(max, members.length); j++) kept.push(members[order[j]]);
  }
  return Int32Array.from(kept.sort((a, b) => a - b));
}
