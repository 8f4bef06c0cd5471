/**
 * Load benchmark of `ecg serve` (autocannon on 127.0.0.1; numbers, not a test):
 *  1. a 10-s segment of record 100 uploaded (.hea + .dat): requests/s, p50/p99 latency, errors;
 *  2. the whole 30-min record 100 uploaded, with /healthz polled every 50 ms meanwhile (its max
 *     and p99 latency: the event loop must stay free while workers classify);
 *  3. RSS of the server process before and after 1,000 more segment requests (growth bound 64 MiB);
 * next to the peer a lab would otherwise script: one `ecg predict --json` process per input.
 *
 * Usage: npm run bench:serve -- --model <dir> [--workers 2] [--duration 10] [--connections 4] [--data <dir>]
 * (default model: outputs/models/final-quick/model, written by `npm run reproduce`).
 */
import autocannon from 'autocannon';
import { execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { mitdbDir, outputsDir, repoRoot } from '../lib/common';
import { parseArgs } from 'util';

const BIN = path.join(repoRoot(), 'bin', 'ecg.js');
const RSS_BOUND_MIB = 64;

function multipart(files: Record<string, { name: string; data: Buffer }>): { body: Buffer; type: string } {
  const boundary = `----ecgbench${Date.now().toString(16)}`;
  const parts: Buffer[] = [];
  for (const [field, f] of Object.entries(files)) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${f.name}"\r\n` +
          'Content-Type: application/octet-stream\r\n\r\n',
      ),
      f.data,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
}

// The first `seconds` of a two-signal format-212 record (3 bytes per frame).
function segment(dir: string, record: string, seconds: number): Record<string, { name: string; data: Buffer }> {
  const hea = fs.readFileSync(path.join(dir, `${record}.hea`), 'latin1').split('\n');
  const [name, nsig, fs0] = hea[0].split(/\s+/);
  const frames = Math.round(seconds * Number(fs0));
  hea[0] = `${name} ${nsig} ${fs0} ${frames}`;
  return {
    hea: { name: `${record}.hea`, data: Buffer.from(hea.join('\n'), 'latin1') },
    dat: { name: `${record}.dat`, data: fs.readFileSync(path.join(dir, `${record}.dat`)).subarray(0, frames * 3) },
  };
}

function rssMiB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

function cannon(opts: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

function line(label: string, r: autocannon.Result): string {
  return (
    `${label.padEnd(34)} ${r.requests.total.toString().padStart(5)} req  ${r.requests.average.toFixed(1).padStart(6)} req/s  ` +
    `p50 ${String(r.latency.p50).padStart(6)} ms  p99 ${String(r.latency.p99).padStart(6)} ms  ` +
    `errors ${r.errors + r.timeouts}  non-2xx ${r.non2xx}`
  );
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

// The peer: one `ecg predict` process per input (startup, engine and model load included).
function cliSeconds(model: string, files: Record<string, { name: string; data: Buffer }>, runs: number): number {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecg-bench-serve-'));
  for (const f of Object.values(files)) fs.writeFileSync(path.join(dir, f.name), f.data);
  const record = path.join(dir, files.hea.name.replace(/\.hea$/, ''));
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    execFileSync(process.execPath, [BIN, 'predict', '--model', model, record, '--json'], { stdio: 'ignore' });
    times.push(Number(process.hrtime.bigint() - t) / 1e9);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return quantile(times, 0.5);
}

async function main(): Promise<void> {
  const { values: flags } = parseArgs({
    args: process.argv.slice(2),
    options: Object.fromEntries(
      ['model', 'workers', 'duration', 'connections', 'data'].map((k) => [k, { type: 'string' as const }]),
    ),
  });
  const args = { flags: flags as Record<string, string | undefined> };
  const model = path.resolve((args.flags.model as string) ?? path.join(outputsDir(), 'models', 'final-quick', 'model'));
  if (!fs.existsSync(path.join(model, 'ecg-model.json'))) {
    console.error(
      `bench:serve: no model at ${model}; pass --model <dir> (ecg train writes one) or run npm run reproduce`,
    );
    process.exit(2);
  }
  const workers = Number(args.flags.workers ?? 2);
  const duration = Number(args.flags.duration ?? 10);
  const connections = Number(args.flags.connections ?? 4);
  const data = (args.flags.data as string) ?? mitdbDir();

  const server = spawn(
    process.execPath,
    [BIN, 'serve', '--model', model, '--port', '0', '--workers', String(workers), '--queue', '64', '--data', data],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  server.stdout!.on('data', (d) => (out += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /listening on (\S+)/.exec(out);
      if (m) {
        clearInterval(timer);
        resolve(m[1]);
      }
    }, 50);
    server.on('exit', (code) => reject(new Error(`ecg serve exited with ${code}:\n${out}`)));
  });
  const health = (await (await fetch(`${url}/healthz`)).json()) as { model: { engine: string; name: string } };
  console.log(`ecg serve ${url}: model ${health.model.name}, ${health.model.engine}, ${workers} worker thread(s)`);
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0].model}, load average ${os.loadavg()[0].toFixed(1)}`);

  const seg = multipart(segment(data, '100', 10));
  const whole = multipart({
    hea: { name: '100.hea', data: fs.readFileSync(path.join(data, '100.hea')) },
    dat: { name: '100.dat', data: fs.readFileSync(path.join(data, '100.dat')) },
  });
  const post = (m: { body: Buffer; type: string }) => ({
    url: `${url}/api/predict`,
    method: 'POST' as const,
    headers: { 'content-type': m.type },
    body: m.body,
    timeout: 120,
  });

  // Warm-up: every worker JIT-compiles and touches its tfjs kernels.
  await cannon({ ...post(seg), connections: workers, amount: 20 * workers });
  const rss0 = rssMiB(server.pid!);

  const a = await cannon({ ...post(seg), connections, duration });
  console.log(line(`10-s segment (${connections} connections)`, a));

  // The whole record, with /healthz polled meanwhile.
  const healthMs: number[] = [];
  let polling = true;
  const poller = (async () => {
    while (polling) {
      const t = performance.now();
      await fetch(`${url}/healthz`);
      healthMs.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 50));
    }
  })();
  const b = await cannon({ ...post(whole), connections: workers, amount: Math.max(4, 2 * workers) });
  polling = false;
  await poller;
  console.log(line(`30-min record 100 (${workers} connections)`, b));
  console.log(
    `/healthz while classifying 30-min records: ${healthMs.length} polls, p50 ${quantile(healthMs, 0.5).toFixed(1)} ms, ` +
      `p99 ${quantile(healthMs, 0.99).toFixed(1)} ms, max ${Math.max(...healthMs).toFixed(1)} ms (target < 100 ms)`,
  );

  const loop = ((await (await fetch(`${url}/healthz`)).json()) as { eventLoopDelayMs: Record<string, number> })
    .eventLoopDelayMs;
  console.log(
    `server event-loop delay since start (10 ms resolution): p50 ${loop.p50} ms, p99 ${loop.p99} ms, max ${loop.max} ms ` +
      '(timer lateness on the main thread: blocking by the server and waiting for a core both count)',
  );
  const rss1 = rssMiB(server.pid!);
  const c = await cannon({ ...post(seg), connections, amount: 1000 });
  const rss2 = rssMiB(server.pid!);
  console.log(line('1,000 more segments', c));
  console.log(
    `RSS: ${rss0.toFixed(0)} MiB after warm-up, ${rss1.toFixed(0)} MiB before and ${rss2.toFixed(0)} MiB after 1,000 ` +
      `requests: ${(rss2 - rss1 >= 0 ? '+' : '') + (rss2 - rss1).toFixed(1)} MiB (bound ${RSS_BOUND_MIB} MiB: ` +
      `${rss2 - rss1 <= RSS_BOUND_MIB ? 'within' : 'EXCEEDED'})`,
  );

  const cliSeg = cliSeconds(model, segment(data, '100', 10), 3);
  const cliWhole = cliSeconds(model, segment(data, '100', 1805), 1);
  const servSeg = a.latency.p50 / 1000;
  const servWhole = b.latency.p50 / 1000;
  console.log('\npeer: one `ecg predict --json` process per input (median wall time)');
  console.log(
    `  10-s segment:   ecg predict ${cliSeg.toFixed(2)} s, ecg serve p50 ${servSeg.toFixed(3)} s → ${(cliSeg / servSeg).toFixed(0)}× faster per request`,
  );
  console.log(
    `  30-min record:  ecg predict ${cliWhole.toFixed(2)} s, ecg serve p50 ${servWhole.toFixed(2)} s → ${(cliWhole / servWhole).toFixed(1)}×`,
  );
  const errors = [a, b, c].reduce((s, r) => s + r.errors + r.timeouts + r.non2xx, 0);
  console.log(`\nerrors over all runs: ${errors}`);
  server.kill('SIGTERM');
  await new Promise((r) => server.on('exit', r));
  process.exitCode = errors === 0 && rss2 - rss1 <= RSS_BOUND_MIB ? 0 : 1;
}

void main();
