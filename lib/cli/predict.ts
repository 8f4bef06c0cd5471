import * as fs from 'fs';
import * as path from 'path';
import { EcgInputError } from '../common';
import { readTrainedModel, predictCsv, predictRecord } from '../train';
import { initBackend } from '../engine';
import { parseArgs } from './args';

export const summary = 'classify the beats of a WFDB record or a heartbeat CSV with a trained model';

const USAGE = 'ecg predict --model <dir> <record | beats.csv> [--annotations] [--json]';

/**
 * `ecg predict --model <dir> <record | csv> [--annotations] [--json]` prints
 * `{"beats": [{"sample", "class", "confidence", "probabilities"}]}`. R peaks come from the
 * detector unless `--annotations` takes the record's reference beats.
 *
 * @example await run(['--model', 'outputs/quick/model', 'data/mitdb/100', '--json']) // => 0
 * @throws EcgInputError for a missing model file (named), a missing input, or a CSV of the wrong width
 */
export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['model'], booleans: ['json', 'annotations'], command: 'predict' });
  if (!args.flags.model) throw new EcgInputError('no model folder', { file: 'ecg predict', at: '--model' }, USAGE);
  if (args.positionals.length !== 1)
    throw new EcgInputError(
      `${args.positionals.length} inputs given`,
      { file: 'ecg predict' },
      `one record or CSV: ${USAGE}`,
    );
  const input = args.positionals[0];
  // The engine first, so the model's weights are created on the backend that will run it.
  await initBackend();
  const t = await readTrainedModel(path.resolve(args.flags.model as string));
  const isCsv = /\.csv$/i.test(input);
  if (!isCsv && !fs.existsSync(`${input.replace(/\.(hea|dat|atr)$/, '')}.hea`)) {
    throw new EcgInputError(
      'no such record or CSV',
      { file: input },
      'a WFDB record path (without extension) or a .csv file',
    );
  }
  const beats = isCsv
    ? await predictCsv(t, input)
    : await predictRecord(t, input, { useAnnotations: Boolean(args.flags.annotations) });
  if (args.flags.json) {
    console.log(JSON.stringify({ beats }));
    return 0;
  }
  const counts: Record<string, number> = Object.fromEntries(t.sidecar.classes.map((c) => [c, 0]));
  for (const b of beats) counts[b.class]++;
  console.log(
    `${beats.length} beats: ${Object.entries(counts)
      .map(([c, k]) => `${c} ${k}`)
      .join(', ')}`,
  );
  for (const b of beats.slice(0, 10))
    console.log(`  sample ${String(b.sample).padStart(8)}  ${b.class.padEnd(9)} ${(100 * b.confidence).toFixed(1)}%`);
  if (beats.length > 10) console.log(`  ... (--json prints every beat)`);
  return 0;
}
