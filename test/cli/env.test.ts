import { strict as assert } from 'assert';
import { mitdbDir } from '../../lib/common';
import { initBackend } from '../../lib/engine';
import { jupyterStatus, type EnvReport } from '../../lib/cli/env';
import { runEcg } from '../support/run-ecg';

describe('cli/env', () => {
  it('reports with --json the backend this process runs, its Node version and the data folder', async () => {
    const info = await initBackend();
    const r = await runEcg(['env', '--json']);
    assert.equal(r.code, 0, r.err);
    const e = JSON.parse(r.out) as EnvReport;
    assert.equal(e.backend, info.backend);
    assert.equal(e.threads, info.threads);
    assert.equal(e.tfjs, info.tfjs);
    assert.equal(e.node, process.version);
    assert.equal(e.dataDir, mitdbDir());
    assert.deepEqual(e.native, info.native ?? null);
    assert.deepEqual(e.skippedBackends, info.skipped);
  });

  it('prints one line each for engine, node, jupyter and data without --json', async () => {
    const r = await runEcg(['env']);
    assert.equal(r.code, 0, r.err);
    const heads = r.out
      .split('\n')
      .filter((l) => !l.startsWith(' '))
      .map((l) => l.split(/\s+/)[0]);
    assert.deepEqual(heads, ['engine', 'node', 'jupyter', 'data']);
    assert.match(r.out, new RegExp(`^node     ${process.version.replace(/\./g, '\\.')}$`, 'm'));
  });

  it('reports Jupyter as missing, not an error, when no jupyter command is on the PATH', () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      const j = jupyterStatus();
      assert.equal(j.found, false);
      assert.equal(j.tslabKernel, false);
    } finally {
      process.env.PATH = path;
    }
  });

  it('refuses an unknown option with exit code 2', async () => {
    const r = await runEcg(['env', '--jsn']);
    assert.equal(r.code, 2);
    assert.match(r.err, /^ecg env: .*--jsn/);
  });
});
