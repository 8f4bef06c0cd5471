import type { VlSpec } from './chart-frame';
import { renderSvg, writeChartFiles, type PngOptions, type SavedChart } from './render';

/** JupyterLab's built-in renderer registers the v5 mime type (it renders v6 specs as well). */
export const VEGALITE_MIME = 'application/vnd.vegalite.v5+json';
const VEGALITE_V5_SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';

/** Options of {@link show}. */
export interface ShowOptions extends PngOptions {
  /** Also write `<saveAs>.svg`, `.png` and `.vl.json`, like {@link saveChart}. */
  saveAs?: string;
}

/** What {@link show} did. */
export interface ShowResult {
  /** 'bundle': one display_data with Vega-Lite + SVG + text; 'svg': tslab's display.svg; 'none': not in a kernel. */
  displayed: 'bundle' | 'svg' | 'none';
  svg: string;
  saved?: SavedChart;
}

/** A Jupyter display_data content: one picture in several formats, the front end picks one. */
export interface MimeBundle {
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
  transient: Record<string, unknown>;
}

type WriteDisplayData = (content: MimeBundle, update: boolean) => void;

/**
 * The mime bundle {@link show} sends: the spec for JupyterLab's Vega-Lite renderer (its $schema
 * set to v5 so vega-embed in the v5 renderer does not warn about the version), the rendered SVG
 * for front ends without it (nbconvert HTML, VS Code, GitHub) and a one-line text description.
 *
 * @example Object.keys(chartBundle(spec, '<svg/>').data) // => ['application/vnd.vegalite.v5+json', 'image/svg+xml', 'text/plain']
 */
export function chartBundle(spec: VlSpec, svg: string): MimeBundle {
  const title = spec.title as { text?: unknown } | string | undefined;
  const text = typeof title === 'string' ? title : typeof title?.text === 'string' ? title.text : 'untitled';
  return {
    data: {
      [VEGALITE_MIME]: { ...spec, $schema: VEGALITE_V5_SCHEMA },
      'image/svg+xml': svg,
      'text/plain': `<Vega-Lite chart: ${text}>`,
    },
    metadata: {},
    transient: {},
  };
}

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

/**
 * Shows a chart inline in a tslab notebook as ONE display_data message carrying Vega-Lite,
 * SVG and plain text (tslab's public display.raw sends only one mime type); falls back to
 * tslab's display.svg, and outside a kernel displays nothing. With `saveAs` it also writes SVG,
 * PNG and spec files. Display problems never throw; rendering and saving errors do.
 *
 * @example await show(classDistributionChart({ N: 90, V: 10 }), { saveAs: 'outputs/figures/classes' }) // => { displayed: 'none', svg: '<svg …', saved: { … } } outside a kernel
 */
export async function show(spec: VlSpec, opts: ShowOptions = {}): Promise<ShowResult> {
  const svg = await renderSvg(spec);
  const saved = opts.saveAs ? writeChartFiles(spec, svg, opts.saveAs, opts) : undefined;
  return briefWhenPrinted({ displayed: displayInKernel(spec, svg), svg, saved });
}

function displayInKernel(spec: VlSpec, svg: string): ShowResult['displayed'] {
  const { inKernel, write } = kernelDisplayWriter();
  if (!inKernel) return 'none';
  if (write) {
    try {
      write(chartBundle(spec, svg), false);
      return 'bundle';
    } catch {
      // fall through to tslab's public API
    }
  }
  try {
    const tslab = require('tslab') as { display: { svg(s: string): void } };
    tslab.display.svg(svg);
    return 'svg';
  } catch {
    return 'none';
  }
}

// A notebook cell that ends in `await show(...)` prints its result; without this it would print
// the whole SVG text under the picture.
function briefWhenPrinted(result: ShowResult): ShowResult {
  const files = result.saved ? Object.values(result.saved).filter((v) => typeof v === 'string') : [];
  Object.defineProperty(result, Symbol.for('nodejs.util.inspect.custom'), {
    enumerable: false,
    value: () =>
      `[chart ${result.displayed === 'none' ? 'rendered' : 'shown'}${files.length ? `; saved ${files.map((f) => require('path').basename(f)).join(', ')}` : ''}]`,
  });
  return result;
}
