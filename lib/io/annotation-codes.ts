/**
 * The WFDB annotation code table (ecgcodes.h of the WFDB library; mnemonics as printed by
 * rdann, https://physionet.org/physiotools/wag/annot-5.htm): code → [mnemonic, name].
 * Codes 15, 17 and 42..49 are unassigned; WFDB prints them as `[code]`.
 */
const TABLE: [string, string][] = [
  [' ', 'NOTQRS: not-QRS (not a getann/putann code)'],
  ['N', 'NORMAL: normal beat'],
  ['L', 'LBBB: left bundle branch block beat'],
  ['R', 'RBBB: right bundle branch block beat'],
  ['a', 'ABERR: aberrated atrial premature beat'],
  ['V', 'PVC: premature ventricular contraction'],
  ['F', 'FUSION: fusion of ventricular and normal beat'],
  ['J', 'NPC: nodal (junctional) premature beat'],
  ['A', 'APC: atrial premature contraction'],
  ['S', 'SVPB: premature or ectopic supraventricular beat'],
  ['E', 'VESC: ventricular escape beat'],
  ['j', 'NESC: nodal (junctional) escape beat'],
  ['/', 'PACE: paced beat'],
  ['Q', 'UNKNOWN: unclassifiable beat'],
  ['~', 'NOISE: signal quality change'],
  ['[15]', 'unassigned'],
  ['|', 'ARFCT: isolated QRS-like artifact'],
  ['[17]', 'unassigned'],
  ['s', 'STCH: ST change'],
  ['T', 'TCH: T-wave change'],
  ['*', 'SYSTOLE: systole'],
  ['D', 'DIASTOLE: diastole'],
  ['"', 'NOTE: comment annotation'],
  ['=', 'MEASURE: measurement annotation'],
  ['p', 'PWAVE: P-wave peak'],
  ['B', 'BBB: left or right bundle branch block beat'],
  ['^', 'PACESP: non-conducted pacer spike'],
  ['t', 'TWAVE: T-wave peak'],
  ['+', 'RHYTHM: rhythm change'],
  ['u', 'UWAVE: U-wave peak'],
  ['?', 'LEARN: learning'],
  ['!', 'FLWAV: ventricular flutter wave'],
  ['[', 'VFON: start of ventricular flutter/fibrillation'],
  [']', 'VFOFF: end of ventricular flutter/fibrillation'],
  ['e', 'AESC: atrial escape beat'],
  ['n', 'SVESC: supraventricular escape beat'],
  ['@', 'LINK: link to external data (aux holds the URL)'],
  ['x', 'NAPC: non-conducted P-wave (blocked APB)'],
  ['f', 'PFUS: fusion of paced and normal beat'],
  ['(', 'WFON: waveform onset'],
  [')', 'WFOFF: waveform end'],
  ['r', 'RONT: R-on-T premature ventricular contraction'],
  ['[42]', 'unassigned'],
  ['[43]', 'unassigned'],
  ['[44]', 'unassigned'],
  ['[45]', 'unassigned'],
  ['[46]', 'unassigned'],
  ['[47]', 'unassigned'],
  ['[48]', 'unassigned'],
  ['[49]', 'unassigned'],
];

/** Highest annotation code of the standard table. */
export const ACMAX = 49;

/** Pseudo-codes of the MIT annotation format: they modify an annotation and are not stored as one. */
export const SKIP = 59;
export const NUM = 60;
export const SUB = 61;
export const CHAN = 62;
export const AUX = 63;

/** Code of the rhythm-change annotation (`+`, aux text such as `(AFIB`). */
export const RHYTHM = 28;

/**
 * The mnemonic WFDB prints for an annotation code (`[code]` for unassigned codes 15, 17, 42..58).
 *
 * @example annotationSymbol(5) // => 'V'
 */
export function annotationSymbol(code: number): string {
  if (code >= 0 && code <= ACMAX) return TABLE[code][0];
  return `[${code}]`;
}

/**
 * The WFDB name and meaning of an annotation code.
 *
 * @example annotationDescription(8) // => 'APC: atrial premature contraction'
 */
export function annotationDescription(code: number): string {
  if (code >= 0 && code <= ACMAX) return TABLE[code][1];
  return 'unassigned';
}

/**
 * The code of a mnemonic (inverse of `annotationSymbol`), or undefined.
 *
 * @example annotationCode('A') // => 8
 */
export function annotationCode(symbol: string): number | undefined {
  const i = TABLE.findIndex(([s]) => s === symbol);
  if (i >= 0) return i;
  const m = /^\[(\d+)\]$/.exec(symbol);
  return m && Number(m[1]) <= 58 ? Number(m[1]) : undefined;
}
