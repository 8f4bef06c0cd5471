import * as fs from 'fs';
import { EcgInputError } from '../common';
import { annotationSymbol, AUX, CHAN, NUM, SKIP, SUB } from './annotation-codes';

/** The annotations of one annotation file, as parallel arrays (one entry per annotation). */
export interface Annotations {
  file: string;
  /** Sample (frame) number of each annotation. */
  samples: Int32Array;
  /** WFDB mnemonic of each annotation code ('N', 'V', '+', ...). */
  symbols: string[];
  subtypes: Int8Array;
  chans: Uint8Array;
  nums: Uint8Array;
  /** AUX text (e.g. '(AFIB' on rhythm changes), undefined when absent. */
  aux: (string | undefined)[];
}

/**
 * Reads a WFDB annotation file in MIT format (`<path>.<ext>`).
 *
 * @example readAnnotations('data/mitdb/100').symbols.length // => 2274 (2273 beats and one rhythm annotation)
 * @throws EcgInputError naming the file and byte when the file is missing or the stream is malformed
 */
export function readAnnotations(pathWithoutExt: string, ext = 'atr'): Annotations {
  const file = `${pathWithoutExt}.${ext}`;
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    throw new EcgInputError(
      `cannot read annotation file (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
      { file },
      'a WFDB annotation file in MIT format',
    );
  }
  return parseAnnotations(bytes, file);
}

/**
 * Decodes an MIT-format annotation stream: 16-bit little-endian words holding a 6-bit code and a
 * 10-bit time difference or value; pseudo-codes SKIP (59, followed by a 32-bit interval, high
 * word first), NUM (60), SUB (61), CHAN (62) and AUX (63, followed by I bytes of text, padded to
 * even) modify the annotation before them (SKIP the one after); the word 0 ends the stream.
 * NUM and CHAN persist to later annotations, as in the WFDB library. Reference: WFDB annot(5).
 *
 * @example parseAnnotations(Uint8Array.of(0x05, 0x04, 0, 0), 'x.atr').samples[0] // => 5 (code 1 'N' at sample 5)
 * @throws EcgInputError naming the file and byte for a truncated SKIP or AUX, a modifier with no
 *   annotation before it, a negative or overflowing time, an odd length or a missing end word
 */
export function parseAnnotations(bytes: Uint8Array, file: string): Annotations {
  const cap = bytes.length >> 1;
  const samples = new Int32Array(cap);
  const subtypes = new Int8Array(cap);
  const chans = new Uint8Array(cap);
  const nums = new Uint8Array(cap);
  const symbols: string[] = [];
  const aux: (string | undefined)[] = [];
  let n = 0;
  let time = 0;
  let chan = 0;
  let num = 0;
  let i = 0;
  let ended = false;
  const where = (at: number) => ({ file, at: `byte ${at}` });
  const needCurrent = (what: string) => {
    if (n === 0)
      throw new EcgInputError(`${what} pseudo-annotation before any annotation`, where(i), 'an annotation word first');
  };
  while (i + 1 < bytes.length) {
    const word = bytes[i] | (bytes[i + 1] << 8);
    const code = word >> 10;
    const value = word & 0x3ff;
    if (word === 0) {
      ended = true;
      i += 2;
      break;
    }
    switch (code) {
      case SKIP: {
        if (i + 6 > bytes.length)
          throw new EcgInputError(
            'truncated SKIP interval',
            where(bytes.length),
            `4 interval bytes after byte ${i + 2}`,
          );
        const hi = bytes[i + 2] | (bytes[i + 3] << 8);
        const lo = bytes[i + 4] | (bytes[i + 5] << 8);
        time += (hi << 16) | lo | 0;
        if (time < 0) throw new EcgInputError(`SKIP leads to negative time ${time}`, where(i), 'annotation times ≥ 0');
        i += 6;
        continue;
      }
      case NUM:
        needCurrent('NUM');
        nums[n - 1] = num = value;
        break;
      case SUB:
        needCurrent('SUB');
        subtypes[n - 1] = value;
        break;
      case CHAN:
        needCurrent('CHAN');
        chans[n - 1] = chan = value;
        break;
      case AUX: {
        needCurrent('AUX');
        if (i + 2 + value > bytes.length) {
          throw new EcgInputError(
            `truncated AUX text of ${value} bytes`,
            where(bytes.length),
            `${value} bytes after byte ${i + 2}`,
          );
        }
        let end = i + 2 + value;
        while (end > i + 2 && bytes[end - 1] === 0) end--; // writers may NUL-terminate the text
        aux[n - 1] = Buffer.from(bytes.buffer, bytes.byteOffset + i + 2, end - i - 2).toString('latin1');
        i += 2 + value + (value & 1);
        continue;
      }
      default:
        time += value;
        if (time > 0x7fffffff)
          throw new EcgInputError(`annotation time ${time} overflows`, where(i), 'times below 2^31');
        samples[n] = time;
        chans[n] = chan;
        nums[n] = num;
        symbols.push(annotationSymbol(code));
        aux.push(undefined);
        n++;
    }
    i += 2;
  }
  if (!ended) {
    const at = i < bytes.length ? 'odd trailing byte' : 'stream ends without the end word';
    throw new EcgInputError(`malformed annotation stream: ${at}`, where(i), 'the end-of-file word 0x0000');
  }
  return {
    file,
    samples: samples.slice(0, n),
    symbols,
    subtypes: subtypes.slice(0, n),
    chans: chans.slice(0, n),
    nums: nums.slice(0, n),
    aux,
  };
}

/**
 * Rhythm intervals from rhythm-change annotations (`+` with aux text such as `(AFIB`): each runs
 * from its annotation to the next change of rhythm (or `nSamples`); the leading `(` is dropped
 * and repeated annotations of the same rhythm are merged. Reference: MIT-BIH rhythm labels.
 *
 * @example rhythmIntervals(readAnnotations('data/mitdb/100'), 650000) // => [{ rhythm: 'N', start: 18, end: 650000 }]
 */
export function rhythmIntervals(ann: Annotations, nSamples: number): { rhythm: string; start: number; end: number }[] {
  const out: { rhythm: string; start: number; end: number }[] = [];
  for (let k = 0; k < ann.symbols.length; k++) {
    const text = ann.aux[k];
    if (ann.symbols[k] !== '+' || text === undefined || text.trim() === '') continue;
    const rhythm = text.trim().replace(/^\(/, '');
    const start = Math.min(ann.samples[k], nSamples);
    const last = out[out.length - 1];
    if (last && last.rhythm === rhythm) continue;
    if (last) last.end = start;
    out.push({ rhythm, start, end: nSamples });
  }
  return out.filter((r) => r.end > r.start);
}
