import { strict as assert } from 'assert';
import { EcgInputError } from '../../lib/common';
import { classDistributionChart, type VlSpec } from '../../lib/viz';

type Layer = {
  transform: unknown[];
  mark: { type: string };
  encoding: Record<string, { field?: string; scale?: { type?: string; domain?: string[] }; value?: unknown }>;
};
const layers = (spec: VlSpec): Layer[] => spec.layer as Layer[];
const values = (spec: VlSpec): Record<string, unknown>[] => (spec.data as { values: Record<string, unknown>[] }).values;

describe('viz/classDistributionChart', () => {
  it('draws one bar per class labelled with its count, with its share for the tooltip', () => {
    const spec = classDistributionChart({ N: 90, V: 9, F: 1 });
    // Shares: 90/100, 9/100, 1/100.
    assert.deepEqual(
      values(spec).map((r) => [r.label, r.count, r.share]),
      [
        ['N', 90, 0.9],
        ['V', 9, 0.09],
        ['F', 1, 0.01],
      ],
    );
    const [bar, text] = layers(spec);
    assert.equal(bar.mark.type, 'bar');
    assert.equal(text.mark.type, 'text');
    assert.equal(text.encoding.text.field, 'count');
    assert.equal(bar.encoding.y.scale?.type, 'linear');
  });

  it('log scale: keeps zero-count classes on the axis, out of the bars, with a "0" label', () => {
    const spec = classDistributionChart({ N: 90, Q: 0, V: 10 }, { logScale: true, sort: 'count' });
    const [bar, , zero] = layers(spec);
    assert.equal(bar.encoding.y.scale?.type, 'log');
    assert.deepEqual(bar.encoding.x.scale?.domain, ['N', 'V', 'Q']); // sorted by count, Q kept
    assert.deepEqual(bar.transform, [{ filter: 'datum.count > 0' }]);
    assert.deepEqual(zero.transform, [{ filter: 'datum.count === 0' }]);
    assert.deepEqual(zero.encoding.text, { value: '0' });
  });

  it('groups bars side by side by their group, shares computed within each group', () => {
    const spec = classDistributionChart([
      { label: 'N', count: 3, group: 'train' },
      { label: 'V', count: 1, group: 'train' },
      { label: 'N', count: 1, group: 'test' },
    ]);
    assert.deepEqual(
      values(spec).map((r) => r.share),
      [0.75, 0.25, 1],
    );
    assert.equal(layers(spec)[0].encoding.xOffset.field, 'group');
  });

  it('rejects an empty input and a negative count', () => {
    assert.throws(() => classDistributionChart({}), EcgInputError);
    assert.throws(
      () => classDistributionChart({ N: -1 }),
      (e: unknown) => e instanceof EcgInputError && /class N/.test(e.message),
    );
  });
});
