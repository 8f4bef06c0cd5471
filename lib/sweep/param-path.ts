import { EcgInputError } from '../common';
import type { ParamValue, TrialParams } from './search-space';

// 'model.convBlocks[0].filters' and 'model.convBlocks.0.filters' name the same place.
function segments(path: string): string[] {
  const parts = path.replace(/\[(\d+)\]/g, '.$1').split('.');
  if (parts.some((p) => p === ''))
    throw new EcgInputError(`bad parameter path '${path}'`, { file: 'search space', at: path }, 'a dotted config path');
  return parts;
}

/**
 * A deep copy of `config` with `value` set at a dotted path (array indices as `[i]` or `.i`);
 * missing objects on the way are created, so that validation names the unknown key.
 *
 * @example setPath({ training: { epochs: 8 } }, 'training.epochs', 2) // => { training: { epochs: 2 } }
 * @throws EcgInputError for an index into something that is not an array
 */
export function setPath<T>(config: T, path: string, value: ParamValue): T {
  const copy = JSON.parse(JSON.stringify(config)) as Record<string, unknown>;
  const parts = segments(path);
  let node: Record<string, unknown> | unknown[] = copy;
  for (let i = 0; i < parts.length - 1; i++) {
    const key = parts[i];
    const next = (node as Record<string, unknown>)[key];
    if (next === undefined || next === null || typeof next !== 'object') {
      if (Array.isArray(node))
        throw new EcgInputError(`index ${key} is past the end`, { file: 'search space', at: path }, 'an existing item');
      (node as Record<string, unknown>)[key] = {};
    }
    node = (node as Record<string, unknown>)[key] as Record<string, unknown>;
  }
  (node as Record<string, unknown>)[parts[parts.length - 1]] = JSON.parse(JSON.stringify(value));
  return copy as T;
}

/**
 * The value at a dotted path, or undefined.
 *
 * @example getPath({ a: { b: [1, 2] } }, 'a.b[1]') // => 2
 */
export function getPath(config: unknown, path: string): unknown {
  let node: unknown = config;
  for (const key of segments(path)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/**
 * A base config with a trial's parameters set, checked by `validate` (the training config's spec
 * for training trials) so that a bad path or value is an error naming it before any trial runs.
 *
 * @example applyParams({ seed: 1 }, { seed: 2 }, (c) => c) // => { seed: 2 }
 * @throws EcgInputError from `validate`, followed by the parameters that produced the config
 */
export function applyParams<T>(base: unknown, params: TrialParams, validate: (config: unknown) => T): T {
  let config = base;
  for (const [path, value] of Object.entries(params)) config = setPath(config, path, value);
  try {
    return validate(config);
  } catch (e) {
    if (e instanceof EcgInputError)
      throw new EcgInputError(`${e.message} (in the trial with parameters ${JSON.stringify(params)})`);
    throw e;
  }
}
