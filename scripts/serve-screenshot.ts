/**
 * The README's picture of `ecg serve`: starts the server on a free loopback port with the given
 * model, opens the page in Debian chromium, classifies a record picked from the list, moves the
 * strip to the first beat that disagrees with the reference, and saves the page as a PNG.
 *
 * Usage: npx tsx scripts/serve-screenshot.ts --model <dir> [--record 208] [--out docs/figures/serve-page.png]
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { mitdbDir, repoRoot } from '../lib/common';
import { startServer } from '../lib/serve';
import { launchBrowser } from '../test/support/launch-browser';

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { model: { type: 'string' }, record: { type: 'string' }, out: { type: 'string' } },
  });
  if (!values.model)
    throw new Error('usage: scripts/serve-screenshot.ts --model <dir> [--record 208] [--out file.png]');
  const out = path.resolve(values.out ?? path.join(repoRoot(), 'docs', 'figures', 'serve-page.png'));
  const server = await startServer({ modelDir: values.model, dataDir: mitdbDir(), port: 0, workers: 1 });
  const launched = await launchBrowser({ width: 1100, height: 900 });
  try {
    const page = await launched.browser.newPage();
    await page.goto(server.url, { waitUntil: 'networkidle0' });
    await page.select('#record', values.record ?? '208');
    await page.click('#pick-button');
    await page.waitForSelector('#chart svg', { timeout: 600_000 });
    await page.click('#next-wrong');
    await new Promise((r) => setTimeout(r, 1000));
    const tmp = `${out}.tmp-${process.pid}.png`;
    fs.mkdirSync(path.dirname(out), { recursive: true });
    await page.screenshot({ path: tmp as `${string}.png`, fullPage: true });
    fs.renameSync(tmp, out);
    console.log(`wrote ${path.relative(process.cwd(), out)} (${server.model.name}, ${server.model.engine})`);
  } finally {
    await launched.close();
    await server.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
