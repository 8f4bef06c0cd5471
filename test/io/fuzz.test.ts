// A cross-module test with no lib twin on purpose: it fuzzes every reader of untrusted files
// (parse-header, signal-formats, read-annotations, read-record) with one shared mutation harness
// and pins the same property for all of them: return, or throw EcgInputError.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseHeader } from '../../lib/io/parse-header';
import { decodeSamples } from '../../lib/io/signal-formats';
import { parseAnnotations } from '../../lib/io/read-annotations';
import { readRecord } from '../../lib/io/read-record';
import { EcgInputError } from '../../lib/common/errors';
import { createRng, type Rng } from '../../lib/common/rng';
import { dataDir, tempDir } from '../helpers';

/** Runs `fn` and fails unless it returns or throws EcgInputError. */
function returnsOrInputError(fn: () => unknown, what: string): 'ok' | 'error' {
  try {
    fn();
    return 'ok';
  } catch (e) {
    if (e instanceof EcgInputError) return 'error';
    assert.fail(`${what}: threw ${(e as Error)?.stack ?? e}`);
  }
}

function randomBytes(rng: Rng, maxLen: number): Uint8Array {
  const out = new Uint8Array(rng.int(maxLen + 1));
  for (let i = 0; i < out.length; i++) out[i] = rng.int(256);
  return out;
}

/** Flips, inserts, deletes or overwrites a few bytes of `src`. */
function mutate(rng: Rng, src: Uint8Array): Uint8Array {
  const b = Array.from(src);
  const edits = 1 + rng.int(4);
  for (let e = 0; e < edits; e++) {
    const i = b.length === 0 ? 0 : rng.int(b.length);
    switch (rng.int(5)) {
      case 0:
        if (b.length) b[i] ^= 1 << rng.int(8);
        break;
      case 1:
        b.splice(i, 0, rng.int(256));
        break;
      case 2:
        b.splice(i, 1 + rng.int(8));
        break;
      case 3:
        b[i] = [0, 0xff, 0x23, 0x20, 0x0a, 0x2f, 0x78, 0x3a, 0x2b, 0x28][rng.int(10)]; // 0 ff # space \n / x : + (
        break;
      default:
        b.length = rng.int(b.length + 1); // truncate
    }
  }
  return Uint8Array.from(b.map((x) => x & 0xff));
}

const HEADERS = [
  '100 2 360 650000\n100.dat 212 200 11 1024 995 -22131 0 MLII\n100.dat 212 200 11 1024 1011 20052 0 V5\n# 69 M 1085 1629 x1\n',
  'rec 3 500/1000(2) 1200 08:15:30 23/04/1999\nrec.dat 16x4:2+512 1000(-12)/uV 16 5 7 -3 0 lead I\nrec.dat 16 0 16\nother.dat 311\n',
  'r 1 250\nr.dat 8 100(0)/mV 10 0 0\n',
];

describe('io/fuzz', () => {
  it('header parser: 3000 random and mutated headers return or throw EcgInputError', () => {
    const rng = createRng(20240601);
    const tally = { ok: 0, error: 0 };
    for (let k = 0; k < 3000; k++) {
      const bytes =
        k % 3 === 0 ? randomBytes(rng, 200) : mutate(rng, Buffer.from(HEADERS[k % HEADERS.length], 'latin1'));
      tally[
        returnsOrInputError(() => parseHeader(Buffer.from(bytes).toString('latin1'), 'fuzz.hea'), `header #${k}`)
      ]++;
    }
    assert.ok(tally.ok > 100 && tally.error > 100, `both outcomes occur: ${JSON.stringify(tally)}`);
  });

  it('signal decoder: 3000 random byte strings, formats and counts return or throw EcgInputError', () => {
    const rng = createRng(7);
    const formats = [8, 16, 24, 32, 61, 80, 160, 212, 310, 311, 0, 999, -1, 516];
    const tally = { ok: 0, error: 0 };
    for (let k = 0; k < 3000; k++) {
      const bytes = randomBytes(rng, 64);
      const format = formats[rng.int(formats.length)];
      const count = [rng.int(80), -1, 1e15, 0.5][rng.int(10) < 7 ? 0 : 1 + rng.int(3)];
      tally[
        returnsOrInputError(
          () => decodeSamples(bytes, format, count, 'fuzz.dat'),
          `decode #${k} format ${format} count ${count}`,
        )
      ]++;
    }
    assert.ok(tally.ok > 100 && tally.error > 100, `both outcomes occur: ${JSON.stringify(tally)}`);
  });

  it('annotation reader: 3000 random and mutated streams return or throw EcgInputError', () => {
    const rng = createRng(11);
    // The first 400 bytes of 100.atr (whole words after its one AUX text) plus the end word.
    const real = Buffer.concat([
      fs.readFileSync(path.join(dataDir(), '100.atr')).subarray(0, 400),
      Buffer.from([0, 0]),
    ]);
    assert.equal(parseAnnotations(real, '100.atr').symbols.length, 197);
    const tally = { ok: 0, error: 0 };
    for (let k = 0; k < 3000; k++) {
      const bytes = k % 2 === 0 ? randomBytes(rng, 120) : mutate(rng, real);
      tally[returnsOrInputError(() => parseAnnotations(bytes, 'fuzz.atr'), `annotations #${k}`)]++;
    }
    assert.ok(tally.ok > 50 && tally.error > 50, `both outcomes occur: ${JSON.stringify(tally)}`);
  });

  it('readRecord: 300 mutated header and signal file pairs return or throw EcgInputError', () => {
    const rng = createRng(3);
    const dir = tempDir();
    const dat = fs.readFileSync(path.join(dataDir(), '100.dat')).subarray(0, 3 * 200);
    const hea = Buffer.from(
      'f 2 360 200\nf.dat 212 200 11 1024 995 -22131 0 MLII\nf.dat 212 200 11 1024 1011 20052 0 V5\n',
      'latin1',
    );
    try {
      for (let k = 0; k < 300; k++) {
        fs.writeFileSync(path.join(dir, 'f.hea'), k % 2 ? mutate(rng, hea) : hea);
        fs.writeFileSync(path.join(dir, 'f.dat'), k % 2 ? dat : mutate(rng, dat));
        const start = rng.int(250);
        const opts = k % 3 === 0 ? {} : { start, end: start + rng.int(60), verify: k % 5 === 0 };
        returnsOrInputError(() => readRecord(path.join(dir, 'f'), opts), `record #${k}`);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
