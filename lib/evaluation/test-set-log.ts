import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { EcgInputError } from '../common';

/** One use of the held-out test records (a line of outputs/results/test-set-log.jsonl). */
export interface TestSetUse {
  /** ISO time of the evaluation. */
  time: string;
  /** {@link configHash} of the training config that produced the model. */
  configHash: string;
  /** What ran the evaluation: a command line (`ecg train --preset full`) or a notebook. */
  source: string;
  protocol: string;
  /** The held-out records scored (those of `heldOut`, e.g. DS2). */
  testRecords: string[];
  /** Config name, seed and headline figures, so a reader can see what each look revealed. */
  name?: string;
  seed?: number;
  macroF1?: number;
}

/**
 * A short stable hash of a config: SHA-256 of its JSON with object keys sorted, first 16 hex digits.
 * Equal configs give equal hashes whatever the key order.
 *
 * @example configHash({ a: 1, b: 2 }) === configHash({ b: 2, a: 1 }) // => true
 */
export function configHash(config: unknown): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v as object)
              .sort()
              .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
          )
        : v;
  return createHash('sha256')
    .update(JSON.stringify(canonical(config)))
    .digest('hex')
    .slice(0, 16);
}

/**
 * Appends one line to the test-set log. The line goes out in a single write on a file opened for
 * appending (O_APPEND), so two runs logging at once never interleave inside a line and a reader
 * never sees a partial record from a finished run; earlier lines are never rewritten.
 *
 * @example appendTestSetUse('outputs/results/test-set-log.jsonl', { time: new Date().toISOString(), configHash: configHash(cfg), source: 'ecg train --preset full', protocol: 'inter-patient', testRecords: DS2 })
 */
export function appendTestSetUse(file: string, use: TestSetUse): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const fd = fs.openSync(file, 'a');
  try {
    fs.writeSync(fd, `${JSON.stringify(use)}\n`);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Reads the test-set log (an absent file is an empty log).
 *
 * @example readTestSetLog('outputs/results/test-set-log.jsonl').length // => how many times DS2 was scored
 * @throws EcgInputError naming the file and line of a line that is not a JSON test-set use
 */
export function readTestSetLog(file: string): TestSetUse[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line, i) => {
      if (!line.trim()) return [];
      let v: unknown;
      try {
        v = JSON.parse(line);
      } catch {
        v = undefined;
      }
      const u = v as Partial<TestSetUse> | undefined;
      if (!u || typeof u.time !== 'string' || typeof u.configHash !== 'string' || !Array.isArray(u.testRecords))
        throw new EcgInputError(
          `line is not a test-set use: ${line.slice(0, 60)}`,
          { file, at: `line ${i + 1}` },
          'a JSON object with time, configHash, source, protocol and testRecords',
        );
      return [u as TestSetUse];
    });
}
