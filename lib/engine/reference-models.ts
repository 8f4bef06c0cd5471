import * as tf from '@tensorflow/tfjs';
import { batchNormalization } from './layers/batch-normalization';
import { lstm, bidirectional } from './layers/lstm';

/** The three models the engine benchmark measures (issue 6): beats of 187×1, 5 classes. */
export type ReferenceModelName = 'cnn' | 'cnnBilstm' | 'lstm';

export const REFERENCE_MODELS: readonly ReferenceModelName[] = ['cnn', 'cnnBilstm', 'lstm'];

/** Input length and class count of the reference models (the Kachuee et al. 2018 heartbeat format). */
export const REFERENCE_INPUT = { steps: 187, channels: 1, classes: 5 } as const;

function convBlock(filters: number, seed: number, batchNorm: boolean): tf.layers.Layer[] {
  const layers: tf.layers.Layer[] = [
    tf.layers.conv1d({
      filters,
      kernelSize: 5,
      padding: 'same',
      kernelInitializer: tf.initializers.glorotUniform({ seed }),
    }),
  ];
  if (batchNorm) layers.push(batchNormalization());
  layers.push(tf.layers.reLU(), tf.layers.maxPooling1d({ poolSize: 2 }));
  return layers;
}

/**
 * Builds one of the benchmark's reference models with seeded initial weights (uncompiled), from
 * the engine's fused drop-ins for batch normalisation and LSTM (same maths as the stock layers):
 * cnn = 2×[Conv1D(32|64,5,same)–BN–ReLU–MaxPool(2)] → GlobalAveragePooling1D → Dense(5);
 * cnnBilstm = the same two blocks, Conv1D(64,5,same)–ReLU–MaxPool(2), BiLSTM(32), Dense(5);
 * lstm = LSTM(64) → Dense(5).
 *
 * @example referenceModel('cnn', 1).outputShape // => [null, 5]
 */
export function referenceModel(name: ReferenceModelName, seed: number): tf.LayersModel {
  const { steps, channels, classes } = REFERENCE_INPUT;
  const input = tf.input({ shape: [steps, channels] });
  let h: tf.SymbolicTensor = input;
  const apply = (layers: tf.layers.Layer[]): void => {
    for (const l of layers) h = l.apply(h) as tf.SymbolicTensor;
  };
  if (name === 'cnn' || name === 'cnnBilstm') {
    apply(convBlock(32, seed, true));
    apply(convBlock(64, seed + 1, true));
  }
  if (name === 'cnn') {
    apply([tf.layers.globalAveragePooling1d()]);
  } else if (name === 'cnnBilstm') {
    apply(convBlock(64, seed + 2, false));
    apply([
      bidirectional({
        layer: lstm({
          units: 32,
          kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 3 }),
          recurrentInitializer: tf.initializers.orthogonal({ seed: seed + 5 }),
        }) as tf.RNN,
      }),
    ]);
  } else {
    apply([
      lstm({
        units: 64,
        kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 3 }),
        recurrentInitializer: tf.initializers.orthogonal({ seed: seed + 5 }),
      }),
    ]);
  }
  apply([
    tf.layers.dense({
      units: classes,
      activation: 'softmax',
      kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 4 }),
    }),
  ]);
  return tf.model({ inputs: input, outputs: h, name: `reference-${name}` });
}
