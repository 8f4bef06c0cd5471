import { execFileSync } from 'child_process';
import { initBackend, describeBackend } from '../engine';
import { parseArgs } from './args';
import { mitdbDir } from '../common';

export const summary = 'show the tfjs backend, versions and whether Jupyter and the tslab kernel are ready';

/** What `ecg env --json` prints. */
export interface EnvReport {
  backend: string;
  threads: number;
  simd: boolean;
  /** The native kernels under the wasm backend (convolutions, matrix products), or null. */
  native: { isa: string; threads: number } | null;
  tfjs: string;
  node: string;
  skippedBackends: { backend: string; reason: string }[];
  jupyter: { found: boolean; tslabKernel: boolean; nbclient: boolean };
  dataDir: string;
}

/**
 * Looks for the headless notebook runner: the `jupyter` command, the tslab kernel spec and nbclient.
 *
 * @example jupyterStatus() // => { found: true, tslabKernel: true, nbclient: true }
 */
export function jupyterStatus(): EnvReport['jupyter'] {
  const quiet = { stdio: ['ignore', 'pipe', 'ignore'] as ['ignore', 'pipe', 'ignore'], encoding: 'utf8' as const };
  let found = false;
  let tslabKernel = false;
  let nbclient = false;
  try {
    const out = execFileSync('jupyter', ['kernelspec', 'list', '--json'], quiet);
    found = true;
    tslabKernel = 'tslab' in (JSON.parse(out).kernelspecs ?? {});
  } catch {
    /* jupyter missing: reported as found: false */
  }
  for (const py of ['/usr/bin/python3', 'python3']) {
    try {
      execFileSync(py, ['-c', 'import nbclient'], quiet);
      nbclient = true;
      break;
    } catch {
      /* try the next interpreter */
    }
  }
  return { found, tslabKernel, nbclient };
}

export async function run(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { booleans: ['json'], command: 'env' });
  const info = await initBackend();
  const report: EnvReport = {
    backend: info.backend,
    threads: info.threads,
    simd: info.simd,
    native: info.native ?? null,
    tfjs: info.tfjs,
    node: process.version,
    skippedBackends: info.skipped,
    jupyter: jupyterStatus(),
    dataDir: mitdbDir(),
  };
  if (args.flags.json) {
    console.log(JSON.stringify(report, null, 2));
  } else {
    console.log(`engine   ${describeBackend(info)}`);
    for (const s of info.skipped) console.log(`         (not ${s.backend}: ${s.reason})`);
    console.log(`node     ${report.node}`);
    console.log(
      `jupyter  ${report.jupyter.found ? 'found' : 'missing'}; tslab kernel ${report.jupyter.tslabKernel ? 'registered' : 'missing'}; nbclient ${report.jupyter.nbclient ? 'found' : 'missing'}`,
    );
    console.log(`data     ${report.dataDir}`);
  }
  return 0;
}
