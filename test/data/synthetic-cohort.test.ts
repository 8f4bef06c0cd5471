import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { EcgInputError } from '../../lib/common';
import { generateSyntheticCohort, hypoSeverity, segmentD1namoCohort } from '../../lib/data';
import { parseD1namoEcgTime, readD1namoEcgCsv, readD1namoGlucoseCsv } from '../../lib/io';
import { expectClose, tempDir } from '../helpers';

/** Every file below dir (relative paths, sorted) with its bytes. */
function snapshot(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.set(path.relative(dir, p), fs.readFileSync(p));
    }
  };
  walk(dir);
  return out;
}

describe('data/synthetic-cohort', () => {
  it('grades hypoglycaemic severity by smoothstep from 4.5 down to 2.8 mmol/L', () => {
    assert.equal(hypoSeverity(6), 0);
    assert.equal(hypoSeverity(4.5), 0);
    assert.equal(hypoSeverity(2.8), 1);
    assert.equal(hypoSeverity(2), 1);
    // Midway (3.65) u = 0.5 → 0.25 × (3 − 1) = 0.5; at u = 0.25 (4.075): 0.0625 × 2.5 = 0.15625.
    expectClose(hypoSeverity(3.65), 0.5, 1e-12);
    expectClose(hypoSeverity(4.075), 0.15625, 1e-12);
  });


  let root = '';
  let dir = '';
  before(async () => {
    root = tempDir();
    dir = path.join(root, 'synthetic-d1namo');
    await generateSyntheticCohort({ dir, seed: 21, subjects: 2, minutesPerSubject: 8, sessionMaxMinutes: 4 });
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('writes the D1NAMO layout: per subject glucose.csv and sensor_data/<session>/<session>_ECG.csv', () => {
    assert.deepEqual(fs.readdirSync(dir).sort(), ['SYNTHETIC.md', 'cohort.json', 'synthetic-001', 'synthetic-002']);
    for (const s of ['synthetic-001', 'synthetic-002']) {
      const sessions = fs.readdirSync(path.join(dir, s, 'sensor_data')).sort();
      // 8 min in sessions of at most 4 min: two sessions.
      assert.equal(sessions.length, 2);
      for (const name of sessions) {
        assert.match(name, /^synthetic_\d{4}_\d{2}_\d{2}-\d{2}_\d{2}_\d{2}$/);
        const file = path.join(dir, s, 'sensor_data', name, `${name}_ECG.csv`);
        const text = fs.readFileSync(file, 'latin1');
        assert.ok(text.startsWith('Time,EcgWaveform\n'));
        assert.match(text.split('\n')[1], /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}\.\d{3},\d+$/);
      }
      const g = fs.readFileSync(path.join(dir, s, 'glucose.csv'), 'utf8').split('\n');
      assert.equal(g[0], 'date,time,glucose,type');
      assert.match(g[1], /^\d{4}-\d{2}-\d{2},\d{2}:\d{2}:\d{2},\d+\.\d,(cgm|manual)$/);
    }
  });

  it('says it is synthetic in SYNTHETIC.md, cohort.json and every subject and session name', () => {
    assert.match(fs.readFileSync(path.join(dir, 'SYNTHETIC.md'), 'utf8'), /^# SYNTHETIC DATA — not recordings of people/);
    const meta = JSON.parse(fs.readFileSync(path.join(dir, 'cohort.json'), 'utf8'));
    assert.equal(meta.synthetic, true);
    assert.equal(meta.seed, 21);
    for (const f of snapshot(dir).keys()) {
      if (f === 'SYNTHETIC.md' || f === 'cohort.json') continue;
      assert.match(f, /^synthetic-00\d\/(glucose\.csv|sensor_data\/synthetic_[^/]+\/synthetic_[^/]+_ECG\.csv)$/);
    }
  });

  it('samples at 250 Hz (4-ms steps) apart from one dropout per session, in 12-bit counts', () => {
    const sessions = fs.readdirSync(path.join(dir, 'synthetic-001', 'sensor_data'));
    for (const name of sessions) {
      const e = readD1namoEcgCsv(path.join(dir, 'synthetic-001', 'sensor_data', name, `${name}_ECG.csv`));
      let jumps = 0;
      for (let i = 1; i < e.n; i++) if (e.timeMs[i] - e.timeMs[i - 1] !== 4) jumps++;
      assert.equal(jumps, 1, name);
      for (const v of e.values) assert.ok(Number.isInteger(v) && v >= 0 && v <= 4095);
    }
  });

  it('records CGM readings every 5 minutes covering the ECG, and at least two manual readings', () => {
    const g = readD1namoGlucoseCsv(path.join(dir, 'synthetic-002', 'glucose.csv'));
    const cgm = g.timeMs.filter((_, i) => g.type[i] === 'cgm');
    for (let i = 1; i < cgm.length; i++) assert.equal(cgm[i] - cgm[i - 1], 300000);
    assert.ok(g.type.filter((t) => t === 'manual').length >= 2);
    const sessions = fs.readdirSync(path.join(dir, 'synthetic-002', 'sensor_data')).sort();
    const first = readD1namoEcgCsv(path.join(dir, 'synthetic-002', 'sensor_data', sessions[0], `${sessions[0]}_ECG.csv`));
    const last = readD1namoEcgCsv(path.join(dir, 'synthetic-002', 'sensor_data', sessions[1], `${sessions[1]}_ECG.csv`));
    assert.ok(cgm[0] <= first.timeMs[0] && cgm[cgm.length - 1] >= last.timeMs[last.n - 1]);
    assert.equal(parseD1namoEcgTime(fs.readFileSync(path.join(dir, 'synthetic-002', 'sensor_data', sessions[0], `${sessions[0]}_ECG.csv`), 'latin1').split('\n')[1].split(',')[0]), first.timeMs[0]);
  });

  it('is reproducible: the same seed writes the same bytes, another seed different ones', async () => {
    const again = path.join(root, 'synthetic-again');
    await generateSyntheticCohort({ dir: again, seed: 21, subjects: 2, minutesPerSubject: 8, sessionMaxMinutes: 4 });
    const a = snapshot(dir);
    const b = snapshot(again);
    assert.deepEqual([...a.keys()], [...b.keys()]);
    for (const [k, v] of a) assert.ok(v.equals(b.get(k)!), k);
    const other = path.join(root, 'synthetic-other');
    await generateSyntheticCohort({ dir: other, seed: 22, subjects: 1, minutesPerSubject: 2 });
    const c = snapshot(other);
    assert.ok(![...c.keys()].some((k) => k.endsWith('_ECG.csv') && a.get(k)?.equals(c.get(k)!)));
  });

  it('refuses a folder whose name does not say synthetic, and bad options, naming the key', async () => {
    await assert.rejects(generateSyntheticCohort({ dir: path.join(root, 'd1namo'), seed: 1 }), (e: unknown) => {
      assert.ok(e instanceof EcgInputError);
      assert.equal(e.message, 'options.dir: folder name "d1namo"; expected a folder name containing "synthetic", e.g. synthetic-d1namo');
      return true;
    });
    await assert.rejects(generateSyntheticCohort({ dir: path.join(root, 'synthetic-x'), seed: 1, hypoFraction: 0.7 }), /options\.hypoFraction: bad value 0\.7; expected a share in \[0, 0\.5\)/);
    assert.ok(!fs.existsSync(path.join(root, 'synthetic-x')));
  });

  it('makes the hypoglycaemic heart beat faster: lowest-glucose segments have shorter RR than the highest', async () => {
    const one = path.join(root, 'synthetic-hr');
    const summary = await generateSyntheticCohort({ dir: one, seed: 5, subjects: 1, minutesPerSubject: 20, hypoFraction: 0.3, artefacts: false });
    const d = segmentD1namoCohort(one);
    const order = Array.from(d.glucoseMmolL.keys()).sort((a, b) => d.glucoseMmolL[a] - d.glucoseMmolL[b]);
    const medianRrSec = (i: number): number => {
      const seg = d.x.subarray(i * 2500, (i + 1) * 2500);
      const base = seg.slice().sort()[1250];
      let max = -Infinity;
      for (const v of seg) max = Math.max(max, v - base);
      const peaks: number[] = [];
      for (let k = 1; k < 2499; k++) {
        const v = seg[k] - base;
        if (v > 0.6 * max && seg[k] >= seg[k - 1] && seg[k] > seg[k + 1] && (peaks.length === 0 || k - peaks[peaks.length - 1] > 75)) peaks.push(k);
      }
      const rr = peaks.slice(1).map((p, j) => (p - peaks[j]) / 250).sort((a, b) => a - b);
      return rr[rr.length >> 1];
    };
    const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    const low = order.slice(0, 5);
    const high = order.slice(-30);
    assert.ok(d.glucoseMmolL[low[4]] < 3.5 && d.glucoseMmolL[high[0]] > 4.6, 'the recording spans both glucose ranges');
    const rrLow = mean(low.map(medianRrSec));
    const rrHigh = mean(high.map(medianRrSec));
    // Expected RR at rest 60/hrMean; severity ≥ 0.6 below 3.5 mmol/L adds ≥ 0.6 × hrRise bpm: ask for half.
    const subj = summary.subjects[0];
    expectClose(rrHigh, 60 / subj.hrMeanBpm, 0.05, 'resting RR');
    assert.ok(rrLow < 60 / (subj.hrMeanBpm + 0.3 * subj.hrRiseBpm), `RR ${rrLow} (low glucose) vs ${rrHigh} (high)`);
  });
});
