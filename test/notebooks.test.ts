import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';

const dir = path.join(__dirname, '..', 'notebooks');
const notebooks = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.ipynb'))
  .sort();

describe('notebooks', () => {
  it('are numbered in the order the main job runs them, starting with 00-environment', () => {
    assert.equal(notebooks[0], '00-environment.ipynb');
    notebooks.forEach((f) => assert.match(f, /^\d\d-[a-z0-9-]+\.ipynb$/));
  });

  for (const f of notebooks) {
    describe(f, () => {
      const nb = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
      it('is committed without outputs and runs on the tslab kernel', () => {
        assert.equal(nb.metadata.kernelspec.name, 'tslab');
        for (const c of nb.cells.filter((x: { cell_type: string }) => x.cell_type === 'code')) {
          assert.deepEqual(c.outputs, [], `a code cell of ${f} has outputs`);
          assert.equal(c.execution_count, null);
        }
      });
      it('says what each step does before it: a markdown cell with text precedes every code cell', () => {
        assert.equal(nb.cells[0].cell_type, 'markdown');
        nb.cells.forEach((c: { cell_type: string }, i: number) => {
          if (c.cell_type !== 'code') return;
          const before = nb.cells[i - 1];
          assert.equal(before.cell_type, 'markdown', `${f}: code cell ${i + 1} follows a ${before.cell_type} cell`);
          const words =
            []
              .concat(before.source)
              .join('')
              .match(/[A-Za-z]{2,}/g) ?? [];
          assert.ok(words.length >= 5, `${f}: the markdown cell before code cell ${i + 1} says almost nothing`);
        });
      });
      it('reads its parameters from the environment in the first code cell', () => {
        const first = nb.cells.find((c: { cell_type: string }) => c.cell_type === 'code');
        assert.match([].concat(first.source).join(''), /runParams\(\)/);
      });
      it('imports lib only through its public index', () => {
        for (const c of nb.cells) {
          const src = [].concat(c.source).join('');
          for (const m of src.matchAll(/from '(\.\.\/[^']+)'/g))
            assert.equal(m[1], '../dist/lib', `${f} imports ${m[1]}`);
        }
      });
    });
  }
});
