// Per-kernel profile of one training batch and one prediction batch of a reference model: each
// kernel's time is the minimum over several profiled batches, since the machine is shared.
// Usage: npx tsx scripts/bench-engine-profile.ts [cnn|cnnBilstm|lstm] [runs]
import { initBackend, tf } from '../lib/engine';
import { referenceModel, type ReferenceModelName } from '../lib/engine/reference-models';
import { adam } from '../lib/engine/fused-adam';

async function profile(label: string, runs: number, f: () => unknown): Promise<void> {
  const best = new Map<string, { ms: number; n: number }>();
  let calls = 0;
  let wall = Infinity;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const p = await tf.profile(f as () => tf.Tensor);
    wall = Math.min(wall, performance.now() - t0);
    calls = p.kernels.length;
    const by = new Map<string, { ms: number; n: number }>();
    for (const k of p.kernels) {
      const e = by.get(k.name) ?? { ms: 0, n: 0 };
      e.ms += Number(await k.kernelTimeMs);
      e.n++;
      by.set(k.name, e);
      if (r === 0 && process.env.SHAPES === k.name)
        console.log('   ', k.name, JSON.stringify(k.inputShapes), '->', JSON.stringify(k.outputShapes));
    }
    for (const [name, e] of by) if (!best.has(name) || best.get(name)!.ms > e.ms) best.set(name, e);
  }
  const total = [...best.values()].reduce((a, e) => a + e.ms, 0);
  console.log(
    `${label}: ${total.toFixed(1)} ms kernel time (sum of per-kernel minima), ${wall.toFixed(1)} ms wall (best), ${calls} kernel calls`,
  );
  for (const [name, e] of [...best].sort((a, b) => b[1].ms - a[1].ms).slice(0, 18)) {
    console.log(`  ${name.padEnd(26)} ${e.ms.toFixed(2).padStart(8)} ms  ${String(e.n).padStart(5)} calls`);
  }
}

(async () => {
  await initBackend();
  const which = (process.argv[2] ?? 'cnn') as ReferenceModelName;
  const runs = Number(process.argv[3] ?? 5);
  const m = referenceModel(which, 1);
  m.compile({ optimizer: adam(1e-3), loss: 'categoricalCrossentropy' });
  const x = tf.randomNormal([64, 187, 1]);
  const y = tf.oneHot(tf.randomUniform([64], 0, 5, 'int32'), 5);
  for (let i = 0; i < 3; i++) await m.trainOnBatch(x, y);
  await profile('train batch', runs, () => m.trainOnBatch(x, y));
  for (let i = 0; i < 3; i++) (m.predict(x, { batchSize: 64 }) as tf.Tensor).dispose();
  await profile('predict batch', runs, () => m.predict(x, { batchSize: 64 }));
})();
