import { spawn, spawnSync, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { freePort } from './free-port';

/** A redis-server a test started: its URL, and stop() (always call it, in after()). */
export interface TestRedis {
  url: string;
  stop(): Promise<void>;
}

/** Debian's redis-server, or null. */
export function redisServerBinary(): string | null {
  for (const p of ['/usr/bin/redis-server', '/usr/local/bin/redis-server']) if (fs.existsSync(p)) return p;
  const r = spawnSync('redis-server', ['--version'], { stdio: 'ignore' });
  return r.status === 0 ? 'redis-server' : null;
}

const MISSING = 'redis-server is not installed (Debian: apt-get install redis-server; `npm run setup` does it as root)';

/**
 * Starts a test's redis-server, or skips the calling suite where redis-server is missing — except
 * under CI=true, where that is a failure naming the package, since setup installs it there.
 *
 * @example before(async function () { redis = await startRedis(this); }); after(() => redis.stop());
 */
export async function startRedis(ctx: Mocha.Context): Promise<TestRedis> {
  if (!redisServerBinary()) {
    if (process.env.CI === 'true') throw new Error(`queue tests need a real Redis: ${MISSING}`);
    console.warn(`      skipped: ${MISSING}`);
    ctx.skip();
  }
  return startRedisServer();
}

/**
 * Starts a real redis-server on a free port on 127.0.0.1: no persistence, its own temp dir,
 * stopped by stop() (tests and scripts/bench-sweep.ts).
 *
 * @example const redis = await startRedisServer(); ...; await redis.stop();
 * @throws Error naming the package when redis-server is missing
 */
export async function startRedisServer(): Promise<TestRedis> {
  const bin = redisServerBinary();
  if (!bin) throw new Error(MISSING);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecg-redis-'));
  const port = await freePort();
  const child: ChildProcess = spawn(
    bin,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dir,
      '--daemonize',
      'no',
    ],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const url = `redis://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 10000;
  for (;;) {
    const up = await new Promise<boolean>((resolve) => {
      const c = net.connect(port, '127.0.0.1', () => {
        c.write('PING\r\n');
      });
      c.once('data', (d) => {
        c.destroy();
        resolve(d.toString().startsWith('+PONG'));
      });
      c.once('error', () => resolve(false));
    });
    if (up) return { url, stop };
    if (Date.now() > deadline || child.exitCode !== null) {
      await stop();
      throw new Error(`redis-server on port ${port} did not answer within 10 s`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
