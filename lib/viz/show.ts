import type { VlSpec } from './chart-frame';
import { displayBundle, type MimeBundle } from './kernel-display';
import { renderSvg, svgToPng, writeChartFiles, type PngOptions, type WrittenChart } from './render';

/** JupyterLab's built-in renderer registers the v5 mime type (it renders v6 specs as well). */
export const VEGALITE_MIME = 'application/vnd.vegalite.v5+json';
const VEGALITE_V5_SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';

/** Options of {@link show}. */
export interface ShowOptions extends PngOptions {
  /** Also write `<writeTo>.svg`, `.png` and `.vl.json`, like {@link writeChart}. */
  writeTo?: string;
}

/** What {@link show} did. */
export interface ShowResult {
  /** 'bundle': one display_data with Vega-Lite + SVG + PNG + text; 'svg': tslab's display.svg; 'none': not in a kernel. */
  displayed: 'bundle' | 'svg' | 'none';
  svg: string;
  written?: WrittenChart;
}

/**
 * The mime bundle {@link show} sends, one picture in four forms so every place a person looks
 * draws it: the spec for JupyterLab's and VS Code's Vega-Lite renderers (its $schema set to v5 so
 * vega-embed in the v5 renderer does not warn about the version); the rendered SVG for trusted
 * notebooks in Jupyter Notebook 6; a PNG (drawn at `scale`, shown at the SVG's size) for
 * untrusted notebooks, GitHub and nbconvert's HTML, whose HTML sanitiser strips an SVG's
 * elements and leaves a blank box; and a one-line text description.
 *
 * @example Object.keys(chartBundle(spec, svg).data) // => ['application/vnd.vegalite.v5+json', 'image/svg+xml', 'image/png', 'text/plain']
 */
export function chartBundle(spec: VlSpec, svg: string, png: Uint8Array = svgToPng(svg)): MimeBundle {
  const title = spec.title as { text?: unknown } | string | undefined;
  const text = typeof title === 'string' ? title : typeof title?.text === 'string' ? title.text : 'untitled';
  const size = svgSize(svg);
  return {
    data: {
      [VEGALITE_MIME]: { ...spec, $schema: VEGALITE_V5_SCHEMA },
      'image/svg+xml': svg,
      'image/png': Buffer.from(png).toString('base64'),
      'text/plain': `<Vega-Lite chart: ${text}>`,
    },
    metadata: size ? { 'image/png': size } : {},
    transient: {},
  };
}

/** The width and height a rendered SVG asks for (vega writes both on its root element). */
function svgSize(svg: string): { width: number; height: number } | undefined {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const width = Number(/\swidth="([\d.]+)"/.exec(root)?.[1]);
  const height = Number(/\sheight="([\d.]+)"/.exec(root)?.[1]);
  return width > 0 && height > 0 ? { width: Math.round(width), height: Math.round(height) } : undefined;
}

/**
 * Shows a chart inline in a tslab notebook as ONE display_data message carrying Vega-Lite,
 * SVG, PNG and plain text (tslab's public display.raw sends only one mime type); falls back to
 * tslab's display.svg, and outside a kernel displays nothing. With `writeTo` it also writes SVG,
 * PNG and spec files. Display problems never throw; rendering and writing errors do.
 *
 * @example await show(classDistributionChart({ N: 90, V: 10 }), { writeTo: 'outputs/figures/classes' }) // => { displayed: 'none', svg: '<svg …', written: { … } } outside a kernel
 */
export async function show(spec: VlSpec, opts: ShowOptions = {}): Promise<ShowResult> {
  const svg = await renderSvg(spec);
  const written = opts.writeTo ? writeChartFiles(spec, svg, opts.writeTo, opts) : undefined;
  return briefWhenPrinted({ displayed: displayInKernel(spec, svg, opts), svg, written });
}

function displayInKernel(spec: VlSpec, svg: string, opts: PngOptions): ShowResult['displayed'] {
  const how = displayBundle(chartBundle(spec, svg, svgToPng(svg, opts)), (display) => display.svg(svg));
  return how === 'fallback' ? 'svg' : how;
}

// A notebook cell that ends in `await show(...)` prints its result; without this it would print
// the whole SVG text under the picture.
function briefWhenPrinted(result: ShowResult): ShowResult {
  const files = result.written ? Object.values(result.written).filter((v) => typeof v === 'string') : [];
  Object.defineProperty(result, Symbol.for('nodejs.util.inspect.custom'), {
    enumerable: false,
    value: () =>
      `[chart ${result.displayed === 'none' ? 'rendered' : 'shown'}${files.length ? `; wrote ${files.map((f) => require('path').basename(f)).join(', ')}` : ''}]`,
  });
  return result;
}
