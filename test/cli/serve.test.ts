import { strict as assert } from 'assert';
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { tempDir } from '../helpers';
import { tinyModel } from '../serve/fixtures';
import { runEcg as capture } from '../support/run-ecg';

const BIN = path.join(__dirname, '..', '..', 'bin', 'ecg.js');

// Starts `ecg serve` as a real process; resolves with its URL once it prints `listening on URL`.
function startCli(args: string[]): Promise<{ child: ChildProcess; url: string; out: () => string }> {
  const child = spawn(process.execPath, [BIN, 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearInterval(timer);
        resolve({ child, url: m[1], out: () => out });
      }
    }, 50);
    child.on('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`ecg serve exited with ${code}: ${out}`));
    });
  });
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) =>
    child.exitCode !== null ? resolve(child.exitCode) : child.on('exit', (code) => resolve(code)),
  );

const predict100 = (url: string) => {
  const form = new FormData();
  form.append('record', '100');
  return fetch(`${url}/api/predict`, { method: 'POST', body: form });
};

describe('cli/serve', function () {
  this.timeout(600_000);
  let model = '';
  before(async () => {
    model = await tinyModel(true);
  });

  it('prints where it listens, refuses work beyond its queue with 503 + Retry-After, and drains on SIGTERM', async () => {
    const {
      child: server,
      url,
      out,
    } = await startCli(['--model', model, '--port', '0', '--workers', '1', '--queue', '1']);
    try {
      assert.match(out(), /^model .*model: inter-patient, classes N S V F Q$/m);
      assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
      const answers = await Promise.all([predict100(url), predict100(url), predict100(url), predict100(url)]);
      const codes = answers.map((a) => a.status).sort();
      assert.deepEqual(codes, [200, 200, 503, 503], 'one running, one queued, two refused');
      const refused = answers.find((a) => a.status === 503)!;
      assert.match(refused.headers.get('retry-after') ?? '', /^[1-9]\d*$/);
      assert.match(((await refused.json()) as { error: string }).error, /^busy: all workers are busy/);
      // SIGTERM while a request is in flight: it is still answered, then the process exits 0.
      const inFlight = predict100(url);
      await new Promise((r) => setTimeout(r, 300));
      server.kill('SIGTERM');
      const last = await inFlight;
      assert.equal(last.status, 200);
      assert.ok(((await last.json()) as { beats: unknown[] }).beats.length > 2000);
      assert.equal(await exited(server), 0);
      assert.match(out(), /SIGTERM: finishing in-flight requests\nstopped/);
    } finally {
      if (server.exitCode === null) server.kill('SIGKILL');
    }
  });

  it('exits 2 with one located line for a missing --model, a broken model folder and a port in use', async () => {
    const none = await capture(['serve']);
    assert.equal(none.code, 2);
    assert.match(none.err, /ecg serve: ecg serve, --model: no model folder/);
    const broken = path.join(tempDir(), 'model');
    fs.cpSync(model, broken, { recursive: true });
    fs.rmSync(path.join(broken, 'weights.bin'));
    const b = await capture(['serve', '--model', broken, '--port', '0']);
    assert.equal(b.code, 2);
    assert.match(b.err, /missing weights\.bin/);
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const taken = await capture(['serve', '--model', model, '--port', String(port), '--workers', '1']);
      assert.equal(taken.code, 2);
      assert.match(taken.err, new RegExp(`127\\.0\\.0\\.1:${port}: cannot listen \\(EADDRINUSE\\)`));
    } finally {
      blocker.close();
    }
    const badPort = await capture(['serve', '--model', model, '--port', '70000']);
    assert.match(badPort.err, /--port 70000; expected a port ≤ 65535/);
  });
});
