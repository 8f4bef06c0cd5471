import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { EcgInputError, writeJsonAtomic } from '../common';
import {
  bestConfig,
  parseGridArg,
  runSweep,
  type Distribution,
  type Objective,
  type ParamValue,
  type SearchSpace,
  type SweepResult,
  type TrialParams,
} from '../sweep';
import { parseArgs } from './args';

export const summary = 'hyperparameter sweep (grid or random) over a training config, local workers or a Redis queue';

const USAGE = `usage: ecg sweep (--preset quick|full | --config FILE.json) [--grid PATH=V1,V2 ...] [--space FILE.json]
                 [--random N [--seed S]] [--folds k] [--workers N | --queue redis://HOST:PORT[/DB]]
                 [--out DIR] [--json] [--metric NAME] [--mode max|min] [--best-config FILE] [--data DIR]
  --grid PATH=V1,V2   parameter values by dotted config path (repeatable): --grid training.learningRate=0.001,0.003
  --space FILE.json   {"grid":{PATH:[...]}}, {"random":{PATH:{"logUniform":[lo,hi]}|{"uniform":[lo,hi]}|{"int":[lo,hi]}|{"choice":[...]}}}
                      or {"trials":[{PATH:value,...},...]}
  --random N          N trials drawn from the space's "random" distributions with seed S (default: the config's seed)
  --folds k           each trial as patient-grouped k-fold CV over the training records (DS1)
  --workers N         local trial processes (default: ${os.availableParallelism()}, the number of cores)
  --queue URL         run the trials as BullMQ jobs for \`ecg worker --queue URL\` on any machine
  --out DIR           one JSON per trial + sweep.json; the same command with the same DIR resumes`;

function readJson(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new EcgInputError(`cannot read (${(e as NodeJS.ErrnoException).code})`, { file }, 'a JSON file');
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new EcgInputError(`is not valid JSON (${(e as Error).message})`, { file }, 'a JSON file');
  }
}

function positiveInt(v: unknown, flag: string, min = 1): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min)
    throw new EcgInputError(`--${flag} ${v}`, { file: 'ecg sweep', at: `--${flag}` }, `an integer ≥ ${min}`);
  return n;
}

/** The search from --grid, --space and --random. */
function searchOf(
  grids: string[],
  spaceFile: string | undefined,
  random: string | undefined,
  seed: number,
): SearchSpace {
  const space = spaceFile ? readJson(spaceFile) : {};
  const where = { file: spaceFile ?? 'ecg sweep' };
  const unknown = Object.keys(space).filter((k) => !['grid', 'random', 'trials'].includes(k));
  if (unknown.length) throw new EcgInputError(`unknown key '${unknown[0]}'`, where, 'grid, random or trials');
  if (random !== undefined) {
    if (!space.random || grids.length || space.trials)
      throw new EcgInputError('--random needs a "random" section in --space and no --grid', where, USAGE);
    return {
      kind: 'random',
      distributions: space.random as Record<string, Distribution>,
      trials: positiveInt(random, 'random'),
      seed,
    };
  }
  if (space.random) throw new EcgInputError('a "random" section needs --random N', where, '--random N');
  if (space.trials) {
    if (grids.length) throw new EcgInputError('"trials" and --grid together', where, 'one of them');
    return { kind: 'list', trials: space.trials as TrialParams[] };
  }
  const grid: Record<string, ParamValue[]> = { ...((space.grid as Record<string, ParamValue[]>) ?? {}) };
  for (const g of grids) {
    const [key, values] = parseGridArg(g);
    grid[key] = values;
  }
  if (Object.keys(grid).length === 0) throw new EcgInputError('no parameters to sweep', where, USAGE);
  return { kind: 'grid', grid };
}

function table(r: SweepResult): string {
  const m = r.metric;
  const rows = [...r.trials].sort((a, b) => (b.metrics[m] ?? -Infinity) - (a.metrics[m] ?? -Infinity));
  if (r.mode === 'min') rows.reverse();
  const lines = rows.map(
    (t) =>
      `${t.id === r.best?.id ? '*' : ' '} ${t.status === 'ok' ? (t.metrics[m]?.toFixed(4) ?? '-').padStart(8) : '  failed'}  ${JSON.stringify(t.params)}${t.error ? `  ${t.error}` : ''}${t.reused ? '  (reused)' : ''}`,
  );
  return [`  ${m.padStart(8)}  params`, ...lines].join('\n');
}

/**
 * `ecg sweep --preset quick --grid training.learningRate=0.001,0.003 --json`: expands the search,
 * runs the trials on local processes or a queue, prints a table (or JSON) and writes --out.
 *
 * @example await run(['--preset', 'quick', '--grid', 'training.epochs=1,2', '--workers', '2']) // => 0
 * @throws EcgInputError for a bad option, a bad parameter path (before any trial runs), an unreachable queue
 */
export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, {
    values: [
      'config',
      'preset',
      'space',
      'random',
      'seed',
      'folds',
      'workers',
      'queue',
      'queue-name',
      'out',
      'metric',
      'mode',
      'best-config',
      'data',
      'objective',
      'retries',
    ],
    booleans: ['json', 'help'],
    lists: ['grid'],
    command: 'sweep',
  });
  const f = args.flags as Record<string, string | undefined>;
  if (args.flags.help) {
    console.log(USAGE);
    return 0;
  }
  if (args.positionals.length)
    throw new EcgInputError(`unexpected argument '${args.positionals[0]}'`, { file: 'ecg sweep' }, USAGE);
  const objective = (f.objective ?? 'train') as Objective;
  if (objective !== 'train' && objective !== 'toy')
    throw new EcgInputError(`--objective ${objective}`, { file: 'ecg sweep' }, 'train or toy');
  if (!!f.config === !!f.preset)
    throw new EcgInputError(
      f.config ? 'both --config and --preset given' : 'no base config',
      { file: 'ecg sweep' },
      USAGE,
    );
  let base: Record<string, unknown>;
  if (f.preset) {
    if (objective === 'toy')
      throw new EcgInputError('--preset with --objective toy', { file: 'ecg sweep' }, '--config');
    const { presetConfig } = require('../train') as typeof import('../train');
    base = presetConfig(f.preset) as unknown as Record<string, unknown>;
  } else base = readJson(f.config!);
  if (f.data) base = { ...base, data: { ...((base.data as object) ?? {}), dir: path.resolve(f.data) } };
  const seed = f.seed !== undefined ? positiveInt(f.seed, 'seed', 0) : Number(base.seed ?? 42);
  const search = searchOf(args.lists.grid, f.space, f.random, seed);
  if (f.mode && f.mode !== 'max' && f.mode !== 'min')
    throw new EcgInputError(`--mode ${f.mode}`, { file: 'ecg sweep', at: '--mode' }, 'max or min');
  if (f.queue && f.workers) throw new EcgInputError('--workers with --queue', { file: 'ecg sweep' }, 'one of them');
  const controller = new AbortController();
  const stop = () => {
    process.stderr.write('\nsweep: stopping; finished trials are kept, re-run the same command to continue\n');
    controller.abort();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const tty = process.stderr.isTTY;
  let result: SweepResult;
  try {
    result = await runSweep({
      base,
      objective,
      search,
      folds: f.folds !== undefined ? positiveInt(f.folds, 'folds', 0) : 0,
      workers: f.workers !== undefined ? positiveInt(f.workers, 'workers') : undefined,
      queue: f.queue ? { url: f.queue, name: f['queue-name'] } : undefined,
      outDir: f.out ? path.resolve(f.out) : undefined,
      metric: f.metric,
      mode: f.mode as 'max' | 'min' | undefined,
      retries: f.retries !== undefined ? positiveInt(f.retries, 'retries', 0) : undefined,
      progress: (line) => process.stderr.write(tty ? `\r${line}\x1b[K` : `${line}\n`),
      signal: controller.signal,
    });
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
  if (tty) process.stderr.write('\n');
  if (f['best-config'] && result.best) writeJsonAtomic(path.resolve(f['best-config']), bestConfig(result));
  if (args.flags.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else {
    console.log(table(result));
    if (result.best)
      console.log(
        `best ${result.metric}: ${result.best.metrics[result.metric]} with ${JSON.stringify(result.best.params)}`,
      );
    if (f.out) console.log(`wrote ${path.join(path.resolve(f.out), 'sweep.json')}`);
  }
  const failed = result.trials.filter((t) => t.status === 'failed').length;
  return !result.complete ? 130 : failed ? 3 : 0;
}
