import { EcgInputError } from '../common';
import { baseSpec, checkFsHz, roundTo, type ChartOptions, type VlSpec } from './chart-frame';
import { minMaxDownsample } from './min-max-downsample';

/** A reference annotation (e.g. from the MIT-BIH .atr file). */
export interface StripAnnotation {
  /** Sample index, counted from the record start like the annotation file. */
  sample: number;
  /** Beat or rhythm symbol: 'N', 'V', 'A', '+', … */
  symbol: string;
}

/** A model's label for one beat, shown under the trace in inference notebooks. */
export interface StripBeatLabel {
  /** Sample index of the beat (R peak), counted from the record start. */
  sample: number;
  label: string;
  /** Probability of `label`, 0…1. */
  confidence: number;
  /** The reference class of this beat, when known: a label that differs is drawn in red. */
  reference?: string;
}

/** What an ECG strip shows. */
export interface EcgStripInput {
  /** The strip's samples in mV. */
  samples: ArrayLike<number>;
  fsHz: number;
  /** Time of samples[0] within the record, in s (default 0). */
  startSec?: number;
  /** Reference annotations drawn as symbols along the top; those outside the strip are dropped. */
  annotations?: readonly StripAnnotation[];
  /** Detected peak sample indices (record-absolute), drawn as points on the trace. */
  peaks?: ArrayLike<number>;
  /** Predicted per-beat labels drawn along the bottom with their confidence. */
  labels?: readonly StripBeatLabel[];
}

/** Options of {@link ecgStripChart}. */
export interface EcgStripOptions extends ChartOptions {
  /** Keep every sample up to 2 × this many; beyond, min/max per bucket (default: width, i.e. per pixel). */
  maxBuckets?: number;
}

const WHERE = 'ecgStripChart';

/**
 * ECG strip: amplitude (mV) against time (s), with reference annotation symbols along the top,
 * detected peaks as red points on the trace and optional predicted labels along the bottom
 * with their confidence beneath (where beats are too close for the number, the class alone, its
 * opacity and tooltip giving the confidence). A label whose `reference` class differs is drawn in
 * red over a red band, so a confident mistake stands out. All event sample indices count from the record start, and samples[0] sits at
 * `startSec`, so sample s is drawn at startSec + (s − round(startSec·fsHz)) / fsHz seconds.
 * Long strips are reduced to the min and max of each pixel column ({@link minMaxDownsample}),
 * so a 30-s strip at 360 Hz carries 1 800 points instead of 10 800.
 *
 * @throws EcgInputError for a non-positive fsHz or an empty strip.
 * @example ecgStripChart({ samples: new Float32Array(720), fsHz: 360, peaks: Int32Array.of(360) }).layer.length // => 2
 */
export function ecgStripChart(input: EcgStripInput, opts: EcgStripOptions = {}): VlSpec {
  const fsHz = checkFsHz(input.fsHz, WHERE);
  const { samples } = input;
  if (samples.length === 0)
    throw new EcgInputError('empty strip', { file: WHERE, at: 'key samples' }, 'at least one sample');
  const startSec = input.startSec ?? 0;
  const startSample = Math.round(startSec * fsHz);
  const width = opts.width ?? 900;
  const height = opts.height ?? 220;
  const timeOf = (index: number): number => roundTo(startSec + index / fsHz, 5);
  const inStrip = (s: number): boolean => s >= startSample && s < startSample + samples.length;

  const kept = minMaxDownsample(samples, opts.maxBuckets ?? width);
  const trace = Array.from(kept, (i) => ({ t: timeOf(i), mV: roundTo(samples[i], 4) }));
  // Every layer names the strip's domain: a layer without it would bring Vega-Lite's default
  // zero: true into the shared scale, and a strip from 60 s would be drawn on a 0–72 s axis.
  const at = {
    field: 't',
    type: 'quantitative',
    scale: { domain: [timeOf(0), timeOf(samples.length - 1)], nice: false, zero: false },
  };
  const x = { ...at, title: 'time (s)' };
  const layer: Record<string, unknown>[] = [
    {
      data: { values: trace },
      mark: { type: 'line', strokeWidth: 1, color: '#222', clip: true },
      encoding: {
        x,
        y: { field: 'mV', type: 'quantitative', title: 'amplitude (mV)', scale: { zero: false, padding: 22 } },
      },
    },
  ];

  const peakRows = Array.from(input.peaks ?? [], Number)
    .filter(inStrip)
    .map((s) => ({ t: timeOf(s - startSample), mV: roundTo(samples[s - startSample], 4), sample: s }));
  if (peakRows.length > 0) {
    layer.push({
      data: { values: peakRows },
      mark: { type: 'point', filled: true, size: 36, opacity: 1, color: '#d62728' },
      encoding: {
        x: at,
        y: { field: 'mV', type: 'quantitative' },
        tooltip: [
          { field: 'sample', type: 'quantitative' },
          { field: 't', type: 'quantitative', title: 'time (s)' },
        ],
      },
    });
  }

  const annRows = (input.annotations ?? [])
    .filter((a) => inStrip(a.sample))
    .map((a) => ({ t: timeOf(a.sample - startSample), symbol: a.symbol, sample: a.sample }));
  if (annRows.length > 0) {
    layer.push({
      data: { values: annRows },
      mark: { type: 'text', fontSize: 12, fontWeight: 'bold', color: '#1f4e9e', baseline: 'top' },
      encoding: {
        x: at,
        y: { value: 2 },
        text: { field: 'symbol', type: 'nominal' },
      },
    });
  }

  const beats = (input.labels ?? []).filter((b) => inStrip(b.sample)).sort((a, b) => a.sample - b.sample);
  // Class along the bottom, its confidence on a row beneath. A number ("0.93") needs ~22 px, so a
  // beat closer than that to a neighbour (a run of flutter) keeps the class alone, its confidence
  // then in the opacity and the tooltip; one premature beat costs only its own number.
  const pxPerSample = width / samples.length;
  const room = (i: number): number =>
    Math.min(
      i > 0 ? beats[i].sample - beats[i - 1].sample : Infinity,
      i + 1 < beats.length ? beats[i + 1].sample - beats[i].sample : Infinity,
    ) * pxPerSample;
  const labelRows = beats.map((b) => ({
    t: timeOf(b.sample - startSample),
    label: b.label,
    confidence: roundTo(b.confidence, 3),
    text: b.label,
    ...(b.reference !== undefined ? { reference: b.reference, wrong: b.reference !== b.label } : {}),
  }));
  // A wrong class at confidence 1.00 must not read as right: a red band behind the beat, its
  // label and number in red.
  const wrongRows = labelRows.filter((r) => r.wrong);
  if (wrongRows.length > 0) {
    layer.unshift({
      data: { values: wrongRows },
      mark: { type: 'rule', color: '#d62728', strokeWidth: 9, opacity: 0.18 },
      encoding: { x: at },
    });
  }
  const colour = { condition: { test: 'datum.wrong', value: '#d62728' }, value: '#8c2d04' };
  if (labelRows.length > 0) {
    layer.push({
      data: { values: labelRows },
      mark: { type: 'text', fontSize: 10, baseline: 'bottom' },
      encoding: {
        x: at,
        y: { value: height - 13 },
        text: { field: 'text', type: 'nominal' },
        color: colour,
        opacity: {
          field: 'confidence',
          type: 'quantitative',
          scale: { domain: [0, 1], range: [0.35, 1] },
          legend: null,
        },
        tooltip: [
          { field: 'label', type: 'nominal' },
          { field: 'confidence', type: 'quantitative', format: '.2f' },
          ...(wrongRows.length > 0 || labelRows.some((r) => r.reference !== undefined)
            ? [{ field: 'reference', type: 'nominal' }]
            : []),
        ],
      },
    });
    const numberRows = labelRows
      .filter((_, i) => room(i) >= 22)
      .map((r) => ({ t: r.t, confidence: r.confidence, text: r.confidence.toFixed(2), wrong: r.wrong }));
    if (numberRows.length > 0) {
      layer.push({
        data: { values: numberRows },
        mark: { type: 'text', fontSize: 9, baseline: 'bottom' },
        encoding: {
          x: at,
          y: { value: height - 2 },
          text: { field: 'text', type: 'nominal' },
          color: colour,
        },
      });
    }
  }

  const spec = baseSpec('ECG strip', opts);
  return { ...spec, width, height, layer };
}
