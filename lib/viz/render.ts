import { Resvg } from '@resvg/resvg-js';
import { writeFileAtomic, writeJsonAtomic } from '../common';
import type { VlSpec } from './chart-frame';
import { dejaVuTextMetrics } from './font-metrics';

/** Files written by {@link writeChart}. */
export interface WrittenChart {
  svg: string;
  png: string;
  spec: string;
}

/** Options of {@link renderPng}. */
export interface PngOptions {
  /** Pixels per SVG unit (default 2, sharp on high-density screens and in reports). */
  scale?: number;
}

let fontMetricsSet = false;

// vega's textMetrics.width is its documented hook for measuring text without a canvas (vl-convert
// sets it the same way); set once per process, it lays charts out with the widths resvg draws.
function useFontMetrics(textMetrics: { width: unknown }): void {
  if (fontMetricsSet) return;
  fontMetricsSet = true;
  const width = dejaVuTextMetrics();
  if (width) textMetrics.width = width;
}

/**
 * Compiles a Vega-Lite spec to Vega and renders it headlessly (vega View with renderer 'none')
 * to an SVG document. vega and vega-lite are ESM-only, hence the dynamic imports.
 *
 * @example (await renderSvg(classDistributionChart({ N: 3, V: 1 }))).startsWith('<svg') // => true
 */
export async function renderSvg(spec: VlSpec): Promise<string> {
  const vl = await import('vega-lite');
  const vega = await import('vega');
  // textMetrics is exported by vega (from vega-scenegraph) but missing from its type declarations.
  useFontMetrics((vega as unknown as { textMetrics: { width: unknown } }).textMetrics);
  // Vega-Lite's own types are stricter than our plain-JSON VlSpec; the tests validate the JSON.
  // vega tags inline data rows with ids; a copy keeps the caller's spec untouched.
  const compiled = vl.compile(structuredClone(spec) as unknown as Parameters<typeof vl.compile>[0]);
  const view = new vega.View(vega.parse(compiled.spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/**
 * Renders a Vega-Lite spec to PNG bytes: SVG from {@link renderSvg}, rasterised by resvg with
 * the system fonts (DejaVu Sans first, the face the specs ask for).
 *
 * @example (await renderPng(classDistributionChart({ N: 3 })))[1] // => 0x50 ('P' of the PNG signature)
 */
export async function renderPng(spec: VlSpec, opts: PngOptions = {}): Promise<Uint8Array> {
  return svgToPng(await renderSvg(spec), opts);
}

/**
 * Rasterises an SVG document to PNG with resvg and the system fonts.
 *
 * @example svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="2" height="2"/>').length > 8 // => true
 */
export function svgToPng(svg: string, opts: PngOptions = {}): Uint8Array {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: opts.scale ?? 2 },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
  });
  return new Uint8Array(resvg.render().asPng());
}

/**
 * Writes `<fileBase>.svg`, `<fileBase>.png` and the spec as `<fileBase>.vl.json`, each
 * atomically, so a figure on disk always has its source beside it.
 *
 * @example await writeChart(classDistributionChart({ N: 3 }), 'outputs/figures/classes') // => { svg: 'outputs/figures/classes.svg', … }
 */
export async function writeChart(spec: VlSpec, fileBase: string, opts: PngOptions = {}): Promise<WrittenChart> {
  return writeChartFiles(spec, await renderSvg(spec), fileBase, opts);
}

/**
 * Writes an already rendered chart's SVG, PNG and spec files atomically (shared by
 * {@link writeChart} and show, which renders the SVG once for both display and files).
 *
 * @example writeChartFiles(spec, svg, 'outputs/figures/cm').png // => 'outputs/figures/cm.png'
 */
export function writeChartFiles(spec: VlSpec, svg: string, fileBase: string, opts: PngOptions = {}): WrittenChart {
  const files: WrittenChart = { svg: `${fileBase}.svg`, png: `${fileBase}.png`, spec: `${fileBase}.vl.json` };
  writeFileAtomic(files.svg, svg);
  writeFileAtomic(files.png, svgToPng(svg, opts));
  writeJsonAtomic(files.spec, spec);
  return files;
}
