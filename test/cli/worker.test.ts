import { strict as assert } from 'assert';
import * as net from 'net';
import { runEcg } from '../support/run-ecg';

describe('cli/worker', () => {
  it('prints its usage with --help, exit code 0', async () => {
    const r = await runEcg(['worker', '--help']);
    assert.equal(r.code, 0);
    assert.match(r.out, /^usage: ecg worker --queue redis:\/\/HOST:PORT\[\/DB\]/);
    assert.match(r.out, /SIGTERM or Ctrl-C: finish the running trial, then stop/);
  });

  it('names each bad option and what it expects, exit code 2', async () => {
    for (const [argv, pattern] of [
      [[], /ecg worker: no --queue; expected usage: ecg worker --queue/],
      [
        ['--queue', 'redis://127.0.0.1:6379', '--concurrency', '0'],
        /ecg worker, --concurrency: --concurrency 0; expected a positive number/,
      ],
      [
        ['--queue', 'redis://127.0.0.1:6379', '--concurrency', '1.5'],
        /ecg worker: --concurrency 1\.5; expected a positive integer/,
      ],
      [
        ['--queue', 'redis://127.0.0.1:6379', '--lock-seconds', 'x'],
        /ecg worker, --lock-seconds: --lock-seconds x; expected a positive number/,
      ],
    ] as [string[], RegExp][]) {
      const r = await runEcg(['worker', ...argv]);
      assert.equal(r.code, 2, argv.join(' '));
      assert.match(r.err, pattern);
    }
  });

  it('names the URL when no Redis answers there', async () => {
    // A port that was free a moment ago: nothing listens on it.
    const port = await new Promise<number>((resolve) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    const r = await runEcg(['worker', '--queue', `redis://127.0.0.1:${port}`]);
    assert.equal(r.code, 2);
    assert.match(
      r.err,
      new RegExp(
        `^ecg worker: redis://127\\.0\\.0\\.1:${port}: cannot reach Redis \\(ECONNREFUSED\\); expected a running redis-server`,
      ),
    );
  });
});
