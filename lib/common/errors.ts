/**
 * One catalogue for the project's error texts, so every bad-input message has the same shape:
 * what was read (file), where (line, byte, sample, key) and what was expected.
 */

/** Where in an input a problem was found. */
export interface Place {
  /** The file (or config, URL, record) being read. */
  file?: string;
  /** Human-readable position: "line 3", "byte 1024", "sample 650000", "key model.filters". */
  at?: string;
}

/**
 * The error every reader, parser and validator in lib throws for bad input.
 * Its message reads `<file>, <at>: <problem>; expected <expected>`.
 *
 * @example new EcgInputError('bad gain', { file: '100.hea', at: 'line 2' }, 'a positive number').message
 * // => '100.hea, line 2: bad gain; expected a positive number'
 */
export class EcgInputError extends Error {
  readonly file?: string;
  readonly at?: string;
  readonly expected?: string;
  constructor(problem: string, place: Place = {}, expected?: string) {
    super(formatInputError(problem, place, expected));
    this.name = 'EcgInputError';
    this.file = place.file;
    this.at = place.at;
    this.expected = expected;
  }
}

/**
 * Formats a bad-input message without throwing it.
 *
 * @example formatInputError('truncated', { file: 'x.dat', at: 'byte 9' }, '12 bytes')
 * // => 'x.dat, byte 9: truncated; expected 12 bytes'
 */
export function formatInputError(problem: string, place: Place = {}, expected?: string): string {
  const where = [place.file, place.at].filter((s) => s !== undefined && s !== '').join(', ');
  return `${where ? where + ': ' : ''}${problem}${expected ? `; expected ${expected}` : ''}`;
}

/**
 * True for errors lib throws on purpose (bad input), as opposed to bugs; the CLI prints the
 * former as one line and the latter with a stack.
 *
 * @example isInputError(new EcgInputError('x')) // => true
 */
export function isInputError(e: unknown): e is EcgInputError {
  return e instanceof EcgInputError;
}
