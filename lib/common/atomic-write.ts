import * as fs from 'fs';
import * as path from 'path';

/**
 * Writes a file atomically: the bytes go to a temporary file beside the target, which is then
 * renamed over it, so an interrupted run never leaves a half-written file under the final name.
 *
 * @example writeFileAtomic('outputs/results.json', JSON.stringify({ ok: true }))
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/**
 * Writes a value as pretty JSON, atomically.
 *
 * @example writeJsonAtomic('outputs/x.json', { a: 1 })
 */
export function writeJsonAtomic(file: string, value: unknown): void {
  writeFileAtomic(file, JSON.stringify(value, null, 2) + '\n');
}

/**
 * Writes a whole directory atomically: `fill` writes into a fresh temporary directory, which then
 * replaces `dir` (used for model folders, whose files must appear together or not at all).
 *
 * @example await writeDirAtomic('outputs/model', async (tmp) => writeJsonAtomic(`${tmp}/a.json`, 1))
 */
export async function writeDirAtomic(dir: string, fill: (tmpDir: string) => Promise<void> | void): Promise<void> {
  fs.mkdirSync(path.dirname(path.resolve(dir)), { recursive: true });
  const tmp = `${dir.replace(/\/+$/, '')}.${process.pid}.${Date.now()}.tmp`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp, { recursive: true });
  try {
    await fill(tmp);
    const old = `${tmp}.old`;
    if (fs.existsSync(dir)) fs.renameSync(dir, old);
    fs.renameSync(tmp, dir);
    fs.rmSync(old, { recursive: true, force: true });
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}
