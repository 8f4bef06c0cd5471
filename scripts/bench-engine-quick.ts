// Quick train/predict timing of one reference model (best of several batches), plus the loss after
// a fixed number of steps, to compare settings (e.g. ECG_WASM_THREADS) and check determinism.
import { initBackend, describeBackend, tf } from '../lib/engine';
import { referenceModel, type ReferenceModelName } from '../lib/engine/reference-models';
import { adam } from '../lib/engine/fused-adam';
(async () => {
  const info = await initBackend();
  const which = (process.argv[2] ?? 'cnn') as ReferenceModelName;
  const m = referenceModel(which, 1);
  m.compile({ optimizer: process.env.STOCK_ADAM ? tf.train.adam(1e-3) : adam(1e-3), loss: 'categoricalCrossentropy' });
  const x = tf.randomNormal([64, 187, 1], 0, 1, 'float32', 7);
  const y = tf.oneHot(
    tf.tensor1d(
      Array.from({ length: 64 }, (_, i) => i % 5),
      'int32',
    ),
    5,
  );
  let loss = 0;
  for (let i = 0; i < 3; i++) loss = (await m.trainOnBatch(x, y)) as number;
  let best = Infinity;
  for (let r = 0; r < 15; r++) {
    const s = performance.now();
    loss = (await m.trainOnBatch(x, y)) as number;
    best = Math.min(best, performance.now() - s);
  }
  let bestP = Infinity;
  for (let r = 0; r < 15; r++) {
    const s = performance.now();
    (m.predict(x, { batchSize: 64 }) as tf.Tensor).dataSync();
    bestP = Math.min(bestP, performance.now() - s);
  }
  console.log(
    `${describeBackend(info)} ${which}: train ${best.toFixed(1)} ms/batch (${(64000 / best).toFixed(0)} samples/s), predict ${bestP.toFixed(1)} ms/batch (${(64000 / bestP).toFixed(0)} samples/s), loss after 18 steps ${loss}`,
  );
})();
