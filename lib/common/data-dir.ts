import * as fs from 'fs';
import * as path from 'path';

/** The repository root (lib/common/ is two levels below it, in source and in dist/). */
export function repoRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'lib'))) return dir;
    dir = path.dirname(dir);
  }
  return process.cwd();
}

/**
 * The MIT-BIH data folder: `ECG_DATA_DIR` when set, else the attributed subset in `data/mitdb`.
 *
 * @example mitdbDir() // => '/work/shared/data/mitdb' when ECG_DATA_DIR points there
 */
export function mitdbDir(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.ECG_DATA_DIR;
  if (dir && dir.trim() !== '') return path.resolve(dir);
  return path.join(repoRoot(), 'data', 'mitdb');
}

/**
 * Where runs write their results: `ECG_OUTPUT_DIR` when set, else `outputs/`.
 *
 * @example outputsDir() // => '<repo>/outputs'
 */
export function outputsDir(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.ECG_OUTPUT_DIR;
  if (dir && dir.trim() !== '') return path.resolve(dir);
  return path.join(repoRoot(), 'outputs');
}
