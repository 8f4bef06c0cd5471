import type { StudyRunResult } from './run-study';
import type { StudyPreset } from './study-preset';

const SHORT: Record<string, string> = {
  accuracy: 'acc',
  balancedAccuracy: 'bal. acc',
  precision: 'P',
  recall: 'R',
  specificity: 'spec',
  f1: 'F1',
  rocAuc: 'AUROC',
  aupr: 'AUPR',
};

/** One row of the replication table: a study's model, published vs ours (as published, honest). */
export interface StudyTableRow {
  study: string;
  model: string;
  /** Headline figures the study published, or "none published". */
  published: string;
  ours: string;
  honest: string;
  /** Honest minus as-published, per headline metric. */
  gap: string;
  /** Epochs run of the study's count, per split, e.g. "4/100". */
  epochs: string;
  why: string;
  /** The same figures as numbers, for files and charts. */
  values: {
    metric: string;
    published: number | null;
    ours: number | null;
    honest: number | null;
  }[];
}

const fmt = (v: number | null | undefined) => (v === null || v === undefined ? 'n/a' : v.toFixed(3));

/**
 * The rows of the study table from a preset and its two runs (one row per model): headline
 * metrics published, ours under the study's split, ours under the honest split, and the gap.
 * No published figure is made up: a metric the study did not report shows as "—".
 *
 * @example studyTableRows(preset, own, honest)[0].gap // => 'acc −0.310 · F1 −0.402'
 */
export function studyTableRows(preset: StudyPreset, own: StudyRunResult, honest: StudyRunResult): StudyTableRow[] {
  return Object.keys(preset.models).map((model) => {
    const a = own.models[model];
    const h = honest.models[model];
    const values = preset.headline.map((metric) => ({
      metric,
      published: preset.published.figures[metric] ?? null,
      ours: a.metrics[metric] ?? null,
      honest: h.metrics[metric] ?? null,
    }));
    const join = (pick: (v: (typeof values)[number]) => string) =>
      values.map((v) => `${SHORT[v.metric] ?? v.metric} ${pick(v)}`).join(' · ');
    const anyPublished = values.some((v) => v.published !== null);
    return {
      study: `${preset.study}. ${preset.title}`,
      model,
      published: anyPublished ? join((v) => (v.published === null ? '—' : String(v.published))) : 'none published',
      ours: join((v) => fmt(v.ours)),
      honest: join((v) => fmt(v.honest)),
      gap: join((v) =>
        v.ours === null || v.honest === null
          ? 'n/a'
          : `${v.honest - v.ours >= 0 ? '+' : '−'}${Math.abs(v.honest - v.ours).toFixed(3)}`,
      ),
      epochs: `${a.epochsRun}/${preset.training.epochs} · ${h.epochsRun}/${preset.training.epochs}`,
      why: preset.explain,
      values,
    };
  });
}
