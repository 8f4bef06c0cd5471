/** A Jupyter display_data content: one output in several formats, the front end picks one. */
export interface MimeBundle {
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  transient: Record<string, unknown>;
}

type WriteDisplayData = (content: MimeBundle, update: boolean) => void;

/**
 * tslab's internal module holding the current cell's display writer, but only if the tslab
 * kernel has loaded it: outside a kernel we must not load tslab (and its ZeroMQ binding) at all.
 */
function kernelDisplayWriter(): { write?: WriteDisplayData; inKernel: boolean } {
  try {
    const file = require.resolve('tslab/dist/jupyter');
    const loaded = require.cache[file];
    if (!loaded) return { inKernel: false };
    const write = (loaded.exports as { lastWriteDisplayData?: unknown }).lastWriteDisplayData;
    return { inKernel: true, write: typeof write === 'function' ? (write as WriteDisplayData) : undefined };
  } catch {
    return { inKernel: false };
  }
}

/** tslab's public display API (one mime type per call), used when the bundle cannot be sent. */
export type TslabDisplay = { svg(s: string): void; html(s: string): void; text(s: string): void };

/**
 * Sends one display_data message with every format of `bundle` from the running tslab cell
 * (tslab's public display.* sends only one mime type); when that fails, hands tslab's public
 * display API to `fallback`. Never throws: a display problem must not fail a notebook.
 *
 * @example displayBundle(bundle, (d) => d.text('…')) // => 'bundle' in a kernel, 'none' outside
 */
export function displayBundle(
  bundle: MimeBundle,
  fallback: (display: TslabDisplay) => void,
): 'bundle' | 'fallback' | 'none' {
  const { inKernel, write } = kernelDisplayWriter();
  if (!inKernel) return 'none';
  if (write) {
    try {
      write(bundle, false);
      return 'bundle';
    } catch {
      // fall through to tslab's public API
    }
  }
  try {
    fallback((require('tslab') as { display: TslabDisplay }).display);
    return 'fallback';
  } catch {
    return 'none';
  }
}
