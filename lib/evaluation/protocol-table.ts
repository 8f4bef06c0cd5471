import type { AamiReport } from './aami-report';
import type { Interval, RecordBootstrap } from './record-bootstrap';

/** The parts of a protocol's results the summary table reads. */
export interface ProtocolSummaryInput {
  n: number;
  accuracy: number;
  balancedAccuracy: number;
  macroF1: number;
  trainRecords: string[];
  testRecords: string[];
  aami: AamiReport;
  ci95?: RecordBootstrap;
}

/** One row of the protocol summary: figures and their 95 % intervals as "lo–hi" text. */
export type ProtocolSummaryRow = Record<string, string | number | null>;

const span = (v: Interval | undefined, scale: number, digits: number) =>
  v ? `${(scale * v[0]).toFixed(digits)}–${(scale * v[1]).toFixed(digits)}` : null;

/**
 * One row per protocol for notebook and README tables: test beats, accuracy and macro-F1 with their
 * record-bootstrap 95 % intervals, and Se / +P (percent) of the AAMI `classes` with theirs.
 *
 * @example protocolSummaryRows(results.protocols)[0]['S Se %'] // => 78.2 (for example), with 'S Se 95 %': '61.0–90.1'
 */
export function protocolSummaryRows(
  protocols: Record<string, ProtocolSummaryInput>,
  classes: readonly ('N' | 'S' | 'V' | 'F')[] = ['S', 'V', 'F'],
): ProtocolSummaryRow[] {
  return Object.entries(protocols).map(([protocol, r]) => {
    const row: ProtocolSummaryRow = {
      protocol,
      records: new Set([...r.trainRecords, ...r.testRecords]).size,
      testBeats: r.n,
      accuracy: +r.accuracy.toFixed(4),
      'accuracy 95 %': span(r.ci95?.accuracy ?? undefined, 1, 4),
      balancedAccuracy: +r.balancedAccuracy.toFixed(4),
      macroF1: +r.macroF1.toFixed(4),
      'macroF1 95 %': span(r.ci95?.macroF1 ?? undefined, 1, 3),
    };
    for (const c of classes) {
      const a = r.aami.classes[c];
      row[`${c} Se %`] = a ? +a.se.toFixed(1) : null;
      row[`${c} Se 95 %`] = span(a?.ci95?.se ?? undefined, 1, 1);
      row[`${c} +P %`] = a ? +a.ppv.toFixed(1) : null;
      row[`${c} +P 95 %`] = span(a?.ci95?.ppv ?? undefined, 1, 1);
    }
    return row;
  });
}

/**
 * Se and +P (percent) of the AAMI `classes` with their 95 % intervals, one point per protocol and
 * figure, in the shape lib/viz's intervalChart draws.
 *
 * @example viz.intervalChart(protocolIntervalPoints(results.protocols))
 */
export function protocolIntervalPoints(
  protocols: Record<string, Pick<ProtocolSummaryInput, 'aami'>>,
  classes: readonly ('N' | 'S' | 'V' | 'F')[] = ['S', 'V'],
): { label: string; value: number; lo: number | null; hi: number | null; group: string }[] {
  return Object.entries(protocols).flatMap(([protocol, r]) =>
    classes.flatMap((c) => {
      const a = r.aami.classes[c];
      if (!a) return [];
      return (['se', 'ppv'] as const).map((k) => ({
        label: `${c} ${k === 'se' ? 'Se' : '+P'}`,
        value: a[k],
        lo: a.ci95?.[k]?.[0] ?? null,
        hi: a.ci95?.[k]?.[1] ?? null,
        group: protocol,
      }));
    }),
  );
}
