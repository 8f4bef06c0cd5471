import * as fs from 'fs';
import * as path from 'path';
import { DS1, DS2 } from '../io';
import { EcgInputError, mitdbDir, outputsDir } from '../common';
import { presetConfig, readTrainConfig, runTraining, consoleProgress, PRESETS } from '../train';
import { parseArgs } from './args';

export const summary = 'train a model from a JSON config or a preset (quick, full) and evaluate it';

const USAGE = `usage: ecg train (--config <file.json> | --preset <${Object.keys(PRESETS).join('|')}>) [--out <dir>] [--resume] [--data <dir>] [--epochs <n>]`;

/**
 * `ecg train --config cfg.json --out dir` / `ecg train --preset quick --out dir`: trains, evaluates
 * and writes model/, checkpoints/final/, history.json and evaluation_results.json.
 *
 * @example await run(['--preset', 'quick', '--out', '/tmp/q']) // => 0
 * @throws EcgInputError for a missing or unknown option, an unreadable or invalid config (key named)
 */
export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, {
    values: ['config', 'preset', 'out', 'data', 'epochs'],
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
