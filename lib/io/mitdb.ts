import * as fs from 'fs';
import * as path from 'path';
import { EcgInputError } from '../common';

/** The 48 records of the MIT-BIH Arrhythmia Database (Moody & Mark 2001). */
export const MITDB_RECORDS: string[] = [
  '100',
  '101',
  '102',
  '103',
  '104',
  '105',
  '106',
  '107',
  '108',
  '109',
  '111',
  '112',
  '113',
  '114',
  '115',
  '116',
  '117',
  '118',
  '119',
  '121',
  '122',
  '123',
  '124',
  '200',
  '201',
  '202',
  '203',
  '205',
  '207',
  '208',
  '209',
  '210',
  '212',
  '213',
  '214',
  '215',
  '217',
  '219',
  '220',
  '221',
  '222',
  '223',
  '228',
  '230',
  '231',
  '232',
  '233',
  '234',
];

/** Paced records, excluded from the AAMI EC57 inter-patient protocol. */
/** The 10 records shipped in data/mitdb, which the quick profile and the tests use (see data/mitdb/README.md). */
export const SUBSET_RECORDS: string[] = ['100', '101', '106', '107', '119', '200', '208', '209', '213', '232'];

export const PACED: string[] = ['102', '104', '107', '217'];

/** Training half of the inter-patient split of de Chazal, O'Dwyer & Reilly (IEEE TBME 2004). */
export const DS1: string[] = [
  '101',
  '106',
  '108',
  '109',
  '112',
  '114',
  '115',
  '116',
  '118',
  '119',
  '122',
  '124',
  '201',
  '203',
  '205',
  '207',
  '208',
  '209',
  '215',
  '220',
  '223',
  '230',
];

/** Test half of the inter-patient split of de Chazal et al. (2004). */
export const DS2: string[] = [
  '100',
  '103',
  '105',
  '111',
  '113',
  '117',
  '121',
  '123',
  '200',
  '202',
  '210',
  '212',
  '213',
  '214',
  '219',
  '221',
  '222',
  '228',
  '231',
  '232',
  '233',
  '234',
];

/** The five heartbeat classes of ANSI/AAMI EC57. */
export type AamiClass = 'N' | 'S' | 'V' | 'F' | 'Q';
export const AAMI_CLASSES: AamiClass[] = ['N', 'S', 'V', 'F', 'Q'];

const AAMI: Record<string, AamiClass> = {
  N: 'N',
  L: 'N',
  R: 'N',
  e: 'N',
  j: 'N',
  A: 'S',
  a: 'S',
  J: 'S',
  S: 'S',
  V: 'V',
  E: 'V',
  F: 'F',
  '/': 'Q',
  f: 'Q',
  Q: 'Q',
};

/**
 * The AAMI EC57 class of a beat annotation mnemonic (N = N L R e j, S = A a J S, V = V E, F = F,
 * Q = / f Q), or undefined for non-beat annotations and beats outside the mapping.
 *
 * @example aamiClass('L') // => 'N'
 */
export function aamiClass(symbol: string): AamiClass | undefined {
  return Object.prototype.hasOwnProperty.call(AAMI, symbol) ? AAMI[symbol] : undefined;
}

/** Beat codes of the WFDB library's isqrs() table (ecgmap.h). */
const BEATS = new Set(['N', 'L', 'R', 'a', 'V', 'F', 'J', 'A', 'S', 'E', 'j', '/', 'Q', 'B', '?', 'e', 'n', 'f', 'r']);

/**
 * True for annotation mnemonics that mark a QRS complex (WFDB isqrs: N L R a V F J A S E j / Q B ?
 * e n f r); rhythm, noise, artifact, flutter-wave and comment annotations are not beats.
 *
 * @example isBeat('+') // => false
 */
export function isBeat(symbol: string): boolean {
  return BEATS.has(symbol);
}

/**
 * Record names in a WFDB folder: the lines of its RECORDS file, else every `.hea` name (sorted).
 *
 * @example listRecords('data/mitdb') // => ['100', '101', '106', ...]
 * @throws EcgInputError when the folder cannot be read
 */
export function listRecords(dir: string): string[] {
  const recordsFile = path.join(dir, 'RECORDS');
  if (fs.existsSync(recordsFile)) {
    return fs
      .readFileSync(recordsFile, 'utf8')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#'));
  }
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch (e) {
    throw new EcgInputError(
      `cannot list folder (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
      { file: dir },
      'a folder of WFDB records',
    );
  }
  return names
    .filter((n) => n.endsWith('.hea'))
    .map((n) => n.slice(0, -4))
    .sort();
}
