import { EcgInputError } from '../common';

/** One signal line of a WFDB header (see the WFDB header(5) specification). */
export interface WfdbSignalSpec {
  /** Signal file name, relative to the header's folder ("-" would mean standard input). */
  file: string;
  /** Storage format (8, 16, 24, 32, 61, 80, 160, 212, 310, 311, ...). */
  format: number;
  /** Samples of this signal in each frame (the `xN` suffix; 1 when absent). */
  samplesPerFrame: number;
  /** Frames by which this signal's samples are delayed in the file (the `:N` suffix). */
  skew: number;
  /** Bytes to skip at the start of the signal file (the `+N` suffix). */
  byteOffset: number;
  /** ADC units per physical unit; 200 when the header gives none or 0 (uncalibrated). */
  gain: number;
  /** Digital value of 0 physical units; defaults to `adcZero`. */
  baseline: number;
  /** Physical units; 'mV' when absent. */
  units: string;
  /** ADC resolution in bits; 0 in the header means the format's default. */
  adcResolution: number;
  adcZero: number;
  /** Value of the first sample; defaults to `adcZero`. */
  initialValue: number;
  /** 16-bit sum of all samples, when the header gives one. */
  checksum: number | undefined;
  blockSize: number;
  description: string;
}

/** A parsed single-segment WFDB header. */
export interface WfdbHeader {
  record: string;
  nSignals: number;
  /** Frame rate in Hz (samples per second per signal with one sample per frame). */
  fsHz: number;
  /** Frames in the record; 0 when the header does not say. */
  nSamples: number;
  /** `HH:MM:SS` as written, when present. */
  baseTime?: string;
  /** `DD/MM/YYYY` as written, when present. */
  baseDate?: string;
  signals: WfdbSignalSpec[];
  /** Text of the `#` lines, without the `#`. */
  comments: string[];
}

/** Formats named by the WFDB signal(5) specification (not all of them are readable here). */
export const WFDB_FORMATS = [0, 8, 16, 24, 32, 61, 80, 160, 212, 310, 311, 508, 516, 524];

const DEFAULT_RESOLUTION: Record<number, number> = {
  8: 8,
  80: 8,
  16: 16,
  61: 16,
  160: 16,
  24: 24,
  32: 32,
  212: 12,
  310: 10,
  311: 10,
  508: 8,
  516: 16,
  524: 24,
};

const INT = /^[+-]?\d+$/;

/**
 * Parses the text of a WFDB header (`.hea`) file: record line, one line per signal, comments.
 * Reference: WFDB header(5), https://physionet.org/physiotools/wag/header-5.htm.
 *
 * @example parseHeader('100 2 360 650000\n100.dat 212 200 11 1024 995 -22131 0 MLII\n100.dat 212 200 11 1024 1011 20052 0 V5\n', '100.hea').signals[1].description // => 'V5'
 * @throws EcgInputError naming the file and line for multi-segment records, a missing or malformed field, an unknown format or too few signal lines
 */
export function parseHeader(text: string, file: string): WfdbHeader {
  const lines = text.split(/\r?\n/);
  const comments: string[] = [];
  let header: WfdbHeader | undefined;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const trimmed = raw.trim();
    if (trimmed.startsWith('#')) {
      comments.push(trimmed.slice(1).trim());
      continue;
    }
    // A `#` later in a line starts a trailing comment (WFDB allows them on record/signal lines).
    const hash = raw.indexOf('#');
    const content = (hash >= 0 ? raw.slice(0, hash) : raw).trim();
    if (hash >= 0) comments.push(raw.slice(hash + 1).trim());
    if (content === '') continue;
    const at = { file, at: `line ${i + 1}` };
    if (!header) {
      header = parseRecordLine(content, at);
    } else if (header.signals.length < header.nSignals) {
      header.signals.push(parseSignalLine(content, at));
    } else {
      throw new EcgInputError(
        `unexpected line '${clip(content)}' after the ${header.nSignals} signal line(s)`,
        at,
        'a comment line starting with #',
      );
    }
  }
  if (!header)
    throw new EcgInputError('no record line', { file, at: 'line 1' }, "a record line such as '100 2 360 650000'");
  if (header.signals.length < header.nSignals) {
    throw new EcgInputError(
      `header announces ${header.nSignals} signals but has ${header.signals.length} signal line(s)`,
      { file, at: `line ${lines.length}` },
      `${header.nSignals} signal lines`,
    );
  }
  header.comments = comments;
  return header;
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

function parseRecordLine(content: string, at: { file: string; at: string }): WfdbHeader {
  const f = content.split(/\s+/);
  const name = f[0];
  if (name.includes('/')) {
    throw new EcgInputError(
      `multi-segment record '${name}' is not supported`,
      at,
      'a single-segment record (no /segments in the record name)',
    );
  }
  if (!/^[\w.-]+$/.test(name))
    throw new EcgInputError(`bad record name '${clip(name)}'`, at, 'letters, digits, _, - or .');
  if (f.length < 2 || !INT.test(f[1]) || Number(f[1]) < 0) {
    throw new EcgInputError(
      `bad number of signals '${f[1] ?? ''}'`,
      at,
      'a non-negative integer after the record name',
    );
  }
  const nSignals = Number(f[1]);
  if (nSignals > 10000) throw new EcgInputError(`${nSignals} signals is implausible`, at, 'at most 10000 signals');
  let fsHz = 250; // WFDB's default when the frequency is omitted
  if (f.length >= 3) {
    // `360`, `360/720` (counter frequency) or `360/720(0)` (with base counter value)
    const m =
      /^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)(?:\/((?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)(?:\(([+-]?(?:\d+(?:\.\d*)?|\.\d+))\))?)?$/.exec(
        f[2],
      );
    if (!m || !(Number(m[1]) > 0))
      throw new EcgInputError(
        `bad sampling frequency '${clip(f[2])}'`,
        at,
        "a positive number, optionally with '/counter frequency(base)'",
      );
    fsHz = Number(m[1]);
  }
  let nSamples = 0;
  if (f.length >= 4) {
    if (!INT.test(f[3]) || Number(f[3]) < 0)
      throw new EcgInputError(`bad number of samples '${clip(f[3])}'`, at, 'a non-negative integer');
    nSamples = Number(f[3]);
    if (!Number.isSafeInteger(nSamples))
      throw new EcgInputError(`number of samples ${f[3]} is too large`, at, 'a safe integer');
  }
  const out: WfdbHeader = { record: name, nSignals, fsHz, nSamples, signals: [], comments: [] };
  if (f.length >= 5) {
    if (!/^\d{1,2}(:\d{1,2}){0,2}(\.\d+)?$/.test(f[4]))
      throw new EcgInputError(`bad base time '${clip(f[4])}'`, at, 'HH:MM:SS');
    out.baseTime = f[4];
  }
  if (f.length >= 6) {
    if (!/^\d{1,2}\/\d{1,2}\/\d{1,4}$/.test(f[5]))
      throw new EcgInputError(`bad base date '${clip(f[5])}'`, at, 'DD/MM/YYYY');
    out.baseDate = f[5];
  }
  if (f.length > 6)
    throw new EcgInputError(`unexpected field '${clip(f[6])}' on the record line`, at, 'at most 6 fields');
  return out;
}

function intField(value: string, what: string, at: { file: string; at: string }, min = -Infinity): number {
  if (!INT.test(value) || Number(value) < min || !Number.isSafeInteger(Number(value))) {
    throw new EcgInputError(`bad ${what} '${clip(value)}'`, at, min === 0 ? 'a non-negative integer' : 'an integer');
  }
  return Number(value);
}

function parseSignalLine(content: string, at: { file: string; at: string }): WfdbSignalSpec {
  const f = content.split(/\s+/);
  if (f.length < 2)
    throw new EcgInputError(`signal line '${clip(content)}' has no format`, at, 'a file name and a format');
  const fm = /^(\d+)(?:x(\d+))?(?::(\d+))?(?:\+(\d+))?$/.exec(f[1]);
  if (!fm)
    throw new EcgInputError(
      `bad format field '${clip(f[1])}'`,
      at,
      "format[xN][:skew][+offset], e.g. '212' or '16x4+512'",
    );
  const format = Number(fm[1]);
  if (!WFDB_FORMATS.includes(format))
    throw new EcgInputError(`unknown signal format ${format}`, at, `one of ${WFDB_FORMATS.join(', ')}`);
  const samplesPerFrame = fm[2] === undefined ? 1 : Number(fm[2]);
  if (samplesPerFrame < 1 || samplesPerFrame > 1 << 16)
    throw new EcgInputError(`bad samples per frame ${fm[2]}`, at, 'an integer from 1 to 65536');
  const skew = fm[3] === undefined ? 0 : Number(fm[3]);
  const byteOffset = fm[4] === undefined ? 0 : Number(fm[4]);
  if (!Number.isSafeInteger(skew) || !Number.isSafeInteger(byteOffset))
    throw new EcgInputError('skew or byte offset too large', at, 'safe integers');

  let gain = 200;
  let baseline: number | undefined;
  let units = 'mV';
  if (f.length >= 3) {
    const gm = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)(?:\(([+-]?\d+)\))?(?:\/(\S+))?$/.exec(f[2]);
    if (!gm)
      throw new EcgInputError(`bad gain field '${clip(f[2])}'`, at, "gain[(baseline)][/units], e.g. '200(0)/mV'");
    gain = Number(gm[1]);
    if (gain === 0) gain = 200; // WFDB: a gain of 0 means uncalibrated, treated as 200
    if (gm[2] !== undefined) baseline = Number(gm[2]);
    if (gm[3] !== undefined) units = gm[3];
  }
  const resolutionField = f.length >= 4 ? intField(f[3], 'ADC resolution', at, 0) : 0;
  const adcResolution = resolutionField === 0 ? (DEFAULT_RESOLUTION[format] ?? 0) : resolutionField;
  const adcZero = f.length >= 5 ? intField(f[4], 'ADC zero', at) : 0;
  const initialValue = f.length >= 6 ? intField(f[5], 'initial value', at) : adcZero;
  const checksum = f.length >= 7 ? intField(f[6], 'checksum', at) : undefined;
  const blockSize = f.length >= 8 ? intField(f[7], 'block size', at, 0) : 0;
  const description = f.length >= 9 ? f.slice(8).join(' ') : '';
  if (!Number.isFinite(gain)) throw new EcgInputError(`bad gain '${clip(f[2])}'`, at, 'a finite number');
  return {
    file: f[0],
    format,
    samplesPerFrame,
    skew,
    byteOffset,
    gain,
    baseline: baseline ?? adcZero,
    units,
    adcResolution,
    adcZero,
    initialValue,
    checksum,
    blockSize,
    description,
  };
}
