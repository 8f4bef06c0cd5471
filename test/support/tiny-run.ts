import { resolveTrainConfig, type TrainConfig } from '../../lib/train';
import { dataDir } from '../helpers';

/**
 * The data part of the tiny inter-patient runs on shipped records: train on 106 and 119 (DS1),
 * test on 100 (DS2), at most 60 training beats per class, 20 % of them held out for validation,
 * RR features on; `over` replaces keys.
 *
 * @example resolveTrainConfig({ data: tinyRunData({ validationFraction: 0 }), model: { arch: 'cnn1d' } })
 */
export function tinyRunData(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    dir: dataDir(),
    protocols: ['inter-patient'],
    trainRecords: ['106', '119'],
    testRecords: ['100'],
    maxTrainBeatsPerClass: 60,
    validationFraction: 0.2,
    validationBy: 'beats',
    rrFeatures: true,
    ...over,
  };
}

/**
 * A tiny inter-patient training run (seed 7) on {@link tinyRunData}: a 4-filter 1-D CNN trained
 * for `epochs` epochs, a few seconds each.
 *
 * @example await runTraining({ config: tinyRunConfig(1), outDir, progress: silentProgress })
 */
export function tinyRunConfig(epochs = 2): TrainConfig {
  return resolveTrainConfig({
    name: 'tiny',
    seed: 7,
    data: tinyRunData(),
    model: { arch: 'cnn1d', convBlocks: [{ filters: 4, kernelSize: 5, poolSize: 4 }], dense: [8] },
    training: { epochs, batchSize: 32, learningRate: 0.005, earlyStoppingPatience: 0, maxClassWeight: 10 },
  });
}
