import { initBackend, tf } from '../lib/engine';
(async () => {
  console.log((await initBackend()).backend);
  const t = (name: string, f: () => tf.Tensor | tf.Tensor[], n = 30) => {
    for (let i = 0; i < 3; i++) tf.dispose(f());
    let best = Infinity;
    for (let i = 0; i < n; i++) { const s = performance.now(); const r = f(); tf.dispose(r); best = Math.min(best, performance.now() - s); }
    console.log(name.padEnd(40), best.toFixed(3), 'ms');
  };
  const x1 = tf.randomNormal([64, 1, 187, 1]), dy1 = tf.randomNormal([64, 1, 187, 32]);
  const x2 = tf.randomNormal([64, 1, 93, 32]), dy2 = tf.randomNormal([64, 1, 93, 64]);
  const w2 = tf.randomNormal([1, 5, 32, 64]);
  const w2T = tf.randomNormal([1, 5, 64, 32]);
  const rk = (n: string, i: any, a: any) => tf.engine().runKernel(n, i, a) as tf.Tensor;
  t('bpFilter L1', () => rk('Conv2DBackpropFilter', { x: x1, dy: dy1 }, { filterShape: [1,5,1,32], strides: 1, pad: 'same', dataFormat: 'NHWC' }));
  t('bpFilter L2', () => rk('Conv2DBackpropFilter', { x: x2, dy: dy2 }, { filterShape: [1,5,32,64], strides: 1, pad: 'same', dataFormat: 'NHWC' }));
  t('bpInput L2', () => rk('Conv2DBackpropInput', { dy: dy2, filter: w2 }, { inputShape: [64,1,93,32], strides: 1, pad: 'same', dataFormat: 'NHWC' }));
  const w1 = tf.randomNormal([1, 5, 1, 32]);
  t('conv fwd L1', () => tf.conv2d(x1 as tf.Tensor4D, w1 as tf.Tensor4D, 1, 'same'));
  t('conv fwd L2 fresh filter', () => { const w = tf.clone(w2); const r = tf.conv2d(x2 as tf.Tensor4D, tf.add(w, 0) as tf.Tensor4D, 1, 'same'); w.dispose(); return r; });
  t('conv fwd 64->32', () => tf.conv2d(dy2 as tf.Tensor4D, w2T as tf.Tensor4D, 1, 'same'));
  t('conv fwd L2', () => tf.conv2d(x2 as tf.Tensor4D, w2 as tf.Tensor4D, 1, 'same'));
  const a = tf.randomNormal([5952, 64]), b = tf.randomNormal([64, 160]);
  t('matmul [5952,64]x[64,160]', () => tf.matMul(a, b));
  const p = tf.randomNormal([64, 187, 1, 32]);
  t('maxPool L1', () => tf.maxPool(p as tf.Tensor4D, [2, 1], [2, 1], 'valid'));
  const pooled = tf.maxPool(p as tf.Tensor4D, [2, 1], [2, 1], 'valid');
  t('MaxPoolGrad kernel L1', () => rk('MaxPoolGrad', { dy: pooled, input: p, output: pooled }, { filterSize: [2, 1], strides: [2, 1], pad: 'valid' }));
  t('maxPoolGrad L1', () => tf.grad((z: tf.Tensor) => tf.maxPool(z as tf.Tensor4D, [2, 1], [2, 1], 'valid'))(p));
  const s = tf.randomNormal([64, 187, 32]);
  t('sum axes 0,1', () => tf.sum(s, [0, 1]));
  t('mean axes 0,1', () => tf.mean(s, [0, 1]));
  t('mul full', () => tf.mul(s, s));
  t('mul bcast', () => tf.mul(s, tf.ones([32])));
  t('relu', () => tf.relu(s));
  t('identity/clone', () => tf.clone(s));
  t('transpose [5952,64]', () => tf.transpose(a));
  t('moments', () => { const m = tf.moments(s, [0, 1]); return [m.mean, m.variance]; });
})();
