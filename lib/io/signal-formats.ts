import { EcgInputError } from '../common';

/**
 * Byte layouts of the WFDB signal formats this project decodes (WFDB signal(5),
 * https://physionet.org/physiotools/wag/signal-5.htm). A signal file holds one stream of samples
 * (the signals of a frame interleaved); packed formats store a fixed group of samples in a fixed
 * number of bytes, which is what lets a reader seek to any sample.
 */

/** Formats `decodeSamples` understands. */
export const READABLE_FORMATS = [8, 16, 24, 32, 61, 80, 160, 212, 310, 311];

/** Samples per packing group and bytes per group of each readable format. */
const GROUP: Record<number, { samples: number; bytes: number }> = {
  8: { samples: 1, bytes: 1 },
  80: { samples: 1, bytes: 1 },
  16: { samples: 1, bytes: 2 },
  61: { samples: 1, bytes: 2 },
  160: { samples: 1, bytes: 2 },
  24: { samples: 1, bytes: 3 },
  32: { samples: 1, bytes: 4 },
  212: { samples: 2, bytes: 3 },
  310: { samples: 3, bytes: 4 },
  311: { samples: 3, bytes: 4 },
};

/**
 * Bytes needed to hold the first k samples of a partial group, indexed by k (WFDB writers pad the
 * last group only as far as its samples need: in 310 the third sample's bits sit in bytes 1 and 3).
 */
const PARTIAL_BYTES: Record<number, number[]> = { 212: [0, 2], 310: [0, 2, 4], 311: [0, 2, 3] };

/**
 * The packing group of a format: how many samples share how many bytes.
 *
 * @example formatGroup(212) // => { samples: 2, bytes: 3 }
 * @throws EcgInputError for a format that is not readable
 */
export function formatGroup(format: number, file = '<signal>'): { samples: number; bytes: number } {
  const g = GROUP[format];
  if (!g)
    throw new EcgInputError(
      `signal format ${format} cannot be read`,
      { file },
      `one of ${READABLE_FORMATS.join(', ')}`,
    );
  return g;
}

/**
 * Bytes a writer uses for the first `nSamples` samples of a stream in `format`.
 *
 * @example bytesForSamples(212, 3) // => 5
 */
export function bytesForSamples(format: number, nSamples: number): number {
  const g = formatGroup(format);
  const whole = Math.floor(nSamples / g.samples);
  const rest = nSamples - whole * g.samples;
  return whole * g.bytes + (rest === 0 ? 0 : PARTIAL_BYTES[format][rest]);
}

/**
 * Complete samples that `nBytes` bytes of a stream in `format` hold.
 *
 * @example samplesInBytes(212, 5) // => 3
 */
export function samplesInBytes(format: number, nBytes: number): number {
  const g = formatGroup(format);
  const whole = Math.floor(nBytes / g.bytes);
  const restBytes = nBytes - whole * g.bytes;
  let rest = 0;
  const partial = PARTIAL_BYTES[format];
  if (partial) for (let k = 1; k < partial.length; k++) if (partial[k] <= restBytes) rest = k;
  return whole * g.samples + rest;
}

/** The digital value WFDB reserves for "no sample here" in each format (the format's minimum). */
export function invalidSampleValue(format: number): number {
  switch (format) {
    case 212:
      return -2048;
    case 310:
    case 311:
      return -512;
    case 8:
    case 80:
      return -128;
    case 24:
      return -8388608;
    case 32:
      return -2147483648;
    default:
      return -32768;
  }
}

/**
 * Decodes `count` samples from `bytes`, which must start at a packing-group boundary. For format 8
 * the result holds the stored first differences (the caller integrates them per signal, starting
 * from each signal's initial value).
 *
 * @example Array.from(decodeSamples(Uint8Array.of(0xe3, 0x33, 0xf3), 212, 2)) // => [995, 1011]
 * @throws EcgInputError naming `file` and the byte (`byteBase` + position) when `bytes` is too short
 */
export function decodeSamples(
  bytes: Uint8Array,
  format: number,
  count: number,
  file = '<signal>',
  byteBase = 0,
  out?: Int32Array,
): Int32Array {
  if (!Number.isSafeInteger(count) || count < 0)
    throw new EcgInputError(`bad sample count ${count}`, { file }, 'a non-negative integer');
  const need = bytesForSamples(format, count);
  if (bytes.length < need) {
    throw new EcgInputError(
      `truncated signal data: ${bytes.length} bytes hold ${samplesInBytes(format, bytes.length)} of ${count} samples`,
      { file, at: `byte ${byteBase + bytes.length}` },
      `${need} bytes from byte ${byteBase}`,
    );
  }
  const x = out ?? new Int32Array(count);
  const b = bytes;
  switch (format) {
    case 212: {
      // Two 12-bit samples in 3 bytes: low byte of each, high nibbles shared in the middle byte.
      const pairs = count >> 1;
      let p = 0;
      for (let i = 0, j = 0; i < pairs; i++, j += 3) {
        const mid = b[j + 1];
        x[p++] = ((((mid & 0x0f) << 8) | b[j]) << 20) >> 20;
        x[p++] = ((((mid & 0xf0) << 4) | b[j + 2]) << 20) >> 20;
      }
      if (count & 1) x[p] = ((((b[pairs * 3 + 1] & 0x0f) << 8) | b[pairs * 3]) << 20) >> 20;
      break;
    }
    case 16:
      for (let i = 0, j = 0; i < count; i++, j += 2) x[i] = (((b[j + 1] << 8) | b[j]) << 16) >> 16;
      break;
    case 61:
      for (let i = 0, j = 0; i < count; i++, j += 2) x[i] = (((b[j] << 8) | b[j + 1]) << 16) >> 16;
      break;
    case 160:
      for (let i = 0, j = 0; i < count; i++, j += 2) x[i] = ((b[j + 1] << 8) | b[j]) - 32768;
      break;
    case 24:
      for (let i = 0, j = 0; i < count; i++, j += 3) x[i] = (((b[j + 2] << 16) | (b[j + 1] << 8) | b[j]) << 8) >> 8;
      break;
    case 32:
      for (let i = 0, j = 0; i < count; i++, j += 4)
        x[i] = (b[j + 3] << 24) | (b[j + 2] << 16) | (b[j + 1] << 8) | b[j];
      break;
    case 8:
      for (let i = 0; i < count; i++) x[i] = (b[i] << 24) >> 24;
      break;
    case 80:
      for (let i = 0; i < count; i++) x[i] = b[i] - 128;
      break;
    case 310:
    case 311:
      decode10bit(b, format, count, x);
      break;
    default:
      formatGroup(format, file);
  }
  return x;
}

function decode10bit(b: Uint8Array, format: number, count: number, x: Int32Array): void {
  for (let i = 0; i < count; i++) {
    const j = Math.floor(i / 3) * 4;
    const k = i % 3;
    let v: number;
    if (format === 311) {
      // Three 10-bit samples in bits 0-9, 10-19 and 20-29 of a little-endian 32-bit word.
      const w = (b[j] | (b[j + 1] << 8) | ((b[j + 2] ?? 0) << 16) | ((b[j + 3] ?? 0) << 24)) >>> 0;
      v = (w >>> (10 * k)) & 0x3ff;
    } else {
      // Two little-endian 16-bit words; samples 0 and 1 in bits 1-10 of each word, sample 2 split
      // over bits 11-15 of word 0 (low half) and of word 1 (high half).
      const w0 = b[j] | (b[j + 1] << 8);
      const w1 = (b[j + 2] ?? 0) | ((b[j + 3] ?? 0) << 8);
      v = k === 0 ? (w0 >> 1) & 0x3ff : k === 1 ? (w1 >> 1) & 0x3ff : (w0 >> 11) | ((w1 >> 11) << 5);
    }
    x[i] = (v << 22) >> 22;
  }
}
