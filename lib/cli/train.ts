import * as fs from 'fs';
import * as path from 'path';
import { DS1, DS2 } from '../io';
import { EcgInputError, mitdbDir, outputsDir } from '../common';
import {
  presetConfig,
  readTrainConfig,
  runTraining,
  consoleProgress,
  PRESETS,
  listStudyPresets,
  readStudyPreset,
  resolveStudyRun,
  runStudy,
  STUDY_SPLITS,
  type StudySplitName,
} from '../train';
import { parseArgs } from './args';

export const summary =
  'train a model from a JSON config or a preset (quick, full, or a study preset study-*) and evaluate it';

const USAGE =
  `usage: ecg train (--config <file.json> | --preset <${Object.keys(PRESETS).join('|')}>) [--out <dir>] [--resume] [--data <dir>] [--epochs <n>]\n` +
  `       ecg train --preset <${listStudyPresets().join('|')}> [--split study|honest] [--budget quick|full|published] [--out <dir>] [--data <dir>]`;

/**
 * A study preset (configs/studies): both splits by default, the study's own first, each into
 * <out>/<split>/ with its evaluation_results.json and models.
 */
async function runStudyPreset(name: string, flags: Record<string, string | boolean>): Promise<number> {
  for (const flag of ['epochs', 'resume'])
    if (flags[flag] !== undefined)
      throw new EcgInputError(
        `--${flag} with a study preset`,
        { file: 'ecg train', at: `--${flag}` },
        '--budget to cap epochs',
      );
  const preset = readStudyPreset(name);
  const split = flags.split as string | undefined;
  if (split !== undefined && !(STUDY_SPLITS as readonly string[]).includes(split))
    throw new EcgInputError(`--split ${split}`, { file: 'ecg train', at: '--split' }, STUDY_SPLITS.join(' or '));
  const splits: StudySplitName[] = split ? [split as StudySplitName] : [...STUDY_SPLITS];
  const budget = (flags.budget as string | undefined) ?? 'full';
  const outDir = path.resolve((flags.out as string | undefined) ?? path.join(outputsDir(), `train-${name}`));
  for (const s of splits) {
    const config = resolveStudyRun(preset, s, budget);
    const r = await runStudy(config, {
      dataDir: flags.data ? path.resolve(flags.data as string) : undefined,
      outDir: path.join(outDir, s),
      progress: consoleProgress(),
    });
    for (const [model, m] of Object.entries(r.models)) {
      const figures = Object.entries(m.metrics)
        .filter(([, v]) => v !== null)
        .map(([k, v]) => `${k} ${(v as number).toFixed(3)}`)
        .join(', ');
      console.log(`${name} · ${s} split (${config.split.kind}, budget ${budget}) · ${model}: ${figures}`);
    }
  }
  console.log(`wrote ${outDir}`);
  return 0;
}

/**
 * `ecg train --config cfg.json --out dir` / `ecg train --preset quick --out dir`: trains, evaluates
 * and writes model/, checkpoints/final/, history.json and evaluation_results.json.
 *
 * @example await run(['--preset', 'quick', '--out', '/tmp/q']) // => 0
 * @throws EcgInputError for a missing or unknown option, an unreadable or invalid config (key named)
 */
export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, {
    values: ['config', 'preset', 'out', 'data', 'epochs', 'split', 'budget'],
    booleans: ['resume', 'help'],
    command: 'train',
  });
  if (args.flags.help) {
    console.log(USAGE);
    return 0;
  }
  if (args.positionals.length)
    throw new EcgInputError(`unexpected argument '${args.positionals[0]}'`, { file: 'ecg train' }, USAGE);
  const file = args.flags.config as string | undefined;
  const preset = args.flags.preset as string | undefined;
  if (!!file === !!preset)
    throw new EcgInputError(
      file ? 'both --config and --preset given' : 'no config',
      { file: 'ecg train' },
      `one of --config or --preset; ${USAGE}`,
    );
  if (preset?.startsWith('study-')) return runStudyPreset(preset, args.flags);
  for (const flag of ['split', 'budget'])
    if (args.flags[flag] !== undefined)
      throw new EcgInputError(
        `--${flag} given`,
        { file: 'ecg train', at: `--${flag}` },
        'a study preset (--preset study-...)',
      );
  const config = file ? readTrainConfig(file) : presetConfig(preset!);
  if (args.flags.data) config.data.dir = path.resolve(args.flags.data as string);
  if (preset === 'full') {
    // The full preset's figures are meant to compare with published DS1 → DS2 results: refuse the subset.
    const dir = config.data.dir ?? mitdbDir();
    const missing = [...DS1, ...DS2].filter((r) => !fs.existsSync(path.join(dir, `${r}.dat`)));
    if (missing.length) {
      throw new EcgInputError(
        `${missing.length} of the 44 DS1/DS2 records are missing (${missing.slice(0, 5).join(', ')}...)`,
        { file: dir, at: '--preset full' },
        'the whole MIT-BIH Arrhythmia Database: set ECG_DATA_DIR or --data',
      );
    }
  }
  if (args.flags.epochs !== undefined) {
    const e = Number(args.flags.epochs);
    if (!Number.isInteger(e) || e < 1)
      throw new EcgInputError(
        `--epochs ${args.flags.epochs}`,
        { file: 'ecg train', at: '--epochs' },
        'a positive integer',
      );
    config.training.epochs = e;
  }
  const outDir = path.resolve(
    (args.flags.out as string | undefined) ?? path.join(outputsDir(), `train-${config.name}`),
  );
  await runTraining({
    config,
    outDir,
    resume: Boolean(args.flags.resume),
    progress: consoleProgress(),
    source: `ecg train ${argv.join(' ')}`,
  });
  return 0;
}
