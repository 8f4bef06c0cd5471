import { strict as assert } from 'assert';
import { confusionMatrixChart, renderSvg, sideBySideChart } from '../../lib/viz';
import { compileWarnings, schemaErrors } from './vl-check';

describe('viz/sideBySideChart', () => {
  const a = confusionMatrixChart(
    {
      labels: ['N', 'V'],
      matrix: [
        [8, 2],
        [1, 3],
      ],
    },
    { normalize: 'row', title: 'random split' },
  );
  const b = confusionMatrixChart(
    {
      labels: ['N', 'V'],
      matrix: [
        [5, 5],
        [3, 1],
      ],
    },
    { normalize: 'row', title: 'DS1 → DS2' },
  );

  it('puts the panels in one row under one title, each keeping its own title, and passes the schema', async () => {
    const spec = sideBySideChart([a, b], { title: 'Study 5', synthetic: true });
    assert.equal(schemaErrors(spec), '');
    assert.deepEqual(await compileWarnings(spec), []);
    const panels = spec.hconcat as Record<string, unknown>[];
    assert.equal(panels.length, 2);
    assert.ok(panels.every((p) => !('$schema' in p) && !('config' in p)));
    assert.match(JSON.stringify(panels[1].title), /DS1 → DS2/);
    assert.match(JSON.stringify(spec.title), /SYNTHETIC DATA.*Study 5|Study 5.*SYNTHETIC DATA/);
    const svg = await renderSvg(spec);
    assert.match(svg, /random split/);
    assert.match(svg, /DS1 → DS2/);
  });

  it('refuses a single panel and a nested concatenation, naming the place', () => {
    assert.throws(() => sideBySideChart([a]), /sideBySideChart, panels: 1 panel\(s\); expected two or more charts/);
    const nested = sideBySideChart([a, b]);
    assert.throws(() => sideBySideChart([nested, a]), /panels\[0\]: a concatenated chart/);
  });
});
