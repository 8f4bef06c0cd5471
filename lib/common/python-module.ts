import { spawnSync } from 'child_process';

/** Debian's own Python, which is where apt-get puts python3-torch and python3-scipy. */
export const DEBIAN_PYTHON = '/usr/bin/python3';

/**
 * Whether `python` can import `module` (a benchmark peer's PyTorch or scipy).
 *
 * @example pythonModuleImportable('json') // => true
 */
export function pythonModuleImportable(module: string, python = DEBIAN_PYTHON): boolean {
  return spawnSync(python, ['-c', `import ${module}`], { stdio: 'ignore' }).status === 0;
}

/**
 * Null when Debian's Python imports `module`, else a sentence saying which Debian package to
 * install and how. The library only explains: installing (apt-get as root) is the job of
 * scripts/debian-python.ts, which benchmark scripts call.
 *
 * @example missingPythonModule('scipy', 'python3-scipy') // => null once scipy imports
 */
export function missingPythonModule(module: string, debPackage: string, python = DEBIAN_PYTHON): string | null {
  if (pythonModuleImportable(module, python)) return null;
  return (
    `${module} is not importable by ${python}; install it with \`apt-get install ${debPackage}\` ` +
    `(as root: \`npx tsx scripts/debian-python.ts ${module} ${debPackage}\` does it)`
  );
}
