import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { EcgInputError } from '../lib/common';

/**
 * Asserts |actual − expected| ≤ tol, element-wise for arrays, with a message naming the index.
 *
 * @example expectClose(0.1 + 0.2, 0.3, 1e-12)
 */
export function expectClose(
  actual: number | ArrayLike<number>,
  expected: number | ArrayLike<number>,
  tol = 1e-9,
  what = 'value',
): void {
  if (typeof actual === 'number' || typeof expected === 'number') {
    const a = Number(actual);
    const e = Number(expected);
    assert.ok(
      Math.abs(a - e) <= tol || (Number.isNaN(a) && Number.isNaN(e)),
      `${what}: ${a} is not within ${tol} of ${e}`,
    );
    return;
  }
  assert.equal(actual.length, expected.length, `${what}: length ${actual.length} != ${expected.length}`);
  for (let i = 0; i < actual.length; i++) {
    const a: number = actual[i];
    const e: number = expected[i];
    if (!(Math.abs(a - e) <= tol || (Number.isNaN(a) && Number.isNaN(e)))) {
      assert.fail(`${what}[${i}]: ${a} is not within ${tol} of ${e}`);
    }
  }
}

/** The full MIT-BIH folder when ECG_DATA_DIR points at one, else the shipped subset. */
export function dataDir(): string {
  return process.env.ECG_DATA_DIR
    ? path.resolve(process.env.ECG_DATA_DIR)
    : path.join(__dirname, '..', 'data', 'mitdb');
}

/** True when the data folder holds all 48 records (tests on the whole database run only then). */
export function hasFullMitdb(): boolean {
  return fs.existsSync(path.join(dataDir(), '234.dat'));
}

/** A fresh temporary folder, removed by the caller (or left for the OS). */
export function tempDir(prefix = 'ecg-test-'): string {
  return fs.mkdtempSync(path.join(require('os').tmpdir(), prefix));
}

/**
 * Runs `fn` (a CLI command) with console.log and console.error captured; returns its exit code
 * and what it printed, so CLI tests can assert on both without spawning a process.
 *
 * @example const { code, out } = await captureConsole(() => run(['--json']))
 */
export async function captureConsole(fn: () => Promise<number>): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = console.log;
  const error = console.error;
  console.log = (...a: unknown[]) => void out.push(a.join(' '));
  console.error = (...a: unknown[]) => void err.push(a.join(' '));
  try {
    const code = await fn();
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    console.log = log;
    console.error = error;
  }
}

/**
 * Asserts that `fn` throws an EcgInputError whose message is exactly `message` (a string) or
 * matches it (a RegExp), so a test pins the file, place and expectation the error names.
 *
 * @example throwsInput(() => parseHeader('', 'x.hea'), /x\.hea, line 1/)
 */
export function throwsInput(fn: () => unknown, message: string | RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof EcgInputError, `not an EcgInputError: ${String(e)}`);
    if (typeof message === 'string') assert.equal(e.message, message);
    else assert.match(e.message, message);
    return true;
  });
}
