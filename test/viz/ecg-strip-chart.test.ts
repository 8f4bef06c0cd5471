import { strict as assert } from 'assert';
import { EcgInputError } from '../../lib/common';
import { ecgStripChart, renderSvg, type VlSpec } from '../../lib/viz';

type Row = Record<string, number | string | boolean>;
type Layer = { data: { values: Row[] }; mark: { type: string }; encoding: Record<string, { title?: string }> };
const layers = (spec: VlSpec): Layer[] => spec.layer as Layer[];
const layerOf = (spec: VlSpec, type: string, i = 0): Layer => layers(spec).filter((l) => l.mark.type === type)[i];

describe('viz/ecgStripChart', () => {
  // A ramp, so the amplitude at sample i is i / 1000 mV and positions are easy to check.
  const ramp = Float32Array.from({ length: 720 }, (_, i) => i / 1000);

  it('puts time in seconds on x: sample 360 at 360 Hz is 1 s, and labels the axes', () => {
    const spec = ecgStripChart({ samples: ramp, fsHz: 360 });
    const trace = layerOf(spec, 'line');
    assert.deepEqual(trace.data.values[360], { t: 1, mV: 0.36 });
    assert.deepEqual(trace.data.values[719], { t: 1.99722, mV: 0.719 }); // 719 / 360 = 1.997222…
    assert.equal(trace.encoding.x.title, 'time (s)');
    assert.equal(trace.encoding.y.title, 'amplitude (mV)');
  });

  it('uses the rate it is given: sample 250 at 250 Hz is 1 s', () => {
    const spec = ecgStripChart({ samples: ramp.subarray(0, 500), fsHz: 250 });
    assert.deepEqual(layerOf(spec, 'line').data.values[250], { t: 1, mV: 0.25 });
  });

  it('marks peaks at their times and amplitudes, counting samples from the record start', () => {
    // The strip starts at 2 s = sample 720; peak 1080 is strip index 360 → 2 + 1 = 3 s, 0.36 mV.
    // Peaks 100 (before the strip) and 1440 (one past its last sample) are dropped.
    const spec = ecgStripChart({ samples: ramp, fsHz: 360, startSec: 2, peaks: Int32Array.of(100, 1080, 1440) });
    assert.deepEqual(layerOf(spec, 'point').data.values, [{ t: 3, mV: 0.36, sample: 1080 }]);
    assert.deepEqual(layerOf(spec, 'line').data.values[0], { t: 2, mV: 0 });
  });

  it('writes annotation symbols along the top and per-beat labels with confidence along the bottom', () => {
    const spec = ecgStripChart({
      samples: ramp,
      fsHz: 360,
      annotations: [
        { sample: 90, symbol: 'N' },
        { sample: 630, symbol: 'V' },
        { sample: 800, symbol: 'A' },
      ],
      labels: [
        { sample: 90, label: 'N', confidence: 0.934 },
        { sample: 630, label: 'V', confidence: 0.5 },
      ],
    });
    const symbols = layerOf(spec, 'text', 0);
    // 90 / 360 = 0.25 s, 630 / 360 = 1.75 s; sample 800 lies past the 720-sample strip.
    assert.deepEqual(
      symbols.data.values.map((r) => [r.t, r.symbol]),
      [
        [0.25, 'N'],
        [1.75, 'V'],
      ],
    );
    const labels = layerOf(spec, 'text', 1);
    assert.deepEqual(
      labels.data.values.map((r) => [r.t, r.text, r.confidence]),
      [
        [0.25, 'N', 0.934],
        [1.75, 'V', 0.5],
      ],
    );
    // The two beats are 540 samples × 900/720 px apart, room for their numbers on the row beneath.
    assert.deepEqual(
      layerOf(spec, 'text', 2).data.values.map((r) => [r.t, r.text]),
      [
        [0.25, '0.93'],
        [1.75, '0.50'],
      ],
    );
  });

  it('leaves out the number of a beat closer than 22 px to a neighbour, beat by beat', () => {
    // 900 px over 720 samples = 1.25 px per sample: beats 20 samples apart are 25 px apart, 10
    // samples 12.5 px. Each beat goes by its nearer neighbour.
    const labels = [100, 120, 300, 310, 500].map((sample, i) => ({
      sample,
      label: 'NVNSN'[i],
      confidence: 0.9 - i / 10,
    }));
    const spec = ecgStripChart({ samples: ramp, fsHz: 360, labels });
    assert.deepEqual(
      layerOf(spec, 'text', 0).data.values.map((r) => r.text),
      ['N', 'V', 'N', 'S', 'N'],
    );
    assert.deepEqual(
      layerOf(spec, 'text', 1).data.values.map((r) => r.text),
      ['0.90', '0.80', '0.50'],
    );
  });

  it('draws a predicted class that differs from the reference in red over a red band, the right ones as before', async () => {
    const spec = ecgStripChart({
      samples: ramp,
      fsHz: 360,
      labels: [
        { sample: 90, label: 'N', confidence: 0.9, reference: 'N' },
        { sample: 630, label: 'F', confidence: 1, reference: 'V' },
      ],
    });
    const band = layerOf(spec, 'rule');
    assert.deepEqual(
      band.data.values.map((r) => r.t),
      [1.75],
    );
    const labels = layerOf(spec, 'text', 0);
    assert.deepEqual(
      labels.data.values.map((r) => [r.text, r.reference, r.wrong]),
      [
        ['N', 'N', false],
        ['F', 'V', true],
      ],
    );
    // Rendered: the wrong beat's class is red, the right one keeps the label colour.
    const svg = await renderSvg(spec);
    const fill = (text: string) => new RegExp(`<text[^>]*fill="([^"]+)"[^>]*>${text}</text>`).exec(svg)?.[1];
    assert.equal(fill('F'), '#d62728');
    assert.equal(fill('N'), '#8c2d04');
    assert.equal(fill('1.00'), '#d62728');
    assert.equal(
      layerOf(ecgStripChart({ samples: ramp, fsHz: 360, labels: [{ sample: 90, label: 'N', confidence: 1 }] }), 'rule'),
      undefined,
      'no reference, no band',
    );
  });

  it('starts the time axis at the strip, not at 0, when every layer is drawn (a strip from 60 s spans 60–62 s)', async () => {
    const samples = new Float32Array(720).map((_, i) => Math.sin(i / 20));
    const spec = ecgStripChart({
      samples,
      fsHz: 360,
      startSec: 60,
      peaks: Int32Array.of(21700),
      annotations: [{ sample: 21700, symbol: 'N' }],
      labels: [{ sample: 21700, label: 'S', confidence: 0.9, reference: 'N' }],
    });
    const svg = await renderSvg(spec);
    const axis = /aria-label="X-axis[^"]*values from ([0-9.]+) to ([0-9.]+)"/.exec(svg);
    assert.ok(axis, 'the rendered SVG describes its x axis');
    assert.deepEqual([Number(axis![1]), Number(axis![2])], [60, 62]);
  });

  it('downsamples a 30-s strip to at most 2 points per pixel and keeps its extremes', () => {
    const n = 30 * 360;
    const samples = Float32Array.from({ length: n }, (_, i) => Math.sin(i / 20));
    samples[5000] = 4; // a spike a naive decimation could skip
    const spec = ecgStripChart({ samples, fsHz: 360 }, { width: 600 });
    const trace = layerOf(spec, 'line').data.values;
    assert.ok(trace.length <= 1200, `${trace.length} points`);
    assert.ok(
      trace.some((r) => r.mV === 4 && r.t === 13.88889),
      'spike kept at 5000 / 360 s',
    );
    assert.ok(JSON.stringify(spec).length < 60_000, 'spec stays small');
  });

  it('rejects a non-positive rate and an empty strip with EcgInputError', () => {
    assert.throws(
      () => ecgStripChart({ samples: ramp, fsHz: 0 }),
      (e: unknown) => e instanceof EcgInputError && /fsHz/.test(e.message),
    );
    assert.throws(() => ecgStripChart({ samples: new Float32Array(0), fsHz: 360 }), EcgInputError);
  });
});
