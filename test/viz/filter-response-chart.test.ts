import { strict as assert } from 'assert';
import { EcgInputError } from '../../lib/common';
import { butter, filterResponses } from '../../lib/signal';
import { filterResponseChart } from '../../lib/viz';
import { compileWarnings, schemaErrors } from './vl-check';

type Row = { f: number; db: number | null; deg: number; filtering: string };
const rowsOf = (spec: Record<string, unknown>) => (spec.data as { values: Row[] }).values;

describe('viz/filterResponseChart', () => {
  const curve = (db: number[], rad: number[]) => ({ fHz: [0, 10, 20], magnitudeDb: db, phaseRad: rad });

  it('puts magnitude (dB) above phase (degrees) for both curves, leaving out H = 0 and values below minDb', () => {
    const spec = filterResponseChart(
      {
        onePass: curve([-Infinity, -1, -80], [0, -Math.PI / 2, -Math.PI]),
        zeroPhase: curve([-Infinity, -2, -160], [0, 0, 0]),
      },
      { names: ['once', 'twice'], minDb: -60 },
    );
    assert.deepEqual(rowsOf(spec), [
      { f: 0, db: null, deg: 0, filtering: 'once' },
      { f: 10, db: -1, deg: -90, filtering: 'once' },
      { f: 20, db: null, deg: -180, filtering: 'once' },
      { f: 0, db: null, deg: 0, filtering: 'twice' },
      { f: 10, db: -2, deg: 0, filtering: 'twice' },
      { f: 20, db: null, deg: 0, filtering: 'twice' },
    ]);
    const panels = spec.vconcat as { layer: { encoding: { y: { field: string; scale?: { domain: number[] } } } }[] }[];
    assert.deepEqual(
      panels.map((p) => p.layer[0].encoding.y.field),
      ['db', 'deg'],
    );
    // The magnitude axis reaches down to the lowest value shown (−2 dB), not to the −60 dB floor.
    assert.deepEqual(panels[0].layer[0].encoding.y.scale!.domain, [-2, 3]);
  });

  it('cuts the curves at maxHz and marks the band edges below it', () => {
    const spec = filterResponseChart(filterResponses(butter(2, [0.5, 40], 360, 'bandpass'), 360, 360), {
      maxHz: 100,
      markHz: [0.5, 40, 150],
    });
    const rows = rowsOf(spec);
    assert.equal(Math.max(...rows.map((r) => r.f)), 100);
    assert.equal(rows.length, 2 * 201); // 0, 0.5, …, 100 Hz for each curve
    const panels = spec.vconcat as { layer: { data?: { values: { f: number }[] } }[] }[];
    for (const p of panels) assert.deepEqual(p.layer[1].data!.values, [{ f: 0.5 }, { f: 40 }]);
  });

  it('is a valid Vega-Lite spec that compiles without warnings', async () => {
    const spec = filterResponseChart(filterResponses(butter(2, [0.5, 40], 360, 'bandpass'), 360, 256), {
      markHz: [0.5, 40],
    });
    assert.equal(schemaErrors(spec), '');
    assert.deepEqual(await compileWarnings(spec), []);
  });

  it('rejects curves whose arrays differ in length, and a non-finite minDb', () => {
    const ok = curve([0, 0, 0], [0, 0, 0]);
    assert.throws(
      () => filterResponseChart({ onePass: ok, zeroPhase: { ...ok, phaseRad: [0] } }),
      (e: unknown) => e instanceof EcgInputError && /key zeroPhase/.test(e.message) && /phaseRad 1/.test(e.message),
    );
    assert.throws(
      () => filterResponseChart({ onePass: ok, zeroPhase: ok }, { minDb: -Infinity }),
      (e: unknown) => e instanceof EcgInputError && /minDb -Infinity/.test(e.message),
    );
  });
});
