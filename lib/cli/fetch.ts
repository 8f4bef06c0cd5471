import { EcgInputError, mitdbDir } from '../common';
import { fetchVerified } from '../io';
import { parseArgs } from './args';

export const summary =
  'download a PhysioNet database (mitdb) checked against its SHA256SUMS.txt, resuming partial files: fetch mitdb [--dest DIR] [--base-url URL] [--attempts N] [--backoff-ms MS]';

/** Databases `ecg fetch` knows, with their PhysioNet folder. */
export const DATASETS: Record<string, { baseUrl: string; defaultDest: () => string }> = {
  mitdb: { baseUrl: 'https://physionet.org/files/mitdb/1.0.0/', defaultDest: mitdbDir },
};

function positiveInt(value: string | boolean | undefined, name: string, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new EcgInputError(`bad --${name} '${value}'`, { file: 'ecg fetch', at: `--${name}` }, `an integer ≥ ${min}`);
  return n;
}

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, {
    values: ['dest', 'base-url', 'attempts', 'backoff-ms'],
    booleans: ['quiet'],
    command: 'fetch',
  });
  const [name, ...extra] = args.positionals;
  const known = Object.keys(DATASETS).join(', ');
  if (!name || extra.length > 0)
    throw new EcgInputError(
      `expected one database name, got ${args.positionals.length}`,
      { file: 'ecg fetch', at: 'arguments' },
      known,
    );
  const dataset = DATASETS[name];
  if (!dataset) throw new EcgInputError(`unknown database '${name}'`, { file: 'ecg fetch', at: 'argument 1' }, known);
  const dest = typeof args.flags.dest === 'string' ? args.flags.dest : dataset.defaultDest();
  const baseUrl = typeof args.flags['base-url'] === 'string' ? args.flags['base-url'] : dataset.baseUrl;
  const quiet = args.flags.quiet === true;
  const started = Date.now();
  const result = await fetchVerified({
    baseUrl,
    dest,
    attempts: positiveInt(args.flags.attempts, 'attempts', 5, 1),
    backoffMs: positiveInt(args.flags['backoff-ms'], 'backoff-ms', 500, 0),
    log: quiet ? undefined : (m) => console.log(m),
  });
  console.log(
    `${name}: ${result.downloaded.length} file(s) downloaded (${(result.bytes / 1e6).toFixed(1)} MB), ${result.skipped.length} already present, all verified against SHA256SUMS.txt, in ${dest} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  return 0;
}
