import { EcgInputError } from '../common';
import { baseSpec, type ChartOptions, type VlSpec } from './chart-frame';

/**
 * Two or more finished charts in one row under a common title (Vega-Lite hconcat), e.g. the
 * confusion matrices of one model under two protocols. Each panel keeps its own title; the
 * panels' top-level frame (schema, config, background) is replaced by one shared frame.
 *
 * @throws EcgInputError for fewer than two panels or a panel that is itself a concatenation.
 * @example sideBySideChart([confusionMatrixChart(a), confusionMatrixChart(b)], { title: 'Study 5' }).hconcat.length // => 2
 */
export function sideBySideChart(panels: readonly VlSpec[], opts: ChartOptions = {}): VlSpec {
  if (panels.length < 2)
    throw new EcgInputError(
      `${panels.length} panel(s)`,
      { file: 'sideBySideChart', at: 'panels' },
      'two or more charts',
    );
  const frame = baseSpec('', opts);
  const hconcat = panels.map((p, i) => {
    if ('hconcat' in p || 'vconcat' in p || 'concat' in p)
      throw new EcgInputError('a concatenated chart', { file: 'sideBySideChart', at: `panels[${i}]` }, 'single charts');
    const { $schema: _s, config: _c, background: _b, padding: _p, ...rest } = p;
    return rest;
  });
  const out: VlSpec = { ...frame, hconcat, spacing: 24 };
  if (!opts.title && !opts.subtitle && !opts.note && !opts.synthetic) delete out.title;
  return out;
}
