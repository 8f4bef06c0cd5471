import { createRng, EcgInputError } from '../common';

/** A parameter value a trial sets at a dotted config path. */
export type ParamValue = number | string | boolean | null | ParamValue[] | { [key: string]: ParamValue };

/** One trial's parameters: dotted config path → value. */
export type TrialParams = Record<string, ParamValue>;

/** How random search draws one parameter. */
export type Distribution =
  | { uniform: [number, number] }
  | { logUniform: [number, number] }
  | { int: [number, number] }
  | { choice: ParamValue[] };

/**
 * A search: a grid (every combination, in the order the paths are given), random draws from
 * distributions (`random` trials, seeded), or an explicit list of trials — as in Ray Tune's
 * grid_search / sample spaces and Optuna's enqueued trials.
 */
export type SearchSpace =
  | { kind: 'grid'; grid: Record<string, ParamValue[]> }
  | { kind: 'random'; distributions: Record<string, Distribution>; trials: number; seed: number }
  | { kind: 'list'; trials: TrialParams[] };

/**
 * Every combination of the grid's values; the last path varies fastest.
 *
 * @example expandGrid({ a: [1, 2], b: ['x'] }) // => [{ a: 1, b: 'x' }, { a: 2, b: 'x' }]
 * @throws EcgInputError for a path with no values
 */
export function expandGrid(grid: Record<string, ParamValue[]>): TrialParams[] {
  let out: TrialParams[] = [{}];
  for (const [key, values] of Object.entries(grid)) {
    if (!Array.isArray(values) || values.length === 0)
      throw new EcgInputError('no values', { file: 'grid', at: key }, 'at least one value');
    out = out.flatMap((p) => values.map((v) => ({ ...p, [key]: v })));
  }
  return out;
}

function checkRange(path: string, r: unknown, positive = false): [number, number] {
  const ok =
    Array.isArray(r) &&
    r.length === 2 &&
    r.every((v) => typeof v === 'number' && Number.isFinite(v) && (!positive || v > 0)) &&
    r[0] <= r[1];
  if (!ok)
    throw new EcgInputError(
      `range ${JSON.stringify(r)}`,
      { file: 'search space', at: path },
      `[low, high] with low ≤ high${positive ? ', both > 0' : ''}`,
    );
  return r as [number, number];
}

/**
 * Draws `n` parameter sets from the distributions with a seeded generator: the same seed gives
 * the same trials on every machine.
 *
 * @example sampleRandom({ 'training.learningRate': { logUniform: [1e-4, 1e-2] } }, 2, 7).length // => 2
 * @throws EcgInputError for an unknown distribution or a bad range (named by path)
 */
export function sampleRandom(distributions: Record<string, Distribution>, n: number, seed: number): TrialParams[] {
  if (!Number.isInteger(n) || n < 1) throw new EcgInputError(`${n} trials`, { at: '--random' }, 'a positive integer');
  const rng = createRng(seed);
  const out: TrialParams[] = [];
  for (let i = 0; i < n; i++) {
    const p: TrialParams = {};
    for (const [path, d] of Object.entries(distributions)) {
      if ('uniform' in d) {
        const [lo, hi] = checkRange(path, d.uniform);
        p[path] = lo + (hi - lo) * rng.next();
      } else if ('logUniform' in d) {
        const [lo, hi] = checkRange(path, d.logUniform, true);
        p[path] = Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * rng.next());
      } else if ('int' in d) {
        const [lo, hi] = checkRange(path, d.int);
        if (!Number.isInteger(lo) || !Number.isInteger(hi))
          throw new EcgInputError(`range ${JSON.stringify(d.int)}`, { file: 'search space', at: path }, 'integers');
        p[path] = lo + rng.int(hi - lo + 1);
      } else if ('choice' in d && Array.isArray(d.choice) && d.choice.length > 0) {
        p[path] = d.choice[rng.int(d.choice.length)];
      } else {
        throw new EcgInputError(
          `distribution ${JSON.stringify(d)}`,
          { file: 'search space', at: path },
          '{"uniform":[lo,hi]}, {"logUniform":[lo,hi]}, {"int":[lo,hi]} or {"choice":[...]}',
        );
      }
    }
    out.push(p);
  }
  return out;
}

/**
 * The trials' parameters of a search space, in a fixed order.
 *
 * @example expandSearch({ kind: 'list', trials: [{ seed: 1 }, { seed: 2 }] }) // => [{ seed: 1 }, { seed: 2 }]
 */
export function expandSearch(space: SearchSpace): TrialParams[] {
  if (space.kind === 'grid') return expandGrid(space.grid);
  if (space.kind === 'random') return sampleRandom(space.distributions, space.trials, space.seed);
  if (!Array.isArray(space.trials) || space.trials.length === 0)
    throw new EcgInputError('no trials', { file: 'search space', at: 'trials' }, 'a non-empty list of parameter sets');
  return space.trials.map((t) => ({ ...t }));
}

/**
 * Parses one `--grid path=v1,v2` argument; values are JSON where they parse (numbers, booleans,
 * quoted strings), else plain strings.
 *
 * @example parseGridArg('training.learningRate=0.001,0.003') // => ['training.learningRate', [0.001, 0.003]]
 * @throws EcgInputError for a missing '=' or an empty value list
 */
export function parseGridArg(arg: string): [string, ParamValue[]] {
  const eq = arg.indexOf('=');
  if (eq <= 0 || eq === arg.length - 1)
    throw new EcgInputError(`--grid ${arg}`, { file: 'ecg sweep', at: '--grid' }, 'path=value[,value...]');
  const values = splitTopLevel(arg.slice(eq + 1)).map((s) => {
    try {
      return JSON.parse(s) as ParamValue;
    } catch {
      return s;
    }
  });
  return [arg.slice(0, eq), values];
}

// Commas inside brackets belong to one JSON value (`model.dense=[32,16],[64]`).
function splitTopLevel(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  out.push(s.slice(start));
  return out.map((x) => x.trim());
}
