import * as fs from 'fs';
import * as path from 'path';
import { EcgInputError } from '../common';
import { parseHeader, type WfdbHeader, type WfdbSignalSpec } from './parse-header';
import {
  bytesForSamples,
  decodeSamples,
  formatGroup,
  invalidSampleValue,
  READABLE_FORMATS,
  samplesInBytes,
} from './signal-formats';

/** One signal of a record, in digital (ADC) units and in physical units. */
export interface EcgSignal {
  /** The header's description (e.g. 'MLII'), else `signal <index>`. */
  name: string;
  units: string;
  gain: number;
  baseline: number;
  format: number;
  /** Stored values; `samplesPerFrame` × the record's `nSamples` of them. */
  digital: Int32Array;
  /** (digital − baseline) / gain; NaN where WFDB's "invalid sample" value is stored. */
  mV: Float32Array;
  /**
   * Whether the header's checksum (16-bit sum of all samples) and initial value match the data;
   * undefined when the header gives no checksum or only part of the record was decoded.
   */
  checksumOk: boolean | undefined;
}

/** A WFDB record (or a sample range of one) with its signals decoded. */
export interface EcgRecord {
  name: string;
  fsHz: number;
  /** First frame read. */
  start: number;
  /** Frames read. */
  nSamples: number;
  header: WfdbHeader;
  signals: EcgSignal[];
}

/** Options of `readRecord`. */
export interface ReadRecordOptions {
  /** First frame (default 0). */
  start?: number;
  /** One past the last frame (default: the record's length). */
  end?: number;
  /** Indices of the header's signals to return, in this order (default: all). */
  channels?: number[];
  /** Decode the whole file and throw EcgInputError when a checksum or initial value disagrees. */
  verify?: boolean;
}

/** Signals stored together in one file (consecutive header lines naming the same file). */
interface FileGroup {
  file: string;
  format: number;
  byteOffset: number;
  /** Header indices of the group's signals. */
  members: number[];
  /** Samples per frame in the file (sum over members). */
  frameSize: number;
  maxSkew: number;
}

/**
 * Reads a WFDB record (`<path>.hea` and its signal files), optionally a frame range and a subset
 * of signals; only the bytes of the range are read, except for format 8 (first differences),
 * which is decoded from the start. Reference: WFDB header(5) and signal(5).
 *
 * @example readRecord('data/mitdb/100', { end: 1 }).signals[0].digital[0] // => 995
 * @throws EcgInputError naming the file and place for a missing or malformed header, a missing,
 *   truncated or oversized signal file, an unreadable format, a bad range, and (with `verify`) a
 *   checksum or initial-value mismatch
 */
export function readRecord(pathWithoutExt: string, opts: ReadRecordOptions = {}): EcgRecord {
  const heaFile = `${pathWithoutExt}.hea`;
  let text: string;
  try {
    text = fs.readFileSync(heaFile, 'latin1');
  } catch (e) {
    throw new EcgInputError(
      `cannot read header (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
      { file: heaFile },
      'a WFDB header file',
    );
  }
  const header = parseHeader(text, heaFile);
  const dir = path.dirname(heaFile);
  const groups = fileGroups(header, heaFile);
  const nFrames = header.nSamples > 0 ? header.nSamples : inferFrames(groups, dir, heaFile);

  const channels = opts.channels ?? header.signals.map((_, i) => i);
  for (const [k, c] of channels.entries()) {
    if (!Number.isInteger(c) || c < 0 || c >= header.nSignals) {
      throw new EcgInputError(
        `channel ${c} does not exist`,
        { file: heaFile, at: `channels[${k}]` },
        `an index from 0 to ${header.nSignals - 1}`,
      );
    }
  }
  const start = opts.start ?? 0;
  const end = opts.end ?? nFrames;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > nFrames) {
    throw new EcgInputError(
      `sample range ${start}..${end} is outside the record`,
      { file: heaFile, at: `sample ${start < 0 || !Number.isInteger(start) ? start : end}` },
      `0 ≤ start ≤ end ≤ ${nFrames}`,
    );
  }

  const digitalBySignal = new Map<number, { digital: Int32Array; checksumOk: boolean | undefined }>();
  for (const g of groups) {
    if (!g.members.some((m) => channels.includes(m))) continue;
    readGroup(g, header, dir, heaFile, nFrames, start, end, opts.verify === true, digitalBySignal);
  }

  const signals = channels.map((c): EcgSignal => {
    const spec = header.signals[c];
    const { digital, checksumOk } = digitalBySignal.get(c)!;
    return {
      name: spec.description || `signal ${c}`,
      units: spec.units,
      gain: spec.gain,
      baseline: spec.baseline,
      format: spec.format,
      digital,
      mV: toPhysical(digital, spec),
      checksumOk,
    };
  });
  return { name: header.record, fsHz: header.fsHz, start, nSamples: end - start, header, signals };
}

function toPhysical(digital: Int32Array, spec: WfdbSignalSpec): Float32Array {
  const out = new Float32Array(digital.length);
  const invalid = invalidSampleValue(spec.format);
  const base = spec.baseline;
  const inv = 1 / spec.gain;
  for (let i = 0; i < digital.length; i++) {
    const d = digital[i];
    out[i] = d === invalid ? NaN : (d - base) * inv;
  }
  return out;
}

function fileGroups(header: WfdbHeader, heaFile: string): FileGroup[] {
  const groups: FileGroup[] = [];
  header.signals.forEach((s, i) => {
    const last = groups[groups.length - 1];
    if (last && last.file === s.file) {
      if (s.format !== last.format) {
        throw new EcgInputError(
          `signal ${i} is stored in ${s.file} as format ${s.format} but signal ${last.members[0]} as ${last.format}`,
          { file: heaFile, at: `signal ${i}` },
          'one format per signal file',
        );
      }
      last.members.push(i);
      last.frameSize += s.samplesPerFrame;
      last.maxSkew = Math.max(last.maxSkew, s.skew);
      return;
    }
    if (groups.some((g) => g.file === s.file)) {
      throw new EcgInputError(
        `signal ${i} names ${s.file}, whose other signals are not adjacent`,
        { file: heaFile, at: `signal ${i}` },
        'the signals of one file on consecutive lines',
      );
    }
    if (s.file === '-')
      throw new EcgInputError(
        'signals on standard input are not supported',
        { file: heaFile, at: `signal ${i}` },
        'a signal file name',
      );
    if (!READABLE_FORMATS.includes(s.format)) {
      throw new EcgInputError(
        `signal format ${s.format} cannot be read`,
        { file: heaFile, at: `signal ${i}` },
        `one of ${READABLE_FORMATS.join(', ')}`,
      );
    }
    groups.push({
      file: s.file,
      format: s.format,
      byteOffset: s.byteOffset,
      members: [i],
      frameSize: s.samplesPerFrame,
      maxSkew: s.skew,
    });
  });
  return groups;
}

function fileSize(file: string, heaFile: string): number {
  try {
    return fs.statSync(file).size;
  } catch (e) {
    throw new EcgInputError(
      `signal file ${path.basename(file)} named by the header cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
      { file: heaFile },
      'the file next to the header',
    );
  }
}

/** Frames in a record whose header omits the length: the fewest whole frames any file holds. */
function inferFrames(groups: FileGroup[], dir: string, heaFile: string): number {
  if (groups.length === 0) return 0;
  let frames = Infinity;
  for (const g of groups) {
    const bytes = Math.max(0, fileSize(path.join(dir, g.file), heaFile) - g.byteOffset);
    frames = Math.min(frames, Math.floor(samplesInBytes(g.format, bytes) / g.frameSize));
  }
  return frames;
}

function readGroup(
  g: FileGroup,
  header: WfdbHeader,
  dir: string,
  heaFile: string,
  nFrames: number,
  start: number,
  end: number,
  verify: boolean,
  out: Map<number, { digital: Int32Array; checksumOk: boolean | undefined }>,
): void {
  const file = path.join(dir, g.file);
  const size = fileSize(file, heaFile);
  const needed = g.byteOffset + bytesForSamples(g.format, nFrames * g.frameSize);
  if (size < needed) {
    throw new EcgInputError(
      `truncated signal file: ${size} bytes hold ${Math.floor(samplesInBytes(g.format, Math.max(0, size - g.byteOffset)) / g.frameSize)} of the ${nFrames} frames the header announces`,
      { file, at: `byte ${size}` },
      `${needed} bytes (${header.record}.hea: ${nFrames} frames of ${g.frameSize} format-${g.format} samples)`,
    );
  }
  // Packed formats pad their last group (two 310 samples take the bytes of three), so a file is
  // oversized only when it has bytes beyond the padding that hold at least one more whole frame.
  if (
    header.nSamples > 0 &&
    size > needed &&
    samplesInBytes(g.format, size - g.byteOffset) >= (nFrames + 1) * g.frameSize
  ) {
    throw new EcgInputError(
      `signal file holds more data than the header announces (${Math.floor(samplesInBytes(g.format, size - g.byteOffset) / g.frameSize)} frames, header says ${nFrames})`,
      { file, at: `byte ${needed}` },
      `${needed} bytes, or a header with the right number of samples or signals`,
    );
  }
  // Frames to decode: skewed signals need later frames; format 8 and verification need the start.
  const full = verify || g.format === 8;
  const from = full ? 0 : start;
  const to = full ? nFrames : Math.min(nFrames, end + g.maxSkew);
  const gs = formatGroup(g.format).samples;
  const firstSample = from * g.frameSize;
  const alignedSample = Math.floor(firstSample / gs) * gs;
  const lastSample = to * g.frameSize;
  const byteFrom = g.byteOffset + bytesForSamples(g.format, alignedSample);
  const byteTo = g.byteOffset + bytesForSamples(g.format, lastSample);
  const buf = Buffer.allocUnsafe(byteTo - byteFrom);
  const fd = fs.openSync(file, 'r');
  try {
    let got = 0;
    while (got < buf.length) {
      const n = fs.readSync(fd, buf, got, buf.length - got, byteFrom + got);
      if (n === 0) break;
      got += n;
    }
    if (got < buf.length)
      throw new EcgInputError('signal file ended early', { file, at: `byte ${byteFrom + got}` }, `${byteTo} bytes`);
  } finally {
    fs.closeSync(fd);
  }
  const stream = decodeSamples(buf, g.format, lastSample - alignedSample, file, byteFrom);
  const skip = firstSample - alignedSample; // samples before `from` that share its packing group
  const nRead = to - from;
  const wholeRecord = from === 0 && to === nFrames;

  let slot = 0; // position of the member's first sample within a frame
  for (const m of g.members) {
    const spec = header.signals[m];
    const spf = spec.samplesPerFrame;
    // The member's stored samples, frame after frame.
    const stored = new Int32Array(nRead * spf);
    if (spf === 1) {
      for (let t = 0, p = skip + slot; t < nRead; t++, p += g.frameSize) stored[t] = stream[p];
    } else {
      for (let t = 0; t < nRead; t++)
        for (let s = 0; s < spf; s++) stored[t * spf + s] = stream[skip + t * g.frameSize + slot + s];
    }
    if (g.format === 8) {
      let v = spec.initialValue;
      for (let i = 0; i < stored.length; i++) stored[i] = v = v + stored[i];
    }
    let checksumOk: boolean | undefined;
    if (wholeRecord && spec.checksum !== undefined) {
      let sum = 0;
      for (let i = 0; i < stored.length; i++) sum = (sum + stored[i]) & 0xffff;
      const sumOk = sum === (spec.checksum & 0xffff);
      const initOk = stored.length === 0 || stored[0] === spec.initialValue;
      checksumOk = sumOk && initOk;
      if (verify && !sumOk) {
        throw new EcgInputError(
          `checksum mismatch for signal ${m} (${spec.description || spec.file}): data sum to ${(sum << 16) >> 16}`,
          { file, at: `sample ${nFrames}` },
          `checksum ${spec.checksum} from ${header.record}.hea`,
        );
      }
      if (verify && !initOk) {
        throw new EcgInputError(
          `initial value mismatch for signal ${m} (${spec.description || spec.file}): first sample is ${stored[0]}`,
          { file, at: 'sample 0' },
          `initial value ${spec.initialValue} from ${header.record}.hea`,
        );
      }
    }
    // Sample t of a signal with skew k is stored in frame t + k; beyond the record it is invalid.
    const offset = (start - from + spec.skew) * spf;
    const n = (end - start) * spf;
    let digital: Int32Array;
    if (offset === 0 && n === stored.length) digital = stored;
    else {
      digital = new Int32Array(n).fill(invalidSampleValue(g.format));
      const avail = Math.max(0, Math.min(n, stored.length - offset));
      digital.set(stored.subarray(offset, offset + avail));
    }
    out.set(m, { digital, checksumOk });
    slot += spf;
  }
}
