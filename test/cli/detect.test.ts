import { strict as assert } from 'assert';
import * as path from 'path';
import { EcgInputError } from '../../lib/common';
import { run, recordPaths, type DetectReport } from '../../lib/cli/detect';
import { listRecords, readAnnotations } from '../../lib/io';
import { referenceBeats } from '../../lib/evaluation';
import { captureConsole, dataDir } from '../helpers';

/** Runs the command with the console captured; returns its exit code and output. */
const capture = (argv: string[]) => captureConsole(() => run(argv));

describe('cli/detect', () => {
  const rec100 = path.join(dataDir(), '100');

  for (const method of ['best', 'pan-tompkins']) {
    it(`prints the JSON report for record 100 with --method ${method}, its counts consistent with its peaks`, async () => {
      const { code, out } = await capture([rec100, '--json', '--method', method]);
      assert.equal(code, 0);
      const rep = JSON.parse(out) as DetectReport;
      assert.equal(rep.records.length, 1);
      const r = rep.records[0];
      assert.equal(r.record, '100');
      assert.equal(r.method, method);
      // 100.atr holds 2273 beat annotations (and one rhythm annotation, not a reference).
      assert.equal(r.reference, referenceBeats(readAnnotations(rec100)).length);
      assert.equal(r.reference, 2273);
      assert.equal(r.detected, r.peaks.length);
      assert.equal(r.tp! + r.fp!, r.detected);
      assert.equal(r.tp! + r.fn!, r.reference);
      assert.equal(r.se, r.tp! / r.reference!);
      assert.ok(r.se! >= 0.995 && r.ppv! >= 0.995);
      assert.deepEqual(rep.gross, { tp: r.tp, fp: r.fp, fn: r.fn, se: r.se, ppv: r.ppv, f1: r.f1 });
      assert.ok(rep.samplesPerSecond > 0);
    });
  }

  it('prints a table without --json and defaults to the best method', async () => {
    const { out } = await capture([rec100]);
    assert.match(out, /^method best/);
    assert.match(out, /\n100 +2273 +2273? /);
    assert.match(out, /\ngross /);
  });

  it('takes a folder as its RECORDS list and names bad input', async () => {
    assert.deepEqual(
      recordPaths(dataDir()),
      listRecords(dataDir()).map((n) => path.join(dataDir(), n)),
    );
    assert.deepEqual(recordPaths(`${rec100}.hea`), [rec100]);
    await assert.rejects(capture(['/no/such/record']), EcgInputError);
    await assert.rejects(capture([rec100, '--method', 'magic']), /unknown method 'magic'/);
  });
});
