import { confusionMatrix, predictClasses } from './confusion-matrix';
import { weightedArgmax } from './decision-weights';
import { matrixMetrics, type AveragedMetrics, type ClassMetrics } from './class-metrics';
import { precisionRecallCurve } from './precision-recall-curve';
import { rocCurve } from './roc-curve';
import { thinCurve } from './thin-curve';

/** Area figures per class (one-vs-rest) and averaged. null: undefined (class absent, or nothing else present). */
export interface AreaSummary {
  perClass: Record<string, number | null>;
  /** Mean over the classes where the area is defined. */
  macro: number | null;
  /** Mean weighted by support over the classes where the area is defined. */
  weighted: number | null;
}

/** A curve for plotting, thinned to at most `maxCurvePoints` points. */
export interface CurvePoints {
  x: number[];
  y: number[];
}

/** The full evaluation of a classifier's probabilities against the truth. */
export interface ClassificationReport {
  classes: string[];
  n: number;
  accuracy: number;
  balancedAccuracy: number;
  macroF1: number;
  macro: AveragedMetrics;
  weighted: AveragedMetrics;
  perClass: Record<string, ClassMetrics>;
  /** Rows: true class; columns: predicted class (order of `classes`). */
  confusionMatrix: number[][];
  rocAuc: AreaSummary;
  aupr: AreaSummary;
  /** ROC (x = FPR, y = TPR) and PR (x = recall, y = precision) curves per class, one-vs-rest. */
  curves: { roc: Record<string, CurvePoints>; pr: Record<string, CurvePoints> };
  /** How a sigmoid output was turned into classes (binary models only). */
  threshold?: number;
  notes: string[];
}

/** Options of {@link evaluateClassifier}. */
export interface EvaluateOptions {
  /** Decision threshold on a single sigmoid column (default 0.5). */
  threshold?: number;
  /** Per-class decision weights (lib/evaluation's weightedArgmax) for softmax outputs; absent: plain argmax. */
  decisionWeights?: number[];
  /** Cap on the points kept per curve in the report (the areas always use every point). */
  maxCurvePoints?: number;
}

function summarise(
  perClass: Record<string, number | null>,
  support: number[],
  classes: readonly string[],
): AreaSummary {
  let sum = 0;
  let count = 0;
  let wsum = 0;
  let w = 0;
  classes.forEach((c, k) => {
    const v = perClass[c];
    if (v === null) return;
    sum += v;
    count++;
    wsum += v * support[k];
    w += support[k];
  });
  return { perClass, macro: count ? sum / count : null, weighted: w ? wsum / w : null };
}

/**
 * Evaluates class probabilities (n × k row-major, or n × 1 sigmoid outputs for 2 classes) against
 * true labels: accuracy, balanced accuracy, per-class Se/+P/F1/specificity/support, macro and
 * weighted averages, confusion matrix, and one-vs-rest ROC-AUC and average precision per class.
 *
 * @example evaluateClassifier(new Int32Array([0, 1]), new Float32Array([0.9, 0.1, 0.3, 0.7]), ['N', 'V']).accuracy // => 1
 * @throws RangeError when the probability matrix does not have n × k or n × 1 entries
 */
export function evaluateClassifier(
  yTrue: ArrayLike<number>,
  probs: ArrayLike<number>,
  classes: readonly string[],
  options: EvaluateOptions = {},
): ClassificationReport {
  const n = yTrue.length;
  const k = classes.length;
  const columns = probs.length === n * k ? k : probs.length === n && k === 2 ? 1 : -1;
  if (columns < 0)
    throw new RangeError(
      `evaluateClassifier: ${probs.length} probabilities for ${n} beats and ${k} classes; expected ${n * k}${k === 2 ? ` or ${n}` : ''}`,
    );
  const threshold = options.threshold ?? 0.5;
  const maxPoints = options.maxCurvePoints ?? 200;
  const yPred =
    options.decisionWeights && columns > 1
      ? weightedArgmax(probs, columns, options.decisionWeights)
      : predictClasses(probs, columns, threshold);
  const cm = confusionMatrix(yTrue, yPred, k);
  const m = matrixMetrics(cm, classes);
  const notes = [...m.notes];
  // Score of class c for beat i: its probability column, or p / 1 − p for a sigmoid output.
  const score = (i: number, c: number) => (columns === 1 ? (c === 1 ? probs[i] : 1 - probs[i]) : probs[i * k + c]);
  const auc: Record<string, number | null> = {};
  const ap: Record<string, number | null> = {};
  const roc: Record<string, CurvePoints> = {};
  const pr: Record<string, CurvePoints> = {};
  classes.forEach((name, c) => {
    const positive = Array.from(yTrue, (t) => t === c);
    const s = Array.from({ length: n }, (_, i) => score(i, c));
    const r = rocCurve(positive, s);
    const p = precisionRecallCurve(positive, s);
    auc[name] = r.auc;
    ap[name] = p.averagePrecision;
    if (r.auc === null)
      notes.push(`ROC-AUC of ${name}: undefined (needs beats of the class and of other classes), left out of averages`);
    if (p.averagePrecision === null)
      notes.push(`AUPR of ${name}: undefined (no beat of the class), left out of averages`);
    roc[name] = thinCurve(r.fpr, r.tpr, maxPoints);
    pr[name] = thinCurve(p.recall, p.precision, maxPoints);
  });
  const support = m.perClass.map((x) => x.support);
  return {
    classes: [...classes],
    n,
    accuracy: m.accuracy,
    balancedAccuracy: m.balancedAccuracy,
    macroF1: m.macro.f1,
    macro: m.macro,
    weighted: m.weighted,
    perClass: Object.fromEntries(classes.map((c, i) => [c, m.perClass[i]])),
    confusionMatrix: cm,
    rocAuc: summarise(auc, support, classes),
    aupr: summarise(ap, support, classes),
    curves: { roc, pr },
    ...(columns === 1 ? { threshold } : {}),
    notes,
  };
}
