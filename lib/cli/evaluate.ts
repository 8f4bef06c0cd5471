import * as path from 'path';
import { mitdbDir, EcgInputError } from '../common';
import { evaluateModel, readTrainedModel } from '../train';
import { initBackend } from '../engine';
import { parseArgs } from './args';

export const summary = 'evaluate a trained model on MIT-BIH records (default: its test records)';

/**
 * `ecg evaluate --model <dir> [--records 100,103] [--data <dir>] [--json]`: per-class Se/+P/F1,
 * accuracy, balanced accuracy, confusion matrix and AUCs of a model written by ecg train.
 *
 * @example await run(['--model', 'outputs/quick/model', '--json']) // prints the report, => 0
 * @throws EcgInputError for a missing option, an incomplete model folder (file named) or unknown records
 */
export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { values: ['model', 'records', 'data'], booleans: ['json'], command: 'evaluate' });
  if (!args.flags.model)
    throw new EcgInputError(
      'no model folder',
      { file: 'ecg evaluate', at: '--model' },
      'ecg evaluate --model <dir> [--records 100,103] [--json]',
    );
  // The engine first, so the model's weights are created on the backend that will run it.
  await initBackend();
  const t = await readTrainedModel(path.resolve(args.flags.model as string));
  const records = args.flags.records
    ? String(args.flags.records)
        .split(/[,\s]+/)
        .filter(Boolean)
    : t.sidecar.split.testRecords;
  const dir = args.flags.data ? path.resolve(args.flags.data as string) : mitdbDir();
  const r = await evaluateModel(t, dir, records);
  if (args.flags.json) {
    console.log(JSON.stringify(r, null, 2));
    return 0;
  }
  console.log(`model trained ${r.modelProtocol}; ${r.n} beats of records ${records.join(' ')}`);
  console.log(
    `accuracy ${(100 * r.accuracy).toFixed(2)}%  balanced ${(100 * r.balancedAccuracy).toFixed(2)}%  macro-F1 ${r.macroF1.toFixed(3)}  macro ROC-AUC ${r.rocAuc.macro?.toFixed(3) ?? '–'}`,
  );
  for (const c of r.classes) {
    const m = r.perClass[c];
    console.log(
      `  ${c.padEnd(9)} Se ${(100 * m.se).toFixed(1).padStart(5)}  +P ${(100 * m.ppv).toFixed(1).padStart(5)}  F1 ${m.f1.toFixed(3)}  support ${m.support}`,
    );
  }
  for (const n of r.protocolNotes) console.log(`note: ${n}`);
  return 0;
}
