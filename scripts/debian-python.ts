/**
 * Installs a Debian Python package that a benchmark peer needs (PyTorch, scipy), as root:
 *
 *   npx tsx scripts/debian-python.ts torch python3-torch
 *
 * Benchmark scripts call ensureDebianPythonModule; lib/ itself never runs apt-get, it only
 * explains what is missing (lib/common's missingPythonModule).
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import { DEBIAN_PYTHON, missingPythonModule, pythonModuleImportable } from '../lib/common';

/**
 * Makes a Python module of Debian's Python importable for a benchmark peer (PyTorch, scipy):
 * present already, or installed with `apt-get install -y <package>` when running as root on
 * Debian. Returns null when the module is ready, else a sentence saying what to install; the
 * benchmark then reports the peer as not measured instead of failing.
 *
 * @example ensureDebianPythonModule('scipy', 'python3-scipy') // => null once scipy imports
 */
export function ensureDebianPythonModule(
  module: string,
  debPackage: string,
  log: (line: string) => void = (l) => console.error(l),
): string | null {
  if (pythonModuleImportable(module)) return null;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !fs.existsSync('/usr/bin/apt-get')) return missingPythonModule(module, debPackage);
  log(`installing ${debPackage} from Debian for the benchmark peer (apt-get install -y ${debPackage}) ...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // A stale package list makes the install fail on a fresh machine, so update first.
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env });
  const r = spawnSync('apt-get', ['install', '-y', '-qq', debPackage], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env,
    encoding: 'utf8',
  });
  if (r.status === 0 && pythonModuleImportable(module)) return null;
  const why = (r.stderr ?? '').trim().split('\n').pop() || `exit status ${r.status}`;
  return `apt-get install ${debPackage} failed (${why}); ${module} is still not importable by ${DEBIAN_PYTHON}`;
}

if (require.main === module) {
  const [mod, pkg] = process.argv.slice(2);
  if (!mod || !pkg) {
    console.error('usage: npx tsx scripts/debian-python.ts <python module> <debian package>');
    process.exit(2);
  }
  const missing = ensureDebianPythonModule(mod, pkg);
  if (missing) {
    console.error(missing);
    process.exit(1);
  }
  console.log(`${mod} is importable by ${DEBIAN_PYTHON}`);
}
