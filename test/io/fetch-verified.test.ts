import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { fetchVerified, parseSha256Sums, sha256File } from '../../lib/io/fetch-verified';
import { EcgInputError } from '../../lib/common/errors';
import { dataDir } from '../helpers';
import { FILES, fast, sha, useMitdbServer } from '../support/mitdb-server';

describe('io/fetch-verified', () => {
  const ctx = useMitdbServer();

  it('downloads every listed file, verified, with no .part left; a second run skips them all', async () => {
    const { served, base, dest } = ctx;
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
    const { plan, served, base, dest } = ctx;
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
    const { plan, served, base, dest } = ctx;
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
    const { base, dest } = ctx;
    fs.writeFileSync(path.join(dest, '100.hea'), 'tampered\n');
    const r = await fetchVerified({ baseUrl: base, dest, ...fast });
    assert.ok(r.downloaded.includes('100.hea'));
    assert.equal(sha(path.join(dest, '100.hea')), sha(path.join(dataDir(), '100.hea')));
  });

  it('names a corrupted file and leaves nothing under its final name (nor a .part)', async () => {
    const { plan, base, dest } = ctx;
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
    const { plan, served, base, dest } = ctx;
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
    const { plan, served, base, dest } = ctx;
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

  it('hashes a file as PhysioNet lists it in SHA256SUMS.txt', () => {
    const sums = parseSha256Sums(fs.readFileSync(path.join(dataDir(), 'SHA256SUMS.txt'), 'utf8'), 'SHA256SUMS.txt');
    const atr = sums.find((e) => e.file === '100.atr');
    assert.ok(atr, '100.atr is listed');
    assert.equal(sha256File(path.join(dataDir(), '100.atr')), atr.sha256);
    assert.equal(sha256File(path.join(dataDir(), '100.atr')), sha(path.join(dataDir(), '100.atr')));
  });
});
