import * as path from 'path';
import { resolveTrainConfig, runTraining, silentProgress } from '../../lib/train';
import { dataDir, tempDir } from '../helpers';

/** What a test may change of the tiny model; the rest is fixed so its figures stay small and fast. */
export interface TinyModelOptions {
  seed: number;
  maxTrainBeatsPerClass: number;
  rrFeatures: boolean;
  epochs: number;
  balancing?: 'none' | 'class-weights' | 'oversample';
}

/**
 * Trains a tiny 1-D CNN with `ecg train`'s own pipeline on records 106 and 119 of the shipped
 * subset (record 100 its test record) and returns the output folder (model/, checkpoints/, …):
 * the model the cli, serve and predict tests classify with.
 *
 * @example const dir = await trainTinyModel({ seed: 3, maxTrainBeatsPerClass: 40, rrFeatures: true, epochs: 1 });
 */
export async function trainTinyModel(o: TinyModelOptions, out = tempDir('ecg-tiny-model-')): Promise<string> {
  const config = resolveTrainConfig({
    seed: o.seed,
    data: {
      dir: dataDir(),
      trainRecords: ['106', '119'],
      testRecords: ['100'],
      maxTrainBeatsPerClass: o.maxTrainBeatsPerClass,
      validationFraction: 0,
      rrFeatures: o.rrFeatures,
    },
    model: { arch: 'cnn1d', convBlocks: [{ filters: 4, kernelSize: 5, poolSize: 4 }], dense: [] },
    training: {
      epochs: o.epochs,
      batchSize: 32,
      earlyStoppingPatience: 0,
      ...(o.balancing ? { balancing: o.balancing } : {}),
    },
  });
  await runTraining({ config, outDir: out, progress: silentProgress, log: () => {} });
  return out;
}

/** The model folder inside {@link trainTinyModel}'s output. */
export const tinyModelDir = (out: string): string => path.join(out, 'model');

const shared = new Map<string, Promise<string>>();

/**
 * The tiny model of `o`, trained once per test process and shared by the test files that only
 * read it (the cli predict and evaluate tests); callers must not change the folder.
 *
 * @example const dir = await sharedTinyModel({ seed: 3, maxTrainBeatsPerClass: 40, rrFeatures: true, epochs: 1 });
 */
export function sharedTinyModel(o: TinyModelOptions): Promise<string> {
  const key = JSON.stringify(o);
  let p = shared.get(key);
  if (!p) {
    p = trainTinyModel(o);
    shared.set(key, p);
  }
  return p;
}
