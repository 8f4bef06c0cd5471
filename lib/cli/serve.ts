import * as path from 'path';
import { EcgInputError, mitdbDir } from '../common';
import { startServer } from '../serve';
import { parseArgs } from './args';

export const summary = 'serve a page and a JSON API that classify the beats of a record with a trained model';

const USAGE =
  'ecg serve --model <dir> [--port 8080] [--host 127.0.0.1] [--data <dir>] [--workers <n>] [--queue <n>] [--upload-limit-mib <n>]';

function positiveInt(
  v: string | boolean | undefined,
  flag: string,
  min: number,
  fallback?: number,
): number | undefined {
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min)
    throw new EcgInputError(`--${flag} ${String(v)}`, { file: 'ecg serve', at: `--${flag}` }, `an integer ≥ ${min}`);
  return n;
}

/**
 * `ecg serve --model DIR [--port 8080] [--host 127.0.0.1]` serves the inference page and API until
 * SIGINT or SIGTERM, then lets in-flight requests finish and returns 0. Records listed by the page
 * come from `--data` (default ECG_DATA_DIR, else data/mitdb).
 *
 * @example await run(['--model', 'outputs/models/final-quick/model', '--port', '0']) // prints 'listening on http://127.0.0.1:PORT'
 * @throws EcgInputError for a missing --model, a bad number, a model folder that cannot be loaded, a port in use
 */
export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, {
    values: ['model', 'port', 'host', 'data', 'workers', 'queue', 'upload-limit-mib', 'timeout'],
    booleans: ['help'],
    command: 'serve',
  });
  if (args.flags.help) {
    console.log(USAGE);
    return 0;
  }
  if (args.positionals.length)
    throw new EcgInputError(`unexpected argument '${args.positionals[0]}'`, { file: 'ecg serve' }, USAGE);
  if (!args.flags.model) throw new EcgInputError('no model folder', { file: 'ecg serve', at: '--model' }, USAGE);
  const port = positiveInt(args.flags.port, 'port', 0, 8080)!;
  if (port > 65535) throw new EcgInputError(`--port ${port}`, { file: 'ecg serve', at: '--port' }, 'a port ≤ 65535');
  const server = await startServer({
    modelDir: path.resolve(args.flags.model as string),
    dataDir: args.flags.data ? path.resolve(args.flags.data as string) : mitdbDir(),
    host: (args.flags.host as string | undefined) ?? '127.0.0.1',
    port,
    workers: positiveInt(args.flags.workers, 'workers', 1),
    maxQueue: positiveInt(args.flags.queue, 'queue', 0),
    uploadLimitBytes: (positiveInt(args.flags['upload-limit-mib'], 'upload-limit-mib', 1, 64) as number) * 2 ** 20,
    jobTimeoutMs: (positiveInt(args.flags.timeout, 'timeout', 1, 120) as number) * 1000,
  });
  console.log(`model ${server.model.name}: ${server.model.protocol}, classes ${server.model.classes.join(' ')}`);
  console.log(`engine ${server.model.engine}; ${server.pool.status().workers} worker thread(s)`);
  console.log(`listening on ${server.url}`);
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      console.log(`${signal}: finishing in-flight requests`);
      resolve();
    };
    const onInt = () => stop('SIGINT');
    const onTerm = () => stop('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
  });
  await server.close();
  console.log('stopped');
  return 0;
}
