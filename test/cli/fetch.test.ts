import { strict as assert } from 'assert';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { run } from '../../lib/cli/fetch';
import { fetchVerified, parseSha256Sums } from '../../lib/io/fetch-verified';
import { EcgInputError } from '../../lib/common/errors';
import { dataDir, tempDir } from '../helpers';

/** Behaviour switches of the test server, changed per test. */
interface ServerPlan {
  /** Files whose served bytes differ from the real ones (one byte flipped). */
  corrupt: Set<string>;
  /** Files whose next response stops after half of the bytes (socket destroyed); consumed once each. */
  dropOnce: Set<string>;
  /** Files whose every response is cut off. */
  dropAlways: Set<string>;
  /** Serve 200 with the whole file even when a Range is asked for. */
  ignoreRange: boolean;
  /** Extra SHA256SUMS.txt lines. */
  extraSums: string[];
  /** The client's .part file for a name, which the server measures when a request arrives. */
  partFile?: (name: string) => string;
}

interface Served {
  url: string;
  range: string | undefined;
  status: number;
  /** Size of the client's .part file when the request arrived (when the plan names it). */
  partBytes?: number;
}

const RECORDS = ['100', '101'];
const FILES = RECORDS.flatMap((r) => ['atr', 'dat', 'hea'].map((e) => `${r}.${e}`));

/**
 * A real HTTP server on 127.0.0.1 serving the data folder, with SHA256SUMS.txt restricted to
 * records 100 and 101 (lines copied from the shipped SHA256SUMS.txt, i.e. PhysioNet's hashes).
 */
function startServer(plan: ServerPlan, log: Served[]): Promise<{ server: http.Server; base: string }> {
  const sums = fs
    .readFileSync(path.join(dataDir(), 'SHA256SUMS.txt'), 'utf8')
    .split('\n')
    .filter((l) => FILES.includes(l.trim().split(/\s+/)[1]));
  assert.equal(sums.length, FILES.length);
  const server = http.createServer((req, res) => {
    const name = decodeURIComponent((req.url ?? '/').replace(/^\/mitdb\//, ''));
    const entry: Served = { url: name, range: req.headers.range, status: 0 };
    const part = plan.partFile?.(name);
    if (part && fs.existsSync(part)) entry.partBytes = fs.statSync(part).size;
    log.push(entry);
    const reply = (status: number, headers: http.OutgoingHttpHeaders, body?: Buffer) => {
      entry.status = status;
      res.writeHead(status, headers);
      res.end(body);
    };
    if (name === 'SHA256SUMS.txt')
      return reply(200, { 'content-type': 'text/plain' }, Buffer.from([...sums, ...plan.extraSums].join('\n') + '\n'));
    const file = path.join(dataDir(), name);
    if (!FILES.includes(name) || !fs.existsSync(file)) return reply(404, {}, Buffer.from('not found'));
    let body = fs.readFileSync(file);
    if (plan.corrupt.has(name)) {
      body = Buffer.from(body);
      body[body.length >> 1] ^= 0xff;
    }
    let start = 0;
    const m = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    if (m && !plan.ignoreRange) {
      start = Number(m[1]);
      if (start >= body.length) return reply(416, { 'content-range': `bytes */${body.length}` });
    }
    const slice = body.subarray(start);
    const headers: http.OutgoingHttpHeaders = { 'content-length': slice.length, 'accept-ranges': 'bytes' };
    if (start > 0) headers['content-range'] = `bytes ${start}-${body.length - 1}/${body.length}`;
    entry.status = start > 0 ? 206 : 200;
    res.writeHead(entry.status, headers);
    if (plan.dropOnce.has(name) || plan.dropAlways.has(name)) {
      plan.dropOnce.delete(name);
      // Send half, then cut the connection mid-file.
      res.write(slice.subarray(0, slice.length >> 1), () => setTimeout(() => res.socket?.destroy(), 20));
      return;
    }
    res.end(slice);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/mitdb/` }),
    );
  });
}

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
const fast = { attempts: 4, backoffMs: 1, maxBackoffMs: 5, idleTimeoutMs: 5000 };

describe('cli/fetch', () => {
  let plan: ServerPlan;
  let served: Served[];
  let server: http.Server;
  let base: string;
  let dest: string;

  beforeEach(async () => {
    plan = { corrupt: new Set(), dropOnce: new Set(), dropAlways: new Set(), ignoreRange: false, extraSums: [] };
    served = [];
    ({ server, base } = await startServer(plan, served));
    dest = tempDir();
  });
  afterEach(async () => {
    await new Promise((r) => server.close(r));
    fs.rmSync(dest, { recursive: true, force: true });
  });

  it('downloads every listed file, verified, with no .part left; a second run skips them all', async () => {
    const r = await fetchVerified({ baseUrl: base, dest, ...fast });
    assert.deepEqual(r.downloaded.sort(), [...FILES].sort());
    for (const f of FILES) assert.equal(sha(path.join(dest, f)), sha(path.join(dataDir(), f)), f);
    assert.deepEqual(
      fs.readdirSync(dest).filter((f) => f.endsWith('.part')),
      [],
    );
    assert.ok(fs.existsSync(path.join(dest, 'SHA256SUMS.txt')));
    served.length = 0;
    const again = await fetchVerified({ baseUrl: base, dest, ...fast });
    assert.deepEqual(again.downloaded, []);
    assert.equal(again.skipped.length, FILES.length);
    assert.deepEqual(
      served.map((s) => s.url),
      ['SHA256SUMS.txt'],
    );
  });

  it('resumes a file whose connection dropped mid-way with an HTTP Range request', async () => {
    plan.dropOnce.add('100.dat');
    plan.partFile = (name) => path.join(dest, `${name}.part`);
    const r = await fetchVerified({ baseUrl: base, dest, ...fast });
    assert.ok(r.downloaded.includes('100.dat'));
    const requests = served.filter((s) => s.url === '100.dat');
    assert.equal(requests.length, 2);
    assert.equal(requests[0].range, undefined);
    // 100.dat is 1,950,000 bytes; the server cut the first response after sending half of them.
    // How many of those reached the client before the cut depends on timing, so the resume must
    // start exactly where the client's partial file ends, somewhere in the first half.
    const resumeAt = Number(/^bytes=(\d+)-$/.exec(requests[1].range ?? '')?.[1]);
    assert.equal(resumeAt, requests[1].partBytes);
    assert.ok(resumeAt > 0 && resumeAt <= 975000, `resumed at ${resumeAt}`);
    assert.equal(requests[1].status, 206);
    assert.equal(sha(path.join(dest, '100.dat')), sha(path.join(dataDir(), '100.dat')));
    assert.equal(fs.existsSync(path.join(dest, '100.dat.part')), false);
  });

  it('resumes a .part left by an earlier run, and restarts when the server ignores the range', async () => {
    const original = fs.readFileSync(path.join(dataDir(), '101.dat'));
    fs.writeFileSync(path.join(dest, '101.dat.part'), original.subarray(0, 1000));
    await fetchVerified({ baseUrl: base, dest, ...fast });
    assert.equal(served.find((s) => s.url === '101.dat')?.range, 'bytes=1000-');
    assert.equal(sha(path.join(dest, '101.dat')), sha(path.join(dataDir(), '101.dat')));

    fs.rmSync(path.join(dest, '101.dat'));
    fs.writeFileSync(path.join(dest, '101.dat.part'), original.subarray(0, 1000));
    plan.ignoreRange = true;
    served.length = 0;
    await fetchVerified({ baseUrl: base, dest, ...fast });
    assert.equal(served.find((s) => s.url === '101.dat')?.status, 200);
    assert.equal(sha(path.join(dest, '101.dat')), sha(path.join(dataDir(), '101.dat')));
  });

  it('re-downloads a file present with the wrong hash', async () => {
    fs.writeFileSync(path.join(dest, '100.hea'), 'tampered\n');
    const r = await fetchVerified({ baseUrl: base, dest, ...fast });
    assert.ok(r.downloaded.includes('100.hea'));
    assert.equal(sha(path.join(dest, '100.hea')), sha(path.join(dataDir(), '100.hea')));
  });

  it('names a corrupted file and leaves nothing under its final name (nor a .part)', async () => {
    plan.corrupt.add('101.atr');
    await assert.rejects(fetchVerified({ baseUrl: base, dest, ...fast }), (e: unknown) => {
      assert.ok(e instanceof EcgInputError);
      assert.match(
        e.message,
        /1 of 6 file\(s\) not fetched: .*101\.atr: sha256 of the downloaded 101\.atr is [0-9a-f]{64}; expected sha256 441cdd64/,
      );
      return true;
    });
    assert.equal(fs.existsSync(path.join(dest, '101.atr')), false);
    assert.equal(fs.existsSync(path.join(dest, '101.atr.part')), false);
    // The other files were fetched and verified all the same.
    assert.equal(sha(path.join(dest, '101.dat')), sha(path.join(dataDir(), '101.dat')));
  });

  it('gives up after the bounded number of attempts, keeping the partial bytes for a later resume', async () => {
    plan.dropAlways.add('100.hea');
    const logs: string[] = [];
    await assert.rejects(
      fetchVerified({ baseUrl: base, dest, ...fast, log: (m) => logs.push(m) }),
      /100\.hea: download failed after 4 attempts: connection lost/,
    );
    assert.equal(served.filter((s) => s.url === '100.hea').length, 4);
    assert.equal(logs.filter((l) => l.startsWith('retry')).length, 3);
    assert.match(
      logs.find((l) => l.startsWith('retry 3/3'))!,
      /in 4 ms/,
    ); // back-off 1, 2, 4 ms
    assert.equal(fs.existsSync(path.join(dest, '100.hea')), false);
    assert.ok(fs.statSync(path.join(dest, '100.hea.part')).size > 0);
  });

  it('reports a listed file the server does not have (HTTP 404) without retrying', async () => {
    plan.extraSums.push(`${'0'.repeat(64)}  missing.dat`);
    await assert.rejects(
      fetchVerified({ baseUrl: base, dest, ...fast }),
      /mitdb\/missing\.dat: server answered HTTP 404; expected HTTP 200 or 206/,
    );
    assert.equal(served.filter((s) => s.url === 'missing.dat').length, 1);
  });

  it('rejects malformed and unsafe SHA256SUMS lines, naming the line', () => {
    assert.throws(() => parseSha256Sums('abc 100.dat\n', 'S'), /S, line 1: malformed checksum line/);
    assert.throws(
      () => parseSha256Sums(`${'a'.repeat(64)}  ../evil\n`, 'S'),
      /S, line 1: unsafe file name '\.\.\/evil'/,
    );
    assert.deepEqual(parseSha256Sums(`\n${'A'.repeat(64)} *x_mitdb/x.dat\n`, 'S'), [
      { sha256: 'a'.repeat(64), file: 'x_mitdb/x.dat' },
    ]);
  });

  it('runs as `ecg fetch mitdb --dest --base-url` and refuses unknown databases', async () => {
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
