import { createRng, EcgInputError, shuffledIndices } from '../common';
import { indexGroups } from './group-split';
import { checkLabels, checkSameLength, indicesWhere } from './split-checks';

/** One fold of a grouped k-fold: row indices (ascending) and the groups held out. */
export interface GroupFold {
  train: Int32Array;
  test: Int32Array;
  testGroups: string[];
}

/** Options of {@link stratifiedGroupKFold}. */
export interface GroupKFoldOptions {
  k: number;
  seed: number;
}

/**
 * Seeded k-fold cross-validation grouped by patient and stratified by class: no group is in two
 * test folds, and groups are placed greedily — most class-skewed first, ties in seeded random order —
 * into the fold that keeps each class's share per fold most even (smallest mean over classes of the
 * standard deviation across folds of fold count / class count; ties to the smaller fold). The idea
 * of scikit-learn's StratifiedGroupKFold, written anew here.
 *
 * @throws EcgInputError when k < 2, there are fewer groups than folds, or lengths differ.
 * @example stratifiedGroupKFold([0, 1, 0, 1], ['a', 'a', 'b', 'b'], { k: 2, seed: 1 }).length // => 2
 */
export function stratifiedGroupKFold(y: ArrayLike<number>, groups: ArrayLike<string | number>, options: GroupKFoldOptions): GroupFold[] {
  const { k: folds, seed } = options;
  checkSameLength(y, groups, 'groups');
  if (!(Number.isInteger(folds) && folds >= 2)) throw new EcgInputError(`k = ${folds}`, { at: 'options.k' }, 'an integer number of folds ≥ 2');
  const C = checkLabels(y);
  const { names, of } = indexGroups(groups);
  const G = names.length;
  if (G < folds) throw new EcgInputError(`${G} groups for ${folds} folds`, { at: 'groups' }, `at least ${folds} groups (patients)`);
  const counts = new Float64Array(G * C);
  for (let i = 0; i < y.length; i++) counts[of[i] * C + y[i]]++;
  const classTotal = new Float64Array(C);
  for (let i = 0; i < y.length; i++) classTotal[y[i]]++;
  // Most skewed groups first (std of their class counts), shuffled within ties by the seed.
  const spread = (g: number): number => {
    let m = 0;
    for (let c = 0; c < C; c++) m += counts[g * C + c];
    m /= C;
    let v = 0;
    for (let c = 0; c < C; c++) v += (counts[g * C + c] - m) ** 2;
    return Math.sqrt(v / C);
  };
  const order = Array.from(shuffledIndices(G, createRng(seed)));
  const spreads = Float64Array.from({ length: G }, (_, g) => spread(g));
  order.sort((a, b) => spreads[b] - spreads[a]);
  const foldCounts = new Float64Array(folds * C);
  const foldSize = new Float64Array(folds);
  const assigned = new Int32Array(G);
  const unevenness = (): number => {
    let total = 0;
    for (let c = 0; c < C; c++) {
      if (classTotal[c] === 0) continue;
      let m = 0;
      for (let f = 0; f < folds; f++) m += foldCounts[f * C + c] / classTotal[c];
      m /= folds;
      let v = 0;
      for (let f = 0; f < folds; f++) v += (foldCounts[f * C + c] / classTotal[c] - m) ** 2;
      total += Math.sqrt(v / folds);
    }
    return total / C;
  };
  for (const g of order) {
    let best = 0;
    let bestEval = Infinity;
    for (let f = 0; f < folds; f++) {
      for (let c = 0; c < C; c++) foldCounts[f * C + c] += counts[g * C + c];
      const e = unevenness();
      for (let c = 0; c < C; c++) foldCounts[f * C + c] -= counts[g * C + c];
      if (e < bestEval - 1e-12 || (Math.abs(e - bestEval) <= 1e-12 && foldSize[f] < foldSize[best])) {
        best = f;
        bestEval = e;
      }
    }
    assigned[g] = best;
    for (let c = 0; c < C; c++) foldCounts[best * C + c] += counts[g * C + c];
    for (let c = 0; c < C; c++) foldSize[best] += counts[g * C + c];
  }
  for (let f = 0; f < folds; f++) {
    if (foldSize[f] === 0) throw new EcgInputError(`fold ${f} received no group`, { at: 'groups' }, `groups that can fill ${folds} folds`);
  }
  return Array.from({ length: folds }, (_, f) => ({
    train: indicesWhere(y.length, (i) => assigned[of[i]] !== f),
    test: indicesWhere(y.length, (i) => assigned[of[i]] === f),
    testGroups: names.filter((_, g) => assigned[g] === f),
  }));
}
