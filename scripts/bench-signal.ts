/**
 * `npm run bench:signal`: zero-phase band-pass throughput of lib/signal's filtfilt beside
 * scipy.signal.sosfiltfilt (same coefficients, same signal, same run), and the time to filter and
 * detect R peaks in every record of the MIT-BIH Arrhythmia DB with both detectors.
 * Usage: tsx scripts/bench-signal.ts [--data <mitdb folder>] [--repeats N]
 * The data folder defaults to ECG_DATA_DIR, else ../shared/data/mitdb beside the repository when
 * it holds all 48 records, else the shipped subset.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { repoRoot } from '../lib/common/data-dir';
import { DEBIAN_PYTHON, median } from '../lib/common';
import { ensureDebianPythonModule } from './debian-python';
import { listRecords, readAnnotations, readRecord } from '../lib/io';
import { grossScore, referenceBeats, scoreBeats, vfEpisodes, type BeatScore } from '../lib/evaluation';
import { butter, detectRPeaks, filtfilt, panTompkins } from '../lib/signal';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

function dataFolder(): string {
  if (process.env.ECG_DATA_DIR) return path.resolve(process.env.ECG_DATA_DIR);
  const shared = path.join(repoRoot(), '..', 'shared', 'data', 'mitdb');
  if (fs.existsSync(path.join(shared, '234.hea'))) return shared;
  return path.join(repoRoot(), 'data', 'mitdb');
}

const fmt = (v: number) => `${(v / 1e6).toFixed(1)} M samples/s`;

function benchFilter(dir: string, repeats: number): void {
  const rec = readRecord(path.join(dir, '100'), { channels: [0] });
  const x = Float64Array.from(rec.signals[0].mV);
  const sos = butter(4, [0.5, 40], rec.fsHz, 'bandpass');
  console.log(
    `zero-phase band-pass: Butterworth order 4 (8 poles, ${sos.length / 6} sections), 0.5–40 Hz, record 100 (${x.length} samples, float64)`,
  );
  filtfilt(sos, x);
  const times: number[] = [];
  let y = new Float64Array(0);
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    y = filtfilt(sos, x);
    times.push((performance.now() - t0) / 1000);
  }
  const tsRate = x.length / median(times);
  console.log(`  lib/signal filtfilt        ${fmt(tsRate)} (median of ${repeats})`);
  const missing = ensureDebianPythonModule('scipy.signal', 'python3-scipy');
  if (missing) {
    console.log(`  scipy: not measured (${missing})`);
    return;
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-signal-'));
  try {
    fs.writeFileSync(path.join(tmp, 'x.f64'), Buffer.from(x.buffer));
    fs.writeFileSync(path.join(tmp, 'sos.json'), JSON.stringify(Array.from(sos)));
    const script = path.join(repoRoot(), 'scripts', 'bench_signal_scipy.py');
    const out = execFileSync(
      DEBIAN_PYTHON,
      [script, path.join(tmp, 'x.f64'), path.join(tmp, 'sos.json'), String(repeats), path.join(tmp, 'y.f64')],
      { encoding: 'utf8' },
    );
    const py = JSON.parse(out.trim().split('\n').pop()!);
    const ref = new Float64Array(fs.readFileSync(path.join(tmp, 'y.f64')).buffer.slice(0));
    let maxDiff = 0;
    for (let i = 0; i < y.length; i++) maxDiff = Math.max(maxDiff, Math.abs(y[i] - ref[i]));
    console.log(`  scipy ${py.scipy} sosfiltfilt   ${fmt(py.samplesPerSecond)} (median of ${repeats})`);
    console.log(
      `  ratio lib/signal : scipy   ${(tsRate / py.samplesPerSecond).toFixed(2)}   (outputs differ by at most ${maxDiff.toExponential(1)} mV)`,
    );
  } catch (e) {
    console.log(`  scipy: not measured (${(e as Error).message.split('\n')[0]})`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function benchDetection(dir: string): void {
  const names = listRecords(dir);
  const records = names.map((n) => ({
    name: n,
    rec: readRecord(path.join(dir, n), { channels: [0] }),
    ann: readAnnotations(path.join(dir, n)),
  }));
  const total = records.reduce((s, r) => s + r.rec.nSamples, 0);
  console.log(
    `\nfiltering + R-peak detection, first signal of ${records.length} records in ${dir} (${total} samples; reading excluded)`,
  );
  for (const [method, detect] of [
    ['best', detectRPeaks],
    ['pan-tompkins', panTompkins],
  ] as const) {
    const all: BeatScore[] = [];
    const ec57: BeatScore[] = [];
    let sec = 0;
    for (const { rec, ann } of records) {
      const t0 = performance.now();
      const peaks = detect(rec.signals[0].mV, rec.fsHz);
      sec += (performance.now() - t0) / 1000;
      const ref = referenceBeats(ann);
      all.push(scoreBeats(peaks, ref, rec.fsHz));
      ec57.push(scoreBeats(peaks, ref, rec.fsHz, { exclude: vfEpisodes(ann, rec.nSamples) }));
    }
    const g = grossScore(all);
    const e = grossScore(ec57);
    const pct = (v: number) => (100 * v).toFixed(2);
    console.log(
      `  ${method.padEnd(13)} ${sec.toFixed(2)} s (${fmt(total / sec)}); gross Se ${pct(g.se)} % +P ${pct(g.ppv)} % (all beats), Se ${pct(e.se)} % +P ${pct(e.ppv)} % (VF episodes excluded, EC57)`,
    );
  }
}

const dir = option('data', dataFolder());
const repeats = Number(option('repeats', '15'));
benchFilter(dir, repeats);
benchDetection(dir);
