/**
 * The main job: build lib, then execute every notebook in notebooks/ headlessly, in order, with
 * the tslab kernel, writing executed copies (.ipynb and .html), figures and results to outputs/.
 *
 *   npm run reproduce -- [--profile quick|full] [--only 03 | --only 02,03] [--seed N]
 *
 * The profile, data folder, seed and output folder reach the notebooks as ECG_PROFILE,
 * ECG_DATA_DIR, ECG_SEED and ECG_OUTPUT_DIR, which their first cell reads, so a person at the
 * keyboard and this runner execute the same notebook.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { writeJsonAtomic } from '../lib/common/atomic-write';
import { mitdbDir, outputsDir, repoRoot } from '../lib/common/data-dir';
import { parseArgs } from '../lib/cli/args';

const root = repoRoot();

// The mime types the HTML copies show, best first. A chart's PNG comes before its SVG: nbconvert
// passes SVG through lxml's clean_html, which strips every element and leaves a blank box,
// while the PNG is embedded as a data URI (no CDN needed, so the copy reads offline).
const HTML_PRIORITY = [
  'text/html',
  'text/markdown',
  'image/png',
  'image/jpeg',
  'image/svg+xml',
  'text/latex',
  'text/plain',
];

function fail(msg: string): never {
  console.error(`reproduce: ${msg}`);
  process.exit(1);
}

function python(): string {
  for (const py of ['/usr/bin/python3', 'python3']) {
    if (spawnSync(py, ['-c', 'import nbclient, nbformat'], { stdio: 'ignore' }).status === 0) return py;
  }
  fail('no Python with nbclient found; run `npm run setup` (it says what to install)');
}

function main(): void {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs(process.argv.slice(2), {
      values: ['profile', 'only', 'seed', 'timeout'],
      booleans: ['no-html'],
      command: 'reproduce',
    });
  } catch (e) {
    fail((e as Error).message);
  }
  const profile = String(args.flags.profile ?? process.env.ECG_PROFILE ?? 'quick');
  if (profile !== 'quick' && profile !== 'full') fail(`--profile ${profile}: expected quick or full`);
  const seed = String(args.flags.seed ?? process.env.ECG_SEED ?? '42');
  if (!/^\d+$/.test(seed)) fail(`--seed ${seed}: expected a non-negative integer`);
  const timeoutSec = Number(args.flags.timeout ?? (profile === 'quick' ? 900 : 6 * 3600));

  const nbDir = path.join(root, 'notebooks');
  let notebooks = fs
    .readdirSync(nbDir)
    .filter((f) => f.endsWith('.ipynb'))
    .sort();
  if (args.flags.only) {
    // `--only 03` or `--only 02,03`: notebooks whose file name contains any of the parts.
    const parts = String(args.flags.only).split(',').filter(Boolean);
    notebooks = notebooks.filter((f) => parts.some((p) => f.includes(p)));
  }
  if (notebooks.length === 0) fail(`no notebook in ${nbDir}${args.flags.only ? ` matches '${args.flags.only}'` : ''}`);

  const py = python();
  const outDir = outputsDir();
  const nbOut = path.join(outDir, 'notebooks');
  fs.mkdirSync(nbOut, { recursive: true });

  // Notebooks import the compiled lib (dist/), because tslab compiles only files under the
  // notebook's own folder; rebuilding here keeps dist/ in step with lib/.
  const t0 = Date.now();
  const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (tsc.status !== 0) fail('building lib (tsc -p tsconfig.build.json) failed');
  console.log(
    `reproduce: profile ${profile}, seed ${seed}, data ${mitdbDir()}, outputs ${outDir} (lib built in ${((Date.now() - t0) / 1000).toFixed(1)} s)`,
  );

  const env = {
    ...process.env,
    ECG_PROFILE: profile,
    ECG_SEED: seed,
    ECG_DATA_DIR: mitdbDir(),
    ECG_OUTPUT_DIR: outDir,
    PATH: `${path.join(root, 'node_modules', '.bin')}${path.delimiter}${process.env.PATH}`,
    PYDEVD_DISABLE_FILE_VALIDATION: '1',
  };
  // The commit travels with every timing, so a results table built from runs made at different
  // times still says which code produced each number.
  const git = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' });
  const commit =
    git.status === 0
      ? git.stdout.trim() +
        (spawnSync('git', ['diff', '--quiet', 'HEAD', '--', 'lib', 'notebooks'], { cwd: root }).status === 0
          ? ''
          : '+changes')
      : 'unknown';
  const timings: { notebook: string; seconds: number; commit: string; finished: string }[] = [];
  for (const nb of notebooks) {
    const started = Date.now();
    process.stdout.write(`reproduce: ${nb} ... `);
    const dst = path.join(nbOut, nb);
    fs.rmSync(dst.replace('.ipynb', '.failed.ipynb'), { force: true });
    const r = spawnSync(
      py,
      [
        '-Xfrozen_modules=off',
        path.join(root, 'scripts', 'run_notebook.py'),
        path.join(nbDir, nb),
        dst,
        String(timeoutSec),
      ],
      {
        cwd: root,
        env,
        stdio: ['ignore', 'inherit', 'pipe'],
        encoding: 'utf8',
      },
    );
    const seconds = (Date.now() - started) / 1000;
    if (r.status !== 0) {
      console.log(`FAILED after ${seconds.toFixed(1)} s`);
      const err = (r.stderr ?? '')
        .split('\n')
        .filter((l) => !/Debugger warning|frozen modules|PYDEVD|Debugging will proceed|make the debugger miss/.test(l));
      console.error(err.join('\n').trim());
      console.error(
        `reproduce: stopped at ${nb}; the partly executed copy is ${dst.replace('.ipynb', '.failed.ipynb')}`,
      );
      process.exit(1);
    }
    console.log(`ok (${seconds.toFixed(1)} s)`);
    timings.push({ notebook: nb, seconds: Math.round(seconds * 10) / 10, commit, finished: new Date().toISOString() });
    if (!args.flags['no-html']) {
      spawnSync(
        py,
        [
          '-Xfrozen_modules=off',
          '-m',
          'jupyter',
          'nbconvert',
          '--to',
          'html',
          ...HTML_PRIORITY.map((m) => `--NbConvertBase.display_data_priority=${m}`),
          '--log-level',
          'ERROR',
          '--output-dir',
          nbOut,
          dst,
        ],
        { stdio: 'ignore', env },
      );
    }
  }
  const summaryFile = path.join(outDir, `reproduce-${profile}.json`);
  // The engine the notebooks ran on, as `ecg env` describes it in the same environment (native
  // kernels or not changes results in the last bits).
  const envRun = spawnSync(process.execPath, [path.join(root, 'bin', 'ecg.js'), 'env', '--json'], {
    cwd: root,
    env,
    encoding: 'utf8',
  });
  let engine = 'unknown';
  try {
    const e = JSON.parse(envRun.stdout);
    engine = `tfjs ${e.tfjs} on ${e.backend}${e.native ? ` + native kernels (${e.native.isa}, ${e.native.threads} threads)` : ''}`;
  } catch {
    /* ecg env failed: the summary says 'unknown' */
  }
  const previous =
    fs.existsSync(summaryFile) && args.flags.only ? JSON.parse(fs.readFileSync(summaryFile, 'utf8')) : { timings: [] };
  const merged = [
    ...previous.timings.filter((t: { notebook: string }) => !timings.some((n) => n.notebook === t.notebook)),
    ...timings,
  ].sort((a, b) => a.notebook.localeCompare(b.notebook));
  writeJsonAtomic(summaryFile, {
    profile,
    seed: Number(seed),
    dataDir: mitdbDir(),
    node: process.version,
    engine,
    timings: merged,
  });
  const total = timings.reduce((s, t) => s + t.seconds, 0);
  console.log(
    `reproduce: ${timings.length} notebook(s) executed in ${total.toFixed(1)} s; executed copies in ${nbOut}`,
  );
}

main();
