import { strict as assert } from 'assert';
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { freePort } from '../support/free-port';
import { launchBrowser, nonBackgroundPixels, requireChromium, watchPageErrors } from '../support/launch-browser';

const root = path.join(__dirname, '..', '..');

/** Command lines of the running processes, by pid. */
function processes(): Map<number, string> {
  const out = new Map<number, string>();
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      out.set(Number(d), fs.readFileSync(`/proc/${d}/cmdline`, 'utf8').replace(/\0/g, ' ').trim());
    } catch {
      // exited meanwhile
    }
  }
  return out;
}

function hasJupyterNotebook(): boolean {
  return ['/usr/bin/python3', 'python3'].some(
    (py) => spawnSync(py, ['-c', 'import notebook'], { stdio: 'ignore' }).status === 0,
  );
}

describe('npm run notebook, driven through the Jupyter UI in Chromium', function () {
  this.timeout(900000);

  before(function () {
    requireChromium(this);
    if (!hasJupyterNotebook()) {
      const msg =
        'Jupyter Notebook is not installed: run `npm run setup` (as root: apt-get install -y jupyter-notebook)';
      if (process.env.CI === 'true') throw new Error(msg);
      console.warn(`      (skipped: ${msg})`);
      this.skip();
    }
  });

  it('opens notebook 01, runs its first cells from the keyboard, shows a chart and a table with no error, and stops leaving nothing running', async () => {
    const port = await freePort();
    // Its own process group, so the test can press "Ctrl-C" (SIGINT to the group) as a person would.
    const server: ChildProcess = spawn(
      process.execPath,
      ['--require', 'tsx/cjs', path.join(root, 'scripts', 'notebook.ts'), '--port', String(port), '--classic'],
      { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let log = '';
    server.stdout!.on('data', (d) => (log += d));
    server.stderr!.on('data', (d) => (log += d));
    const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
    let kernelId = '';
    let watcherPid: number | undefined;
    const launched = await launchBrowser({ width: 1300, height: 1000 });
    try {
      const started = Date.now();
      while (!/open (http:\/\/127\.0\.0\.1:\d+\/tree\?token=\w+)/.test(log)) {
        assert.equal(server.exitCode, null, `npm run notebook exited:\n${log}`);
        assert.ok(Date.now() - started < 600000, `no URL printed within 10 min:\n${log}`);
        await new Promise((r) => setTimeout(r, 500));
      }
      const url = /open (http:\/\/127\.0\.0\.1:\d+\/tree\?token=(\w+))/.exec(log)!;
      assert.ok(url[1].startsWith(`http://127.0.0.1:${port}/`), 'listens on loopback at the port asked for');
      for (const [pid, cmd] of processes()) if (cmd.includes('tsconfig.build.json --watch')) watcherPid = pid;
      assert.ok(watcherPid, 'tsc --watch runs beside Jupyter');

      const page = await launched.browser.newPage();
      const problems = watchPageErrors(page);
      await page.goto(url[1].replace('/tree?', '/notebooks/01-dataset-preparation.ipynb?'), { waitUntil: 'load' });
      // Page code as strings: it runs in the browser, whose types this Node project does not load.
      await page.waitForFunction('Boolean(window.Jupyter?.notebook?.kernel?.is_connected())', { timeout: 120000 });
      kernelId = String(await page.evaluate('Jupyter.notebook.kernel.id'));
      // The committed notebook must stay without outputs: no autosave while the test runs it.
      await page.evaluate('Jupyter.notebook.set_autosave_interval(0)');
      // Through the UI: click the first cell, then Shift+Enter through cells 1–10 (setup, the strip
      // chart, the filter chart, the filter response, the detection tables), as a student steps
      // through them.
      await page.click('.cell .inner_cell');
      await page.keyboard.press('Escape');
      for (let i = 0; i < 10; i++)
        await page.keyboard
          .down('Shift')
          .then(() => page.keyboard.press('Enter'))
          .then(() => page.keyboard.up('Shift'));
      await page.waitForFunction(
        "[...document.querySelectorAll('.code_cell .input_prompt')].slice(0, 5).filter((p) => /\\[\\d+\\]/.test(p.textContent)).length === 5",
        { timeout: 600000, polling: 1000 },
      );
      const errors = await page.$$eval('.output_error, .output_stderr', (els) => els.map((e) => e.textContent));
      assert.deepEqual(errors, [], 'no error output');
      const chart = await page.$('.code_cell:nth-of-type(4) .output_subarea svg, .output_svg svg, .output_png img');
      assert.ok(chart, 'a chart appeared');
      await chart!.scrollIntoView();
      const { count, total } = nonBackgroundPixels(await chart!.screenshot());
      assert.ok(count > 0.02 * total, `the chart is drawn (${count} of ${total} pixels)`);
      const table = (await page.evaluate(
        "Array.from(document.querySelectorAll('table.ecg-table'), (t) => Array.from(t.querySelectorAll('thead th'), (th) => th.textContent))",
      )) as string[][];
      assert.ok(table.length >= 1, 'a table appeared');
      // The per-record detection scores as a DataFrame (index column first).
      assert.deepEqual(table[0].slice(1, 4), ['detector', 'record', 'reference']);
      if (process.env.ECG_SCREENSHOT_DIR) {
        await page.evaluate('window.scrollTo(0, 0)');
        await page.screenshot({ path: path.join(process.env.ECG_SCREENSHOT_DIR, 'notebook-ui-01.png') });
      }
      assert.deepEqual(
        problems.filter((p) => !/favicon|mathjax|MathJax/i.test(p)),
        [],
        'the page ran without errors',
      );
    } finally {
      await launched.close();
      if (server.exitCode === null) process.kill(-server.pid!, 'SIGINT');
    }
    assert.equal(await exited, 0, log);
    assert.match(log, /notebook: stopped/);
    await new Promise((r) => setTimeout(r, 2000));
    const left = [...processes()].filter(
      ([pid, cmd]) =>
        pid === watcherPid || (kernelId && cmd.includes(`kernel-${kernelId}`)) || cmd.includes(`--port=${port}`),
    );
    assert.deepEqual(left, [], 'nothing left running: Jupyter, its kernel, tsc --watch');
  });
});
