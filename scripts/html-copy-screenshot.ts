/**
 * A picture of an executed HTML copy as a reader sees it in Chromium (Debian's, through
 * puppeteer-core), for the README: the page from the heading that contains `--from` down to
 * `--height` pixels.
 *
 * Usage: npx tsx scripts/html-copy-screenshot.ts --html outputs/notebooks/03-final-training.html \
 *          --from "The three protocols" --out docs/figures/html-copy-03.png [--height 1400] [--width 1200]
 */
import * as path from 'path';
import { parseArgs } from 'util';
import { launchBrowser } from '../test/support/launch-browser';

// Page-side code below runs in Chromium; the project compiles without the DOM library.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const document: any, window: any;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      html: { type: 'string' },
      from: { type: 'string' },
      out: { type: 'string' },
      height: { type: 'string', default: '1400' },
      width: { type: 'string', default: '1200' },
    },
  });
  if (!values.html || !values.out) throw new Error('usage: --html FILE --out PNG [--from HEADING] [--height N]');
  const width = Number(values.width);
  const height = Number(values.height);
  const launched = await launchBrowser({ width, height });
  try {
    const page = await launched.browser.newPage();
    await page.setViewport({ width, height });
    await page.goto(`file://${path.resolve(values.html)}`, { waitUntil: 'load' });
    const top = await page.evaluate((text) => {
      if (!text) return 0;
      const heads: { textContent: string | null; getBoundingClientRect(): { top: number } }[] = [
        ...document.querySelectorAll('h1, h2, h3'),
      ];
      const h = heads.find((e) => e.textContent?.includes(text));
      if (!h) throw new Error(`no heading containing '${text}'`);
      return h.getBoundingClientRect().top + window.scrollY - 8;
    }, values.from ?? '');
    const full = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.screenshot({
      path: values.out,
      clip: { x: 0, y: top, width, height: Math.min(height, full - top) },
      captureBeyondViewport: true,
    });
    console.log(`wrote ${values.out} (${values.html} from ${Math.round(top)} px, ${height} px tall)`);
  } finally {
    await launched.close();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
