import { EcgInputError } from '../common';
import { runWorker } from '../sweep';
import { parseArgs } from './args';

export const summary =
  "serve a sweep's Redis queue: run its trials on this machine (needs the checkout and ECG_DATA_DIR)";

const USAGE = `usage: ecg worker --queue redis://HOST:PORT[/DB] [--concurrency 1] [--queue-name ecg-sweep] [--lock-seconds 30]
  SIGTERM or Ctrl-C: finish the running trial, then stop; a second one: stop now (the trial goes back to the queue)`;

function positive(v: string, flag: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0)
    throw new EcgInputError(`--${flag} ${v}`, { file: 'ecg worker', at: `--${flag}` }, 'a positive number');
  return n;
}

/**
 * `ecg worker --queue redis://10.0.0.5:6379`: runs trials from a sweep's queue until stopped.
 *
 * @example await run(['--queue', 'redis://127.0.0.1:6379']) // runs until SIGTERM, => 0
 * @throws EcgInputError for a missing --queue or an unreachable Redis (naming the URL)
 */
export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, {
    values: ['queue', 'concurrency', 'queue-name', 'lock-seconds'],
    booleans: ['help'],
    command: 'worker',
  });
  const f = args.flags as Record<string, string | undefined>;
  if (args.flags.help) {
    console.log(USAGE);
    return 0;
  }
  if (!f.queue) throw new EcgInputError('no --queue', { file: 'ecg worker' }, USAGE);
  const concurrency = f.concurrency ? positive(f.concurrency, 'concurrency') : 1;
  if (!Number.isInteger(concurrency))
    throw new EcgInputError(`--concurrency ${f.concurrency}`, { file: 'ecg worker' }, 'a positive integer');
  const worker = await runWorker({
    url: f.queue,
    name: f['queue-name'],
    concurrency,
    lockMs: f['lock-seconds'] ? Math.round(1000 * positive(f['lock-seconds'], 'lock-seconds')) : undefined,
  });
  let signals = 0;
  const onSignal = (sig: string) => {
    signals++;
    console.error(
      signals === 1
        ? `worker: ${sig}: finishing the running trial, then stopping (again to stop now)`
        : `worker: ${sig}: stopping now; the running trial goes back to the queue`,
    );
    void worker.close(signals > 1);
  };
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  process.on('SIGINT', () => onSignal('SIGINT'));
  await worker.closed;
  return 0;
}
