/**
 * Test-only WFDB writers, written from the signal(5)/annot(5) specifications independently of
 * the readers in lib/io (byte by byte, no shared helpers), so round trips check one against the
 * other.
 */
import * as fs from 'fs';
import * as path from 'path';

/** Encodes a stream of digital samples in a WFDB format (format 8 takes the values, not differences). */
export function encodeSamples(format: number, values: ArrayLike<number>, initialValue = 0): Uint8Array {
  const out: number[] = [];
  const n = values.length;
  const v = (i: number) => values[i];
  switch (format) {
    case 8: {
      let prev = initialValue;
      for (let i = 0; i < n; i++) {
        const d = v(i) - prev;
        if (d < -128 || d > 127) throw new Error(`format 8 cannot store a step of ${d}`);
        out.push(d & 0xff);
        prev = v(i);
      }
      break;
    }
    case 80:
      for (let i = 0; i < n; i++) out.push((v(i) + 128) & 0xff);
      break;
    case 16:
      for (let i = 0; i < n; i++) out.push(v(i) & 0xff, (v(i) >> 8) & 0xff);
      break;
    case 61:
      for (let i = 0; i < n; i++) out.push((v(i) >> 8) & 0xff, v(i) & 0xff);
      break;
    case 160:
      for (let i = 0; i < n; i++) out.push((v(i) + 32768) & 0xff, ((v(i) + 32768) >> 8) & 0xff);
      break;
    case 24:
      for (let i = 0; i < n; i++) out.push(v(i) & 0xff, (v(i) >> 8) & 0xff, (v(i) >> 16) & 0xff);
      break;
    case 32:
      for (let i = 0; i < n; i++) out.push(v(i) & 0xff, (v(i) >> 8) & 0xff, (v(i) >> 16) & 0xff, (v(i) >>> 24) & 0xff);
      break;
    case 212:
      // Sample pairs: byte 0 = low 8 bits of s0; byte 1 = high nibble of s0 (low half) and of s1
      // (high half); byte 2 = low 8 bits of s1. An odd last sample takes 2 bytes.
      for (let i = 0; i < n; i += 2) {
        const a = v(i) & 0xfff;
        out.push(a & 0xff);
        if (i + 1 < n) {
          const b = v(i + 1) & 0xfff;
          out.push((a >> 8) | ((b >> 8) << 4), b & 0xff);
        } else out.push(a >> 8);
      }
      break;
    case 310:
      // Two 16-bit little-endian words per 3 samples; s0 in bits 1-10 of word 0, s1 in bits 1-10
      // of word 1, s2's low 5 bits in bits 11-15 of word 0 and its high 5 bits in bits 11-15 of word 1.
      for (let i = 0; i < n; i += 3) {
        const s0 = v(i) & 0x3ff;
        const s1 = i + 1 < n ? v(i + 1) & 0x3ff : 0;
        const s2 = i + 2 < n ? v(i + 2) & 0x3ff : 0;
        const w0 = (s0 << 1) | ((s2 & 0x1f) << 11);
        const w1 = (s1 << 1) | ((s2 >> 5) << 11);
        out.push(w0 & 0xff, w0 >> 8);
        if (i + 1 < n) out.push(w1 & 0xff, w1 >> 8);
      }
      break;
    case 311: {
      // One 32-bit little-endian word per 3 samples in bits 0-9, 10-19, 20-29; a short last
      // group keeps only the bytes its samples touch (2 bytes for one sample, 3 for two).
      for (let i = 0; i < n; i += 3) {
        const k = Math.min(3, n - i);
        let w = 0;
        for (let j = 0; j < k; j++) w += (v(i + j) & 0x3ff) * 2 ** (10 * j);
        const bytes = [w % 256, Math.floor(w / 256) % 256, Math.floor(w / 65536) % 256, Math.floor(w / 16777216) % 256];
        out.push(...bytes.slice(0, k === 3 ? 4 : k === 2 ? 3 : 2));
      }
      break;
    }
    default:
      throw new Error(`test writer has no format ${format}`);
  }
  return Uint8Array.from(out);
}

/** 16-bit checksum as WFDB writes it in headers (signed). */
export function checksum16(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  const m = ((s % 65536) + 65536) % 65536;
  return m >= 32768 ? m - 65536 : m;
}

/**
 * Writes `<dir>/<name>.hea` and one `<name>.dat` in `format` holding `signals` interleaved one
 * sample per frame; returns the record path without extension.
 */
export function writeRecord(
  dir: string,
  name: string,
  format: number,
  signals: number[][],
  fsHz = 360,
  gain = 200,
  baseline = 0,
): string {
  const nFrames = signals[0].length;
  const stream: number[] = [];
  for (let t = 0; t < nFrames; t++) for (const s of signals) stream.push(s[t]);
  let bytes: Uint8Array;
  if (format === 8) {
    // Differences run per signal, interleaved like the samples.
    const prev = signals.map((s) => s[0]);
    const d: number[] = [];
    for (let t = 0; t < nFrames; t++)
      signals.forEach((s, k) => {
        d.push((s[t] - prev[k]) & 0xff);
        prev[k] = s[t];
      });
    bytes = Uint8Array.from(d);
  } else bytes = encodeSamples(format, stream);
  fs.writeFileSync(path.join(dir, `${name}.dat`), bytes);
  const lines = [`${name} ${signals.length} ${fsHz} ${nFrames}`];
  signals.forEach((s, k) => {
    lines.push(`${name}.dat ${format} ${gain}(${baseline})/mV 12 0 ${s[0]} ${checksum16(s)} 0 sig${k}`);
  });
  fs.writeFileSync(path.join(dir, `${name}.hea`), lines.join('\n') + '\n');
  return path.join(dir, name);
}

/** One annotation for `encodeAnnotations`. */
export interface TestAnnotation {
  sample: number;
  code: number;
  subtype?: number;
  chan?: number;
  num?: number;
  aux?: string;
}

/** Encodes annotations in MIT format as WFDB's putann does (SKIP for long gaps, CHAN/NUM on change). */
export function encodeAnnotations(anns: TestAnnotation[]): Uint8Array {
  const out: number[] = [];
  const word = (code: number, value: number) => out.push(value & 0xff, ((code << 2) | (value >> 8)) & 0xff);
  let time = 0;
  let chan = 0;
  let num = 0;
  for (const a of anns) {
    let delta = a.sample - time;
    if (delta > 1023 || delta < 0) {
      word(59, 0);
      // 32-bit interval, most significant 16-bit word first, each word little-endian.
      const u = delta >>> 0;
      out.push((u >>> 16) & 0xff, (u >>> 24) & 0xff, u & 0xff, (u >>> 8) & 0xff);
      delta = 0;
    }
    word(a.code, delta);
    time = a.sample;
    if (a.subtype) word(61, a.subtype & 0x3ff);
    if ((a.chan ?? chan) !== chan) word(62, (chan = a.chan!));
    if ((a.num ?? num) !== num) word(60, (num = a.num!));
    if (a.aux !== undefined) {
      const text = Buffer.from(a.aux, 'latin1');
      word(63, text.length);
      out.push(...text);
      if (text.length & 1) out.push(0);
    }
  }
  out.push(0, 0);
  return Uint8Array.from(out);
}
