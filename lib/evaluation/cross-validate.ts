import { meanSd, type MeanSd } from '../common';
import { evaluateClassifier, type ClassificationReport, type EvaluateOptions } from './evaluate-classifier';

/** One fold: indices of the training and test beats. */
export interface FoldIndices {
  train: ArrayLike<number>;
  test: ArrayLike<number>;
}

/** Results of a k-fold cross-validation. */
export interface CrossValidationResult {
  /** The report of each fold on its own test beats. */
  folds: ClassificationReport[];
  /** One report over all out-of-fold predictions together. */
  pooled: ClassificationReport;
  /** Fold-to-fold spread of the headline figures and of per-class Se and +P. */
  spread: {
    accuracy: MeanSd;
    balancedAccuracy: MeanSd;
    macroF1: MeanSd;
    perClass: Record<string, { se: MeanSd; ppv: MeanSd }>;
  };
}

/**
 * Runs k-fold cross-validation: for each fold, `trainAndPredict` trains on `fold.train` and returns
 * class probabilities for `fold.test` (rows in the order of `fold.test`); folds are evaluated one
 * by one and pooled. Folds come from lib/data's patient-grouped stratified split, so a patient's
 * beats are never on both sides.
 *
 * @example (await crossValidate({ folds, y, classes, trainAndPredict })).spread.macroF1 // => { mean: 0.71, sd: 0.04 } (for example)
 * @throws RangeError when test sets overlap or a fold returns the wrong number of probabilities
 */
export async function crossValidate(options: {
  folds: readonly FoldIndices[];
  y: ArrayLike<number>;
  classes: readonly string[];
  trainAndPredict: (fold: FoldIndices, index: number) => Promise<ArrayLike<number>>;
  evaluate?: EvaluateOptions;
}): Promise<CrossValidationResult> {
  const { folds, y, classes } = options;
  const k = classes.length;
  const seen = new Uint8Array(y.length);
  const oofIndex: number[] = [];
  const oofProbs: number[] = [];
  let columns = 0;
  const reports: ClassificationReport[] = [];
  for (let f = 0; f < folds.length; f++) {
    const fold = folds[f];
    const probs = await options.trainAndPredict(fold, f);
    const m = fold.test.length;
    const cols = probs.length === m * k ? k : probs.length === m && k === 2 ? 1 : -1;
    if (cols < 0)
      throw new RangeError(
        `crossValidate: fold ${f} returned ${probs.length} probabilities for ${m} test beats and ${k} classes`,
      );
    if (columns && cols !== columns)
      throw new RangeError(`crossValidate: fold ${f} returned ${cols} columns, earlier folds ${columns}`);
    columns = cols;
    const yTest = Array.from(fold.test, (i) => y[i]);
    reports.push(evaluateClassifier(yTest, probs, classes, options.evaluate));
    for (let j = 0; j < m; j++) {
      const i = fold.test[j];
      if (seen[i]) throw new RangeError(`crossValidate: beat ${i} is in the test set of more than one fold`);
      seen[i] = 1;
      oofIndex.push(i);
      for (let c = 0; c < cols; c++) oofProbs.push(probs[j * cols + c]);
    }
  }
  const pooled = evaluateClassifier(
    oofIndex.map((i) => y[i]),
    oofProbs,
    classes,
    options.evaluate,
  );
  return {
    folds: reports,
    pooled,
    spread: {
      accuracy: meanSd(reports.map((r) => r.accuracy)),
      balancedAccuracy: meanSd(reports.map((r) => r.balancedAccuracy)),
      macroF1: meanSd(reports.map((r) => r.macroF1)),
      perClass: Object.fromEntries(
        classes.map((c) => [
          c,
          { se: meanSd(reports.map((r) => r.perClass[c].se)), ppv: meanSd(reports.map((r) => r.perClass[c].ppv)) },
        ]),
      ),
    },
  };
}
