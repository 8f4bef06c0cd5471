/**
 * A synthetic cohort in the D1NAMO layout (Dubosson et al. 2018), standing in for the glucose/ECG
 * cohort of study 1, which is not public here. ECG from the ECGSYN model (McSharry et al. 2003),
 * in which low glucose raises the heart rate, delays (QT lengthening) and flattens the T wave, as
 * reported for clinical hypoglycaemia (e.g. Christensen et al. 2010; Nordin 2010), to a degree
 * that varies from subject to subject. Every name it writes says "synthetic".
 */
import * as fs from 'fs';
import * as path from 'path';
import { createRng, EcgInputError, writeDirAtomic, writeFileAtomic, writeJsonAtomic, type Rng } from '../common';
import { formatD1namoEcgTime, formatD1namoGlucoseTime } from '../io';
import { ecgsyn, ECGSYN_WAVES, rrFluctuation } from './ecgsyn';
import { glucoseAt, sampleGlucoseReadings, syntheticGlucoseTrajectory, type GlucoseTrajectory } from './synthetic-glucose';

/** Options of {@link generateSyntheticCohort}. */
export interface SyntheticCohortOptions {
  /** Cohort folder; its name must contain "synthetic" (e.g. `data/synthetic-d1namo`). */
  dir: string;
  seed: number;
  /** Number of subjects (9, as in D1NAMO's diabetes group). */
  subjects?: number;
  /** Recording length per subject in minutes (60); give this or hoursPerSubject. */
  minutesPerSubject?: number;
  hoursPerSubject?: number;
  /** Share of recording time below 3.9 mmol/L as the CGM sees it, on average over subjects (0.08). */
  hypoFraction?: number;
  /** Insert one lead-off (flat), one clipping (saturated) and one time-gap episode per session (true). */
  artefacts?: boolean;
  /** Longest ECG file; longer recordings are split into sessions a few minutes apart (120 min). */
  sessionMaxMinutes?: number;
  /** First recording day, `yyyy-mm-dd` (2014-10-01); subject i starts i days later. */
  startDate?: string;
}

/** Per-subject parameters, written to cohort.json so the ground truth of the generator is known. */
export interface SyntheticSubject {
  id: string;
  hrMeanBpm: number;
  /** Heart-rate rise at full hypoglycaemic severity (bpm). */
  hrRiseBpm: number;
  /** T-wave delay at full severity (s), i.e. QT lengthening. */
  qtDelaySec: number;
  /** Share of T amplitude lost at full severity. */
  tFlattening: number;
  rrStdSec: number;
  lfHfRatio: number;
  respHz: number;
  countsPerMv: number;
  adcCentre: number;
  sessions: { name: string; startMs: number; samples: number }[];
  cgmReadings: number;
  manualReadings: number;
  /** Minutes of recording with true glucose below 3.9 mmol/L. */
  hypoMinutes: number;
  glucose: GlucoseTrajectory;
}

/** What {@link generateSyntheticCohort} wrote. */
export interface SyntheticCohortSummary {
  dir: string;
  synthetic: true;
  seed: number;
  fsHz: number;
  subjects: SyntheticSubject[];
}

const FS_HZ = 250;
const ADC_MAX = 4095;

/**
 * Hypoglycaemic severity in [0, 1]: 0 above 4.5 mmol/L, 1 below 2.8, smoothstep between.
 *
 * @example hypoSeverity(3.65) // => 0.5
 */
export function hypoSeverity(glucoseMmolL: number): number {
  const u = Math.min(1, Math.max(0, (4.5 - glucoseMmolL) / (4.5 - 2.8)));
  return u * u * (3 - 2 * u);
}

const uniform = (rng: Rng, lo: number, hi: number): number => lo + (hi - lo) * rng.next();

/** Bytes of one ECG CSV: header, then `dd/mm/yyyy HH:MM:SS.fff,<count>` rows, skipping [skipFrom, skipTo). */
function encodeEcgCsv(startMs: number, counts: Int16Array, skipFrom: number, skipTo: number): Buffer {
  const header = 'Time,EcgWaveform\n';
  const buf = Buffer.alloc(header.length + counts.length * 30);
  let p = buf.write(header, 0, 'latin1');
  let second = NaN;
  let prefix = Buffer.alloc(0);
  for (let i = 0; i < counts.length; i++) {
    if (i >= skipFrom && i < skipTo) continue;
    const t = startMs + Math.round((i * 1000) / FS_HZ);
    const s = Math.floor(t / 1000);
    if (s !== second) {
      second = s;
      prefix = Buffer.from(formatD1namoEcgTime(s * 1000).slice(0, 20), 'latin1');
    }
    p += prefix.copy(buf, p);
    const ms = t - s * 1000;
    buf[p++] = 48 + Math.floor(ms / 100);
    buf[p++] = 48 + (Math.floor(ms / 10) % 10);
    buf[p++] = 48 + (ms % 10);
    buf[p++] = 44;
    p += buf.write(String(counts[i]), p, 'latin1');
    buf[p++] = 10;
  }
  return buf.subarray(0, p);
}

/** One session's ECG in ADC counts, with glucose-driven physiology, noise and artefacts. */
function sessionCounts(subj: SyntheticSubject, startMs: number, n: number, artefacts: boolean, rng: Rng): { counts: Int16Array; skip: [number, number] } {
  // Glucose varies over minutes: evaluate it once a second and interpolate.
  const perSec = Math.ceil(n / FS_HZ) + 2;
  const sevSec = new Float32Array(perSec);
  for (let s = 0; s < perSec; s++) sevSec[s] = hypoSeverity(glucoseAt(subj.glucose, startMs + s * 1000));
  const sev = new Float32Array(n);
  for (let k = 0; k < n; k++) {
    const u = k / FS_HZ;
    const i = Math.floor(u);
    sev[k] = sevSec[i] + (u - i) * (sevSec[i + 1] - sevSec[i]);
  }
  const fluct = rrFluctuation(n, FS_HZ, { rrStdSec: subj.rrStdSec, lfHfRatio: subj.lfHfRatio, hfHz: subj.respHz }, rng);
  const rr = new Float32Array(n);
  const tDelay = new Float32Array(n);
  const tScale = new Float32Array(n);
  for (let k = 0; k < n; k++) {
    const hr = subj.hrMeanBpm + subj.hrRiseBpm * sev[k];
    rr[k] = Math.max(0.3, 60 / hr + fluct[k] * (subj.hrMeanBpm / hr));
    tDelay[k] = subj.qtDelaySec * sev[k];
    tScale[k] = 1 - subj.tFlattening * sev[k];
  }
  const waves = ECGSYN_WAVES.map((w) => ({
    thetaRad: w.thetaRad + (w.thetaRad === 0 ? 0 : 0.04 * rng.normal()),
    a: w.a * (1 + 0.12 * rng.normal()),
    b: w.b * (1 + 0.08 * rng.normal()),
  }));
  const ampMv = uniform(rng, 0.8, 1.6);
  const mv = ecgsyn({ fsHz: FS_HZ, rrSec: rr, waves, tDelaySec: tDelay, tAmplitudeScale: tScale, rangeMv: [-0.4 * ampMv, 1.2 * ampMv] });
  // Baseline wander: breathing plus slow drift; white noise; EMG-like bursts (high-passed noise).
  const respAmp = uniform(rng, 0.03, 0.12);
  const respPhase = 2 * Math.PI * rng.next();
  const drift = [0, 1, 2].map(() => ({ amp: uniform(rng, 0.02, 0.1), hz: uniform(rng, 0.005, 0.05), ph: 2 * Math.PI * rng.next() }));
  const whiteMv = uniform(rng, 0.004, 0.015);
  const emgMv = uniform(rng, 0.02, 0.08);
  const envelope = new Float32Array(n);
  for (let k = Math.floor(uniform(rng, 0, 30) * FS_HZ); k < n; k += Math.floor(uniform(rng, 10, 60) * FS_HZ)) {
    const len = Math.floor(uniform(rng, 0.5, 3) * FS_HZ);
    for (let j = 0; j < len && k + j < n; j++) envelope[k + j] = Math.sin((Math.PI * j) / len);
  }
  let prevE = 0;
  for (let k = 0; k < n; k++) {
    const t = k / FS_HZ;
    let base = respAmp * Math.sin(2 * Math.PI * subj.respHz * t + respPhase);
    for (const d of drift) base += d.amp * Math.sin(2 * Math.PI * d.hz * t + d.ph);
    const e = rng.normal();
    mv[k] += base + whiteMv * rng.normal() + emgMv * envelope[k] * (e - prevE) * Math.SQRT1_2;
    prevE = e;
  }
  let skip: [number, number] = [n, n];
  if (artefacts && n > 3 * 60 * FS_HZ) {
    // One of each, in separate thirds: a lead coming off, a motion swing that clips, a radio dropout.
    const third = Math.floor(n / 3);
    const at = (i: number, len: number): number => i * third + Math.floor(rng.next() * Math.max(1, third - len));
    const flatLen = Math.floor(uniform(rng, 15, 40) * FS_HZ);
    const flatAt = at(0, flatLen);
    const clipLen = Math.floor(uniform(rng, 3, 8) * FS_HZ);
    const clipAt = at(1, clipLen);
    for (let j = 0; j < clipLen; j++) mv[clipAt + j] += 9 * Math.sin((2 * Math.PI * 1.5 * j) / FS_HZ);
    const gapLen = Math.floor(uniform(rng, 0.5, 3) * FS_HZ);
    const gapAt = at(2, gapLen);
    skip = [gapAt, gapAt + gapLen];
    const counts = toCounts(mv, subj);
    counts.fill(Math.round(subj.adcCentre + 0.3 * subj.countsPerMv), flatAt, flatAt + flatLen);
    return { counts, skip };
  }
  return { counts: toCounts(mv, subj), skip };
}

/** mV → 12-bit ADC counts, clipped to 0..4095 as the amplifier would. */
function toCounts(mv: Float32Array, subj: SyntheticSubject): Int16Array {
  const c = new Int16Array(mv.length);
  for (let k = 0; k < mv.length; k++) c[k] = Math.min(ADC_MAX, Math.max(0, Math.round(subj.adcCentre + mv[k] * subj.countsPerMv)));
  return c;
}

const SYNTHETIC_MD = (o: Required<Omit<SyntheticCohortOptions, 'hoursPerSubject'>>): string => `# SYNTHETIC DATA — not recordings of people

This folder is a **synthetic** cohort generated by \`generateSyntheticCohort\` (lib/data/synthetic-cohort.ts)
of the ECG Workbench, with seed ${o.seed}, ${o.subjects} subjects × ${o.minutesPerSubject} min. It copies the
*layout* of the D1NAMO dataset (Dubosson et al. 2018, doi:10.1016/j.imu.2018.09.003) so that the D1NAMO
reader and the hypoglycaemia pipeline can run end to end; it contains no data of any person.

How it was made:
- ECG: the ECGSYN dynamical model (McSharry et al. 2003, IEEE TBME 50:289) — three coupled ODEs with
  Gaussian P, Q, R, S, T events on a limit cycle — driven by an RR tachogram with Mayer (0.1 Hz) and
  respiratory (0.18–0.33 Hz) spectral peaks; 250 Hz; written as 12-bit ADC counts as a Zephyr belt would.
- Glucose: a slow level (6–9 mmol/L mean) with raised-cosine hypoglycaemic dips (nadir 2.6–3.4 mmol/L)
  sized so that on average ${Math.round(o.hypoFraction * 100)}% of the time is below 3.9 mmol/L as the 5-min CGM sees it
  (subjects vary ×0.6–1.4); CGM every 5 min (σ 0.1 mmol/L noise), plus a few \`manual\` finger-stick readings.
- Physiology linking them (the effect a classifier can learn): as glucose falls below ~4.5 mmol/L the
  heart rate rises (5–15 bpm), the T wave is delayed by 20–60 ms (QT lengthening) and flattened by
  25–60%, each subject with its own sensitivity. These sizes are plausible, not fitted to patients.
- Nuisances: respiratory baseline wander and slow drift, white noise, EMG-like bursts${o.artefacts ? ', and per session\n  one lead-off (flat) stretch, one clipping (saturated) stretch and one dropout (time gap)' : ''}.

Per-subject ground-truth parameters are in cohort.json. Results obtained on this folder must be reported
as results on synthetic data.
`;

/**
 * Writes a synthetic D1NAMO-layout cohort: per subject `synthetic-00i/glucose.csv`
 * (`date,time,glucose,type`, mmol/L, cgm and manual rows) and
 * `synthetic-00i/sensor_data/<session>/<session>_ECG.csv` (`Time,EcgWaveform`, 250 Hz), plus
 * SYNTHETIC.md and cohort.json at the root; the whole folder appears atomically.
 *
 * @throws EcgInputError when the folder name lacks "synthetic" or an option is out of range.
 * @example (await generateSyntheticCohort({ dir: 'data/synthetic-d1namo', seed: 1 })).subjects.length // => 9
 */
export async function generateSyntheticCohort(options: SyntheticCohortOptions): Promise<SyntheticCohortSummary> {
  const o = {
    subjects: 9,
    hypoFraction: 0.08,
    artefacts: true,
    sessionMaxMinutes: 120,
    startDate: '2014-10-01',
    ...options,
    minutesPerSubject: options.minutesPerSubject ?? (options.hoursPerSubject !== undefined ? options.hoursPerSubject * 60 : 60),
  };
  if (!/synthetic/i.test(path.basename(path.resolve(o.dir)))) {
    throw new EcgInputError(`folder name "${path.basename(o.dir)}"`, { at: 'options.dir' }, 'a folder name containing "synthetic", e.g. synthetic-d1namo');
  }
  const checks: [string, boolean, string][] = [
    ['subjects', Number.isInteger(o.subjects) && o.subjects >= 1 && o.subjects <= 999, 'an integer 1–999'],
    ['minutesPerSubject', o.minutesPerSubject > 0 && o.minutesPerSubject <= 7 * 24 * 60, 'minutes in (0, 10080]'],
    ['hypoFraction', o.hypoFraction >= 0 && o.hypoFraction < 0.5, 'a share in [0, 0.5)'],
    ['sessionMaxMinutes', o.sessionMaxMinutes >= 1, 'at least 1 minute'],
    ['startDate', /^\d{4}-\d{2}-\d{2}$/.test(o.startDate) && !Number.isNaN(Date.parse(o.startDate)), 'a date yyyy-mm-dd'],
    ['seed', Number.isFinite(o.seed), 'a number'],
  ];
  for (const [key, ok, expected] of checks) if (!ok) throw new EcgInputError(`bad value ${JSON.stringify((o as Record<string, unknown>)[key])}`, { at: `options.${key}` }, expected);
  const rng = createRng(o.seed);
  const day0 = Date.parse(`${o.startDate}T00:00:00Z`);
  const subjects: SyntheticSubject[] = [];
  await writeDirAtomic(o.dir, (tmp) => {
    for (let s = 0; s < o.subjects; s++) {
      const srng = createRng(rng.seed());
      const id = `synthetic-${String(s + 1).padStart(3, '0')}`;
      const startMs = day0 + s * 86400000 + Math.round(uniform(srng, 7, 10) * 3600) * 1000;
      const totalSamples = Math.round(o.minutesPerSubject * 60 * FS_HZ);
      const sessionSamples = Math.round(o.sessionMaxMinutes * 60 * FS_HZ);
      const sessions: SyntheticSubject['sessions'] = [];
      let t = startMs;
      for (let done = 0; done < totalSamples; ) {
        const samples = Math.min(sessionSamples, totalSamples - done);
        const name = `synthetic_${formatD1namoGlucoseTime(t).date.replace(/-/g, '_')}-${formatD1namoGlucoseTime(t).time.replace(/:/g, '_')}`;
        sessions.push({ name, startMs: t, samples });
        done += samples;
        t += Math.round((samples * 1000) / FS_HZ) + Math.round(uniform(srng, 2, 6) * 60) * 1000;
      }
      const endMs = t;
      const cgmFrom = Math.floor((startMs - uniform(srng, 2, 12) * 60000) / 60000) * 60000;
      const subj: SyntheticSubject = {
        id,
        hrMeanBpm: uniform(srng, 58, 82),
        hrRiseBpm: uniform(srng, 5, 15),
        qtDelaySec: uniform(srng, 0.02, 0.06),
        tFlattening: uniform(srng, 0.25, 0.6),
        rrStdSec: uniform(srng, 0.02, 0.06),
        lfHfRatio: uniform(srng, 0.5, 2),
        respHz: uniform(srng, 0.18, 0.33),
        countsPerMv: Math.round(uniform(srng, 300, 450)),
        adcCentre: Math.round(uniform(srng, 1900, 2200)),
        sessions,
        cgmReadings: 0,
        manualReadings: 0,
        hypoMinutes: 0,
        glucose: syntheticGlucoseTrajectory({ startMs, endMs, hypoFraction: o.hypoFraction * uniform(srng, 0.6, 1.4), cgmGridMs: cgmFrom }, srng),
      };
      const folder = path.join(tmp, id);
      for (const sess of sessions) {
        const { counts, skip } = sessionCounts(subj, sess.startMs, sess.samples, o.artefacts, srng);
        const file = path.join(folder, 'sensor_data', sess.name, `${sess.name}_ECG.csv`);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, encodeEcgCsv(sess.startMs, counts, skip[0], skip[1]));
      }
      const manual = Math.max(2, Math.round(o.minutesPerSubject / 240));
      const readings = sampleGlucoseReadings(subj.glucose, cgmFrom, endMs + 10 * 60000, manual, srng);
      subj.cgmReadings = readings.filter((r) => r.type === 'cgm').length;
      subj.manualReadings = manual;
      let below = 0;
      for (const sess of sessions) for (let ms = 0; ms < (sess.samples * 1000) / FS_HZ; ms += 1000) if (glucoseAt(subj.glucose, sess.startMs + ms) < 3.9) below++;
      subj.hypoMinutes = below / 60;
      const rows = readings.map((r) => {
        const { date, time } = formatD1namoGlucoseTime(r.timeMs);
        return `${date},${time},${r.glucoseMmolL.toFixed(1)},${r.type}`;
      });
      fs.writeFileSync(path.join(folder, 'glucose.csv'), `date,time,glucose,type\n${rows.join('\n')}\n`);
      subjects.push(subj);
    }
    writeFileAtomic(path.join(tmp, 'SYNTHETIC.md'), SYNTHETIC_MD(o));
    writeJsonAtomic(path.join(tmp, 'cohort.json'), {
      synthetic: true,
      note: 'SYNTHETIC DATA generated by generateSyntheticCohort (ECGSYN model, McSharry et al. 2003); no person was recorded. See SYNTHETIC.md.',
      layout: 'D1NAMO (Dubosson et al. 2018)',
      seed: o.seed,
      fsHz: FS_HZ,
      options: { ...o, dir: undefined },
      subjects,
    });
  });
  return { dir: o.dir, synthetic: true, seed: o.seed, fsHz: FS_HZ, subjects };
}
