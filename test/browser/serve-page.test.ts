import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Page } from 'puppeteer-core';
import { startServer, type RunningServer } from '../../lib/serve';
import { runEcg as capture } from '../support/run-ecg';
import { dataDir, tempDir } from '../helpers';
import { tinyModel } from '../serve/fixtures';
import {
  launchBrowser,
  nonBackgroundPixels,
  requireChromium,
  watchPageErrors,
  type LaunchedBrowser,
} from '../support/launch-browser';

// The callbacks given to page.evaluate and friends run in the page, where these exist (tsconfig has no DOM lib).
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const document: any;
type HTMLTableRowElement = any;
type HTMLSelectElement = any;
type HTMLOptionElement = any;

interface Beat {
  sample: number;
  class: string;
}

const tableColumn = (page: Page, column: number) =>
  page.$$eval('#beats tbody tr', (rows, c) => rows.map((r) => (r as HTMLTableRowElement).cells[c].textContent), column);

describe('browser: the page of ecg serve in Debian chromium', function () {
  this.timeout(600_000);
  let server: RunningServer;
  let launched: LaunchedBrowser;
  let model = '';
  let cliBeats: Beat[] = [];

  before(async function () {
    requireChromium(this);
    model = await tinyModel(true);
    server = await startServer({ modelDir: model, dataDir: dataDir(), port: 0, workers: 1 });
    const cli = await capture(['predict', '--model', model, path.join(dataDir(), '100'), '--json']);
    cliBeats = JSON.parse(cli.out).beats;
    launched = await launchBrowser({ width: 1280, height: 900 });
  });
  after(async () => {
    await launched?.close();
    await server?.close();
  });

  it('uploads record 100 (.hea, .dat, .atr) and shows the chart and a table of the beats `ecg predict` gives', async () => {
    const page = await launched.browser.newPage();
    const problems = watchPageErrors(page);
    await page.goto(server.url, { waitUntil: 'networkidle0' });
    assert.match(await page.$eval('#model', (e) => e.textContent ?? ''), /inter-patient, classes N S V F Q/);
    const input = (await page.$('#files'))!;
    await (input as unknown as { uploadFile(...p: string[]): Promise<void> }).uploadFile(
      ...['hea', 'dat', 'atr'].map((e) => path.join(dataDir(), `100.${e}`)),
    );
    await page.click('#upload-button');
    await page.waitForSelector('#chart svg', { timeout: 300_000 });
    // Every beat of the CLI, in order, with its class.
    assert.ok(cliBeats.length > 2250 && cliBeats.length < 2290, `${cliBeats.length}`);
    assert.deepEqual(
      (await tableColumn(page, 1)).map(Number),
      cliBeats.map((b) => b.sample),
    );
    assert.deepEqual(
      await tableColumn(page, 3),
      cliBeats.map((b) => b.class),
    );
    assert.match(await page.$eval('#beat-count', (e) => e.textContent ?? ''), new RegExp(`^${cliBeats.length} of`));
    // The reference column holds the .atr symbols; rows whose class disagrees are marked.
    const refs = await tableColumn(page, 5);
    assert.ok(refs.filter((r) => r?.startsWith('N')).length > 2000);
    const api = await fetch(`${server.url}/api/predict`, {
      method: 'POST',
      body: (() => {
        const f = new FormData();
        f.append('record', '100');
        return f;
      })(),
    });
    const ref = ((await api.json()) as { reference: { match: number[]; beats: { class: string | null }[] } }).reference;
    const wrong = cliBeats.filter((b, i) => {
      const j = ref.match[i];
      return j >= 0 && ref.beats[j].class !== null && ref.beats[j].class !== b.class;
    }).length;
    assert.equal(await page.$$eval('#beats tbody tr.wrong', (r) => r.length), wrong);
    // The chart: a drawn trace, and the predicted class of each beat of the first 10 s as text.
    const chart = (await page.$('#chart'))!;
    const ink = nonBackgroundPixels(await chart.screenshot());
    assert.ok(ink.count > 0.02 * ink.total, `${ink.count} of ${ink.total} pixels drawn`);
    const texts = await page.$$eval('#chart svg text', (t) => t.map((e) => e.textContent));
    const first10 = cliBeats.filter((b) => b.sample < 3600).map((b) => b.class);
    for (const c of new Set(first10))
      assert.ok(texts.filter((t) => t === c).length >= first10.filter((x) => x === c).length);
    // Summary counts agree with the table.
    const nRow = await page.$$eval('#summary tbody tr', (rows) =>
      rows.map((r) => (r as HTMLTableRowElement).cells[1].textContent),
    );
    assert.equal(Number(nRow[0]), cliBeats.filter((b) => b.class === 'N').length);
    const shot = path.join(tempDir(), 'serve-page.png');
    await page.screenshot({ path: shot, fullPage: true });
    assert.ok(fs.statSync(shot).size > 50_000);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('shows the located error of a truncated .dat on the page', async () => {
    const page = await launched.browser.newPage();
    const dir = tempDir();
    fs.copyFileSync(path.join(dataDir(), '100.hea'), path.join(dir, '100.hea'));
    fs.writeFileSync(path.join(dir, '100.dat'), fs.readFileSync(path.join(dataDir(), '100.dat')).subarray(0, 50_000));
    const cli = await capture(['predict', '--model', model, path.join(dir, '100')]);
    assert.equal(cli.code, 2);
    await page.goto(server.url, { waitUntil: 'networkidle0' });
    const input = (await page.$('#files'))!;
    await (input as unknown as { uploadFile(...p: string[]): Promise<void> }).uploadFile(
      path.join(dir, '100.hea'),
      path.join(dir, '100.dat'),
    );
    await page.click('#upload-button');
    await page.waitForSelector('#error:not([hidden])', { timeout: 120_000 });
    const shown = await page.$eval('#error', (e) => e.textContent ?? '');
    assert.equal(
      shown,
      cli.err
        .replace(/^ecg predict: /, '')
        .trim()
        .split(dir + path.sep)
        .join(''),
    );
    assert.match(await page.$eval('#status', (e) => e.textContent ?? ''), /HTTP 400/);
    await page.close();
  });

  it('works from the keyboard alone: pick a record, classify it, move the strip', async () => {
    const page = await launched.browser.newPage();
    const problems = watchPageErrors(page);
    await page.goto(server.url, { waitUntil: 'networkidle0' });
    await page.waitForFunction(() => (document.getElementById('record') as HTMLSelectElement).options.length > 1);
    const options = await page.$$eval('#record option', (o) => o.map((e) => (e as HTMLOptionElement).value));
    assert.ok(options.includes('100') && options.includes('101'));
    // Tab from the top: the skip link, then the record list.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'record');
    const target =
      options.indexOf('101') - options.indexOf(await page.$eval('#record', (s) => (s as HTMLSelectElement).value));
    for (let i = 0; i < target; i++) await page.keyboard.press('ArrowDown');
    assert.equal(await page.$eval('#record', (s) => (s as HTMLSelectElement).value), '101');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'pick-button');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /^Record 101/.test(document.getElementById('result-line')?.textContent ?? ''), {
      timeout: 300_000,
    });
    await page.waitForSelector('#chart svg');
    const title = () => page.$eval('#chart svg', (s) => s.textContent ?? '');
    assert.match(await title(), /101: 0:00\.00 – 0:10\.00/);
    // Focus lands on the results; ']' moves the strip 10 s on, '[' back.
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'results');
    await page.keyboard.press(']');
    await page.waitForFunction(() =>
      /0:10\.00 – 0:20\.00/.test(document.querySelector('#chart svg')?.textContent ?? ''),
    );
    await page.keyboard.press('[');
    await page.waitForFunction(() =>
      /0:00\.00 – 0:10\.00/.test(document.querySelector('#chart svg')?.textContent ?? ''),
    );
    assert.deepEqual(problems, []);
    // A narrow window: nothing wider than the viewport but the scrolling tables.
    await page.setViewport({ width: 380, height: 800 });
    await new Promise((r) => setTimeout(r, 300));
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 380);
    await page.close();
  });
});
