/** How the learning rate changes over epochs. */
export type LrSchedule =
  | { type: 'constant' }
  /** Multiply by `factor` every `everyEpochs` epochs. */
  | { type: 'step'; everyEpochs: number; factor: number }
  /**
   * Multiply by `factor` when the monitored validation figure has not improved for `patience`
   * epochs (Keras ReduceLROnPlateau), never below `minLr`.
   */
  | { type: 'plateau'; factor: number; patience: number; minLr: number };

/**
 * The learning rate of epoch `epoch` (0-based). For 'plateau' the rate follows from the monitored
 * figures of the epochs before (`monitored[0..epoch-1]`, higher is better), so a resumed run
 * recomputes it from its history rather than keeping hidden state.
 *
 * @example learningRateAt({ type: 'step', everyEpochs: 10, factor: 0.5 }, 1e-3, 25) // => 0.00025
 */
export function learningRateAt(
  schedule: LrSchedule,
  baseLr: number,
  epoch: number,
  monitored: readonly number[] = [],
): number {
  switch (schedule.type) {
    case 'constant':
      return baseLr;
    case 'step':
      return baseLr * schedule.factor ** Math.floor(epoch / schedule.everyEpochs);
    case 'plateau': {
      let lr = baseLr;
      let best = -Infinity;
      let wait = 0;
      for (let e = 0; e < Math.min(epoch, monitored.length); e++) {
        if (monitored[e] > best) {
          best = monitored[e];
          wait = 0;
        } else if (++wait >= schedule.patience) {
          lr = Math.max(schedule.minLr, lr * schedule.factor);
          wait = 0;
        }
      }
      return lr;
    }
  }
}
