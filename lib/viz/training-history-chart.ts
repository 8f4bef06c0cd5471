import { EcgInputError } from '../common';
import { baseSpec, checkNonEmpty, roundTo, type ChartOptions, type VlSpec } from './chart-frame';

/** One epoch of a training run: `{ epoch, loss, valLoss, accuracy, valAccuracy, … }`. */
export type HistoryRecord = { epoch: number } & Record<string, number | undefined>;

/** One point of the long-format history. */
export interface HistoryPoint {
  epoch: number;
  /** 'loss', 'accuracy', 'macroF1', … */
  quantity: string;
  split: 'training' | 'validation';
  value: number;
}

/** Options of {@link trainingHistoryChart}. */
export interface TrainingHistoryOptions extends ChartOptions {
  /** Quantities to plot, in panel order (default: every training key, loss first). */
  quantities?: string[];
  /** Draw a dotted rule at the epoch of lowest validation loss, or at `keptEpoch` (default true). */
  markBestEpoch?: boolean;
  /** The epoch whose weights the run kept (early stopping on its monitor), marked instead. */
  keptEpoch?: number;
  /** What chose `keptEpoch`, for the legend line, e.g. 'best validation macro-F1'. */
  keptBy?: string;
}

const WHERE = 'trainingHistoryChart';

/** The validation key of a training key: 'loss' → 'valLoss' (or tfjs's 'val_loss'). */
function validationKey(rec: Record<string, unknown>, key: string): string | undefined {
  const camel = `val${key[0].toUpperCase()}${key.slice(1)}`;
  if (camel in rec) return camel;
  if (`val_${key}` in rec) return `val_${key}`;
  return undefined;
}

/** The training key a validation key belongs to: 'valMacroF1' → 'macroF1', 'val_loss' → 'loss'; undefined for a training key. */
function trainingKey(key: string): string | undefined {
  const m = /^val(?:_(.+)|([A-Z].*))$/.exec(key);
  if (!m) return undefined;
  return m[1] ?? m[2][0].toLowerCase() + m[2].slice(1);
}

/**
 * Turns per-epoch records into long format, one row per (epoch, quantity, split), skipping
 * missing or non-finite values; 'valX' / 'val_x' keys become the validation split of 'x'.
 *
 * @example historyToLong([{ epoch: 1, loss: 0.5, valLoss: 0.6 }]) // => [{ epoch: 1, quantity: 'loss', split: 'training', value: 0.5 }, { epoch: 1, quantity: 'loss', split: 'validation', value: 0.6 }]
 */
export function historyToLong(history: readonly HistoryRecord[], quantities?: string[]): HistoryPoint[] {
  const out: HistoryPoint[] = [];
  const keys = quantities ?? historyQuantities(history);
  for (const rec of history) {
    for (const q of keys) {
      const train = rec[q];
      if (typeof train === 'number' && Number.isFinite(train))
        out.push({ epoch: rec.epoch, quantity: q, split: 'training', value: train });
      const vk = validationKey(rec, q);
      const val = vk === undefined ? undefined : rec[vk];
      if (typeof val === 'number' && Number.isFinite(val))
        out.push({ epoch: rec.epoch, quantity: q, split: 'validation', value: val });
    }
  }
  return out;
}

/**
 * The numeric quantities present in a history, loss first, then in order of first appearance. A
 * quantity measured on validation data only (e.g. valMacroF1, the early-stopping monitor) counts
 * too; flags such as `best: true` do not.
 *
 * @example historyQuantities([{ epoch: 0, acc: 0.9, loss: 1, val_loss: 2, valMacroF1: 0.4 }]) // => ['loss', 'acc', 'macroF1']
 */
export function historyQuantities(history: readonly HistoryRecord[]): string[] {
  const seen = new Set<string>();
  for (const rec of history) {
    for (const [k, v] of Object.entries(rec)) {
      if (k === 'epoch' || typeof v !== 'number') continue;
      seen.add(trainingKey(k) ?? k);
    }
  }
  return [...seen].sort((a, b) => Number(b === 'loss') - Number(a === 'loss'));
}

/**
 * Training history: loss and each metric per epoch, training (solid) vs validation (dashed),
 * one panel per quantity with its own y scale, and the epoch kept (`keptEpoch`) or else the epoch
 * of lowest validation loss marked.
 *
 * @throws EcgInputError for an empty history or a record without a numeric epoch.
 * @example trainingHistoryChart([{ epoch: 1, loss: 0.5, valLoss: 0.6, accuracy: 0.8, valAccuracy: 0.7 }]).facet.field // => 'quantity'
 */
export function trainingHistoryChart(history: readonly HistoryRecord[], opts: TrainingHistoryOptions = {}): VlSpec {
  checkNonEmpty(history, WHERE, 'history');
  history.forEach((rec, i) => {
    if (!Number.isFinite(rec.epoch))
      throw new EcgInputError(
        'record without a numeric epoch',
        { file: WHERE, at: `record ${i}` },
        '{ epoch: number, loss, valLoss, … }',
      );
  });
  const quantities = opts.quantities ?? historyQuantities(history);
  const values = historyToLong(history, quantities).map((p) => ({ ...p, value: roundTo(p.value, 6) }));
  const x = { field: 'epoch', type: 'quantitative', title: 'epoch', axis: { tickMinStep: 1, format: 'd' } };
  const encoding = {
    x,
    // labelFlush keeps the top tick label inside the panel, so the panels' headers line up.
    y: { field: 'value', type: 'quantitative', title: null, scale: { zero: false }, axis: { labelFlush: true } },
    color: {
      field: 'split',
      type: 'nominal',
      title: null,
      scale: { domain: ['training', 'validation'], range: ['#1f77b4', '#ff7f0e'] },
      legend: { symbolType: 'stroke', symbolStrokeWidth: 2 },
    },
    strokeDash: {
      field: 'split',
      type: 'nominal',
      title: null,
      scale: {
        domain: ['training', 'validation'],
        range: [
          [1, 0],
          [5, 3],
        ],
      },
      legend: { symbolType: 'stroke', symbolStrokeWidth: 2 },
    },
    tooltip: [
      { field: 'epoch', type: 'quantitative' },
      { field: 'split', type: 'nominal' },
      { field: 'value', type: 'quantitative', format: '.4f' },
    ],
  };
  const layer: Record<string, unknown>[] = [{ mark: { type: 'line', point: history.length <= 30 }, encoding }];
  let bestEpoch: number | undefined;
  let bestLoss = Infinity;
  for (const p of values)
    if (p.quantity === 'loss' && p.split === 'validation' && p.value < bestLoss)
      [bestLoss, bestEpoch] = [p.value, p.epoch];
  // The kept epoch, when the caller knows it, is what a reader needs: early stopping on another
  // monitor (macro-F1) often keeps an epoch other than the one of lowest validation loss.
  const marked = opts.keptEpoch ?? bestEpoch;
  if ((opts.markBestEpoch ?? true) && marked !== undefined) {
    layer.push({
      mark: { type: 'rule', strokeDash: [2, 2], color: '#888' },
      encoding: { x: { datum: marked, type: 'quantitative' } },
    });
  }
  const legendLine =
    marked === undefined || !(opts.markBestEpoch ?? true)
      ? []
      : opts.keptEpoch !== undefined
        ? [`dotted rule: the epoch kept (${opts.keptBy ?? 'by the run'}: epoch ${opts.keptEpoch})`]
        : [`dotted rule: lowest validation loss (epoch ${bestEpoch})`];
  return {
    ...baseSpec('Training history', opts, legendLine),
    data: { values },
    facet: {
      field: 'quantity',
      type: 'nominal',
      title: null,
      sort: quantities,
      header: { labelFontSize: 12, labelFontWeight: 'bold' },
    },
    columns: Math.min(quantities.length, 3),
    resolve: { scale: { y: 'independent' } },
    spec: { width: opts.width ?? 260, height: opts.height ?? 180, layer },
  };
}
