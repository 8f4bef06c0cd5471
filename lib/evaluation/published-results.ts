// Published MIT-BIH results in AAMI classes, for comparison tables: figures as read in the source
// named in each row (a secondary table where the paper itself was not reachable), with how the
// model was chosen where that source says. Hu et al. 1997 is left out: no AAMI figures were found.

/** One published result: S (SVEB) and V (VEB) Se/+P in percent (null: not reported in the source read). */
export interface PublishedResult {
  method: string;
  year: number;
  venue: string;
  sSe: number | null;
  sPpv: number | null;
  vSe: number | null;
  vPpv: number | null;
  /** Where the figures were read. */
  source: string;
  /** How the model was chosen: DS1-only selection stated, not stated, or looked at DS2. */
  selection: string;
  /** high: primary text seen; med: secondary table; low: sources disagree. */
  confidence: 'high' | 'med' | 'low';
}

/** Inter-patient (DS1 → DS2) results, in year order. */
export const PUBLISHED_INTER_PATIENT: readonly PublishedResult[] = [
  {
    method: "de Chazal, O'Dwyer & Reilly",
    year: 2004,
    venue: 'IEEE TBME 51(7)',
    sSe: 75.9,
    sPpv: 38.5,
    vSe: 77.7,
    vPpv: 81.9,
    source: 'Garcia et al. 2017 Table 2 (nature.com/articles/s41598-017-09837-3)',
    selection: 'not stated in the source read',
    confidence: 'high',
  },
  {
    method: 'Llamedo & Martínez',
    year: 2011,
    venue: 'IEEE TBME 58(3)',
    sSe: 77,
    sPpv: 39,
    vSe: 81,
    vPpv: 87,
    source: 'abstract of the paper',
    selection: 'DS1 only: features selected on training/validation data (abstract)',
    confidence: 'high',
  },
  {
    method: 'Mar et al.',
    year: 2011,
    venue: 'IEEE TBME 58(8)',
    sSe: 83.2,
    sPpv: 33.5,
    vSe: 86.8,
    vPpv: 75.9,
    source: 'PMC5499251 Table 4',
    selection: 'not stated in the source read',
    confidence: 'med',
  },
  {
    method: 'Zhang et al.',
    year: 2014,
    venue: 'Comput Biol Med',
    sSe: 79.1,
    sPpv: 36.0,
    vSe: 85.5,
    vPpv: 92.7,
    source: 'PMC5499251 Table 4',
    selection: 'not stated in the source read',
    confidence: 'med',
  },
  {
    method: 'Lin & Yang',
    year: 2014,
    venue: 'J Med Biol Eng',
    sSe: 81,
    sPpv: 31,
    vSe: 86,
    vPpv: 73,
    source: 'Garcia et al. 2017 Table 2 (3 classes)',
    selection: 'not stated in the source read',
    confidence: 'med',
  },
  {
    method: 'Garcia et al.',
    year: 2017,
    venue: 'Sci Rep 7',
    sSe: 62.0,
    sPpv: 53.0,
    vSe: 87.3,
    vPpv: 59.4,
    source: 'the paper, Table 5 (3 classes)',
    selection: 'not stated in the source read',
    confidence: 'high',
  },
];

/** Patient-specific results (AAMI: the first 5 minutes of each test record used for training). */
export const PUBLISHED_PATIENT_SPECIFIC: readonly PublishedResult[] = [
  {
    method: 'de Chazal & Reilly (patient-adaptable)',
    year: 2006,
    venue: 'IEEE TBME 53(12)',
    sSe: 87.7,
    sPpv: 47.0,
    vSe: 94.3,
    vPpv: 96.2,
    source: 'PMC5499251 Table 4',
    selection: 'patient-specific (first 5 min labelled)',
    confidence: 'med',
  },
  {
    method: 'Ince, Kiranyaz & Gabbouj',
    year: 2009,
    venue: 'IEEE TBME 56(5)',
    sSe: 63.5,
    sPpv: 53.7,
    vSe: 84.6,
    vPpv: 86.7,
    source: 'PMC5499251 Table 4 (another secondary table gives V +P 87.4)',
    selection: 'patient-specific (first 5 min labelled)',
    confidence: 'med',
  },
  {
    method: 'Kiranyaz, Ince & Gabbouj',
    year: 2016,
    venue: 'IEEE TBME 63(3)',
    sSe: 64.6,
    sPpv: 62.1,
    vSe: 95.0,
    vPpv: 89.5,
    source: 'PMC5499251 Table 4 (record subset unclear)',
    selection: 'patient-specific (first 5 min labelled)',
    confidence: 'med',
  },
];
