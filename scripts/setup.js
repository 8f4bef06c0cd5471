#!/usr/bin/env node
// Makes the headless notebook runner available: Jupyter's nbclient (from Debian's packages as
// root, else pip --user) and the tslab kernel registered against this checkout's tslab; then
// builds the optional native kernels (scripts/build-native.js). Idempotent and silent when
// everything is present (with --quiet); names what to install when it cannot install it itself.
// Plain JavaScript so it runs before anything is compiled.
'use strict';
const { execFileSync, spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const quiet = process.argv.includes('--quiet');
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
  // Optional: without a C++ compiler the engine runs on tfjs-backend-wasm alone, so a failed
  // build is reported by the script and does not fail the setup.
  spawnSync(process.execPath, [path.join(__dirname, 'build-native.js'), ...(quiet ? ['--quiet'] : [])], {
    stdio: 'inherit',
  });
}

main();
