import { strict as assert } from 'assert';
import * as fs from 'fs';
import { createRng, type Rng } from '../../lib/common';
import { startServer, type RunningServer } from '../../lib/serve';
import { dataDir, tempDir } from '../helpers';
import { formOf, segment100, tinyModel, type RecordFiles } from './fixtures';

const FIELDS = ['hea', 'dat', 'atr'] as const;
const JUNK = ['-1', '0', '1e309', 'NaN', '99999999999', '2147483648', 'x', '', '360/0', '212x', '../x', '#', '-360'];

function flipBytes(data: Buffer, rng: Rng): Buffer {
  const out = Buffer.from(data);
  const n = 1 + rng.int(8);
  for (let i = 0; i < n && out.length; i++) out[rng.int(out.length)] ^= 1 << rng.int(8);
  return out;
}

// One corruption of a valid upload: truncation, flipped bytes, a header field replaced, a field
// renamed, a file dropped or duplicated under another field.
function corrupt(valid: RecordFiles, rng: Rng): { files: RecordFiles; how: string } {
  const files: RecordFiles = { ...valid };
  const field = FIELDS[rng.int(3)];
  const f = files[field];
  switch (rng.int(6)) {
    case 0: {
      const at = rng.int(f.data.length);
      files[field] = { ...f, data: f.data.subarray(0, at) };
      return { files, how: `${field} truncated to ${at} bytes` };
    }
    case 1:
      files[field] = { ...f, data: flipBytes(f.data, rng) };
      return { files, how: `${field} bytes flipped` };
    case 2: {
      const lines = valid.hea.data.toString('latin1').split('\n');
      const li = rng.int(3);
      const tokens = lines[li].split(' ');
      const ti = rng.int(tokens.length);
      tokens[ti] = JUNK[rng.int(JUNK.length)];
      lines[li] = tokens.join(' ');
      files.hea = { ...valid.hea, data: Buffer.from(lines.join('\n'), 'latin1') };
      return { files, how: `header line ${li + 1} token ${ti} = '${tokens[ti]}'` };
    }
    case 3: {
      const renamed = ['header', 'signal', 'csv', 'HEA', 'dat2', 'record'][rng.int(6)];
      delete files[field];
      files[renamed] = f;
      return { files, how: `${field} sent as ${renamed}` };
    }
    case 4:
      delete files[field];
      return { files, how: `${field} left out` };
    default: {
      const random = Buffer.alloc(rng.int(4000));
      for (let i = 0; i < random.length; i++) random[i] = rng.int(256);
      files[field] = { ...f, data: random };
      return { files, how: `${field} replaced by ${random.length} random bytes` };
    }
  }
}

describe('serve/fuzz: 500 random corruptions of a valid upload', () => {
  let server: RunningServer;
  let staging = '';

  before(async function () {
    this.timeout(600_000);
    staging = tempDir('ecg-serve-fuzz-');
    server = await startServer({
      modelDir: await tinyModel(true),
      dataDir: dataDir(),
      port: 0,
      workers: 2,
      maxQueue: 64,
      uploadLimitBytes: 4 * 2 ** 20,
      tmpDir: staging,
    });
  });
  after(async () => {
    await server?.close();
  });

  it('answers each with 200 or a 4xx JSON error, never a 5xx, and stays up', async function () {
    this.timeout(900_000);
    const valid = segment100(8);
    const rng = createRng(20261203);
    const statuses: Record<number, number> = {};
    for (let batch = 0; batch < 50; batch++) {
      const cases = Array.from({ length: 10 }, () => corrupt(valid, rng));
      const answers = await Promise.all(
        cases.map(async ({ files }) => {
          const res = await fetch(`${server.url}/api/predict`, { method: 'POST', body: formOf(files) });
          return { status: res.status, body: JSON.parse(await res.text()) };
        }),
      );
      answers.forEach((a, i) => {
        statuses[a.status] = (statuses[a.status] ?? 0) + 1;
        assert.ok(
          a.status === 200 || (a.status >= 400 && a.status < 500),
          `${cases[i].how}: HTTP ${a.status} ${a.body.error}`,
        );
        if (a.status === 200) assert.ok(Array.isArray(a.body.beats), cases[i].how);
        else {
          assert.equal(typeof a.body.error, 'string', cases[i].how);
          assert.ok(!a.body.error.includes(staging), `${cases[i].how}: ${a.body.error}`);
        }
      });
    }
    if (process.env.ECG_FUZZ_LOG) console.log(statuses);
    // Both outcomes occur: the corruptions are neither all fatal nor all harmless.
    assert.ok(statuses[200] > 10 && statuses[400] > 100, JSON.stringify(statuses));
    const h = (await (await fetch(`${server.url}/healthz`)).json()) as { status: string; pool: { failed: number } };
    assert.equal(h.status, 'ok');
    assert.equal(h.pool.failed, 0, 'a worker crashed');
    assert.deepEqual(fs.readdirSync(staging), []);
  });
});
