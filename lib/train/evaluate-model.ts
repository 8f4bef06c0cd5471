import { beatInputs, normalizeInputs, readBeatDataset, type BeatLabels } from '../data';
import { evaluateClassifier, type ClassificationReport } from '../evaluation';
import { predictProbabilities } from './beat-arrays';
import type { TrainedModel } from './predict-beats';
import { decisionWeightList } from './train-config';

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
 * normalised by the model's beat recipe (its sidecar), as in training, and classified with its config's decision
 * weights, as when it was scored; records the model has seen in training are named, since figures on them are not a test.
 *
 * @example (await evaluateModel(await readTrainedModel('outputs/quick/model'), 'data/mitdb', ['100'])).accuracy // => 0.7 (for example)
 * @throws EcgInputError for records missing from the folder
 */
export async function evaluateModel(t: TrainedModel, dir: string, records: string[]): Promise<RecordsEvaluation> {
  const s = t.sidecar;
  const r = s.recipe;
  const ds = readBeatDataset({
    dir,
    records,
    beforeSamples: r.beforeSamples,
    afterSamples: r.afterSamples,
    targetFsHz: r.fsHz,
    filter: r.filter,
    bandHz: r.bandHz,
    labels: s.labels as BeatLabels,
  });
  const inputs = normalizeInputs(beatInputs(ds, r), s.normalization);
  const probs = await predictProbabilities(t.model, { ...inputs, y: ds.y });
  const decisionWeights = decisionWeightList(s.trainConfig?.training?.decisionWeights, s.classes);
  const report = evaluateClassifier(ds.y, probs, s.classes, { decisionWeights });
  const trained = new Set([...s.split.trainRecords, ...s.split.validationRecords]);
  const seen = records.filter((r) => trained.has(r));
  const notes = seen.length
    ? [
        `${seen.length === 1 ? `Record ${seen[0]} was` : `Records ${seen.join(', ')} were`} used in training: figures on ${seen.length === 1 ? 'it' : 'them'} are optimistic, not a test on new patients.`,
      ]
    : [`None of these records was used in training (the model was trained ${s.protocol}).`];
  return { ...report, records, seenInTraining: seen, protocolNotes: notes, modelProtocol: s.protocol };
}
