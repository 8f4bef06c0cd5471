import { strict as assert } from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { run, type FolderReport, type RecordReport } from '../../lib/cli/inspect';
import { main } from '../../lib/cli/main';
import { dataDir, hasFullMitdb, tempDir, captureConsole } from '../helpers';

describe('cli/inspect', () => {
  it('prints record 100 as JSON: rate, length, signals with checksums, annotation counts', async () => {
    const { code, out } = await captureConsole(() => run([path.join(dataDir(), '100'), '--json']));
    assert.equal(code, 0);
    const r: RecordReport = JSON.parse(out);
    assert.deepEqual(Object.keys(r), ['record', 'fs', 'samples', 'signals', 'annotations']);
    assert.deepEqual([r.record, r.fs, r.samples], ['100', 360, 650000]);
    assert.deepEqual(r.signals[0], {
      name: 'MLII',
      units: 'mV',
      gain: 200,
      baseline: 1024,
      format: 212,
      checksumOk: true,
    });
    assert.equal(r.signals[1].name, 'V5');
    // 2,273 beats (N 2,239, A 33, V 1) plus the one rhythm annotation '+' (aux '(N').
    assert.deepEqual(r.annotations, {
      total: 2274,
      beats: 2273,
      bySymbol: { '+': 1, N: 2239, A: 33, V: 1 },
      aami: { N: 2239, S: 33, V: 1, F: 0, Q: 0 },
    });
  });

  it('prints a readable table without --json, and accepts a path with .hea', async () => {
    const { code, out } = await captureConsole(() => run([path.join(dataDir(), '100.hea')]));
    assert.equal(code, 0);
    assert.match(out, /record 100: 360 Hz, 650000 samples \(30:05\.6 min:s\), 2 signal\(s\)/); // 650000 / 360 = 1805.6 s
    assert.match(out, /MLII\s+mV\s+200\s+1024\s+212\s+ok/);
    assert.match(out, /AAMI: N 2239 {2}S 33 {2}V 1 {2}F 0 {2}Q 0/);
  });

  it('inspects a folder: one entry per record and totals that add them up', async () => {
    const { code, out } = await captureConsole(() => run([dataDir(), '--json']));
    assert.equal(code, 0);
    const f: FolderReport = JSON.parse(out);
    const recs = f.records as RecordReport[];
    assert.equal(recs.length, fs.readFileSync(path.join(dataDir(), 'RECORDS'), 'utf8').trim().split('\n').length);
    assert.equal(f.totals.records, recs.length);
    assert.equal(f.totals.errors, 0);
    assert.equal(f.totals.checksumFailures, 0);
    assert.equal(
      f.totals.samples,
      recs.reduce((s, r) => s + r.samples, 0),
    );
    assert.equal(
      f.totals.annotations.beats,
      recs.reduce((s, r) => s + r.annotations!.beats, 0),
    );
    assert.equal(
      f.totals.annotations.total,
      recs.reduce((s, r) => s + r.annotations!.total, 0),
    );
    const aamiSum = Object.values(f.totals.annotations.aami).reduce((a, b) => a + b, 0);
    assert.ok(aamiSum <= f.totals.annotations.beats);
    if (hasFullMitdb()) {
      assert.equal(f.totals.annotations.beats, 109494);
      assert.deepEqual(f.totals.annotations.aami, { N: 90631, S: 2781, V: 7236, F: 803, Q: 8043 });
    }
  });

  it('lists an unreadable record in a folder with its error and exits 2', async () => {
    const dir = tempDir();
    try {
      for (const ext of ['hea', 'dat', 'atr'])
        fs.copyFileSync(path.join(dataDir(), `100.${ext}`), path.join(dir, `100.${ext}`));
      fs.writeFileSync(path.join(dir, 'bad.hea'), 'bad 1 360 10\nbad.dat 212\n');
      const { code, out } = await captureConsole(() => run([dir, '--json']));
      assert.equal(code, 2);
      const f: FolderReport = JSON.parse(out);
      assert.equal(f.totals.records, 1);
      assert.equal(f.totals.errors, 1);
      const bad = f.records.find((r) => r.record === 'bad') as { error: string };
      assert.match(bad.error, /bad\.hea: signal file bad\.dat named by the header cannot be read/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports bad input as one line with exit code 2 through the ecg entry point', async () => {
    const { code, err } = await captureConsole(() => main(['inspect', path.join(dataDir(), 'nothing')]));
    assert.equal(code, 2);
    assert.match(err, /^ecg inspect: .*nothing\.hea: cannot read header \(ENOENT\)/);
    const usage = await captureConsole(() => main(['inspect']));
    assert.equal(usage.code, 2);
    assert.match(usage.err, /expected one record path or folder, got 0/);
  });

  it('runs as `ecg inspect` from bin/ecg.js', () => {
    const out = execFileSync(
      process.execPath,
      [path.join(__dirname, '..', '..', 'bin', 'ecg.js'), 'inspect', path.join(dataDir(), '101'), '--json'],
      { encoding: 'utf8' },
    );
    assert.equal(JSON.parse(out).annotations.beats, 1865); // 101: N 1,860, A 3, Q 2 (MIT-BIH directory)
  });
});
