import type { DataFrame } from 'danfojs-node';

export type { DataFrame } from 'danfojs-node';

/**
 * danfo.js (danfojs-node), loaded on first use: it takes about a second to load, which code that
 * never builds a table should not pay.
 *
 * @example danfo().DataFrame // => the DataFrame class
 */
export function danfo(): typeof import('danfojs-node') {
  return require('danfojs-node');
}

/**
 * A danfo.js DataFrame from an array of records (one object per row, the first row's keys as
 * the columns in order) — the table type loaders hand to notebooks, so a pandas user has
 * head(), describe(), groupby() and sortValues().
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
  const dfd = danfo();
  if (rows.length === 0) return new dfd.DataFrame([], { columns: cols });
  // Array-of-arrays in column order: danfo would otherwise take each row's own key order.
  const values = rows.map((r) => cols.map((c) => (r[c] === undefined ? null : r[c])));
  return new dfd.DataFrame(values as never, { columns: cols });
}
