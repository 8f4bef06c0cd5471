import { initBackend, tf } from '../lib/engine';
function cnn(bn: boolean) {
  const L: tf.layers.Layer[] = [tf.layers.conv1d({ inputShape: [187, 1], filters: 32, kernelSize: 5, padding: 'same' })];
  if (bn) L.push(tf.layers.batchNormalization());
  L.push(tf.layers.reLU(), tf.layers.maxPooling1d({ poolSize: 2 }), tf.layers.conv1d({ filters: 64, kernelSize: 5, padding: 'same' }));
  if (bn) L.push(tf.layers.batchNormalization());
  L.push(tf.layers.reLU(), tf.layers.maxPooling1d({ poolSize: 2 }), tf.layers.globalAveragePooling1d(), tf.layers.dense({ units: 5, activation: 'softmax' }));
  return tf.sequential({ layers: L });
}
(async () => {
  await initBackend();
  const x = tf.randomNormal([64, 187, 1]); const y = tf.oneHot(tf.randomUniform([64], 0, 5, 'int32'), 5);
  for (const [bn, opt] of [[true, 'adam'], [false, 'adam'], [true, 'sgd'], [false, 'sgd']] as const) {
    const m = cnn(bn); m.compile({ optimizer: opt, loss: 'categoricalCrossentropy' });
    for (let i = 0; i < 3; i++) await m.trainOnBatch(x, y);
    let best = Infinity;
    for (let r = 0; r < 15; r++) { const s = performance.now(); await m.trainOnBatch(x, y); best = Math.min(best, performance.now() - s); }
    console.log(`bn=${bn} ${opt}: ${best.toFixed(1)} ms/batch`);
  }
})();
