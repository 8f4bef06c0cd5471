import { strict as assert } from 'assert';
import { formatD1namoEcgTime, formatD1namoGlucoseTime, parseD1namoEcgTime, parseD1namoGlucoseTime } from '../../lib/io';

describe('io/d1namo-time', () => {
  describe('clock formats', () => {
    it('reads dd/mm/yyyy HH:MM:SS.fff as that wall-clock time in UTC', () => {
      assert.equal(parseD1namoEcgTime('01/10/2014 10:09:39.008'), Date.UTC(2014, 9, 1, 10, 9, 39, 8));
      assert.equal(parseD1namoEcgTime('01/10/2014 10:09:39.5'), Date.UTC(2014, 9, 1, 10, 9, 39, 500));
      assert.equal(parseD1namoGlucoseTime('2014-10-01', '10:14'), Date.UTC(2014, 9, 1, 10, 14, 0));
    });
    it('refuses impossible or malformed times with NaN', () => {
      for (const s of [
        '31/02/2014 10:00:00.000',
        '1/10/2014 10:00:00.000',
        '01/10/2014 24:00:00.000',
        '01/10/2014 10:00:00,000',
        '01/10/2014 10:00:00.',
      ]) {
        assert.ok(Number.isNaN(parseD1namoEcgTime(s)), s);
      }
      assert.ok(Number.isNaN(parseD1namoGlucoseTime('2014-13-01', '10:00:00')));
      assert.ok(Number.isNaN(parseD1namoGlucoseTime('2014-10-01', '10h00')));
    });
    it('formats and parses back to the same millisecond', () => {
      for (const t of [Date.UTC(2014, 9, 1, 0, 0, 0, 0), Date.UTC(2016, 1, 29, 23, 59, 59, 996)]) {
        assert.equal(parseD1namoEcgTime(formatD1namoEcgTime(t)), t);
      }
    });
    it('formats glucose dates and times and parses them back', () => {
      // 29 February 2016 23:59:59 (a leap day), read as UTC.
      const t = Date.UTC(2016, 1, 29, 23, 59, 59);
      assert.deepEqual(formatD1namoGlucoseTime(t), { date: '2016-02-29', time: '23:59:59' });
      const { date, time } = formatD1namoGlucoseTime(t);
      assert.equal(parseD1namoGlucoseTime(date, time), t);
      assert.equal(formatD1namoEcgTime(Date.UTC(2014, 9, 1, 10, 9, 39, 8)), '01/10/2014 10:09:39.008');
    });
    it('refuses 29 February of a common year instead of rolling over to 1 March', () => {
      assert.ok(Number.isNaN(parseD1namoGlucoseTime('2015-02-29', '10:00')));
      assert.ok(Number.isNaN(parseD1namoEcgTime('29/02/2015 10:00:00.000')));
      assert.equal(parseD1namoEcgTime('29/02/2016 10:00:00.000'), Date.UTC(2016, 1, 29, 10));
    });
    it('reads up to six fraction digits (microseconds as a fractional millisecond) and ignores surrounding blanks', () => {
      assert.equal(parseD1namoEcgTime(' 01/10/2014 10:09:39.000250 '), Date.UTC(2014, 9, 1, 10, 9, 39) + 0.25);
      assert.ok(Number.isNaN(parseD1namoEcgTime('01/10/2014 10:09:39.0000001')));
      assert.equal(parseD1namoEcgTime('01/10/2014 10:09:39'), Date.UTC(2014, 9, 1, 10, 9, 39));
    });
  });
});
