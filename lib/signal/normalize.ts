import { EcgInputError } from '../common';

/**
 * Fitted normalisation parameters: plain JSON, so they can be fitted on the training split,
 * saved beside a model and applied to other splits and new data. `mean`, `std`, `min`, `max`
 * are single numbers (one statistic over all values) or arrays (one per feature column).
 */
export type NormParams =
  | { kind: 'zscore'; mean: number | number[]; std: number | number[] }
  | { kind: 'minmax'; min: number | number[]; max: number | number[] }
  | { kind: 'clip'; mean: number | number[]; std: number | number[]; k: number };

/** Options of {@link fitNormalizer}. */
export interface FitOptions {
  /** One statistic per column (rows are feature vectors) instead of one over all values. */
  perFeature?: boolean;
  /** For 'clip': the bound in standard deviations (default 3). */
  k?: number;
}

/**
 * Fits z-score (x − mean)/std, min–max (x − min)/(max − min) or clipping at mean ± k·std on
 * `rows` (beats or feature vectors of equal length); apply with {@link applyNormalizer}.
 * A zero spread is stored as 1 so constant features map to 0 instead of NaN.
 *
 * @example fitNormalizer('zscore', [Float32Array.of(1, 3)]) // => { kind: 'zscore', mean: 2, std: 1 }
 * @throws EcgInputError for no rows, rows of unequal length (with perFeature) or a non-finite value
 */
export function fitNormalizer(
  kind: NormParams['kind'],
  rows: ArrayLike<number>[],
  options: FitOptions = {},
): NormParams {
  if (rows.length === 0)
    throw new EcgInputError('no rows to fit on', { file: 'fitNormalizer', at: 'rows' }, 'at least one row');
  const width = rows[0].length;
  const per = options.perFeature === true;
  const nCols = per ? width : 1;
  const count = new Float64Array(nCols),
    sum = new Float64Array(nCols),
    sumSq = new Float64Array(nCols);
  const min = new Float64Array(nCols).fill(Infinity),
    max = new Float64Array(nCols).fill(-Infinity);
  rows.forEach((row, r) => {
    if (per && row.length !== width) {
      throw new EcgInputError(
        `row of ${row.length} values`,
        { file: 'fitNormalizer', at: `row ${r}` },
        `${width} values like row 0`,
      );
    }
    for (let i = 0; i < row.length; i++) {
      const v = row[i];
      if (v - v !== 0)
        throw new EcgInputError(
          `${v} is not finite`,
          { file: 'fitNormalizer', at: `row ${r}, value ${i}` },
          'finite numbers',
        );
      const c = per ? i : 0;
      count[c]++;
      sum[c] += v;
      sumSq[c] += v * v;
      if (v < min[c]) min[c] = v;
      if (v > max[c]) max[c] = v;
    }
  });
  const mean = Array.from(sum, (s, c) => s / count[c]);
  // Population standard deviation (ddof = 0, as numpy's std and sklearn's StandardScaler).
  const std = mean.map((m, c) => {
    const s = Math.sqrt(Math.max(0, sumSq[c] / count[c] - m * m));
    return s > 0 ? s : 1;
  });
  const pick = (a: number[]) => (per ? a : a[0]);
  if (kind === 'zscore') return { kind, mean: pick(mean), std: pick(std) };
  if (kind === 'minmax') return { kind, min: pick(Array.from(min)), max: pick(Array.from(max)) };
  if (kind === 'clip') {
    const k = options.k ?? 3;
    if (!(k > 0))
      throw new EcgInputError(
        `k = ${k}`,
        { file: 'fitNormalizer', at: 'k' },
        'a positive number of standard deviations',
      );
    return { kind, mean: pick(mean), std: pick(std), k };
  }
  throw new EcgInputError(
    `normalisation '${kind as string}'`,
    { file: 'fitNormalizer', at: 'kind' },
    "'zscore', 'minmax' or 'clip'",
  );
}

/**
 * Applies fitted parameters to rows, returning new Float32Array rows (min–max values outside the
 * fitted range fall outside [0, 1]: the test split is not refitted).
 *
 * @example applyNormalizer({ kind: 'zscore', mean: 2, std: 1 }, [Float32Array.of(1, 3)]) // => [[-1, 1]]
 * @throws EcgInputError when per-feature parameters do not match a row's length
 */
export function applyNormalizer(params: NormParams, rows: ArrayLike<number>[]): Float32Array[] {
  const stat = (v: number | number[], i: number, r: number, len: number) => {
    if (typeof v === 'number') return v;
    if (v.length !== len)
      throw new EcgInputError(
        `row of ${len} values`,
        { file: 'applyNormalizer', at: `row ${r}` },
        `${v.length} values, as fitted`,
      );
    return v[i];
  };
  return rows.map((row, r) => {
    const out = new Float32Array(row.length);
    for (let i = 0; i < row.length; i++) {
      const v = row[i];
      if (params.kind === 'zscore') {
        out[i] = (v - stat(params.mean, i, r, row.length)) / stat(params.std, i, r, row.length);
      } else if (params.kind === 'minmax') {
        const lo = stat(params.min, i, r, row.length);
        const span = stat(params.max, i, r, row.length) - lo;
        out[i] = span > 0 ? (v - lo) / span : 0;
      } else {
        const m = stat(params.mean, i, r, row.length);
        const b = params.k * stat(params.std, i, r, row.length);
        out[i] = Math.min(m + b, Math.max(m - b, v));
      }
    }
    return out;
  });
}
