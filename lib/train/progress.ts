import type { EpochEntry } from './history';

/** Receives training progress: per batch (for a live line) and per finished epoch. */
export interface ProgressReporter {
  batch(epoch: number, epochs: number, step: number, steps: number, loss: number): void;
  epoch(entry: EpochEntry, epochs: number, seconds: number): void;
  done(message: string): void;
}

/** The one compact line printed for a finished epoch. */
export function formatEpoch(entry: EpochEntry, epochs: number, seconds: number): string {
  const f = (v: number | undefined, d = 4) => (v === undefined || Number.isNaN(v) ? '–' : v.toFixed(d));
  return (
    `epoch ${String(entry.epoch).padStart(String(epochs).length)}/${epochs}  loss ${f(entry.loss)}  ` +
    `val_loss ${f(entry.valLoss)}  val_acc ${f(entry.valAccuracy, 3)}  val_bal_acc ${f(entry.valBalancedAccuracy, 3)}  ` +
    `val_macroF1 ${f(entry.valMacroF1, 3)}  lr ${entry.lr.toExponential(1)}  ${seconds.toFixed(1)} s` +
    (entry.best ? '  *' : '')
  );
}

/**
 * Progress a person can follow: on a terminal one line redrawn in place with `\r` during the
 * epoch; elsewhere (a notebook, a log file) only one compact line per epoch.
 *
 * @example const p = consoleProgress(); p.epoch(entry, 10, 12.3) // prints 'epoch  1/10  loss 0.7…'
 */
export function consoleProgress(
  stream: NodeJS.WriteStream | { isTTY?: boolean; write(s: string): unknown } = process.stdout,
): ProgressReporter {
  const tty = Boolean(stream.isTTY);
  let lastDraw = 0;
  let drawn = false;
  return {
    batch(epoch, epochs, step, steps, loss) {
      if (!tty) return;
      const now = Date.now();
      if (now - lastDraw < 100 && step < steps) return;
      lastDraw = now;
      drawn = true;
      stream.write(`\repoch ${epoch}/${epochs}  batch ${step}/${steps}  loss ${loss.toFixed(4)}   `);
    },
    epoch(entry, epochs, seconds) {
      stream.write(`${tty && drawn ? '\r\x1b[K' : ''}${formatEpoch(entry, epochs, seconds)}\n`);
      drawn = false;
    },
    done(message) {
      stream.write(`${message}\n`);
    },
  };
}

/** A reporter that prints nothing (tests, library use). */
export const silentProgress: ProgressReporter = { batch() {}, epoch() {}, done() {} };
