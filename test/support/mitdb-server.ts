import { strict as assert } from 'assert';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { dataDir, tempDir } from '../helpers';

/** Behaviour switches of the test server, changed per test. */
export interface ServerPlan {
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

export interface Served {
  url: string;
  range: string | undefined;
  status: number;
  /** Size of the client's .part file when the request arrived (when the plan names it). */
  partBytes?: number;
}

export const RECORDS = ['100', '101'];
export const FILES = RECORDS.flatMap((r) => ['atr', 'dat', 'hea'].map((e) => `${r}.${e}`));

/**
 * A real HTTP server on 127.0.0.1 serving the data folder, with SHA256SUMS.txt restricted to
 * records 100 and 101 (lines copied from the shipped SHA256SUMS.txt, i.e. PhysioNet's hashes).
 */
export function startServer(plan: ServerPlan, log: Served[]): Promise<{ server: http.Server; base: string }> {
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

/** SHA-256 of a file, hex (computed here, independently of lib/io). */
export const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');
/** Retry settings that keep the failure tests fast. */
export const fast = { attempts: 4, backoffMs: 1, maxBackoffMs: 5, idleTimeoutMs: 5000 };

/** What {@link useMitdbServer} gives each test: the server's plan and log, its base URL and a fresh destination. */
export interface MitdbServerContext {
  plan: ServerPlan;
  served: Served[];
  base: string;
  dest: string;
}

/**
 * Registers beforeEach/afterEach hooks that start a fresh test server (see startServer) and a fresh
 * destination folder for every test of the enclosing describe, and remove both afterwards.
 *
 * @example const ctx = useMitdbServer(); it('...', () => fetchVerified({ baseUrl: ctx.base, dest: ctx.dest }));
 */
export function useMitdbServer(): MitdbServerContext {
  const ctx = {} as MitdbServerContext;
  let server: http.Server;
  beforeEach(async () => {
    ctx.plan = { corrupt: new Set(), dropOnce: new Set(), dropAlways: new Set(), ignoreRange: false, extraSums: [] };
    ctx.served = [];
    let base: string;
    ({ server, base } = await startServer(ctx.plan, ctx.served));
    ctx.base = base;
    ctx.dest = tempDir();
  });
  afterEach(async () => {
    await new Promise((r) => server.close(r));
    fs.rmSync(ctx.dest, { recursive: true, force: true });
  });
  return ctx;
}
