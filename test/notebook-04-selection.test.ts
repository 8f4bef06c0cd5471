import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { DS1, DS2, SUBSET_RECORDS, readRecord } from '../lib/io';
import { dataDir, tempDir } from './helpers';
import { notebookScript, tagged } from './support/notebook-script';

const root = path.join(__dirname, '..');
const nb = JSON.parse(fs.readFileSync(path.join(root, 'notebooks', '04-normal-vs-abnormal.ipynb'), 'utf8'));
const code = nb.cells.filter((c: { cell_type: string }) => c.cell_type === 'code');

describe('notebook 04 chooses its model without the test patients', function () {
  this.timeout(900000);

  it('tags the cells that lead to the choice "selection", and only the setup cell precedes them untagged', () => {
    const last = code.map((c: never) => tagged(c, 'selection')).lastIndexOf(true);
    assert.ok(last > 1, 'no selection cells');
    code.slice(1, last + 1).forEach((c: never, i: number) => assert.ok(tagged(c, 'selection'), `code cell ${i + 2}`));
    const chooses = code.slice(0, last + 1).some((c: { source: string[] }) => /const chosen =/.test(c.source.join('')));
    assert.ok(chooses, 'the model is chosen inside the selection cells');
  });

  it('runs its selection cells (quick profile) in a data folder without any DS2 record, and chooses', () => {
    const data = tempDir('ecg-ds1-only-');
    const out = tempDir('ecg-04-out-');
    try {
      for (const r of SUBSET_RECORDS.filter((x) => DS1.includes(x)))
        for (const ext of ['hea', 'dat', 'atr'])
          fs.symlinkSync(path.join(dataDir(), `${r}.${ext}`), path.join(data, `${r}.${ext}`));
      // The control: a DS2 record of the quick profile cannot be read from this folder.
      const ds2 = SUBSET_RECORDS.find((x) => DS2.includes(x))!;
      assert.throws(() => readRecord(path.join(data, ds2)), /cannot read header/);

      const script = path.join(out, 'selection.ts');
      fs.writeFileSync(
        script,
        notebookScript(nb, (c, i) => i === 0 || tagged(c, 'selection')),
      );
      const r = spawnSync(process.execPath, ['--require', 'tsx/cjs', script], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, ECG_PROFILE: 'quick', ECG_DATA_DIR: data, ECG_OUTPUT_DIR: out, ECG_SEED: '42' },
      });
      assert.equal(r.status, 0, `selection cells failed:\n${r.stderr.slice(-3000)}`);
      assert.match(r.stdout, /chosen on the validation patients: (CNN|CNN\+LSTM)\n/);
      assert.match(r.stdout, /validation patients( \d{3})+/);
      assert.deepEqual(
        fs.readdirSync(path.join(out, 'data')).filter((f) => /DS2/.test(f)),
        [],
        'no DS2 file was written',
      );
    } finally {
      fs.rmSync(data, { recursive: true, force: true });
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
