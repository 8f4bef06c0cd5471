import type { DataFrame } from '../common';
import { displayBundle } from './kernel-display';

/** What {@link showTable} and friends accept: a danfo.js DataFrame or an array of records. */
export type TableLike = DataFrame | readonly Record<string, unknown>[];

/** Options of {@link tableHtml}, {@link tableText} and {@link showTable}. */
export interface TableOptions {
  /** Rows shown before the middle is elided, like pandas' display.max_rows (default 60). */
  maxRows?: number;
  /** Decimals of non-integer numbers (default 3). */
  digits?: number;
  /** A caption above the table: say which protocol and data produced it. */
  caption?: string;
  /** Leave out the index column (default: shown, as pandas does). */
  hideIndex?: boolean;
}

/** A table's cells as display strings, with the index and the rows that were left out. */
export interface TableCells {
  columns: string[];
  index: string[];
  rows: string[][];
  /** Where the elided rows were (an index into `rows`), or -1. */
  elidedAt: number;
  nRows: number;
}

function isFrame(t: TableLike): t is DataFrame {
  return !Array.isArray(t) && typeof (t as DataFrame).columns !== 'undefined' && 'values' in (t as object);
}

function raw(t: TableLike): { columns: string[]; index: unknown[]; values: unknown[][] } {
  if (isFrame(t)) {
    return { columns: t.columns.map(String), index: [...t.index], values: t.values as unknown[][] };
  }
  const rows = t as readonly Record<string, unknown>[];
  const columns: string[] = [];
  for (const r of rows) for (const k of Object.keys(r)) if (!columns.includes(k)) columns.push(k);
  return { columns, index: rows.map((_, i) => i), values: rows.map((r) => columns.map((c) => r[c])) };
}

function formatColumn(values: unknown[], digits: number): string[] {
  const numbers = values.filter((v) => typeof v === 'number' && Number.isFinite(v)) as number[];
  const integral = numbers.every((v) => Number.isInteger(v));
  return values.map((v) => {
    if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) return 'NaN';
    if (typeof v === 'number') return integral || !Number.isFinite(v) ? String(v) : v.toFixed(digits);
    if (typeof v === 'object') return JSON.stringify(v);
    return String(v);
  });
}

/**
 * A table's cells formatted for display, pandas-style: numbers of a column share their decimals
 * (integers stay integers), missing values read NaN, and beyond `maxRows` only the first and
 * last halves are kept.
 *
 * @example tableCells([{ a: 1, b: 0.5 }]).rows // => [['1', '0.500']]
 */
export function tableCells(t: TableLike, opts: TableOptions = {}): TableCells {
  const { columns, index, values } = raw(t);
  const digits = opts.digits ?? 3;
  const maxRows = Math.max(2, opts.maxRows ?? 60);
  const nRows = values.length;
  const keep = nRows > maxRows ? [...range(0, maxRows / 2), ...range(nRows - maxRows / 2, nRows)] : range(0, nRows);
  const cols = columns.map((_, j) =>
    formatColumn(
      keep.map((i) => values[i][j]),
      digits,
    ),
  );
  return {
    columns,
    index: keep.map((i) => String(index[i])),
    rows: keep.map((_, r) => columns.map((__, j) => cols[j][r])),
    elidedAt: nRows > maxRows ? Math.floor(maxRows / 2) : -1,
    nRows,
  };
}

function range(a: number, b: number): number[] {
  return Array.from({ length: Math.max(0, Math.floor(b) - Math.floor(a)) }, (_, i) => Math.floor(a) + i);
}

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// Class-scoped rules in a <style> element: nbconvert's HTML sanitiser keeps <style> but drops
// inline style attributes, so this is what survives into the HTML copies.
const TABLE_CSS =
  '.ecg-table{border-collapse:collapse;border:none;font-size:12px;font-family:sans-serif;margin:4px 0}' +
  '.ecg-table th,.ecg-table td{padding:3px 8px;text-align:right;border:none;white-space:nowrap}' +
  '.ecg-table thead th{border-bottom:1px solid #444;font-weight:bold;vertical-align:bottom}' +
  '.ecg-table tbody tr:nth-child(odd){background:#f5f5f5}' +
  '.ecg-table tbody th{font-weight:bold}' +
  '.ecg-table caption{caption-side:top;text-align:left;font-style:italic;padding-bottom:4px}' +
  '.ecg-table-shape{font-size:11px;color:#555;margin:0 0 6px 0}';

/**
 * A table as HTML that reads like pandas' DataFrame in Jupyter (class "dataframe", bold index
 * column, right-aligned cells, zebra rows, "n rows × m columns" beneath when rows were elided).
 *
 * @example tableHtml([{ class: 'N', beats: 9 }]).includes('<th>class</th>') // => true
 */
export function tableHtml(t: TableLike, opts: TableOptions = {}): string {
  const c = tableCells(t, opts);
  const idx = !opts.hideIndex;
  const head = `<tr>${idx ? '<th></th>' : ''}${c.columns.map((k) => `<th>${escape(k)}</th>`).join('')}</tr>`;
  const body: string[] = [];
  c.rows.forEach((row, r) => {
    if (r === c.elidedAt)
      body.push(`<tr>${idx ? '<th>...</th>' : ''}${c.columns.map(() => '<td>...</td>').join('')}</tr>`);
    body.push(
      `<tr>${idx ? `<th>${escape(c.index[r])}</th>` : ''}${row.map((v) => `<td>${escape(v)}</td>`).join('')}</tr>`,
    );
  });
  const caption = opts.caption ? `<caption>${escape(opts.caption)}</caption>` : '';
  const shape = c.elidedAt >= 0 ? `<p class="ecg-table-shape">${c.nRows} rows × ${c.columns.length} columns</p>` : '';
  return (
    `<div><style>${TABLE_CSS}</style><table border="1" class="dataframe ecg-table">${caption}` +
    `<thead>${head}</thead><tbody>${body.join('')}</tbody></table>${shape}</div>`
  );
}

/**
 * A table as aligned plain text, pandas' repr style: the text/plain fallback of {@link showTable}
 * and what it prints outside a notebook.
 *
 * @example tableText([{ a: 1 }, { a: 22 }]) // => '    a\n0   1\n1  22'
 */
export function tableText(t: TableLike, opts: TableOptions = {}): string {
  const c = tableCells(t, opts);
  const idx = !opts.hideIndex;
  const lines: string[][] = [[...(idx ? [''] : []), ...c.columns]];
  c.rows.forEach((row, r) => {
    if (r === c.elidedAt) lines.push([...(idx ? ['...'] : []), ...c.columns.map(() => '...')]);
    lines.push([...(idx ? [c.index[r]] : []), ...row]);
  });
  const widths = lines[0].map((_, j) => Math.max(...lines.map((l) => l[j].length)));
  const text = lines.map((l) =>
    l
      .map((v, j) => (j === 0 && idx ? v.padEnd(widths[j]) : v.padStart(widths[j])))
      .join('  ')
      .trimEnd(),
  );
  if (opts.caption) text.unshift(opts.caption);
  if (c.elidedAt >= 0) text.push('', `[${c.nRows} rows x ${c.columns.length} columns]`);
  return text.join('\n');
}

/**
 * Shows a table inline in a tslab notebook as HTML (pandas-like, see {@link tableHtml}) with a
 * plain-text fallback; outside a notebook prints the text. Returns nothing, so a cell ending in
 * `showTable(df)` prints no second copy.
 *
 * @example showTable(df.groupby(['class']).count(), { caption: 'beats per class, DS1' })
 */
export function showTable(t: TableLike, opts: TableOptions = {}): void {
  const html = tableHtml(t, opts);
  const text = tableText(t, opts);
  const how = displayBundle({ data: { 'text/html': html, 'text/plain': text }, metadata: {}, transient: {} }, (d) =>
    d.html(html),
  );
  if (how === 'none') console.log(text);
}
