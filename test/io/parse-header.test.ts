import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseHeader } from '../../lib/io/parse-header';
import { EcgInputError } from '../../lib/common/errors';
import { dataDir } from '../helpers';

function throwsInput(fn: () => unknown, pattern: RegExp): void {
  assert.throws(fn, (e: unknown) => e instanceof EcgInputError && pattern.test(e.message));
}

describe('io/parse-header', () => {
  it('parses the header of MIT-BIH record 100 field by field', () => {
    // 100.hea as distributed by PhysioNet (mitdb 1.0.0):
    //   100 2 360 650000
    //   100.dat 212 200 11 1024 995 -22131 0 MLII
    //   100.dat 212 200 11 1024 1011 20052 0 V5
    //   # 69 M 1085 1629 x1
    //   # Aldomet, Inderal
    const file = path.join(dataDir(), '100.hea');
    const h = parseHeader(fs.readFileSync(file, 'latin1'), file);
    assert.equal(h.record, '100');
    assert.equal(h.nSignals, 2);
    assert.equal(h.fsHz, 360);
    assert.equal(h.nSamples, 650000);
    assert.equal(h.baseTime, undefined);
    assert.equal(h.baseDate, undefined);
    assert.deepEqual(h.comments, ['69 M 1085 1629 x1', 'Aldomet, Inderal']);
    assert.equal(h.signals.length, 2);
    const [a, b] = h.signals;
    assert.deepEqual(a, {
      file: '100.dat',
      format: 212,
      samplesPerFrame: 1,
      skew: 0,
      byteOffset: 0,
      gain: 200,
      baseline: 1024,
      units: 'mV',
      adcResolution: 11,
      adcZero: 1024,
      initialValue: 995,
      checksum: -22131,
      blockSize: 0,
      description: 'MLII',
    });
    assert.equal(b.initialValue, 1011);
    assert.equal(b.checksum, 20052);
    assert.equal(b.description, 'V5');
  });

  it('reads format suffixes, gain with baseline and units, base time and date, counter frequency', () => {
    const text = [
      'rec 3 500/1000(2) 1200 08:15:30 23/04/1999 # trailing note',
      'rec.dat 16x4:2+512 1000(-12)/uV 16 5 7 -3 0 lead I with spaces',
      'rec.dat 16 0 16',
      'other.dat 311',
    ].join('\n');
    const h = parseHeader(text, 'rec.hea');
    assert.equal(h.fsHz, 500);
    assert.equal(h.nSamples, 1200);
    assert.equal(h.baseTime, '08:15:30');
    assert.equal(h.baseDate, '23/04/1999');
    assert.deepEqual(h.comments, ['trailing note']);
    const [s0, s1, s2] = h.signals;
    assert.deepEqual([s0.format, s0.samplesPerFrame, s0.skew, s0.byteOffset], [16, 4, 2, 512]);
    assert.deepEqual(
      [s0.gain, s0.baseline, s0.units, s0.adcResolution, s0.adcZero, s0.initialValue, s0.checksum, s0.blockSize],
      [1000, -12, 'uV', 16, 5, 7, -3, 0],
    );
    assert.equal(s0.description, 'lead I with spaces');
    // Gain 0 means "uncalibrated": WFDB uses 200; baseline defaults to the ADC zero (0 here).
    assert.deepEqual([s1.gain, s1.baseline, s1.units, s1.initialValue, s1.checksum], [200, 0, 'mV', 0, undefined]);
    // Only file and format given: resolution from the format (10 bits for 311), gain 200.
    assert.deepEqual([s2.file, s2.format, s2.gain, s2.adcResolution, s2.description], ['other.dat', 311, 200, 10, '']);
  });

  it('defaults the frequency to 250 Hz and the length to 0 when the record line omits them', () => {
    const h = parseHeader('r 0\n', 'r.hea');
    assert.deepEqual([h.nSignals, h.fsHz, h.nSamples, h.signals.length], [0, 250, 0, 0]);
  });

  it('refuses multi-segment records, naming the line', () => {
    throwsInput(
      () => parseHeader('# comment\nmulti/3 2 360 1000\n', 'multi.hea'),
      /multi\.hea, line 2: multi-segment record/,
    );
  });

  it('names file, line and expectation for malformed fields', () => {
    throwsInput(
      () => parseHeader('r 2 360 10\nr.dat 212\n', 'r.hea'),
      /r\.hea, line 3: header announces 2 signals but has 1 .*expected 2 signal lines/,
    );
    throwsInput(
      () => parseHeader('r 1 360 10\nr.dat 999\n', 'r.hea'),
      /line 2: unknown signal format 999; expected one of/,
    );
    throwsInput(() => parseHeader('r 1 360 10\nr.dat 212 abc\n', 'r.hea'), /line 2: bad gain field 'abc'/);
    throwsInput(() => parseHeader('r 1 -360 10\n', 'r.hea'), /line 1: bad sampling frequency/);
    throwsInput(() => parseHeader('r x\n', 'r.hea'), /line 1: bad number of signals/);
    throwsInput(() => parseHeader('r 1 360 10.5\n', 'r.hea'), /line 1: bad number of samples/);
    throwsInput(() => parseHeader('r 1 360 10\nr.dat 212 200 11 zero\n', 'r.hea'), /line 2: bad ADC zero 'zero'/);
    throwsInput(() => parseHeader('r 0 360 10\nextra line\n', 'r.hea'), /line 2: unexpected line/);
    throwsInput(() => parseHeader('\n# only comments\n', 'r.hea'), /no record line/);
  });
});
