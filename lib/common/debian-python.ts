import { spawnSync } from 'child_process';
import * as fs from 'fs';

/** Debian's own Python, which is where apt-get puts python3-torch and python3-scipy. */
export const DEBIAN_PYTHON = '/usr/bin/python3';

function importable(module: string): boolean {
  return spawnSync(DEBIAN_PYTHON, ['-c', `import ${module}`], { stdio: 'ignore' }).status === 0;
}

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
  if (importable(module)) return null;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !fs.existsSync('/usr/bin/apt-get')) {
    return `${module} is not importable by ${DEBIAN_PYTHON}; install it with apt-get install ${debPackage}`;
  }
  log(`installing ${debPackage} from Debian for the benchmark peer (apt-get install -y ${debPackage}) ...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // A stale package list makes the install fail on a fresh machine, so update first.
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env });
  const r = spawnSync('apt-get', ['install', '-y', '-qq', debPackage], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env,
    encoding: 'utf8',
  });
  if (r.status === 0 && importable(module)) return null;
  const why = (r.stderr ?? '').trim().split('\n').pop() || `exit status ${r.status}`;
  return `apt-get install ${debPackage} failed (${why}); ${module} is still not importable by ${DEBIAN_PYTHON}`;
}
