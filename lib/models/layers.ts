import * as tf from '@tensorflow/tfjs';
import { createRng, type Rng } from '../common';
import type { ModelConfig } from './model-config';
import { isSigmoidHead } from './model-config';
import { SeededDropout } from './seeded-dropout';
import { bidirectional as fusedBidirectional, lstm as fusedLstm } from '../engine';

// Building blocks shared by the builders. Every random choice takes its own seed from one stream
// started at config.seed, in build order, so one config always gives the same initial weights.

type Sym = tf.SymbolicTensor;

/** The seed stream of one model build. */
export function seedStream(config: Pick<ModelConfig, 'seed'>): Rng {
  return createRng(config.seed);
}

function regulariser(config: ModelConfig): ReturnType<typeof tf.regularizers.l2> | undefined {
  return config.l2 > 0 ? tf.regularizers.l2({ l2: config.l2 }) : undefined;
}

/** The model's inputs: the beat window [length, channels] and, when configured, the side features. */
export function modelInputs(config: ModelConfig): { beat: Sym; side?: Sym } {
  const beat = tf.input({ shape: [config.inputLength, config.channels], name: 'beat' });
  const side = config.sideFeatures > 0 ? tf.input({ shape: [config.sideFeatures], name: 'side' }) : undefined;
  return { beat, side };
}

/** Dropout with a seed drawn from the stream (identity when the rate is 0). */
export function dropout(x: Sym, rate: number, rng: Rng): Sym {
  const seed = rng.seed(); // drawn even when rate is 0, so later seeds do not shift with the rate
  return rate > 0 ? (new SeededDropout({ rate, seed }).apply(x) as Sym) : x;
}

/** Conv1D ×convsPerBlock (each with optional BN, then ReLU), then max pooling when poolSize > 1. */
export function convBlocks(x: Sym, config: ModelConfig, rng: Rng, dropoutAfterBlock: boolean): Sym {
  for (const block of config.convBlocks) {
    for (let c = 0; c < config.convsPerBlock; c++) {
      x = tf.layers
        .conv1d({
          filters: block.filters,
          kernelSize: block.kernelSize,
          padding: 'same',
          useBias: !config.batchNorm,
          kernelInitializer: tf.initializers.heNormal({ seed: rng.seed() }),
          kernelRegularizer: regulariser(config),
        })
        .apply(x) as Sym;
      if (config.batchNorm) x = tf.layers.batchNormalization().apply(x) as Sym;
      x = tf.layers.reLU().apply(x) as Sym;
    }
    if (block.poolSize > 1)
      x = tf.layers.maxPooling1d({ poolSize: block.poolSize, strides: block.poolSize }).apply(x) as Sym;
    if (dropoutAfterBlock) x = dropout(x, config.dropout, rng);
  }
  return x;
}

/**
 * One LSTM layer (optionally bidirectional). Kernels and recurrent kernels use seeded Glorot
 * uniform: tfjs's orthogonal initialiser warns and is slow above 2000 elements. The layer is
 * lib/engine's FusedLSTM (same weights, serialised form and results as tf.layers.lstm, the whole
 * recurrence in one kernel when the backend has it): the stock layer trained the stacked LSTM of
 * study 5 at ~2 beats/s here, the fused one at ~7.
 */
export function lstm(
  x: Sym,
  units: number,
  returnSequences: boolean,
  bidirectional: boolean,
  config: ModelConfig,
  rng: Rng,
): Sym {
  const make = () =>
    fusedLstm({
      units,
      returnSequences,
      kernelInitializer: tf.initializers.glorotUniform({ seed: rng.seed() }),
      recurrentInitializer: tf.initializers.glorotUniform({ seed: rng.seed() }),
      kernelRegularizer: regulariser(config),
    });
  if (!bidirectional) return make().apply(x) as Sym;
  const bidi = fusedBidirectional({ layer: make() as tf.RNN, mergeMode: 'concat' });
  const out = bidi.apply(x) as Sym;
  // Bidirectional clones the forward layer's config for the backward one, seeds included, so both
  // directions would start equal; give the backward kernels their own seeds.
  const backward = (bidi as unknown as { backwardLayer: tf.layers.Layer }).backwardLayer;
  const fresh = backward
    .getWeights()
    .map((w, i) => (i < 2 ? tf.initializers.glorotUniform({ seed: rng.seed() }).apply(w.shape, 'float32') : w.clone()));
  backward.setWeights(fresh);
  fresh.forEach((t) => t.dispose());
  return out;
}

/** Concatenates side features (if any), then dense ReLU layers with dropout, then the output layer. */
export function denseHead(
  x: Sym,
  side: Sym | undefined,
  config: ModelConfig,
  rng: Rng,
  batchNormAfterDense = false,
): Sym {
  if (side) x = tf.layers.concatenate().apply([x, side]) as Sym;
  for (const units of config.dense) {
    x = tf.layers
      .dense({
        units,
        activation: 'relu',
        kernelInitializer: tf.initializers.heNormal({ seed: rng.seed() }),
        kernelRegularizer: regulariser(config),
      })
      .apply(x) as Sym;
    if (batchNormAfterDense && config.batchNorm) x = tf.layers.batchNormalization().apply(x) as Sym;
    x = dropout(x, config.dropout, rng);
  }
  const sigmoid = isSigmoidHead(config);
  return tf.layers
    .dense({
      units: sigmoid ? 1 : config.numClasses,
      activation: sigmoid ? 'sigmoid' : 'softmax',
      kernelInitializer: tf.initializers.glorotUniform({ seed: rng.seed() }),
      name: 'output',
    })
    .apply(x) as Sym;
}

/** Wraps inputs and output into a LayersModel named after the architecture. */
export function finish(config: ModelConfig, beat: Sym, side: Sym | undefined, output: Sym): tf.LayersModel {
  return tf.model({ inputs: side ? [beat, side] : beat, outputs: output, name: config.arch.replace(/-/g, '_') });
}
