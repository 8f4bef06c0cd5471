import { confusionMatrixChart, type VlSpec } from '../../lib/viz';

/**
 * A small row-normalised confusion-matrix chart of synthetic counts (N/V, 9 1 / 2 8), titled as
 * synthetic: the chart the render and show tests draw.
 *
 * @example await renderSvg(syntheticConfusionChart()) // => '<svg …>'
 */
export function syntheticConfusionChart(): VlSpec {
  return confusionMatrixChart(
    {
      labels: ['N', 'V'],
      matrix: [
        [9, 1],
        [2, 8],
      ],
    },
    { normalize: 'row', synthetic: true },
  );
}
