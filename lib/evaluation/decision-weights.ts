import { EcgInputError } from '../common';
import { matrixMetrics } from './class-metrics';
import { confusionMatrix } from './confusion-matrix';

/**
 * A cost-sensitive decision rule: each class's probability is multiplied by its weight before the
 * argmax. Weights all 1 give the plain argmax; a weight below 1 makes a class harder to call (its
 * precision rises, its sensitivity falls).
 *
 * @example weightedArgmax([0.6, 0.4], 2, [0.5, 1]) // => Int32Array [1]
 * @throws EcgInputError when the weights do not match the columns
 */
export function weightedArgmax(probs: ArrayLike<number>, columns: number, weights: ArrayLike<number>): Int32Array {
  if (weights.length !== columns)
    throw new EcgInputError(
      `${weights.length} decision weights`,
      { at: 'weightedArgmax' },
      `${columns}, one per class`,
    );
  const n = Math.floor(probs.length / columns);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let best = 0;
    let bestScore = probs[i * columns] * weights[0];
    for (let k = 1; k < columns; k++) {
      const s = probs[i * columns + k] * weights[k];
      if (s > bestScore) {
        best = k;
        bestScore = s;
      }
    }
    out[i] = best;
  }
  return out;
}

/** What {@link chooseDecisionWeights} returns. */
export interface DecisionWeights {
  /** One weight per class; classes not tuned keep 1. */
  weights: number[];
  /** Mean F1 of the tuned classes at these weights, on the predictions they were chosen on. */
  score: number;
}

/** The default grid of weights: powers of √2 from ¼ to 4. */
export const DECISION_WEIGHT_GRID = [1, 0.25, 0.35, 0.5, 0.71, 1.41, 2, 2.83, 4];

/**
 * Chooses decision weights for `tune` classes on held-out predictions: every combination of the
 * grid's weights for those classes (the others stay 1), keeping the one with the highest mean F1
 * of the tuned classes; ties keep the earlier combination, and the grid starts at 1, so weights
 * move away from the plain argmax only when that helps. Choose them on development patients (e.g.
 * cross-validation folds of DS1) and apply them unchanged to the test patients.
 *
 * @example chooseDecisionWeights(oofProbs, oofY, ['N', 'S', 'V', 'F', 'Q'], { tune: ['S', 'V'] }).weights // => [1, 0.5, 1, 1, 1] (for example)
 * @throws EcgInputError for a tuned class not among `classes` or probabilities of the wrong length
 */
export function chooseDecisionWeights(
  probs: ArrayLike<number>,
  y: ArrayLike<number>,
  classes: string[],
  options: { tune: string[]; grid?: number[] },
): DecisionWeights {
  const k = classes.length;
  if (probs.length !== y.length * k)
    throw new EcgInputError(
      `${probs.length} probabilities for ${y.length} beats`,
      { at: 'chooseDecisionWeights' },
      `${y.length * k} (${k} classes per beat)`,
    );
  const tuned = options.tune.map((c) => {
    const i = classes.indexOf(c);
    if (i < 0) throw new EcgInputError(`class '${c}'`, { at: 'chooseDecisionWeights tune' }, classes.join(', '));
    return i;
  });
  const grid = options.grid ?? DECISION_WEIGHT_GRID;
  let best: DecisionWeights = { weights: new Array(k).fill(1), score: -1 };
  const weights = new Array(k).fill(1);
  const visit = (t: number): void => {
    if (t === tuned.length) {
      const perClass = matrixMetrics(confusionMatrix(y, weightedArgmax(probs, k, weights), k), classes).perClass;
      const score = tuned.reduce((s, c) => s + perClass[c].f1, 0) / tuned.length;
      if (score > best.score) best = { weights: [...weights], score };
      return;
    }
    for (const w of grid) {
      weights[tuned[t]] = w;
      visit(t + 1);
    }
    weights[tuned[t]] = 1;
  };
  visit(0);
  return best;
}
