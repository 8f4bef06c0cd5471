/** Per-class figures from a confusion matrix (one-vs-rest). */
export interface ClassMetrics {
  /** Sensitivity (recall) TP/(TP+FN). */
  se: number;
  /** Positive predictive value (precision, +P) TP/(TP+FP). */
  ppv: number;
  /** F1 = 2TP/(2TP+FP+FN), the harmonic mean of se and ppv. */
  f1: number;
  /** Specificity TN/(TN+FP). */
  specificity: number;
  /** Number of beats of this class (TP+FN). */
  support: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

/** Averages of per-class figures. */
export interface AveragedMetrics {
  precision: number;
  recall: number;
  f1: number;
  specificity: number;
}

/** Everything that follows from a confusion matrix alone. */
export interface MatrixMetrics {
  accuracy: number;
  balancedAccuracy: number;
  perClass: ClassMetrics[];
  /** Unweighted mean over the classes that occur in the truth or in the predictions. */
  macro: AveragedMetrics;
  /** Mean weighted by support. */
  weighted: AveragedMetrics;
  /** Ratios that were 0/0 and set to 0, e.g. "precision of S: no beat predicted as S". */
  notes: string[];
}

// A ratio whose denominator is 0 is set to 0 (sklearn's zero_division=0) and recorded in notes,
// because JSON cannot carry NaN and a 0 keeps macro averages from silently skipping a class.
function ratio(num: number, den: number, note: () => string, notes: string[]): number {
  if (den === 0) {
    notes.push(note());
    return 0;
  }
  return num / den;
}

/**
 * Accuracy, balanced accuracy, per-class Se / +P / F1 / specificity / support, and their macro and
 * support-weighted averages, as sklearn.metrics.classification_report and balanced_accuracy_score
 * compute them. Undefined ratios (0/0) become 0 and are listed in `notes`; the macro average runs
 * over the classes that appear in the truth or the predictions (sklearn's labels=None), and
 * balanced accuracy over the classes with support > 0.
 *
 * @example matrixMetrics([[1, 0], [1, 1]], ['N', 'V']).accuracy // => 0.6666666666666666
 */
export function matrixMetrics(cm: number[][], classes: readonly string[]): MatrixMetrics {
  const k = cm.length;
  const notes: string[] = [];
  let total = 0;
  let correct = 0;
  const rowSum = new Array<number>(k).fill(0);
  const colSum = new Array<number>(k).fill(0);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      total += cm[i][j];
      rowSum[i] += cm[i][j];
      colSum[j] += cm[i][j];
    }
    correct += cm[i][i];
  }
  const perClass = cm.map((_, c): ClassMetrics => {
    const name = classes[c] ?? String(c);
    const tp = cm[c][c];
    const fn = rowSum[c] - tp;
    const fp = colSum[c] - tp;
    const tn = total - tp - fn - fp;
    return {
      se: ratio(tp, tp + fn, () => `recall (Se) of ${name}: no beat of this class in the data, set to 0`, notes),
      ppv: ratio(tp, tp + fp, () => `precision (+P) of ${name}: no beat predicted as this class, set to 0`, notes),
      f1: ratio(2 * tp, 2 * tp + fp + fn, () => `F1 of ${name}: class neither present nor predicted, set to 0`, notes),
      specificity: ratio(
        tn,
        tn + fp,
        () => `specificity of ${name}: every beat belongs to this class, set to 0`,
        notes,
      ),
      support: tp + fn,
      tp,
      fp,
      fn,
      tn,
    };
  });
  const seen = perClass.map((_, c) => rowSum[c] > 0 || colSum[c] > 0);
  const average = (weights: number[]): AveragedMetrics => {
    const w = weights.reduce((a, b) => a + b, 0);
    const mean = (f: (m: ClassMetrics) => number) =>
      w === 0 ? 0 : perClass.reduce((s, m, c) => s + weights[c] * f(m), 0) / w;
    return {
      precision: mean((m) => m.ppv),
      recall: mean((m) => m.se),
      f1: mean((m) => m.f1),
      specificity: mean((m) => m.specificity),
    };
  };
  const present = perClass.filter((m) => m.support > 0);
  return {
    accuracy: total === 0 ? 0 : correct / total,
    balancedAccuracy: present.length === 0 ? 0 : present.reduce((s, m) => s + m.se, 0) / present.length,
    perClass,
    macro: average(seen.map((s) => (s ? 1 : 0))),
    weighted: average(perClass.map((m) => m.support)),
    notes,
  };
}
