import { strict as assert } from 'assert';
import { EcgInputError } from '../../lib/common';
import { filterOverlayChart } from '../../lib/viz';

describe('viz/filterOverlayChart', () => {
  it('puts both signals on one time axis, raw drawn first so the filtered trace is on top', () => {
    const spec = filterOverlayChart(
      { raw: [0, 1, 2], filtered: [0, 0.5, 1], fsHz: 2, startSec: 10 },
      { names: ['ECG', 'bandpassed'] },
    );
    // fs 2 Hz from 10 s: t = 10, 10.5, 11.
    const rows = (spec.data as { values: Record<string, unknown>[] }).values;
    assert.deepEqual(rows, [
      { t: 10, mV: 0, signal: 'ECG' },
      { t: 10.5, mV: 1, signal: 'ECG' },
      { t: 11, mV: 2, signal: 'ECG' },
      { t: 10, mV: 0, signal: 'bandpassed' },
      { t: 10.5, mV: 0.5, signal: 'bandpassed' },
      { t: 11, mV: 1, signal: 'bandpassed' },
    ]);
    const layer = spec.layer as { transform: { filter: { equal: string } }[] }[];
    assert.deepEqual(
      layer.map((l) => l.transform[0].filter.equal),
      ['ECG', 'bandpassed'],
    );
  });

  it('rejects signals of different lengths', () => {
    assert.throws(
      () => filterOverlayChart({ raw: [0, 1], filtered: [0], fsHz: 360 }),
      (e: unknown) => e instanceof EcgInputError && /raw has 2 samples, filtered 1/.test(e.message),
    );
  });
});
