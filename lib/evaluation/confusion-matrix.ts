/**
 * Counts (true class, predicted class) pairs: row = true class, column = predicted class, the
 * layout of sklearn.metrics.confusion_matrix.
 *
 * @example confusionMatrix([0, 1, 1], [0, 0, 1], 2) // => [[1, 0], [1, 1]]
 * @throws RangeError when the arrays differ in length or a label is outside 0..numClasses-1
 */
export function confusionMatrix(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, numClasses: number): number[][] {
  if (yTrue.length !== yPred.length)
    throw new RangeError(`confusionMatrix: ${yTrue.length} true labels but ${yPred.length} predictions`);
  const cm = Array.from({ length: numClasses }, () => new Array<number>(numClasses).fill(0));
  for (let i = 0; i < yTrue.length; i++) {
    const t = yTrue[i];
    const p = yPred[i];
    if (!(t >= 0 && t < numClasses && Number.isInteger(t)) || !(p >= 0 && p < numClasses && Number.isInteger(p))) {
      throw new RangeError(
        `confusionMatrix: label at index ${i} (true ${t}, predicted ${p}) is outside 0..${numClasses - 1}`,
      );
    }
    cm[t][p]++;
  }
  return cm;
}

/**
 * The predicted class of each row of a probability matrix: the arg-max, or for a single column
 * (a sigmoid output) class 1 when p ≥ threshold.
 *
 * @example predictClasses(new Float32Array([0.2, 0.8, 0.9, 0.1]), 2) // => Int32Array [1, 0]
 */
export function predictClasses(probs: ArrayLike<number>, columns: number, threshold = 0.5): Int32Array {
  const n = Math.floor(probs.length / columns);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (columns === 1) {
      out[i] = probs[i] >= threshold ? 1 : 0;
      continue;
    }
    let best = 0;
    for (let k = 1; k < columns; k++) if (probs[i * columns + k] > probs[i * columns + best]) best = k;
    out[i] = best;
  }
  return out;
}
