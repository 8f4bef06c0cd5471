/**
 * Clock formats of the D1NAMO cohort (Dubosson et al. 2018): ECG rows carry
 * `dd/mm/yyyy HH:MM:SS.fff`, glucose rows a `yyyy-mm-dd` date and an `HH:MM[:SS]` time.
 * The files hold local wall-clock times without a zone; they are read as if they were UTC so that
 * the ECG and glucose clocks stay comparable and no daylight-saving shift creeps in.
 */

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Wall-clock parts → milliseconds since 1970 (read as UTC), or NaN when a part is out of range. */
function wallClockMs(year: number, month: number, day: number, h: number, m: number, s: number, ms: number): number {
  if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]) return NaN;
  if (h > 23 || m > 59 || s > 59) return NaN;
  const t = Date.UTC(year, month - 1, day, h, m, s, ms);
  // Date.UTC rolls 29 February of a common year over to 1 March; refuse that.
  return new Date(t).getUTCDate() === day ? t : NaN;
}

/** Reads `count` ASCII digits of `s` from `at`, or -1 when one is not a digit. */
function digits(s: string, at: number, count: number): number {
  let v = 0;
  for (let i = at; i < at + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/**
 * Parses a D1NAMO ECG timestamp `dd/mm/yyyy HH:MM:SS.fff` (1–6 fraction digits, or none) to
 * milliseconds since 1970, reading the wall clock as UTC; NaN when malformed.
 *
 * @example parseD1namoEcgTime('01/10/2014 10:09:39.008') // => 1412158179008
 */
export function parseD1namoEcgTime(text: string): number {
  const s = text.trim();
  if (s.length < 19 || s[2] !== '/' || s[5] !== '/' || s[10] !== ' ' || s[13] !== ':' || s[16] !== ':') return NaN;
  const day = digits(s, 0, 2);
  const month = digits(s, 3, 2);
  const year = digits(s, 6, 4);
  const h = digits(s, 11, 2);
  const m = digits(s, 14, 2);
  const sec = digits(s, 17, 2);
  if (day < 0 || month < 0 || year < 0 || h < 0 || m < 0 || sec < 0) return NaN;
  let frac = 0;
  if (s.length > 19) {
    const n = s.length - 20;
    if (s[19] !== '.' || n < 1 || n > 6) return NaN;
    const f = digits(s, 20, n);
    if (f < 0) return NaN;
    frac = (f / 10 ** n) * 1000;
  }
  return wallClockMs(year, month, day, h, m, sec, 0) + frac;
}

/**
 * Parses a D1NAMO glucose date (`yyyy-mm-dd`) and time (`HH:MM` or `HH:MM:SS`) to milliseconds
 * since 1970, reading the wall clock as UTC; NaN when malformed.
 *
 * @example parseD1namoGlucoseTime('2014-10-01', '10:14:00') // => 1412158440000
 */
export function parseD1namoGlucoseTime(date: string, time: string): number {
  const d = date.trim();
  const t = time.trim();
  if (d.length !== 10 || d[4] !== '-' || d[7] !== '-') return NaN;
  if (!(t.length === 5 || t.length === 8) || t[2] !== ':' || (t.length === 8 && t[5] !== ':')) return NaN;
  const year = digits(d, 0, 4);
  const month = digits(d, 5, 2);
  const day = digits(d, 8, 2);
  const h = digits(t, 0, 2);
  const m = digits(t, 3, 2);
  const sec = t.length === 8 ? digits(t, 6, 2) : 0;
  if (year < 0 || month < 0 || day < 0 || h < 0 || m < 0 || sec < 0) return NaN;
  return wallClockMs(year, month, day, h, m, sec, 0);
}

const pad = (v: number, n: number): string => String(v).padStart(n, '0');

/**
 * Formats milliseconds since 1970 (wall clock as UTC) as a D1NAMO ECG timestamp.
 *
 * @example formatD1namoEcgTime(1412158179008) // => '01/10/2014 10:09:39.008'
 */
export function formatD1namoEcgTime(ms: number): string {
  const d = new Date(Math.round(ms));
  return (
    `${pad(d.getUTCDate(), 2)}/${pad(d.getUTCMonth() + 1, 2)}/${pad(d.getUTCFullYear(), 4)} ` +
    `${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}.${pad(d.getUTCMilliseconds(), 3)}`
  );
}

/**
 * Formats milliseconds since 1970 (wall clock as UTC) as the D1NAMO glucose `date` and `time` fields.
 *
 * @example formatD1namoGlucoseTime(1412158440000) // => { date: '2014-10-01', time: '10:14:00' }
 */
export function formatD1namoGlucoseTime(ms: number): { date: string; time: string } {
  const d = new Date(Math.round(ms));
  return {
    date: `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`,
    time: `${pad(d.getUTCHours(), 2)}:${pad(d.getUTCMinutes(), 2)}:${pad(d.getUTCSeconds(), 2)}`,
  };
}
