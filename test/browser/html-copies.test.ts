import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { launchBrowser, nonBackgroundPixels, requireChromium, type LaunchedBrowser } from '../support/launch-browser';

// The executed HTML copies `npm run reproduce -- --profile quick` writes; CI runs it before npm test.
const outDir = path.resolve(process.env.ECG_OUTPUT_DIR ?? path.join(__dirname, '..', '..', 'outputs'), 'notebooks');
const copies = fs.existsSync(outDir)
  ? fs
      .readdirSync(outDir)
      .filter((f) => /^\d\d-.*\.html$/.test(f) && !f.includes('.failed'))
      .sort()
  : [];

type Output = { output_type: string; data?: Record<string, unknown> };

/** What the executed .ipynb says each HTML copy must show: its charts and its tables. */
function expected(html: string): { charts: number; tables: number } {
  const nb = JSON.parse(fs.readFileSync(path.join(outDir, html.replace(/\.html$/, '.ipynb')), 'utf8'));
  const outputs: Output[] = nb.cells.flatMap((c: { outputs?: Output[] }) => c.outputs ?? []);
  return {
    charts: outputs.filter((o) => o.data?.['image/png']).length,
    tables: outputs.filter((o) => String(o.data?.['text/html'] ?? '').includes('ecg-table')).length,
  };
}

describe('executed HTML copies, opened in Chromium', function () {
  this.timeout(300000);
  let launched: LaunchedBrowser;

  before(async function () {
    requireChromium(this);
    if (copies.length === 0) {
      const msg = `no executed HTML copies in ${outDir}: run \`npm run reproduce -- --profile quick\` first`;
      if (process.env.CI === 'true') throw new Error(msg);
      console.warn(`      (skipped: ${msg})`);
      this.skip();
    }
    launched = await launchBrowser({ width: 1400, height: 1000 });
  });
  after(async () => launched?.close());

  it('there is a copy of every notebook', () => {
    const notebooks = fs.readdirSync(path.join(__dirname, '..', '..', 'notebooks')).filter((f) => f.endsWith('.ipynb'));
    const missing = notebooks.filter((f) => !copies.includes(f.replace(/\.ipynb$/, '.html')));
    // `--only` runs leave the others out: then only the executed ones are checked.
    if (process.env.CI === 'true') assert.deepEqual(missing, [], 'notebooks without an HTML copy');
  });

  for (const html of copies) {
    it(`${html}: every chart is drawn (image decoded, pixels not blank) and every table is an HTML table`, async () => {
      const want = expected(html);
      const page = await launched.browser.newPage();
      try {
        await page.goto(`file://${path.join(outDir, html)}`, { waitUntil: 'load' });
        const imgs = await page.$$('.jp-OutputArea-output img');
        assert.equal(imgs.length, want.charts, 'one image per chart output of the executed notebook');
        // An SVG output the sanitiser emptied would show here as a blank .jp-RenderedSVG.
        assert.equal((await page.$$('.jp-RenderedSVG')).length, 0, 'charts reach the HTML as images, not SVG');
        for (const [i, img] of imgs.entries()) {
          const size = await img.evaluate((el) => {
            // An <img> in the page; this Node project does not load the DOM types.
            const im = el as unknown as { complete: boolean; naturalWidth: number; scrollIntoView(): void };
            im.scrollIntoView();
            return { ok: im.complete && im.naturalWidth > 0 };
          });
          assert.ok(size.ok, `${html}: chart ${i + 1} did not decode`);
          const { count, total } = nonBackgroundPixels(await img.screenshot());
          assert.ok(count > 0.02 * total, `${html}: chart ${i + 1} is blank (${count} of ${total} pixels drawn)`);
        }
        const tables = await page.$$eval('table.ecg-table', (ts) =>
          ts.map((t) => ({ head: t.querySelectorAll('thead th').length, rows: t.querySelectorAll('tbody tr').length })),
        );
        assert.equal(tables.length, want.tables, 'one HTML table per table output');
        for (const t of tables) assert.ok(t.head > 0 && t.rows > 0, `${html}: an empty table`);
      } finally {
        await page.close();
      }
    });
  }
});
