import * as tf from '@tensorflow/tfjs';
import type { BeatInputs } from '../data';

/**
 * Beats as flat typed arrays, the form the training loop batches from: a model's inputs (x: n ×
 * length × channels, row-major; side: n × sideFeatures per-beat features such as RR intervals,
 * when the model has a side input) with the class index of each beat.
 */
export interface BeatArrays extends BeatInputs {
  y: Int32Array;
}

/** The per-row fields of {@link BeatArrays}, for lib/data's selectRows. */
export const BEAT_ARRAYS_ROW_FIELDS = ['x', 'side', 'y'] as const;

/** One batch ready for the tape: model inputs, targets (one-hot or a 0/1 column) and loss weights. */
export interface Batch {
  x: Float32Array;
  side?: Float32Array;
  /** rows × columns targets; soft after mixup. */
  target: Float32Array;
  weight: Float32Array;
  /** Hard class of each row (before any mixing). */
  y: Int32Array;
  rows: number;
}

/**
 * Copies the rows `indices` of a data set into a batch with targets for `columns` outputs (1: the
 * sigmoid probability of class 1; k: one-hot) and the given per-sample weights (default 1).
 *
 * @example gatherBatch(data, Int32Array.from([4, 0]), 5).target.length // => 10
 */
export function gatherBatch(
  data: BeatArrays,
  indices: ArrayLike<number>,
  columns: number,
  sampleWeight?: Float32Array,
): Batch {
  const rows = indices.length;
  const width = data.length * data.channels;
  const x = new Float32Array(rows * width);
  const side = data.side ? new Float32Array(rows * data.sideFeatures) : undefined;
  const target = new Float32Array(rows * columns);
  const weight = new Float32Array(rows);
  const y = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    const i = indices[r];
    x.set(data.x.subarray(i * width, (i + 1) * width), r * width);
    if (side && data.side)
      side.set(data.side.subarray(i * data.sideFeatures, (i + 1) * data.sideFeatures), r * data.sideFeatures);
    if (columns === 1) target[r] = data.y[i] === 1 ? 1 : 0;
    else target[r * columns + data.y[i]] = 1;
    weight[r] = sampleWeight ? sampleWeight[i] : 1;
    y[r] = data.y[i];
  }
  return { x, side, target, weight, y, rows };
}

/** The model inputs of a batch as tensors: [beats] or [beats, side]. */
export function batchInputs(
  batch: Pick<Batch, 'x' | 'side' | 'rows'>,
  data: Pick<BeatArrays, 'length' | 'channels' | 'sideFeatures'>,
): tf.Tensor[] {
  const beats = tf.tensor3d(batch.x, [batch.rows, data.length, data.channels]);
  return batch.side ? [beats, tf.tensor2d(batch.side, [batch.rows, data.sideFeatures])] : [beats];
}

/**
 * The model's output probabilities for every beat (n × columns, row-major), computed in batches
 * in inference mode.
 *
 * @example (await predictProbabilities(model, data)).length // => data.n * 5 for a 5-class model
 */
export async function predictProbabilities(
  model: tf.LayersModel,
  data: BeatArrays,
  batchSize = 512,
): Promise<Float32Array> {
  const columns = model.outputs[0].shape[1] as number;
  const out = new Float32Array(data.n * columns);
  for (let start = 0; start < data.n; start += batchSize) {
    const end = Math.min(data.n, start + batchSize);
    const idx = Array.from({ length: end - start }, (_, j) => start + j);
    const batch = gatherBatch(data, idx, columns);
    const inputs = batchInputs(batch, data);
    const y = model.predict(inputs.length === 1 ? inputs[0] : inputs) as tf.Tensor;
    out.set(await y.data(), start * columns);
    y.dispose();
    inputs.forEach((t) => t.dispose());
  }
  return out;
}
