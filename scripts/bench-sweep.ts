/**
 * Benchmark of lib/sweep: trials per hour embedded with 1 vs 2 local trial processes (small real
 * training trials on the shipped subset), and the queue's overhead per trial: the same trivial
 * (toy, 0 ms) trials run embedded with 1 process and on a BullMQ queue with one `ecg worker`, the
 * difference in wall time divided by the number of trials. Starts its own redis-server on a free
 * port (no persistence) and stops it.
 *
 * Usage: npm run bench:sweep [-- --trials N] [--epochs N] [--beats N] [--toy-trials N]
 *        (default 4 training trials of 2 epochs on 400 beats per class, 40 toy trials; trials of a
 *        few seconds measure process start more than training: raise --epochs/--beats for that)
 * Prints numbers and ratios; a benchmark, not a test.
 */
import { spawn } from 'child_process';
import * as path from 'path';
import { runSweep, type SearchSpace } from '../lib/sweep';
import { startRedisServer } from '../test/support/redis-server';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const trials = arg('trials', 4);
const toyTrials = arg('toy-trials', 40);
const epochs = arg('epochs', 2);
const beats = arg('beats', 400);

// Small real trials: two DS1 records of the shipped subset to train on, one DS2 record to test.
const trainBase = {
  name: 'bench-sweep',
  seed: 7,
  data: {
    dir: path.join(__dirname, '..', 'data', 'mitdb'),
    protocols: ['inter-patient'],
    trainRecords: ['101', '106'],
    testRecords: ['100'],
    maxTrainBeatsPerClass: beats,
    validationFraction: 0.1,
    rrFeatures: true,
  },
  model: { arch: 'cnn1d', convBlocks: [{ filters: 4, kernelSize: 5, poolSize: 4 }], dense: [8], dropout: 0.1 },
  training: { epochs, batchSize: 32, earlyStoppingPatience: 0, balancing: 'none' },
};

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = Date.now();
  const r = await fn();
  return [r, (Date.now() - t) / 1000];
}

async function main(): Promise<void> {
  const seeds = Array.from({ length: trials }, (_, i) => 100 + i);
  const search: SearchSpace = { kind: 'grid', grid: { seed: seeds } };
  console.log(
    `training trials: ${trials} (seeds ${seeds.join(' ')}), tiny CNN, ${epochs} epochs, ≤ ${beats} beats per class, records 101 106 → 100`,
  );
  const perHour: number[] = [];
  for (const workers of [1, 2]) {
    const [r, s] = await timed(() => runSweep({ base: trainBase, search, workers }));
    const failed = r.trials.filter((t) => t.status !== 'ok').length;
    perHour.push((3600 * trials) / s);
    console.log(
      `embedded, ${workers} worker(s): ${s.toFixed(1)} s wall, ${perHour[perHour.length - 1].toFixed(0)} trials/h` +
        `${failed ? ` (${failed} failed)` : ''}; engine ${r.engines.join(', ')}`,
    );
  }
  console.log(`speed-up 2 vs 1 worker: ${(perHour[1] / perHour[0]).toFixed(2)}×`);

  const toySearch: SearchSpace = { kind: 'grid', grid: { x: Array.from({ length: toyTrials }, (_, i) => i) } };
  const toy = { x: 0, y: 0, sleepMs: 0 };
  const redis = await startRedisServer();
  const worker = spawn(
    process.execPath,
    [path.join(__dirname, '..', 'bin', 'ecg.js'), 'worker', '--queue', redis.url, '--queue-name', 'bench'],
    { stdio: 'ignore' },
  );
  try {
    // Warm-up: both runners start their trial processes before the timed runs.
    await runSweep({ base: toy, objective: 'toy', search: { kind: 'list', trials: [{ x: -1 }] }, workers: 1 });
    await runSweep({
      base: toy,
      objective: 'toy',
      search: { kind: 'list', trials: [{ x: -1 }] },
      queue: { url: redis.url, name: 'bench' },
    });
    const [, embedded] = await timed(() => runSweep({ base: toy, objective: 'toy', search: toySearch, workers: 1 }));
    const [, queued] = await timed(() =>
      runSweep({ base: toy, objective: 'toy', search: toySearch, queue: { url: redis.url, name: 'bench' } }),
    );
    console.log(
      `${toyTrials} trivial trials: embedded (1 process, incl. its start) ${((1000 * embedded) / toyTrials).toFixed(1)} ms/trial, ` +
        `queue (1 worker) ${((1000 * queued) / toyTrials).toFixed(1)} ms/trial`,
    );
    console.log(`queue overhead: ${((1000 * (queued - embedded)) / toyTrials).toFixed(1)} ms/trial over embedded`);
  } finally {
    worker.kill('SIGTERM');
    await redis.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
