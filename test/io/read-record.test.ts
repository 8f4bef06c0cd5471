import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { readRecord } from '../../lib/io/read-record';
import { listRecords } from '../../lib/io/mitdb';
import { EcgInputError } from '../../lib/common/errors';
import { dataDir, tempDir } from '../helpers';

function throwsInput(fn: () => unknown, pattern: RegExp): void {
  assert.throws(fn, (e: unknown) => {
    if (!(e instanceof EcgInputError)) return false;
    assert.match(e.message, pattern);
    return true;
  });
}

/** Copies record 100 into a temp folder so tests can damage it. */
function copy100(dir: string): string {
  for (const ext of ['hea', 'dat', 'atr'])
    fs.copyFileSync(path.join(dataDir(), `100.${ext}`), path.join(dir, `100.${ext}`));
  return path.join(dir, '100');
}

describe('io/read-record', () => {
  const rec100 = path.join(dataDir(), '100');

  it('reads record 100: first samples from the raw bytes, physical units, length and rate', () => {
    const r = readRecord(rec100);
    assert.equal(r.name, '100');
    assert.equal(r.fsHz, 360);
    assert.equal(r.nSamples, 650000);
    assert.deepEqual(
      r.signals.map((s) => s.name),
      ['MLII', 'V5'],
    );
    // Independent decode of the first frame from the raw bytes (format 212, two signals, one
    // frame = 3 bytes): b0 | (b1 & 0x0f) << 8 and b2 | (b1 & 0xf0) << 4, 12-bit two's complement.
    const raw = fs.readFileSync(`${rec100}.dat`).subarray(0, 6);
    const twelve = (v: number) => (v >= 2048 ? v - 4096 : v);
    const first = [twelve(raw[0] + (raw[1] % 16) * 256), twelve(raw[2] + Math.floor(raw[1] / 16) * 256)];
    assert.deepEqual(first, [995, 1011]); // bytes e3 33 f3: 0x3e3 = 995, 0x3f3 = 1011 (the header's initial values)
    assert.equal(r.signals[0].digital[0], first[0]);
    assert.equal(r.signals[1].digital[0], first[1]);
    const second = [twelve(raw[3] + (raw[4] % 16) * 256), twelve(raw[5] + Math.floor(raw[4] / 16) * 256)];
    assert.equal(r.signals[0].digital[1], second[0]);
    assert.equal(r.signals[1].digital[1], second[1]);
    // mV = (digital − baseline) / gain = (995 − 1024) / 200 = −0.145; (1011 − 1024) / 200 = −0.065.
    assert.ok(Math.abs(r.signals[0].mV[0] - -0.145) < 1e-6);
    assert.ok(Math.abs(r.signals[1].mV[0] - -0.065) < 1e-6);
    assert.equal(r.signals[0].digital.length, 650000);
  });

  it('verifies the checksums and initial values of every record in the data folder', () => {
    const names = listRecords(dataDir());
    assert.ok(names.length >= 10);
    for (const name of names) {
      const r = readRecord(path.join(dataDir(), name), { verify: true });
      for (const s of r.signals) assert.equal(s.checksumOk, true, `${name} ${s.name}`);
    }
  });

  it('reads a sample range and a channel subset equal to the slice of a full read', () => {
    const full = readRecord(rec100);
    for (const [start, end] of [
      [0, 1],
      [1, 2],
      [12345, 23456],
      [649999, 650000],
      [333, 333],
    ]) {
      const part = readRecord(rec100, { start, end, channels: [1, 0] });
      assert.equal(part.start, start);
      assert.equal(part.nSamples, end - start);
      assert.deepEqual(Array.from(part.signals[0].digital), Array.from(full.signals[1].digital.subarray(start, end)));
      assert.deepEqual(Array.from(part.signals[1].mV), Array.from(full.signals[0].mV.subarray(start, end)));
      assert.equal(part.signals[0].checksumOk, start === 0 && end === 650000 ? true : undefined);
    }
  });

  it('rejects a range outside the record and unknown channels', () => {
    throwsInput(
      () => readRecord(rec100, { start: 10, end: 650001 }),
      /100\.hea, sample 650001: sample range 10\.\.650001 is outside the record; expected 0 ≤ start ≤ end ≤ 650000/,
    );
    throwsInput(() => readRecord(rec100, { start: 5, end: 4 }), /sample range 5\.\.4/);
    throwsInput(() => readRecord(rec100, { channels: [2] }), /channels\[0\]: channel 2 does not exist/);
  });

  describe('bad input', () => {
    let dir: string;
    beforeEach(() => (dir = tempDir()));
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('names the byte where a truncated .dat ends', () => {
      const rec = copy100(dir);
      fs.truncateSync(`${rec}.dat`, 1_000_000);
      // 650000 frames × 2 samples × 1.5 bytes = 1,950,000 bytes expected; 1,000,000 bytes hold 333,333 frames.
      throwsInput(
        () => readRecord(rec, { end: 10 }),
        /100\.dat, byte 1000000: truncated signal file: 1000000 bytes hold 333333 of the 650000 frames.*expected 1950000 bytes/,
      );
    });

    it('reports a header that announces fewer samples than the file holds', () => {
      const rec = copy100(dir);
      fs.writeFileSync(`${rec}.hea`, fs.readFileSync(`${rec}.hea`, 'latin1').replace('650000', '640000'));
      throwsInput(
        () => readRecord(rec),
        /100\.dat, byte 1920000: signal file holds more data than the header announces \(650000 frames, header says 640000\)/,
      );
    });

    it('reports a header with the wrong number of signals for the file', () => {
      const rec = copy100(dir);
      // One signal instead of two: the file then holds 1,300,000 one-sample frames.
      fs.writeFileSync(`${rec}.hea`, '100 1 360 650000\n100.dat 212 200 11 1024 995 -22131 0 MLII\n');
      throwsInput(() => readRecord(rec), /holds more data than the header announces \(1300000 frames/);
    });

    it('reports a missing signal file and a missing header', () => {
      const rec = copy100(dir);
      fs.rmSync(`${rec}.dat`);
      throwsInput(
        () => readRecord(rec),
        /100\.hea: signal file 100\.dat named by the header cannot be read \(ENOENT\)/,
      );
      throwsInput(() => readRecord(path.join(dir, 'nope')), /nope\.hea: cannot read header \(ENOENT\)/);
    });

    it('reports an unknown or unreadable format at the header line', () => {
      const rec = copy100(dir);
      fs.writeFileSync(`${rec}.hea`, '100 1 360 10\n100.dat 213 200\n');
      throwsInput(() => readRecord(rec), /100\.hea, line 2: unknown signal format 213/);
      fs.writeFileSync(`${rec}.hea`, '100 1 360 10\n100.dat 516 200\n');
      throwsInput(() => readRecord(rec), /100\.hea, signal 0: signal format 516 cannot be read/);
    });

    it('flags a wrong checksum, and raises it with verify', () => {
      const rec = copy100(dir);
      const bytes = fs.readFileSync(`${rec}.dat`);
      bytes[3000] ^= 0x01; // frame 1000, signal 0: digital value changes by ±1
      fs.writeFileSync(`${rec}.dat`, bytes);
      const r = readRecord(rec);
      assert.deepEqual(
        r.signals.map((s) => s.checksumOk),
        [false, true],
      );
      throwsInput(
        () => readRecord(rec, { verify: true }),
        /100\.dat, sample 650000: checksum mismatch for signal 0 \(MLII\).*expected checksum -22131 from 100\.hea/,
      );
    });

    it('flags an initial value that disagrees with the first sample', () => {
      const rec = copy100(dir);
      fs.writeFileSync(`${rec}.hea`, fs.readFileSync(`${rec}.hea`, 'latin1').replace('1024 995', '1024 996'));
      assert.equal(readRecord(rec).signals[0].checksumOk, false);
      throwsInput(
        () => readRecord(rec, { verify: true }),
        /sample 0: initial value mismatch for signal 0 \(MLII\): first sample is 995; expected initial value 996/,
      );
    });
  });
});
