/** What one epoch of training produced. */
export interface EpochEntry {
  /** 1-based epoch number. */
  epoch: number;
  /** Learning rate used in the epoch. */
  lr: number;
  /** Mean training loss over the epoch's batches (weighted loss plus L2 penalties). */
  loss: number;
  valLoss?: number;
  valAccuracy?: number;
  valBalancedAccuracy?: number;
  valMacroF1?: number;
  /** True when the monitored figure reached a new best in this epoch. */
  best?: boolean;
}

/** The figures early stopping and the plateau schedule may watch. */
export const MONITORS = ['valLoss', 'valAccuracy', 'valBalancedAccuracy', 'valMacroF1'] as const;
export type Monitor = (typeof MONITORS)[number];

/**
 * The monitored figure of an epoch turned "higher is better" (validation loss is negated).
 *
 * @example monitoredValue({ epoch: 1, lr: 1e-3, loss: 1, valLoss: 0.5 }, 'valLoss') // => -0.5
 */
export function monitoredValue(entry: EpochEntry, monitor: Monitor): number {
  const v = entry[monitor];
  if (v === undefined) return NaN;
  return monitor === 'valLoss' ? -v : v;
}
