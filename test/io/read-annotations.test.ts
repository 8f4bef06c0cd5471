import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseAnnotations, readAnnotations, rhythmIntervals } from '../../lib/io/read-annotations';
import { annotationSymbol } from '../../lib/io/annotation-codes';
import { isBeat } from '../../lib/io/mitdb';
import { EcgInputError } from '../../lib/common/errors';
import { dataDir, tempDir } from '../helpers';
import { encodeAnnotations } from './wfdb-writer';

function throwsInput(fn: () => unknown, pattern: RegExp): void {
  assert.throws(fn, (e: unknown) => {
    if (!(e instanceof EcgInputError)) return false;
    assert.match(e.message, pattern);
    return true;
  });
}

function countBy(symbols: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of symbols) out[s] = (out[s] ?? 0) + 1;
  return out;
}

describe('io/read-annotations', () => {
  it('reads record 100: 2,273 beats (N 2,239, A 33, V 1) and one rhythm annotation', () => {
    // Reference counts: MIT-BIH Arrhythmia Database directory, record 100 (PhysioNet mitdb).
    const ann = readAnnotations(path.join(dataDir(), '100'));
    const beats = ann.symbols.filter(isBeat);
    assert.equal(beats.length, 2273);
    assert.deepEqual(countBy(beats), { N: 2239, A: 33, V: 1 });
    assert.deepEqual(countBy(ann.symbols.filter((s) => !isBeat(s))), { '+': 1 });
    // Hand decode of the first bytes of 100.atr: 12 70 → word 0x7012, code 0x7012 >> 10 = 28 ('+'),
    // time 0x012 = 18; fc 03 → 0x03fc... as little-endian word 0xfc03: code 63 (AUX), 3 bytes
    // '(N\0' padded to 4; then 3b 04 → 0x043b: code 1 ('N'), time 18 + 0x03b = 18 + 59 = 77.
    assert.equal(ann.samples[0], 18);
    assert.equal(ann.symbols[0], '+');
    assert.equal(ann.aux[0], '(N');
    assert.equal(ann.samples[1], 77);
    assert.equal(ann.symbols[1], 'N');
    for (let i = 1; i < ann.samples.length; i++) assert.ok(ann.samples[i] >= ann.samples[i - 1], 'times ascend');
    assert.deepEqual(rhythmIntervals(ann, 650000), [{ rhythm: 'N', start: 18, end: 650000 }]);
  });

  it('round-trips every code with SKIP, NUM, SUB, CHAN and AUX through an independent writer', () => {
    const anns = [];
    for (let c = 1; c <= 49; c++) anns.push({ sample: c * 100, code: c });
    anns.push({ sample: 6000, code: 28, aux: '(AFIB' }); // odd-length aux: padded
    anns.push({ sample: 6001, code: 22, aux: 'comment text' }); // even-length aux
    anns.push({ sample: 2_000_000, code: 1, chan: 1, num: 3, subtype: 2 }); // gap > 1023: SKIP
    anns.push({ sample: 2_000_010, code: 5 }); // chan and num persist
    anns.push({ sample: 2_000_020, code: 28, aux: '(N', chan: 0, num: 0, subtype: -1 });
    const dir = tempDir();
    try {
      fs.writeFileSync(path.join(dir, 'syn.tst'), encodeAnnotations(anns));
      const got = readAnnotations(path.join(dir, 'syn'), 'tst');
      assert.equal(got.file, path.join(dir, 'syn.tst'));
      assert.deepEqual(
        Array.from(got.samples),
        anns.map((a) => a.sample),
      );
      assert.deepEqual(
        got.symbols,
        anns.map((a) => annotationSymbol(a.code)),
      );
      assert.deepEqual(
        got.aux,
        anns.map((a) => a.aux),
      );
      assert.deepEqual(Array.from(got.chans.slice(-3)), [1, 1, 0]);
      assert.deepEqual(Array.from(got.nums.slice(-3)), [3, 3, 0]);
      assert.deepEqual(Array.from(got.subtypes.slice(-3)), [2, 0, -1]);
      assert.deepEqual(rhythmIntervals(got, 3_000_000), [
        { rhythm: 'AFIB', start: 6000, end: 2_000_020 },
        { rhythm: 'N', start: 2_000_020, end: 3_000_000 },
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('merges repeated rhythm labels and clips intervals to the record', () => {
    const bytes = encodeAnnotations([
      { sample: 10, code: 28, aux: '(N' },
      { sample: 50, code: 28, aux: '(N' },
      { sample: 80, code: 28, aux: '(VT' },
      { sample: 500, code: 28, aux: '(N' },
    ]);
    const ann = parseAnnotations(bytes, 'r.atr');
    assert.deepEqual(rhythmIntervals(ann, 200), [
      { rhythm: 'N', start: 10, end: 80 },
      { rhythm: 'VT', start: 80, end: 200 },
    ]);
  });

  it('names the file and byte of a malformed stream', () => {
    // Word 0x0405 = code 1 at sample 5, then nothing: no end word.
    throwsInput(
      () => parseAnnotations(Uint8Array.of(0x05, 0x04), 'a.atr'),
      /a\.atr, byte 2: malformed annotation stream: stream ends without the end word; expected the end-of-file word 0x0000/,
    );
    throwsInput(
      () => parseAnnotations(Uint8Array.of(0x05, 0x04, 0x00), 'a.atr'),
      /byte 2: malformed annotation stream: odd trailing byte/,
    );
    // SKIP word (59 << 10 = 0xec00) with only 2 of its 4 interval bytes.
    throwsInput(
      () => parseAnnotations(Uint8Array.of(0x00, 0xec, 0x01, 0x00), 'a.atr'),
      /byte 4: truncated SKIP interval; expected 4 interval bytes after byte 2/,
    );
    // AUX word announcing 9 bytes (0xfc09) after an annotation, with 2 present.
    throwsInput(
      () => parseAnnotations(Uint8Array.of(0x05, 0x04, 0x09, 0xfc, 0x41, 0x42), 'a.atr'),
      /byte 6: truncated AUX text of 9 bytes/,
    );
    // SUB (61 << 10 = 0xf400) before any annotation.
    throwsInput(
      () => parseAnnotations(Uint8Array.of(0x01, 0xf4, 0x00, 0x00), 'a.atr'),
      /byte 0: SUB pseudo-annotation before any annotation/,
    );
    // SKIP of −10 (0xfffffff6, high word first: ff ff f6 ff).
    throwsInput(
      () => parseAnnotations(Uint8Array.of(0x00, 0xec, 0xff, 0xff, 0xf6, 0xff, 0x05, 0x04, 0, 0), 'a.atr'),
      /byte 0: SKIP leads to negative time -10/,
    );
    throwsInput(
      () => readAnnotations(path.join(dataDir(), 'missing')),
      /missing\.atr: cannot read annotation file \(ENOENT\)/,
    );
  });
});
