import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { intervalChart, renderPng, renderSvg, type VlSpec } from '../../lib/viz';
import { tempDir } from '../helpers';
import { compileWarnings, schemaErrors } from './vl-check';

const values = (spec: VlSpec) => (spec.data as { values: Record<string, unknown>[] }).values;

describe('viz/intervalChart', () => {
  const points = [
    { label: 'S Se', value: 78.2, lo: 60.1, hi: 90.3, group: 'inter-patient' },
    { label: 'S Se', value: 91, lo: 85, hi: 95, group: 'patient-adapted' },
    { label: 'V +P', value: 90.8, lo: 80, hi: 96.5, group: 'inter-patient' },
    { label: 'V +P', value: 97, group: 'patient-adapted' },
  ];
  it('draws a rule from lo to hi and a point per figure, groups side by side, a missing interval as a point alone', async () => {
    const spec = intervalChart(points, { valueTitle: '%', domain: [0, 100] });
    assert.equal(schemaErrors(spec), '');
    assert.deepEqual(await compileWarnings(spec), []);
    const [rule, point] = spec.layer as {
      mark: { type: string };
      transform?: unknown[];
      encoding: Record<string, { field?: string }>;
    }[];
    assert.equal(rule.mark.type, 'rule');
    assert.equal(rule.encoding.y.field, 'lo');
    assert.equal(rule.encoding.y2.field, 'hi');
    assert.deepEqual(rule.transform, [{ filter: 'datum.lo !== null' }]);
    assert.equal(point.mark.type, 'point');
    assert.deepEqual(values(spec)[3], { label: 'V +P', group: 'patient-adapted', value: 97, lo: null, hi: null });
    const svg = await renderSvg(spec);
    assert.ok(svg.includes('>inter-patient<') && svg.includes('>patient-adapted<'), 'legend names both groups');
    // Look at it: the PNG is written for a person to open.
    const png = path.join(tempDir(), 'interval.png');
    fs.writeFileSync(png, await renderPng(spec));
    assert.ok(fs.statSync(png).size > 1000);
  });
  it('refuses an interval that does not contain its value, naming the point', () => {
    assert.throws(
      () => intervalChart([{ label: 'S Se', value: 50, lo: 60, hi: 70 }]),
      /point 0 \(S Se\).*lo <= value <= hi/,
    );
  });
});
