import { EcgInputError } from '../common';
import { baseSpec, checkNonEmpty, roundTo, type ChartOptions, type VlSpec } from './chart-frame';

/** A confusion matrix: matrix[i][j] = number of beats of true class labels[i] predicted as labels[j]. */
export interface ConfusionInput {
  labels: readonly string[];
  matrix: readonly (readonly number[])[] | readonly ArrayLike<number>[];
}

/** One cell, as plotted. */
export interface ConfusionCell {
  true: string;
  predicted: string;
  count: number;
  /** What the colour and the text show: the count, or count / row total (null for an empty row). */
  value: number | null;
  /** The cell's text. */
  text: string;
}

/** Options of {@link confusionMatrixChart}. */
export interface ConfusionMatrixOptions extends ChartOptions {
  /** 'none' (default): counts; 'row': each row divided by its total, i.e. per-class recall on the diagonal. */
  normalize?: 'none' | 'row';
}

const WHERE = 'confusionMatrixChart';

/**
 * The cells of a confusion matrix in long format, counts or row-normalised (rows are true
 * classes), with the text each cell shows ('0.83' for fractions, '1,234' for counts, '–' for an
 * empty row).
 *
 * @throws EcgInputError when the matrix is not square with one row per label, or has a negative count.
 * @example confusionCells({ labels: ['N', 'V'], matrix: [[3, 1], [0, 2]] }, 'row')[1] // => { true: 'N', predicted: 'V', count: 1, value: 0.25, text: '0.25' }
 */
export function confusionCells(input: ConfusionInput, normalize: 'none' | 'row' = 'none'): ConfusionCell[] {
  const { labels, matrix } = input;
  checkNonEmpty(labels, WHERE, 'labels');
  if (matrix.length !== labels.length) {
    throw new EcgInputError(
      `${matrix.length} rows for ${labels.length} labels`,
      { file: WHERE, at: 'key matrix' },
      'one row per label',
    );
  }
  const cells: ConfusionCell[] = [];
  matrix.forEach((row, i) => {
    if (row.length !== labels.length)
      throw new EcgInputError(
        `row ${i} has ${row.length} columns`,
        { file: WHERE, at: `matrix row ${i}` },
        `${labels.length} columns`,
      );
    let total = 0;
    for (let j = 0; j < row.length; j++) {
      if (!(Number.isFinite(row[j]) && row[j] >= 0))
        throw new EcgInputError(`count ${row[j]}`, { file: WHERE, at: `matrix[${i}][${j}]` }, 'a non-negative number');
      total += row[j];
    }
    for (let j = 0; j < row.length; j++) {
      const count = row[j];
      const value = normalize === 'row' ? (total > 0 ? roundTo(count / total, 6) : null) : count;
      const text = value === null ? '–' : normalize === 'row' ? value.toFixed(2) : count.toLocaleString('en-US');
      cells.push({ true: labels[i], predicted: labels[j], count, value, text });
    }
  });
  return cells;
}

/**
 * Confusion matrix heatmap: true class down the rows, predicted class across, every cell
 * labelled; counts or row-normalised fractions (each row sums to 1, the diagonal is recall).
 *
 * @throws EcgInputError like {@link confusionCells}.
 * @example confusionMatrixChart({ labels: ['N', 'V'], matrix: [[3, 1], [0, 2]] }, { normalize: 'row' }).layer.length // => 2
 */
export function confusionMatrixChart(input: ConfusionInput, opts: ConfusionMatrixOptions = {}): VlSpec {
  const normalize = opts.normalize ?? 'none';
  const values = confusionCells(input, normalize);
  const maxValue = Math.max(0, ...values.map((c) => c.value ?? 0));
  const labels = [...input.labels];
  const size = Math.max(160, 44 * labels.length);
  const x = {
    field: 'predicted',
    type: 'nominal',
    title: 'predicted',
    sort: labels,
    scale: { domain: labels },
    axis: { labelAngle: 0 },
  };
  const y = { field: 'true', type: 'nominal', title: 'true', sort: labels, scale: { domain: labels } };
  const tooltip = [
    { field: 'true', type: 'nominal' },
    { field: 'predicted', type: 'nominal' },
    { field: 'count', type: 'quantitative', format: ',d' },
    ...(normalize === 'row' ? [{ field: 'value', type: 'quantitative', title: 'fraction of row', format: '.3f' }] : []),
  ];
  return {
    ...baseSpec(normalize === 'row' ? 'Confusion matrix (row-normalised)' : 'Confusion matrix (counts)', opts),
    width: opts.width ?? size,
    height: opts.height ?? size,
    data: { values },
    layer: [
      {
        mark: { type: 'rect', stroke: 'white', strokeWidth: 1 },
        encoding: {
          x,
          y,
          color: {
            field: 'value',
            type: 'quantitative',
            title: normalize === 'row' ? 'fraction of row' : 'count',
            scale: normalize === 'row' ? { scheme: 'blues', domain: [0, 1] } : { scheme: 'blues', domainMin: 0 },
          },
          tooltip,
        },
      },
      {
        mark: { type: 'text', fontSize: labels.length > 8 ? 9 : 11 },
        encoding: {
          x,
          y,
          text: { field: 'text', type: 'nominal' },
          // White text on the darker half of the colour scale keeps every label readable.
          color: {
            condition: {
              test: `datum.value !== null && datum.value > ${(normalize === 'row' ? 1 : maxValue) / 2}`,
              value: 'white',
            },
            value: 'black',
          },
        },
      },
    ],
  };
}
