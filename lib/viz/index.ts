/**
 * Charts: pure builders that turn plain data (typed arrays, arrays of numbers or records; never
 * tensors) into Vega-Lite v6 specs, plus headless rendering to SVG/PNG and inline display in
 * tslab notebooks.
 *
 * Every builder takes `ChartOptions`: `title`, `subtitle` and `note` (say which protocol and
 * data produced the figure) and `synthetic: true`, which puts "SYNTHETIC DATA" in the title.
 * Typical notebook use:
 *
 *   const spec = confusionMatrixChart({ labels, matrix }, { normalize: 'row', subtitle: 'inter-patient, DS2' });
 *   await show(spec, { writeTo: 'outputs/figures/confusion' }); // inline + .svg/.png/.vl.json
 *
 * vega and vega-lite are ESM-only and are loaded with `await import()` inside the renderers, so
 * importing this module stays cheap and CommonJS-safe.
 */
export { VEGA_LITE_SCHEMA, SYNTHETIC_LABEL, chartTitle, baseSpec, type ChartOptions, type VlSpec } from './chart-frame';
export { minMaxDownsample } from './min-max-downsample';
export {
  ecgStripChart,
  type EcgStripInput,
  type EcgStripOptions,
  type StripAnnotation,
  type StripBeatLabel,
} from './ecg-strip-chart';
export { stripAnnotations } from './strip-annotations';
export { filterOverlayChart, type FilterOverlayInput, type FilterOverlayOptions } from './filter-overlay-chart';
export {
  filterResponseChart,
  type FilterResponseCurve,
  type FilterResponseChartInput,
  type FilterResponseChartOptions,
} from './filter-response-chart';
export { intervalChart, type IntervalPoint, type IntervalChartOptions } from './interval-chart';
export { classDistributionChart, type ClassCount, type ClassDistributionOptions } from './class-distribution-chart';
export {
  beatGalleryChart,
  beatBand,
  type ClassBeats,
  type BeatBand,
  type BeatGalleryOptions,
} from './beat-gallery-chart';
export {
  trainingHistoryChart,
  historyToLong,
  historyQuantities,
  type HistoryRecord,
  type HistoryPoint,
  type TrainingHistoryOptions,
} from './training-history-chart';
export {
  confusionMatrixChart,
  confusionCells,
  type ConfusionInput,
  type ConfusionCell,
  type ConfusionMatrixOptions,
} from './confusion-matrix-chart';
export { rocChart, prChart, type RocSeries, type PrSeries } from './roc-pr-charts';
export { sweepChart, sweepBarChart, type SweepResult, type SweepOptions, type SweepBarOptions } from './sweep-charts';
export { parallelCoordinatesChart, type ParallelCoordinatesOptions } from './parallel-coordinates-chart';
export {
  samplePredictionsChart,
  predictionTitle,
  type BeatPrediction,
  type SamplePredictionsOptions,
} from './sample-predictions-chart';
export {
  renderSvg,
  renderPng,
  svgToPng,
  writeChart,
  writeChartFiles,
  type WrittenChart,
  type PngOptions,
} from './render';
export { sideBySideChart } from './side-by-side-chart';
export { show, chartBundle, VEGALITE_MIME, type ShowOptions, type ShowResult } from './show';
export { displayBundle, type MimeBundle } from './kernel-display';
export {
  showTable,
  tableHtml,
  tableText,
  tableCells,
  type TableLike,
  type TableOptions,
  type TableCells,
} from './table';
