import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { run } from '../../lib/cli/fetch';
import { dataDir } from '../helpers';
import { FILES, useMitdbServer } from '../support/mitdb-server';

describe('cli/fetch', () => {
  const ctx = useMitdbServer();

  it('runs as `ecg fetch mitdb --dest --base-url` and refuses unknown databases', async () => {
    const { base, dest } = ctx;
    const log = console.log;
    const out: string[] = [];
    console.log = (...a: unknown[]) => void out.push(a.join(' '));
    try {
      assert.equal(await run(['mitdb', '--dest', dest, '--base-url', base, '--backoff-ms', '1']), 0);
    } finally {
      console.log = log;
    }
    const mb = (FILES.reduce((t, f) => t + fs.statSync(path.join(dataDir(), f)).size, 0) / 1e6).toFixed(1);
    assert.ok(
      out[out.length - 1].startsWith(`mitdb: 6 file(s) downloaded (${mb} MB), 0 already present, all verified`),
      out[out.length - 1],
    );
    await assert.rejects(run(['nsrdb']), /unknown database 'nsrdb'; expected mitdb/);
  });
});
