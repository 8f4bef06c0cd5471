import * as fs from 'fs';
import * as path from 'path';
import { EcgInputError } from '../common';

/** The config of the toy objective: a smooth function of x and y, for benchmarks and queue tests. */
export interface ToyConfig {
  x: number;
  y: number;
  /** Time the trial takes, so that a queue's overhead can be measured against a known cost. */
  sleepMs: number;
  /** Throw a bad-input error (as a bad parameter does) instead of returning metrics. */
  fail?: boolean;
  /** Append one line per run of a trial here (tests count how often each trial ran). */
  logDir?: string;
}

// Checked by hand rather than with lib/models' spec checker: importing lib/models loads tfjs,
// and the toy objective exists to measure everything but the training.
const TOY_KEYS: Record<keyof ToyConfig, string> = {
  x: 'number',
  y: 'number',
  sleepMs: 'number',
  fail: 'boolean',
  logDir: 'string',
};

/**
 * Checks a toy config; an unknown key or a wrong type is an error naming it.
 *
 * @example resolveToyConfig({ x: 1, y: 2, sleepMs: 0 }).x // => 1
 * @throws EcgInputError naming the key
 */
export function resolveToyConfig(json: unknown): ToyConfig {
  const where = {};
  if (typeof json !== 'object' || json === null) throw new EcgInputError('not an object', where, '{ x, y, sleepMs }');
  const c = json as Record<string, unknown>;
  for (const [key, value] of Object.entries(c)) {
    const type = TOY_KEYS[key as keyof ToyConfig];
    if (!type) throw new EcgInputError('unknown key', { ...where, at: key }, Object.keys(TOY_KEYS).join(', '));
    if (typeof value !== type) throw new EcgInputError(`${JSON.stringify(value)}`, { ...where, at: key }, `a ${type}`);
  }
  for (const key of ['x', 'y', 'sleepMs'])
    if (c[key] === undefined) throw new EcgInputError('missing', { ...where, at: key }, 'a number');
  return c as unknown as ToyConfig;
}

/**
 * Runs the toy objective: `score = −(x − 1)² − (y − 2)²` (best at x = 1, y = 2) after `sleepMs`.
 *
 * @example (await runToyTrial({ x: 1, y: 2, sleepMs: 0 }, 'id')).score // => -0
 */
export async function runToyTrial(config: ToyConfig, trialId: string): Promise<Record<string, number>> {
  if (config.logDir) fs.appendFileSync(path.join(config.logDir, `${trialId}.log`), `start ${process.pid}\n`);
  if (config.sleepMs > 0) await new Promise((r) => setTimeout(r, config.sleepMs));
  if (config.fail) throw new EcgInputError('fail is true', { file: 'toy objective', at: 'fail' }, 'fail false');
  if (config.logDir) fs.appendFileSync(path.join(config.logDir, `${trialId}.log`), `done ${process.pid}\n`);
  return { score: -((config.x - 1) ** 2) - (config.y - 2) ** 2 };
}
