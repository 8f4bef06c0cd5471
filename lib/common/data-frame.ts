import type { DataFrame } from 'danfojs-node';

export type { DataFrame } from 'danfojs-node';

/** A column of {@link columnFrame}: numbers (plain or typed arrays), strings or booleans. */
export type FrameColumn = ArrayLike<number> | readonly (string | null)[] | readonly boolean[];

/** danfo's dtype names. */
type Dtype = 'string' | 'int32' | 'float32' | 'boolean';

/**
 * danfo.js (danfojs-node), loaded on first use: it takes about a second to load, which code that
 * never builds a table should not pay.
 *
 * @example danfo().DataFrame // => the DataFrame class
 */
export function danfo(): typeof import('danfojs-node') {
  return require('danfojs-node');
}

// danfo infers dtypes from the values and reads a string of digits as a number, so record '100'
// would become the integer 100 (and groupby(...).mean() would average record names). The dtype
// here follows the JavaScript type instead: strings stay strings, as pandas keeps them.
function columnDtype(values: readonly unknown[]): Dtype {
  let kind: Dtype | undefined;
  for (const v of values) {
    if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) continue;
    const k: Dtype =
      typeof v === 'boolean' ? 'boolean' : typeof v !== 'number' ? 'string' : Number.isInteger(v) ? 'int32' : 'float32';
    if (kind === undefined || kind === k) kind = k;
    else if ((kind === 'int32' && k === 'float32') || (kind === 'float32' && k === 'int32')) kind = 'float32';
    // Mixed kinds (a number column with a '—' in it): a string column, as danfo itself would make.
    else return 'string';
  }
  // A numeric column with gaps holds NaN, as pandas' would; danfo's int32 columns take NaN too.
  return kind ?? 'float32';
}

function missingAsNaN(values: unknown[], dtype: Dtype): unknown[] {
  if (dtype !== 'int32' && dtype !== 'float32') return values;
  return values.map((v) => (v === null || v === undefined ? NaN : v));
}

/**
 * A danfo.js DataFrame from named columns (plain or typed arrays of one length), in the order
 * given — the cheap way to build a table of many rows (no object per row). Numbers become int32
 * or float32 columns, strings stay strings (a record name '100' is not read as a number), and
 * null in a numeric column becomes NaN, as in pandas.
 *
 * @example columnFrame({ record: ['100', '101'], beats: Int32Array.of(2273, 1865) }).dtypes // => ['string', 'int32']
 * @throws Error when the columns differ in length
 */
export function columnFrame(columns: Readonly<Record<string, FrameColumn>>): DataFrame {
  const names = Object.keys(columns);
  if (names.length === 0) throw new Error('columnFrame: no columns');
  const n = columns[names[0]].length;
  const data: Record<string, unknown[]> = {};
  const dtypes: Dtype[] = [];
  for (const name of names) {
    const col = columns[name];
    if (col.length !== n)
      throw new Error(`columnFrame: column '${name}' has ${col.length} values, column '${names[0]}' has ${n}`);
    const values: unknown[] = Array.from(col as ArrayLike<unknown>);
    const dtype = columnDtype(values);
    dtypes.push(dtype);
    data[name] = missingAsNaN(values, dtype);
  }
  const dfd = danfo();
  if (n === 0) return new dfd.DataFrame([], { columns: names });
  return new dfd.DataFrame(data as never, { columns: names, dtypes });
}

/**
 * A danfo.js DataFrame from an array of records (one object per row, the first row's keys as
 * the columns in order) — the table type loaders hand to notebooks, so a pandas user has
 * head(), describe(), groupby() and sortValues(). Dtypes follow the values' JavaScript types as
 * in {@link columnFrame}.
 *
 * @example dataFrame([{ record: '100', beats: 2273 }, { record: '101', beats: 1865 }]).shape // => [2, 2]
 * @throws Error when `rows` is empty (a DataFrame needs its columns) or a row has other keys than the first
 */
export function dataFrame(rows: readonly Record<string, unknown>[], columns?: readonly string[]): DataFrame {
  if (rows.length === 0 && !columns) throw new Error('dataFrame: no rows and no column names');
  const cols = columns ? [...columns] : Object.keys(rows[0]);
  rows.forEach((r, i) => {
    const extra = Object.keys(r).filter((k) => !cols.includes(k));
    if (extra.length) throw new Error(`dataFrame: row ${i} has column(s) ${extra.join(', ')} that row 0 lacks`);
  });
  if (rows.length === 0) return new (danfo().DataFrame)([], { columns: cols });
  return columnFrame(Object.fromEntries(cols.map((c) => [c, rows.map((r) => r[c]) as FrameColumn])));
}
