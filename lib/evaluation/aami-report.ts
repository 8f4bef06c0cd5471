import type { ClassificationReport } from './evaluate-classifier';
import type { Interval, RecordBootstrap } from './record-bootstrap';

/** Se and +P of one AAMI class, in percent. */
export interface SePpv {
  se: number;
  ppv: number;
  /** 95 % record-bootstrap intervals of Se and +P, in percent (when the report has them). */
  ci95?: { se: Interval; ppv: Interval };
}

/**
 * de Chazal, O'Dwyer & Reilly 2004 (IEEE TBME 51:1196), linear discriminants on morphology and RR
 * features, inter-patient DS1 → DS2: the usual baseline for inter-patient AAMI results (percent).
 */
export const DE_CHAZAL_2004: Readonly<Record<'N' | 'S' | 'V' | 'F', SePpv>> = {
  N: { se: 86.9, ppv: 99.2 },
  S: { se: 75.9, ppv: 38.5 },
  V: { se: 77.7, ppv: 81.9 },
  F: { se: 89.4, ppv: 8.6 },
};

/** The AAMI-style summary: Se and +P (percent) of N, S, V, F, beside the de Chazal baseline. */
export interface AamiReport {
  classes: Partial<Record<'N' | 'S' | 'V' | 'F', SePpv>>;
  /** Percentage points above (+) or below (−) de Chazal et al. 2004 (meaningful for inter-patient DS1→DS2 only). */
  versusDeChazal: Partial<Record<'N' | 'S' | 'V' | 'F', SePpv>>;
  reference: string;
}

const round = (v: number) => Math.round(v * 1000) / 1000;

/**
 * Se and +P in percent for the AAMI classes N, S, V and F present in a report (ANSI/AAMI EC57),
 * with the differences to de Chazal et al. 2004, and the 95 % intervals of `ci` (lib/evaluation's
 * recordBootstrap) beside each figure when given.
 *
 * @example aamiReport(report).classes.V // => { se: 91.2, ppv: 88.4 } (for example)
 */
export function aamiReport(report: Pick<ClassificationReport, 'perClass'>, ci?: RecordBootstrap): AamiReport {
  const classes: AamiReport['classes'] = {};
  const versus: AamiReport['versusDeChazal'] = {};
  for (const c of ['N', 'S', 'V', 'F'] as const) {
    const m = report.perClass[c];
    if (!m) continue;
    const pct = (v: Interval | undefined): Interval => (v ? [round(100 * v[0]), round(100 * v[1])] : null);
    const interval = ci?.perClass[c];
    classes[c] = {
      se: round(100 * m.se),
      ppv: round(100 * m.ppv),
      ...(interval ? { ci95: { se: pct(interval.se), ppv: pct(interval.ppv) } } : {}),
    };
    versus[c] = { se: round(100 * m.se - DE_CHAZAL_2004[c].se), ppv: round(100 * m.ppv - DE_CHAZAL_2004[c].ppv) };
  }
  return {
    classes,
    versusDeChazal: versus,
    reference:
      "de Chazal P, O'Dwyer M, Reilly RB. Automatic classification of heartbeats using ECG morphology and heartbeat interval features. IEEE TBME 2004;51(7):1196-1206 (inter-patient DS1→DS2)",
  };
}
