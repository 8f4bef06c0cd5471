import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { planTrials, runSweep, type SearchSpace } from '../../lib/sweep';
import { presetConfig } from '../../lib/train';
import { tempDir } from '../helpers';

// Trials of the toy objective (score = −(x−1)² − (y−2)²) exercise everything a sweep does but
// the training; test/sweep/run-on-queue.test.ts runs real training trials.
const grid: SearchSpace = { kind: 'grid', grid: { x: [0, 1, 2], y: [1, 2] } };
const runsOf = (logDir: string) =>
  Object.fromEntries(
    fs
      .readdirSync(logDir)
      .map((f) => [f.slice(0, -4), fs.readFileSync(path.join(logDir, f), 'utf8').match(/^done/gm)?.length ?? 0]),
  );

describe('sweep/runSweep on local trial processes', () => {
  it('gives the same trials and figures with 1 and 3 workers, best at x = 1, y = 2', async () => {
    const base = { x: 0, y: 0, sleepMs: 0 };
    const one = await runSweep({ base, objective: 'toy', search: grid, workers: 1 });
    const three = await runSweep({ base, objective: 'toy', search: grid, workers: 3 });
    const strip = (r: typeof one) => r.trials.map((t) => ({ id: t.id, params: t.params, metrics: t.metrics }));
    assert.deepEqual(strip(three), strip(one));
    assert.deepEqual(
      one.trials.map((t) => t.metrics.score),
      [-2, -1, -1, 0, -2, -1],
    );
    assert.deepEqual(one.best?.params, { x: 1, y: 2 });
    assert.ok(one.complete);
  });

  it('a stopped sweep resumed with the same --out re-uses its finished trials and runs each trial once', async () => {
    const out = tempDir('ecg-sweep-');
    const logDir = tempDir('ecg-sweep-log-');
    const base = { x: 0, y: 0, sleepMs: 300, logDir };
    const controller = new AbortController();
    const watcher = setInterval(() => {
      const dir = path.join(out, 'trials');
      if (fs.existsSync(dir) && fs.readdirSync(dir).length >= 2) controller.abort();
    }, 50);
    const first = await runSweep({
      base,
      objective: 'toy',
      search: grid,
      workers: 1,
      outDir: out,
      signal: controller.signal,
    });
    clearInterval(watcher);
    assert.equal(first.complete, false);
    const kept = fs.readdirSync(path.join(out, 'trials')).length;
    assert.ok(kept >= 2 && kept < 6, `${kept} trials kept`);
    const second = await runSweep({ base, objective: 'toy', search: grid, workers: 2, outDir: out });
    assert.ok(second.complete);
    assert.equal(second.trials.filter((t) => t.reused).length, kept);
    assert.equal(fs.readdirSync(path.join(out, 'trials')).length, 6);
    assert.deepEqual(Object.values(runsOf(logDir)), [1, 1, 1, 1, 1, 1]);
    const stored = JSON.parse(fs.readFileSync(path.join(out, 'sweep.json'), 'utf8'));
    assert.equal(stored.trials.length, 6);
    assert.deepEqual(stored.best.params, { x: 1, y: 2 });
    fs.rmSync(out, { recursive: true, force: true });
    fs.rmSync(logDir, { recursive: true, force: true });
  });

  it('a trial that fails on a bad parameter is reported with its error and not retried', async () => {
    const logDir = tempDir('ecg-sweep-log-');
    const r = await runSweep({
      base: { x: 0, y: 0, sleepMs: 0, logDir },
      objective: 'toy',
      search: { kind: 'list', trials: [{ x: 1 }, { x: 2, fail: true }] },
      workers: 1,
      retries: 3,
    });
    assert.equal(r.trials[0].status, 'ok');
    assert.equal(r.trials[1].status, 'failed');
    assert.match(r.trials[1].error!, /fail: fail is true/);
    assert.equal(r.trials[1].attempts, 1);
    const starts = fs.readFileSync(path.join(logDir, `${r.trials[1].id}.log`), 'utf8').match(/^start/gm)!.length;
    assert.equal(starts, 1);
    fs.rmSync(logDir, { recursive: true, force: true });
  });

  it('a bad parameter path is an error naming it before any trial runs', async () => {
    const out = tempDir('ecg-sweep-');
    await assert.rejects(
      runSweep({
        base: { x: 0, y: 0, sleepMs: 0 },
        objective: 'toy',
        search: { kind: 'grid', grid: { x: [1], z: [1] } },
        outDir: out,
      }),
      /z: unknown key/,
    );
    assert.deepEqual(fs.readdirSync(out), []);
    fs.rmSync(out, { recursive: true, force: true });
  });

  it('planTrials checks every trial before returning any', () => {
    const base = presetConfig('quick');
    assert.throws(
      () => planTrials(base, 'train', { kind: 'grid', grid: { 'training.epochs': [1, 2, -1] } }, 0),
      /training\.epochs: expected a positive integer, got -1/,
    );
    assert.throws(() => planTrials(base, 'train', { kind: 'grid', grid: { seed: [1] } }, 1), /--folds 1/);
  });
});
