import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parallelCoordinatesChart, renderPng, renderSvg, type VlSpec } from '../../lib/viz';
import { tempDir } from '../helpers';
import { compileWarnings, schemaErrors } from './vl-check';

const values = (spec: VlSpec) => (spec.data as { values: Record<string, unknown>[] }).values;

describe('viz/parallelCoordinatesChart', () => {
  const trials = [
    { 'training.learningRate': 0.001, 'data.recordRelative': true, 'model.dropout': 0.1, svF1: 0.6 },
    { 'training.learningRate': 0.01, 'data.recordRelative': false, 'model.dropout': 0.3, svF1: 0.5 },
    { 'training.learningRate': 0.1, 'data.recordRelative': true, 'model.dropout': 0.2, svF1: 0.7 },
  ];
  const opts = {
    params: ['training.learningRate', 'data.recordRelative', 'model.dropout'],
    metric: 'svF1',
    logParams: ['training.learningRate'],
  };

  it('places each trial on every axis: log, category and linear positions computed by hand', () => {
    const v = values(parallelCoordinatesChart(trials, opts));
    const pos = (trial: number, axis: string) => v.find((r) => r.trial === trial && r.axis === axis)!.pos;
    // log10: −3, −2, −1 over [−3, −1] → 0, 0.5, 1.
    assert.deepEqual(
      [0, 1, 2].map((t) => pos(t, 'training.learningRate')),
      [0, 0.5, 1],
    );
    // Categories sorted: false at 0, true at 1.
    assert.deepEqual(
      [0, 1, 2].map((t) => pos(t, 'data.recordRelative')),
      [1, 0, 1],
    );
    assert.deepEqual(
      [0, 1, 2].map((t) => pos(t, 'model.dropout')),
      [0, 1, 0.5],
    );
    assert.deepEqual(
      [0, 1, 2].map((t) => pos(t, 'svF1')),
      [0.5, 0, 1],
    );
    assert.equal(v.length, 3 * 4);
    assert.deepEqual(
      v.filter((r) => r.axis === 'training.learningRate').map((r) => r.label),
      ['0.001', '0.01', '0.1'],
    );
  });

  it('is a valid Vega-Lite spec that renders, with no compile warnings', async () => {
    const spec = parallelCoordinatesChart(trials, { ...opts, title: 'Preset sweep' });
    assert.equal(schemaErrors(spec), '');
    assert.deepEqual(await compileWarnings(spec), []);
    const svg = await renderSvg(spec);
    for (const label of ['training.learningRate', 'data.recordRelative', '0.001', 'false'])
      assert.ok(svg.includes(label), label);
    const dir = tempDir('ecg-pc-');
    fs.writeFileSync(path.join(dir, 'pc.png'), await renderPng(spec));
    assert.ok(fs.statSync(path.join(dir, 'pc.png')).size > 1000);
    if (process.env.KEEP_CHART) fs.copyFileSync(path.join(dir, 'pc.png'), process.env.KEEP_CHART);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('rejects a trial without a numeric metric or with a missing parameter, naming it', () => {
    assert.throws(
      () => parallelCoordinatesChart([{ lr: 1, f1: null }], { params: ['lr'], metric: 'f1' }),
      /result 0: f1 is null/,
    );
    assert.throws(() => parallelCoordinatesChart([{ f1: 1 }], { params: ['lr'], metric: 'f1' }), /lr is undefined/);
    assert.throws(
      () => parallelCoordinatesChart([{ lr: 0, f1: 1 }], { params: ['lr'], metric: 'f1', logParams: ['lr'] }),
      /values > 0/,
    );
  });
});
