import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { bytesForSamples, decodeSamples, samplesInBytes } from '../../lib/io/signal-formats';
import { readRecord } from '../../lib/io/read-record';
import { EcgInputError } from '../../lib/common/errors';
import { createRng } from '../../lib/common/rng';
import { tempDir } from '../helpers';
import { encodeSamples, writeRecord } from './wfdb-writer';

/** Range of digital values each format stores (format 8 also limits the step to ±127). */
const RANGES: Record<number, [number, number]> = {
  8: [-100, 100],
  80: [-128, 127],
  16: [-32768, 32767],
  61: [-32768, 32767],
  160: [-32768, 32767],
  24: [-8388608, 8388607],
  32: [-2147483648, 2147483647],
  212: [-2048, 2047],
  310: [-512, 511],
  311: [-512, 511],
};

function randomValues(format: number, n: number, seed: number): number[] {
  const rng = createRng(seed);
  const [lo, hi] = RANGES[format];
  const out: number[] = [];
  let v = 0;
  for (let i = 0; i < n; i++) {
    if (format === 8)
      v = Math.max(lo, Math.min(hi, v + rng.int(201) - 100)); // bounded steps
    else v = lo + rng.int(hi - lo + 1);
    out.push(v);
  }
  // Always include the extremes so sign handling is exercised.
  if (format !== 8 && n >= 2) {
    out[0] = lo;
    out[n - 1] = hi;
  }
  return out;
}

describe('io/signal-formats', () => {
  it('decodes the first 212 frame of record 100 as computed by hand', () => {
    // 100.dat starts e3 33 f3: sample 0 = ((0x33 & 0x0f) << 8) | 0xe3 = 0x3e3 = 995,
    // sample 1 = ((0x33 & 0xf0) << 4) | 0xf3 = 0x300 | 0xf3 = 0x3f3 = 1011.
    assert.deepEqual(Array.from(decodeSamples(Uint8Array.of(0xe3, 0x33, 0xf3), 212, 2)), [995, 1011]);
    // Negative 12-bit values: 0xfff = -1, 0x800 = -2048 (two's complement); middle byte 0x8f.
    assert.deepEqual(Array.from(decodeSamples(Uint8Array.of(0xff, 0x8f, 0x00), 212, 2)), [-1, -2048]);
  });

  it('decodes hand-packed 310 and 311 groups', () => {
    // 311: word = 5 | (-3 & 0x3ff) << 10 | 511 << 20 = 5 + 1021·1024 + 511·1048576 = 0x1ffff405
    // → bytes 05 f4 ff 1f → samples 5, -3, 511.
    assert.deepEqual(Array.from(decodeSamples(Uint8Array.of(0x05, 0xf4, 0xff, 0x1f), 311, 3)), [5, -3, 511]);
    // 310: s0 = 5, s1 = -3 (0x3fd), s2 = 33 (0b00001_00001): w0 = 5<<1 | (33 & 31)<<11 = 0x080a,
    // w1 = 0x3fd<<1 | (33 >> 5)<<11 = 0x07fa | 0x0800 = 0x0ffa → bytes 0a 08 fa 0f.
    assert.deepEqual(Array.from(decodeSamples(Uint8Array.of(0x0a, 0x08, 0xfa, 0x0f), 310, 3)), [5, -3, 33]);
  });

  for (const format of [80, 16, 61, 160, 24, 32, 212, 310, 311]) {
    it(`round-trips random samples through format ${format}, for every length 0..7 and 1001`, () => {
      for (const n of [0, 1, 2, 3, 4, 5, 6, 7, 1001]) {
        const values = randomValues(format, n, format * 1000 + n);
        const bytes = encodeSamples(format, values);
        assert.equal(bytes.length, bytesForSamples(format, n), `bytes for ${n} samples`);
        // Two 310 samples need the same 4 bytes as three, so those bytes hold 3 sample slots.
        const slots = format === 310 && n % 3 === 2 ? n + 1 : n;
        assert.equal(samplesInBytes(format, bytes.length), slots, `samples in ${bytes.length} bytes`);
        assert.deepEqual(Array.from(decodeSamples(bytes, format, n)), values, `format ${format}, ${n} samples`);
      }
    });
  }

  for (const format of [8, 16, 61, 80, 160, 24, 32, 212, 310, 311]) {
    it(`round-trips a two-signal record in format ${format} through readRecord, with checksums`, () => {
      const dir = tempDir();
      try {
        const a = randomValues(format, 257, format);
        const b = randomValues(format, 257, format + 1).map((v) => (format === 8 ? -v || 0 : v));
        const rec = writeRecord(dir, `f${format}`, format, [a, b]);
        const r = readRecord(rec, { verify: true });
        assert.equal(r.nSamples, 257);
        assert.deepEqual(Array.from(r.signals[0].digital), a);
        assert.deepEqual(Array.from(r.signals[1].digital), b);
        assert.deepEqual(
          r.signals.map((s) => s.checksumOk),
          [true, true],
        );
        // An odd range read (straddling packing groups) equals the slice of the full read.
        const part = readRecord(rec, { start: 101, end: 202, channels: [1] });
        assert.deepEqual(Array.from(part.signals[0].digital), b.slice(101, 202));
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  it('reads one-signal records of every length 1..7 in the packed formats (padded last group)', () => {
    const dir = tempDir();
    try {
      for (const format of [212, 310, 311]) {
        for (let n = 1; n <= 7; n++) {
          const values = randomValues(format, n, 77 * n + format);
          const rec = writeRecord(dir, `p${format}_${n}`, format, [values]);
          const r = readRecord(rec, { verify: true });
          assert.deepEqual(Array.from(r.signals[0].digital), values, `format ${format}, ${n} samples`);
          // Without a length in the header, the frame count comes from the file size; a padded
          // 310 group of two samples has room for a third, so it reads as one frame longer.
          fs.writeFileSync(`${rec}.hea`, `p${format}_${n} 1 360\np${format}_${n}.dat ${format}\n`);
          assert.equal(readRecord(rec).nSamples, format === 310 && n % 3 === 2 ? n + 1 : n);
        }
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('throws EcgInputError naming the byte when the bytes are too short', () => {
    assert.throws(
      () => decodeSamples(Uint8Array.of(1, 2, 3, 4), 212, 3, 'x.dat', 100),
      (e: unknown) =>
        e instanceof EcgInputError &&
        /x\.dat, byte 104: truncated signal data.*expected 5 bytes from byte 100/.test(e.message),
    );
    assert.throws(
      () => decodeSamples(new Uint8Array(4), 999, 1),
      (e: unknown) => e instanceof EcgInputError && /format 999 cannot be read/.test(e.message),
    );
  });

  it('reads frames with several samples per frame, skew and a byte offset', () => {
    const dir = tempDir();
    try {
      // Signal 0: 2 samples per frame; signal 1: 1 sample per frame, skew 1; 4-byte prefix.
      const s0 = [10, 11, 20, 21, 30, 31, 40, 41];
      const s1stored = [-5, 100, 200, 300]; // stored frame t holds sample t-1 of signal 1
      const stream: number[] = [];
      for (let t = 0; t < 4; t++) stream.push(s0[2 * t], s0[2 * t + 1], s1stored[t]);
      const bytes = Buffer.concat([Buffer.from([9, 9, 9, 9]), Buffer.from(encodeSamples(16, stream))]);
      fs.writeFileSync(path.join(dir, 'm.dat'), bytes);
      fs.writeFileSync(path.join(dir, 'm.hea'), 'm 2 250 4\nm.dat 16x2+4 100 16 0 10\nm.dat 16:1+4 100 16 0 -5\n');
      const r = readRecord(path.join(dir, 'm'));
      assert.deepEqual(Array.from(r.signals[0].digital), s0);
      // Skew 1: sample t comes from frame t+1; the last one lies beyond the file (invalid, NaN mV).
      assert.deepEqual(Array.from(r.signals[1].digital), [100, 200, 300, -32768]);
      assert.ok(Number.isNaN(r.signals[1].mV[3]));
      assert.equal(r.signals[1].mV[0], 1); // (100 − 0) / 100
      const part = readRecord(path.join(dir, 'm'), { start: 1, end: 3 });
      assert.deepEqual(Array.from(part.signals[0].digital), [20, 21, 30, 31]);
      assert.deepEqual(Array.from(part.signals[1].digital), [200, 300]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
