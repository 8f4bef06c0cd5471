#!/usr/bin/env node
// Builds the optional native kernels (lib/engine/native) with the machine's C++ compiler against
// Node's own headers: g++ -O3 -march=native, no download, a few seconds. Rebuilds only when a
// source is newer than the module. When no compiler or headers are there, it says so and exits 0:
// the engine then runs on tfjs-backend-wasm alone. `npm run setup` calls it.
//   node scripts/build-native.js [--quiet] [--force]
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const quiet = process.argv.includes('--quiet');
const force = process.argv.includes('--force');
const dir = path.resolve(__dirname, '..', 'lib', 'engine', 'native');
const srcDir = path.join(dir, 'src');
const out = path.join(dir, 'build', 'ecg_native.node');
const say = (...a) => console.log('[native]', ...a);

function headersDir() {
  // Node's headers sit beside its binary (/usr/bin/node → /usr/include/node), or where npm's
  // nodedir setting says.
  const candidates = [process.env.npm_config_nodedir, path.resolve(path.dirname(process.execPath), '..')]
    .filter(Boolean)
    .map((d) => path.join(d, 'include', 'node'));
  return candidates.find((d) => fs.existsSync(path.join(d, 'node_api.h')));
}

function main() {
  if (process.env.ECG_NATIVE === '0') {
    if (!quiet) say('ECG_NATIVE=0: not building the native kernels');
    return;
  }
  const sources = fs
    .readdirSync(srcDir)
    .filter((f) => /\.(cc|h)$/.test(f))
    .map((f) => path.join(srcDir, f));
  const newest = Math.max(...sources.map((f) => fs.statSync(f).mtimeMs), fs.statSync(__filename).mtimeMs);
  if (!force && fs.existsSync(out) && fs.statSync(out).mtimeMs >= newest) {
    if (!quiet) say(`up to date (${path.relative(process.cwd(), out)})`);
    return;
  }
  const include = headersDir();
  const cxx = process.env.CXX || 'g++';
  if (!include) {
    say(
      'Node headers (node_api.h) not found; the engine runs without native kernels. Install them (Debian: libnode-dev) and re-run `npm run setup`.',
    );
    return;
  }
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`;
  const args = [
    '-O3',
    '-march=native',
    '-ffp-contract=fast',
    '-std=c++17',
    '-shared',
    '-fPIC',
    '-pthread',
    '-Wall',
    '-DNODE_GYP_MODULE_NAME=ecg_native',
    '-DNAPI_VERSION=8',
    `-I${include}`,
    ...sources.filter((f) => f.endsWith('.cc')),
    '-o',
    tmp,
  ];
  const t0 = Date.now();
  const r = spawnSync(cxx, args, { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    fs.rmSync(tmp, { force: true });
    const why = r.error ? r.error.message : (r.stderr || '').trim().split('\n').slice(-5).join('\n');
    say(`could not build the native kernels with ${cxx}; the engine runs without them.\n${why}`);
    return;
  }
  // Atomic: a half-written module is never loaded.
  fs.renameSync(tmp, out);
  say(`built ${path.relative(process.cwd(), out)} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

main();
