import { recordConfusions, type RecordConfusions } from '../../lib/evaluation';

/**
 * The 3-class confusion matrix the evaluation tests work out by hand (rows true N, S, V; columns
 * predicted), 14 beats:
 * N: TP 5, FN 1, FP 2+0 = 2, TN 14−5−1−2 = 6 → Se 5/6, +P 5/7, F1 2·5/(10+2+1) = 10/13, Sp 6/8
 * S: TP 2, FN 2, FP 1+1 = 2, TN 8 → Se 1/2, +P 1/2, F1 4/8 = 1/2, Sp 8/10
 * V: TP 3, FN 1, FP 0, TN 10 → Se 3/4, +P 1, F1 6/7, Sp 1
 */
export const HAND_MATRIX: readonly number[][] = [
  [5, 1, 0],
  [2, 2, 0],
  [0, 1, 3],
];

/** The class names of HAND_MATRIX's rows and columns. */
export const HAND_CLASSES: readonly string[] = ['N', 'S', 'V'];

/**
 * Expands a confusion matrix into (true, predicted) label lists, one pair per counted beat.
 *
 * @example fromMatrix([[1, 0], [1, 1]]) // => { yTrue: [0, 1, 1], yPred: [0, 0, 1] }
 */
export function fromMatrix(cm: readonly number[][]): { yTrue: number[]; yPred: number[] } {
  const yTrue: number[] = [];
  const yPred: number[] = [];
  cm.forEach((row, t) =>
    row.forEach((count, p) => {
      for (let i = 0; i < count; i++) {
        yTrue.push(t);
        yPred.push(p);
      }
    }),
  );
  return { yTrue, yPred };
}

/**
 * Per-record confusions (classes N, V) of `count` records named 100, 101, ... of `beats` N beats
 * each, of which record i has `correct(i)` predicted N and the rest predicted V.
 *
 * @example records(2, 10, () => 10).matrices[1] // => [[10, 0], [0, 0]]
 */
export function records(count: number, beats: number, correct: (i: number) => number): RecordConfusions {
  const y: number[] = [];
  const p: number[] = [];
  const rec: string[] = [];
  for (let r = 0; r < count; r++)
    for (let b = 0; b < beats; b++) {
      y.push(0);
      p.push(b < correct(r) ? 0 : 1);
      rec.push(String(100 + r));
    }
  return recordConfusions(y, p, rec, ['N', 'V']);
}
