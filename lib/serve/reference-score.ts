import { beatClass, type BeatLabels } from '../data';
import { isBeat, type Annotations } from '../io';
import type { PredictedBeat } from '../train';

/** Predicted beats set against a record's reference annotations. */
export interface ReferenceComparison {
  /** The reference beats (WFDB isqrs symbols) with their class in the model's label set (null: outside it). */
  beats: { sample: number; symbol: string; class: string | null }[];
  /** For each predicted beat, the index of the reference beat it matched within the tolerance, or −1. */
  match: number[];
  toleranceSec: number;
  /** Reference beats no predicted beat matched. */
  missed: number;
  /** Predicted beats that matched no reference beat. */
  extra: number;
  /** Matched beats whose reference symbol has a class in the model's label set. */
  scored: number;
  correct: number;
  /** correct / scored (null when nothing could be scored). */
  accuracy: number | null;
  /** confusion[reference class][predicted class] over the scored beats. */
  confusion: Record<string, Record<string, number>>;
}

/**
 * Matches predicted beats to reference beats as EC57 does for detection (each predicted beat, in
 * time order, takes the nearest still unmatched reference beat within ±150 ms) and compares their
 * classes through the model's label set (AAMI mapping for aami5 and binary).
 *
 * @example scoreAgainstReference([{ sample: 100, class: 'N', confidence: 1, probabilities: {} }], { samples: Int32Array.of(103), symbols: ['L'] }, 360, ['N', 'V'], 'aami5').accuracy // => 1
 */
export function scoreAgainstReference(
  predicted: readonly PredictedBeat[],
  ann: Pick<Annotations, 'samples' | 'symbols'>,
  fsHz: number,
  classes: readonly string[],
  labels: string,
  toleranceSec = 0.15,
): ReferenceComparison {
  const ref: ReferenceComparison['beats'] = [];
  for (let i = 0; i < ann.samples.length; i++) {
    if (!isBeat(ann.symbols[i])) continue;
    const k = beatClass(ann.symbols[i], labels as BeatLabels);
    ref.push({ sample: ann.samples[i], symbol: ann.symbols[i], class: k >= 0 ? classes[k] : null });
  }
  ref.sort((a, b) => a.sample - b.sample);
  const tol = toleranceSec * fsHz;
  const used = new Uint8Array(ref.length);
  const order = predicted.map((_, i) => i).sort((a, b) => predicted[a].sample - predicted[b].sample);
  const match = new Array<number>(predicted.length).fill(-1);
  let j = 0;
  for (const i of order) {
    const d = predicted[i].sample;
    while (j < ref.length && ref[j].sample < d - tol) j++;
    let best = -1;
    for (let k = j; k < ref.length && ref[k].sample <= d + tol; k++) {
      if (!used[k] && (best < 0 || Math.abs(ref[k].sample - d) < Math.abs(ref[best].sample - d))) best = k;
    }
    if (best >= 0) {
      used[best] = 1;
      match[i] = best;
    }
  }
  const confusion: ReferenceComparison['confusion'] = Object.fromEntries(
    classes.map((c) => [c, Object.fromEntries(classes.map((p) => [p, 0]))]),
  );
  let scored = 0;
  let correct = 0;
  let matched = 0;
  predicted.forEach((b, i) => {
    if (match[i] < 0) return;
    matched++;
    const truth = ref[match[i]].class;
    if (truth === null) return;
    scored++;
    if (truth === b.class) correct++;
    confusion[truth][b.class]++;
  });
  return {
    beats: ref,
    match,
    toleranceSec,
    missed: ref.length - matched,
    extra: predicted.length - matched,
    scored,
    correct,
    accuracy: scored ? correct / scored : null,
    confusion,
  };
}
