import { strict as assert } from 'assert';
import { EcgInputError } from '../../lib/common';
import { beatBand, beatGalleryChart, type VlSpec } from '../../lib/viz';
import { expectClose } from '../helpers';

const rows = (spec: VlSpec): Record<string, number | string>[] =>
  (spec.data as { values: Record<string, number | string>[] }).values;

describe('viz/beatGalleryChart', () => {
  it('beatBand: per-sample mean and sample sd (n − 1) by hand', () => {
    // Samples 0: {1, 2, 3} → mean 2, sd √((1+0+1)/2) = 1. Samples 1: {0, 0, 6} → mean 2, sd √((4+4+16)/2) = √12.
    const { mean, sd } = beatBand([
      [1, 0],
      [2, 0],
      [3, 6],
    ]);
    expectClose(mean, [2, 2], 1e-12, 'mean');
    expectClose(sd, [1, Math.sqrt(12)], 1e-12, 'sd');
    expectClose(beatBand([[5, 7]]).sd, [0, 0], 0, 'one beat has no spread');
  });

  it('draws mean ± sd per class with time from the R peak in ms, one panel per class titled with n', () => {
    // 250 Hz, 5-sample windows, R at index 2: x = (j − 2) · 4 ms.
    const spec = beatGalleryChart(
      [
        {
          label: 'N',
          beats: [
            [0, 1, 2, 1, 0],
            [0, 3, 4, 3, 0],
          ],
        },
        { label: 'V', beats: [[1, 1, 1, 1, 1]] },
      ],
      { fsHz: 250 },
    );
    const n = rows(spec).filter((r) => r.class === 'N');
    assert.deepEqual(
      n.map((r) => r.x),
      [-8, -4, 0, 4, 8],
    );
    // Index 2: values 2 and 4 → mean 3, sd √2 = 1.41421…
    assert.deepEqual(n[2], { class: 'N', panel: 'N (n=2)', x: 0, mean: 3, lo: 1.5858, hi: 4.4142 });
    assert.deepEqual((spec.facet as { sort: string[] }).sort, ['N (n=2)', 'V (n=1)']);
  });

  it('overlay layout puts the classes in one panel, coloured, with a legend', () => {
    const spec = beatGalleryChart(
      [
        { label: 'N', beats: [[0, 1, 0]] },
        { label: 'V', beats: [[0, -1, 0]] },
      ],
      { layout: 'overlay' },
    );
    assert.equal(spec.facet, undefined);
    const color = (spec.layer as { encoding: { color: { field: string; legend: unknown } } }[])[1].encoding.color;
    assert.equal(color.field, 'class');
    assert.notEqual(color.legend, null);
    assert.deepEqual(
      rows(spec).map((r) => r.x),
      [0, 1, 2, 0, 1, 2],
    ); // no fsHz: sample index
  });

  it('rejects beats of different lengths, naming the class and the beat', () => {
    assert.throws(
      () =>
        beatGalleryChart([
          {
            label: 'V',
            beats: [
              [1, 2, 3],
              [1, 2],
            ],
          },
        ]),
      (e: unknown) => e instanceof EcgInputError && /class V/.test(e.message) && /beat 1/.test(e.message),
    );
    assert.throws(() => beatGalleryChart([{ label: 'V', beats: [] }]), EcgInputError);
  });
});
