#!/usr/bin/env node
// Makes the headless notebook runner available: Jupyter's nbclient (from Debian's packages as
// root, else pip --user) and the tslab kernel registered against this checkout's tslab; installs
// redis-server for the queue tests (Debian, as root); then builds the optional native kernels
// (scripts/build-native.js). Idempotent and silent when everything is present (with --quiet);
// names what to install when it cannot install it itself.
// Plain JavaScript so it runs before anything is compiled.
'use strict';
const { execFileSync, spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const quiet = process.argv.includes('--quiet');
// --browser: also Debian's chromium, which the browser tests (test/browser/) drive.
const wantBrowser = process.argv.includes('--browser');
const root = path.resolve(__dirname, '..');
const log = (...a) => {
  if (!quiet) console.log('[setup]', ...a);
};
const say = (...a) => console.log('[setup]', ...a);

function ok(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'ignore' });
  return r.status === 0;
}

function findPython() {
  for (const py of ['/usr/bin/python3', 'python3']) {
    if (ok(py, ['-c', 'import nbclient, nbformat, ipykernel'])) return py;
  }
  return null;
}

function installJupyter() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && fs.existsSync('/usr/bin/apt-get')) {
    say(
      'installing Jupyter from Debian: apt-get install -y jupyter-nbconvert python3-nbclient jupyter-client python3-ipykernel',
    );
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const upd = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const inst = spawnSync(
      'apt-get',
      ['install', '-y', '-qq', 'jupyter-nbconvert', 'python3-nbclient', 'jupyter-client', 'python3-ipykernel'],
      { stdio: ['ignore', 'ignore', 'inherit'], env },
    );
    if (upd.status === 0 && inst.status === 0) return;
  } else {
    say('installing Jupyter with pip: python3 -m pip install --user nbclient nbconvert ipykernel');
    spawnSync('python3', ['-m', 'pip', 'install', '--user', '--quiet', 'nbclient', 'nbconvert', 'ipykernel'], {
      stdio: 'inherit',
    });
  }
}

function isRootWithApt() {
  return typeof process.getuid === 'function' && process.getuid() === 0 && fs.existsSync('/usr/bin/apt-get');
}

function aptInstall(packages) {
  say(`installing from Debian: apt-get install -y ${packages.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const upd = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const inst = spawnSync('apt-get', ['install', '-y', '-qq', ...packages], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env,
  });
  return upd.status === 0 && inst.status === 0;
}

// The front end `npm run notebook` starts when JupyterLab is not installed.
function ensureNotebookServer(python) {
  if (ok(python, ['-c', 'import notebook']) || ok(python, ['-c', 'import jupyterlab'])) {
    log('Jupyter Notebook found');
    return;
  }
  if (isRootWithApt()) aptInstall(['jupyter-notebook']);
  else spawnSync(python, ['-m', 'pip', 'install', '--user', '--quiet', 'notebook'], { stdio: 'inherit' });
  if (!ok(python, ['-c', 'import notebook']))
    say(
      'Jupyter Notebook is missing (needed by `npm run notebook` only): apt-get install -y jupyter-notebook (as root) or python3 -m pip install --user notebook',
    );
}

function ensureChromium() {
  if (['/usr/bin/chromium', process.env.CHROMIUM_PATH].some((p) => p && fs.existsSync(p))) {
    log('Chromium found');
    return;
  }
  if (!isRootWithApt() || !aptInstall(['chromium']) || !fs.existsSync('/usr/bin/chromium')) {
    console.error('[setup] Chromium is missing: as root, apt-get install -y chromium (the browser tests need it)');
    process.exit(1);
  }
}

function kernelSpecOk(python) {
  try {
    const out = execFileSync(python, ['-m', 'jupyter', 'kernelspec', 'list', '--json'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const spec = JSON.parse(out).kernelspecs.tslab;
    if (!spec) return false;
    const argv0 = spec.spec.argv[0];
    // Registered against a tslab that still exists (an earlier clone may have been deleted).
    return argv0 === 'tslab' ? false : fs.existsSync(argv0);
  } catch {
    return false;
  }
}

// The queue tests (test/sweep/run-on-queue.test.ts, run-worker.test.ts, redis-connection.test.ts)
// start a real redis-server of their own; sweeps need it only with --queue. Installed from Debian
// as root; not started as a service.
function ensureRedisServer() {
  if (ok('redis-server', ['--version'])) return log('redis-server found');
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && fs.existsSync('/usr/bin/apt-get')) {
    say('installing redis-server from Debian: apt-get install -y redis-server');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive', RUNLEVEL: '1' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'redis-server'], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env,
    });
  }
  if (!ok('redis-server', ['--version'])) {
    say('redis-server is missing: the queue tests will be skipped (and fail under CI=true).');
    say('  Debian/Ubuntu (as root): apt-get install -y redis-server');
  }
}

function main() {
  let python = findPython();
  if (!python) {
    installJupyter();
    python = findPython();
  }
  if (!python) {
    console.error('[setup] Jupyter is missing and could not be installed. Install it, then re-run `npm run setup`:');
    console.error(
      '[setup]   Debian/Ubuntu (as root): apt-get install -y jupyter-nbconvert python3-nbclient jupyter-client python3-ipykernel',
    );
    console.error('[setup]   elsewhere:               python3 -m pip install --user nbclient nbconvert ipykernel');
    process.exit(1);
  }
  log(`Jupyter found (${python})`);
  const tslab = path.join(root, 'node_modules', '.bin', 'tslab');
  if (!fs.existsSync(tslab)) {
    console.error('[setup] node_modules/.bin/tslab is missing: run `npm install` first.');
    process.exit(1);
  }
  if (!kernelSpecOk(python)) {
    say(`registering the tslab kernel (${tslab})`);
    const r = spawnSync(tslab, ['install', `--python=${python}`, `--binary=${tslab}`], {
      stdio: quiet ? 'ignore' : 'inherit',
    });
    if (r.status !== 0 || !kernelSpecOk(python)) {
      console.error(`[setup] could not register the tslab kernel; try: npx tslab install --python=${python}`);
      process.exit(1);
    }
  }
  log('tslab kernel registered');
  // The interactive front end and the test browser are for people and CI, not for the headless
  // main job, so `--quiet` runs (npm test, npm run reproduce) do not install them.
  if (!quiet) ensureNotebookServer(python);
  if (wantBrowser) ensureChromium();
  ensureRedisServer();
  // Optional: without a C++ compiler the engine runs on tfjs-backend-wasm alone, so a failed
  // build is reported by the script and does not fail the setup.
  spawnSync(process.execPath, [path.join(__dirname, 'build-native.js'), ...(quiet ? ['--quiet'] : [])], {
    stdio: 'inherit',
  });
}

main();
