import { readBeatDataset } from '../data';
import { evaluateClassifier, type ClassificationReport } from '../evaluation';
import type { BeatArrays } from './beat-arrays';
import { predictProbabilities } from './beat-arrays';
import type { TrainedModel } from './predict-beats';
import { normalizeSet } from './prepare-data';
import { recordRelative } from './record-relative';
import { rrSideFeatures } from './rr-features';

/** A trained model's figures on a set of records. */
export type RecordsEvaluation = ClassificationReport & {
  records: string[];
  /** Records that were also among the model's training (or validation) records. */
  seenInTraining: string[];
  protocolNotes: string[];
  modelProtocol: string;
};

/**
 * Evaluates a trained model on the reference-annotated beats of WFDB records, cut, filtered and
 * normalised as in training (the saved sidecar); records the model has seen in training are named,
 * since figures on them are not a test.
 *
 * @example (await evaluateModel(await readTrainedModel('outputs/quick/model'), 'data/mitdb', ['100'])).accuracy // => 0.7 (for example)
 * @throws EcgInputError for records missing from the folder
 */
export async function evaluateModel(t: TrainedModel, dir: string, records: string[]): Promise<RecordsEvaluation> {
  const s = t.sidecar;
  const ds = readBeatDataset({
    dir,
    records,
    preset: s.window.preset,
    filter: s.window.filter,
    bandHz: s.window.bandHz,
    labels: s.labels as 'aami5',
  });
  const side = s.normalization.side ? rrSideFeatures(ds.rr, ds.n) : undefined;
  const x = s.trainConfig.data.recordRelative ? recordRelative(ds.x, ds.n, ds.length, ds.record) : ds.x;
  const channels = s.modelConfig.channels;
  const set: BeatArrays = {
    x,
    n: ds.n,
    length: ds.length,
    channels,
    y: ds.y,
    side,
    sideFeatures: side ? side.length / Math.max(1, ds.n) : 0,
  };
  const probs = await predictProbabilities(t.model, normalizeSet(set, s.normalization));
  const report = evaluateClassifier(ds.y, probs, s.classes);
  const trained = new Set([...s.split.trainRecords, ...s.split.validationRecords]);
  const seen = records.filter((r) => trained.has(r));
  const notes = seen.length
    ? [`Records ${seen.join(', ')} were used in training: figures on them are optimistic, not a test on new patients.`]
    : [`None of these records was used in training (the model was trained ${s.protocol}).`];
  return { ...report, records, seenInTraining: seen, protocolNotes: notes, modelProtocol: s.protocol };
}
