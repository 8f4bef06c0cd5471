import { aamiReport, type AamiReport } from './aami-report';
import type { ClassificationReport } from './evaluate-classifier';
import type { RecordBootstrap } from './record-bootstrap';

/** The evaluation protocols the project reports. */
export type ProtocolName = 'inter-patient' | 'intra-patient' | 'patient-adapted' | 'cross-validation';

/** A report that says which protocol and data produced its figures. */
export interface ProtocolReport extends ClassificationReport {
  protocol: ProtocolName;
  protocolDescription: string;
  /** Caveats a reader must see next to the numbers. */
  protocolNotes: string[];
  trainRecords: string[];
  testRecords: string[];
  aami: AamiReport;
  /** 95 % record-bootstrap intervals of the headline figures (fractions), when computed. */
  ci95?: RecordBootstrap;
}

const DESCRIPTIONS: Record<ProtocolName, string> = {
  'inter-patient':
    'Inter-patient (de Chazal et al. 2004): trained on the beats of one set of patients (DS1), tested on other patients (DS2); no patient contributes beats to both sides.',
  'intra-patient': 'Intra-patient: beats of all records pooled and split at random into training and test beats.',
  'patient-adapted':
    'Patient-adapted (ANSI/AAMI EC57 patient-specific rule): the inter-patient model (trained on DS1) is fine-tuned for each test record on its labelled beats of the first 5 minutes, then scored on the rest of that record.',
  'cross-validation':
    'k-fold cross-validation with folds grouped by patient (record) and stratified by class; figures pooled over the out-of-fold predictions.',
};

/**
 * Wraps a classification report with its protocol, the records on each side and the AAMI summary;
 * the intra-patient report carries the warning that one patient's beats sit on both sides, which
 * makes its figures optimistic for new patients (de Chazal et al. 2004; Luz et al. 2016).
 * `extraNotes` (e.g. lib/data's split description) are kept after that warning. With `ci` (lib/evaluation's
 * recordBootstrap), the report carries the intervals as `ci95` and beside each AAMI figure.
 *
 * @example protocolReport('intra-patient', report, ['100'], ['100']).protocolNotes[0] // => 'Beats of one patient sit on both sides ...'
 */
export function protocolReport(
  protocol: ProtocolName,
  report: ClassificationReport,
  trainRecords: readonly string[],
  testRecords: readonly string[],
  extraNotes: readonly string[] = [],
  ci?: RecordBootstrap,
): ProtocolReport {
  const notes: string[] = [...extraNotes];
  const shared = trainRecords.filter((r) => testRecords.includes(r));
  if (protocol === 'intra-patient') {
    notes.unshift(
      'Beats of one patient sit on both sides of the split (random beat split), so the classifier has seen each test patient during training: these figures are optimistic and do not measure performance on new patients.',
    );
  } else if (shared.length > 0) {
    notes.push(`Records ${shared.join(', ')} appear on both sides although the protocol is ${protocol}.`);
  }
  return {
    protocol,
    protocolDescription: DESCRIPTIONS[protocol],
    protocolNotes: notes,
    trainRecords: [...trainRecords],
    testRecords: [...testRecords],
    ...report,
    aami: aamiReport(report, ci),
    ...(ci ? { ci95: ci } : {}),
  };
}
