// A cross-module test with no lib twin on purpose: it runs every chart builder of lib/viz through
// the same Vega-Lite schema and compile checks (./vl-check) and the synthetic-title rule. Each
// builder's own behaviour is tested in the test file named after its module.
import { strict as assert } from 'assert';
import {
  beatGalleryChart,
  classDistributionChart,
  confusionMatrixChart,
  ecgStripChart,
  filterOverlayChart,
  prChart,
  rocChart,
  samplePredictionsChart,
  sweepBarChart,
  sweepChart,
  trainingHistoryChart,
  type ChartOptions,
  type VlSpec,
} from '../../lib/viz';
import { compileWarnings, schemaErrors } from './vl-check';

const wave = (n: number, phase = 0): Float32Array =>
  Float32Array.from({ length: n }, (_, i) => Math.sin(i / 7 + phase));

/** Every builder, in the option variants notebooks use, each given the same title options. */
function allSpecs(o: ChartOptions): Record<string, VlSpec> {
  const fsHz = 360;
  return {
    'ecg strip, everything': ecgStripChart(
      {
        samples: wave(3600),
        fsHz,
        startSec: 5,
        peaks: Int32Array.of(1900, 2200),
        annotations: [
          { sample: 1900, symbol: 'N' },
          { sample: 2200, symbol: 'V' },
        ],
        labels: [
          { sample: 1900, label: 'N', confidence: 0.97 },
          { sample: 2200, label: 'V', confidence: 0.55 },
        ],
      },
      o,
    ),
    'ecg strip, trace only': ecgStripChart({ samples: wave(100), fsHz }, o),
    'filter overlay': filterOverlayChart({ raw: wave(500), filtered: wave(500, 0.1), fsHz }, o),
    'class distribution': classDistributionChart({ N: 90, V: 10 }, o),
    'class distribution, log with a zero, sorted': classDistributionChart(
      { V: 10, N: 90, Q: 0 },
      { ...o, logScale: true, sort: 'count' },
    ),
    'class distribution, grouped': classDistributionChart(
      [
        { label: 'N', count: 5, group: 'train' },
        { label: 'N', count: 4, group: 'test' },
      ],
      o,
    ),
    'beat gallery, facet': beatGalleryChart(
      [
        { label: 'N', beats: [wave(90), wave(90, 0.2)] },
        { label: 'V', beats: [wave(90, 1)] },
      ],
      { ...o, fsHz },
    ),
    'beat gallery, overlay': beatGalleryChart([{ label: 'N', beats: [wave(90), wave(90, 0.2)] }], {
      ...o,
      layout: 'overlay',
    }),
    'training history': trainingHistoryChart(
      [
        { epoch: 1, loss: 1, valLoss: 1.1, accuracy: 0.5, valAccuracy: 0.4 },
        { epoch: 2, loss: 0.5, valLoss: 0.9, accuracy: 0.7, valAccuracy: 0.6 },
      ],
      o,
    ),
    'training history, no validation': trainingHistoryChart(
      [
        { epoch: 0, loss: 1 },
        { epoch: 1, loss: 0.5 },
      ],
      o,
    ),
    'confusion counts': confusionMatrixChart(
      {
        labels: ['N', 'V'],
        matrix: [
          [5, 1],
          [2, 3],
        ],
      },
      o,
    ),
    'confusion row-normalised, empty row': confusionMatrixChart(
      {
        labels: ['N', 'V', 'Q'],
        matrix: [
          [5, 1, 0],
          [2, 3, 0],
          [0, 0, 0],
        ],
      },
      { ...o, normalize: 'row' },
    ),
    roc: rocChart(
      [
        { label: 'N', fpr: [0, 0.1, 1], tpr: [0, 0.9, 1] },
        { label: 'V', fpr: [0, 1], tpr: [0, 1], auc: 0.5 },
      ],
      o,
    ),
    pr: prChart([{ label: 'N', recall: [0, 0.5, 1], precision: [1, 0.9, 0.6] }], o),
    'sweep, log x, colour, sd': sweepChart(
      [
        { 'train.lr': 0.001, filters: 8, f1: 0.7, sd: 0.02 },
        { 'train.lr': 0.01, filters: 8, f1: 0.75, sd: 0.01 },
        { 'train.lr': 0.001, filters: 16, f1: 0.72, sd: 0.03 },
      ],
      { ...o, x: 'train.lr', metric: 'f1', colorBy: 'filters', logX: true, sdField: 'sd' },
    ),
    'sweep, categorical x': sweepChart(
      [
        { model: 'cnn', f1: 0.7 },
        { model: 'lstm', f1: 0.6 },
      ],
      { ...o, x: 'model', metric: 'f1' },
    ),
    'sweep bars with sd': sweepBarChart(
      [
        { lr: 0.01, f1: 0.7, sd: 0.02 },
        { lr: 0.001, f1: 0.8, sd: 0.01 },
      ],
      { ...o, metric: 'f1', sdField: 'sd' },
    ),
    'sample predictions': samplePredictionsChart(
      [
        { beat: wave(90), trueLabel: 'N', predictedLabel: 'N', confidence: 0.9 },
        { beat: wave(90, 2), trueLabel: 'V', predictedLabel: 'N', confidence: 0.6 },
      ],
      { ...o, fsHz },
    ),
  };
}

describe('viz/specs', () => {
  const plain = allSpecs({ title: 'A title', subtitle: 'inter-patient protocol, DS2', note: 'seed 1' });
  for (const [name, spec] of Object.entries(plain)) {
    it(`${name}: valid against the Vega-Lite schema and compiles without warnings`, async () => {
      assert.equal(schemaErrors(spec), '', 'schema errors');
      assert.deepEqual(await compileWarnings(spec), []);
      const { text, subtitle } = spec.title as { text: string; subtitle: string[] };
      assert.equal(text, 'A title');
      assert.deepEqual(subtitle.slice(0, 2), ['inter-patient protocol, DS2', 'seed 1']);
    });
  }

  it('every builder puts "SYNTHETIC DATA" into the title when synthetic is set, and only then', () => {
    const synthetic = allSpecs({ title: 'A title', synthetic: true });
    for (const [name, spec] of Object.entries(synthetic)) {
      assert.equal((spec.title as { text: string }).text, 'SYNTHETIC DATA · A title', name);
      assert.equal(schemaErrors(spec), '', name);
    }
    for (const [name, spec] of Object.entries(plain))
      assert.ok(!JSON.stringify(spec.title).includes('SYNTHETIC'), name);
  });
});

describe('viz/specs checks', () => {
  it('reject what they should: an unknown mark fails the schema, a stacked log scale warns', async () => {
    assert.notEqual(schemaErrors({ $schema: 'x', data: { values: [] }, mark: 'barz' }), '');
    const stackedLog = {
      $schema: 'x',
      data: { values: [{ a: 1 }] },
      mark: 'bar',
      encoding: { x: { field: 'a', type: 'quantitative', scale: { type: 'log' }, stack: 'zero' } },
    };
    assert.equal(schemaErrors(stackedLog), '');
    assert.deepEqual(await compileWarnings(stackedLog), ['warn: Stack is applied to a non-linear scale (log).']);
  });
});
