import { strict as assert } from 'assert';
import { EcgInputError } from '../../lib/common';
import { renderSvg, sweepBarChart, sweepChart, type VlSpec } from '../../lib/viz';

const values = (spec: VlSpec): Record<string, unknown>[] => (spec.data as { values: Record<string, unknown>[] }).values;

describe('viz/sweepChart and sweepBarChart', () => {
  const results = [
    { lr: 0.01, filters: 8, f1: 0.7, sd: 0.03 },
    { lr: 0.001, filters: 8, f1: 0.8, sd: 0.01 },
    { lr: 0.001, filters: 16, f1: 0.85, sd: 0.02 },
  ];

  it('plots the metric against a parameter, coloured by a second one, log x on request', () => {
    const spec = sweepChart(results, { x: 'lr', metric: 'f1', colorBy: 'filters', logX: true });
    const enc = spec.encoding as Record<string, { field: string; type: string; scale?: { type?: string } }>;
    assert.deepEqual([enc.x.field, enc.x.type, enc.x.scale?.type], ['lr', 'quantitative', 'log']);
    assert.deepEqual([enc.y.field, enc.color.field, enc.color.type], ['f1', 'filters', 'nominal']);
    assert.deepEqual(values(spec), results);
  });

  it('reads dotted parameter names literally (train.lr is a name, not a path)', async () => {
    const spec = sweepChart(
      [
        { 'train.lr': 0.1, f1: 0.5 },
        { 'train.lr': 0.2, f1: 0.6 },
      ],
      { x: 'train.lr', metric: 'f1' },
    );
    assert.equal((spec.encoding as { x: { field: string } }).x.field, 'train\\.lr');
    // Vega would find no values at the path train → lr and draw no x axis ticks 0.1 … 0.2.
    const svg = await renderSvg(spec);
    assert.ok(svg.includes('>0.20<') || svg.includes('>0.2<'), 'x axis spans the values');
  });

  it('sorted bars: best configuration first, named by its parameters, error bar ends value ± sd', () => {
    const spec = sweepBarChart(results, { metric: 'f1', sdField: 'sd' });
    assert.deepEqual(
      values(spec).map((r) => r.config),
      ['lr=0.001, filters=16', 'lr=0.001, filters=8', 'lr=0.01, filters=8'],
    );
    // 0.85 ± 0.02, 0.8 ± 0.01, 0.7 ± 0.03
    assert.deepEqual(
      values(spec).map((r) => [r.lo, r.hi]),
      [
        [0.83, 0.87],
        [0.79, 0.81],
        [0.67, 0.73],
      ],
    );
    const asc = sweepBarChart(results, { metric: 'f1', order: 'ascending', params: ['lr'] });
    assert.deepEqual(
      values(asc).map((r) => r.config),
      ['lr=0.01', 'lr=0.001', 'lr=0.001'],
    );
  });

  it('rejects a result without a numeric metric, naming it', () => {
    assert.throws(
      () => sweepChart([{ lr: 1 }], { x: 'lr', metric: 'f1' }),
      (e: unknown) => e instanceof EcgInputError && /result 0/.test(e.message),
    );
    assert.throws(() => sweepBarChart([], { metric: 'f1' }), EcgInputError);
  });
});
