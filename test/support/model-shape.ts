import type * as tf from '@tensorflow/tfjs';

/**
 * A built model's parameter counts (all weights, and the trainable ones: batch normalisation's
 * moving mean and variance are not), for the builder tests that check them against counts worked
 * out by hand.
 *
 * @example paramCounts(model) // => { total: 215, trainable: 195 }
 */
export function paramCounts(model: tf.LayersModel): { total: number; trainable: number } {
  // A weight's shape is always concrete (no null batch dimension).
  const size = (ws: tf.LayerVariable[]) => ws.reduce((n, w) => n + w.shape.reduce<number>((a, b) => a * b!, 1), 0);
  return { total: size(model.weights), trainable: size(model.trainableWeights) };
}

/**
 * The class names of a model's layers after its inputs, in build order.
 *
 * @example layerClasses(model) // => ['Conv1D', 'BatchNormalization', 'ReLU', ...]
 */
export function layerClasses(model: tf.LayersModel): string[] {
  return model.layers.map((l) => l.getClassName()).filter((c) => c !== 'InputLayer');
}
