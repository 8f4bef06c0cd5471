import { strict as assert } from 'assert';
import { dataFrame } from '../../lib/common';
import { showTable, tableCells, tableHtml, tableText, type MimeBundle } from '../../lib/viz';

const beats = [
  { record: '100', class: 'N', beats: 2239, rr: 0.7931 },
  { record: '100', class: 'S', beats: 33, rr: 0.5 },
  { record: '119', class: 'V', beats: 444, rr: 0.96 },
];

describe('viz/table', () => {
  it('dataFrame keeps the first row’s column order and rejects rows with unknown columns', () => {
    const df = dataFrame([
      { b: 1, a: 'x' },
      { a: 'y', b: 2 },
    ]);
    assert.deepEqual(df.columns, ['b', 'a']);
    assert.deepEqual(df.values, [
      [1, 'x'],
      [2, 'y'],
    ]);
    assert.throws(() => dataFrame([{ a: 1 }, { a: 2, z: 3 }]), /row 1 has column\(s\) z that row 0 lacks/);
    assert.throws(() => dataFrame([]), /no rows and no column names/);
  });

  it('renders a DataFrame as an HTML table with its header, index and one row per row, like pandas', () => {
    const html = tableHtml(dataFrame(beats), { caption: 'beats per record' });
    assert.match(html, /<table border="1" class="dataframe ecg-table">/);
    assert.match(html, /<caption>beats per record<\/caption>/);
    const head = /<thead>(.*)<\/thead>/.exec(html)![1];
    assert.equal(head, '<tr><th></th><th>record</th><th>class</th><th>beats</th><th>rr</th></tr>');
    const rows = /<tbody>(.*)<\/tbody>/.exec(html)![1].match(/<tr>/g)!;
    assert.equal(rows.length, 3);
    assert.match(html, /<tr><th>0<\/th><td>100<\/td><td>N<\/td><td>2239<\/td><td>0.793<\/td><\/tr>/);
    assert.doesNotMatch(html, /rows ×/, 'no shape line when every row is shown');
  });

  it('formats a column’s numbers alike (integers stay integers), writes NaN for missing values, escapes HTML', () => {
    const c = tableCells(
      [
        { a: 1, b: 0.5, c: '<b>' },
        { a: 2, b: null, c: 'x&y' },
      ],
      { digits: 2 },
    );
    assert.deepEqual(c.rows, [
      ['1', '0.50', '<b>'],
      ['2', 'NaN', 'x&y'],
    ]);
    assert.match(tableHtml([{ c: '<b>' }]), /<td>&lt;b&gt;<\/td>/);
  });

  it('elides the middle of a long table and says how many rows it has', () => {
    const long = Array.from({ length: 100 }, (_, i) => ({ i }));
    const c = tableCells(long, { maxRows: 10 });
    assert.deepEqual(c.index, ['0', '1', '2', '3', '4', '95', '96', '97', '98', '99']);
    assert.equal(c.elidedAt, 5);
    const html = tableHtml(long, { maxRows: 10 });
    assert.equal(/<tbody>(.*)<\/tbody>/.exec(html)![1].match(/<tr>/g)!.length, 11, '10 rows + the ... row');
    assert.match(html, /100 rows × 1 columns/);
    assert.match(tableText(long, { maxRows: 10 }), /\.\.\.[\s\S]*\[100 rows x 1 columns\]$/);
  });

  it('as text aligns columns under their names, index on the left', () => {
    assert.equal(tableText([{ a: 1 }, { a: 22 }]), '    a\n0   1\n1  22');
  });

  it('renders danfo’s own results: groupby().agg() and describe()', () => {
    const g = dataFrame(beats).groupby(['record']).agg({ beats: 'sum' });
    const c = tableCells(g);
    assert.deepEqual(c.columns, ['record', 'beats_sum']);
    assert.deepEqual(c.rows, [
      ['100', '2272'],
      ['119', '444'],
    ]);
    const d = tableCells(
      dataFrame(beats)
        .loc({ columns: ['beats'] })
        .describe(),
    );
    assert.equal(d.index[0], 'count');
    assert.equal(d.rows[0][0], '3.000');
  });

  it('showTable sends one display_data with HTML and a text fallback in a kernel, and prints the text outside', () => {
    const file = require.resolve('tslab/dist/jupyter');
    const sent: MimeBundle[] = [];
    require.cache[file] = {
      id: file,
      filename: file,
      loaded: true,
      exports: { lastWriteDisplayData: (b: MimeBundle) => sent.push(b) },
    } as unknown as NodeModule;
    try {
      showTable(beats);
    } finally {
      delete require.cache[file];
    }
    assert.equal(sent.length, 1);
    assert.deepEqual(Object.keys(sent[0].data), ['text/html', 'text/plain']);
    assert.equal(sent[0].data['text/html'], tableHtml(beats));
    assert.equal(sent[0].data['text/plain'], tableText(beats));
    const printed: string[] = [];
    const log = console.log;
    console.log = (s: string) => printed.push(s);
    try {
      showTable(beats);
    } finally {
      console.log = log;
    }
    assert.deepEqual(printed, [tableText(beats)]);
  });
});
