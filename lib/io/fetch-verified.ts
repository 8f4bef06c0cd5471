import { createHash } from 'crypto';
import * as fs from 'fs';
import * as http from 'http';
import * as https from 'https';
import * as path from 'path';
import { pipeline } from 'stream/promises';
import { EcgInputError, writeFileAtomic } from '../common';

/** Options of `fetchVerified`. */
export interface FetchVerifiedOptions {
  /** Folder URL holding SHA256SUMS.txt and the files it lists (a trailing / is added if missing). */
  baseUrl: string;
  /** Destination folder (created when missing). */
  dest: string;
  /** Attempts per file (and for SHA256SUMS.txt) before giving up; default 5. */
  attempts?: number;
  /** First back-off delay; doubled after every failed attempt; default 500 ms. */
  backoffMs?: number;
  /** Upper bound of one back-off delay; default 10 s. */
  maxBackoffMs?: number;
  /** Abort a request that receives nothing for this long; default 30 s. */
  idleTimeoutMs?: number;
  /** Progress messages (default: none). */
  log?: (message: string) => void;
}

/** What `fetchVerified` did. */
export interface FetchVerifiedResult {
  /** Files downloaded (fully or by resuming a `.part`) and verified. */
  downloaded: string[];
  /** Files already present with the right hash. */
  skipped: string[];
  bytes: number;
}

/** One line of a SHA256SUMS file. */
export interface Sha256Entry {
  sha256: string;
  file: string;
}

/**
 * Parses `sha256sum` output (`<64 hex digits>  <name>`, `*` before binary names); names must be
 * relative paths without `..`, so a listing cannot write outside the destination.
 *
 * @example parseSha256Sums('8d8a…d471 100.atr\n', 'SHA256SUMS.txt') // => [{ sha256: '8d8a…d471', file: '100.atr' }] (with a full 64-digit hash)
 * @throws EcgInputError naming the file and line of a malformed entry or unsafe name
 */
export function parseSha256Sums(text: string, file: string): Sha256Entry[] {
  const out: Sha256Entry[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '' || line.startsWith('#')) return;
    const m = /^([0-9a-fA-F]{64}) [ *]?(.+)$/.exec(line.trim());
    if (!m)
      throw new EcgInputError(
        `malformed checksum line '${line.slice(0, 60)}'`,
        { file, at: `line ${i + 1}` },
        '<64 hex digits> <file name>',
      );
    const name = m[2].trim();
    if (path.isAbsolute(name) || name.split(/[\\/]/).some((p) => p === '..' || p === '') || name.includes('\0')) {
      throw new EcgInputError(
        `unsafe file name '${name}'`,
        { file, at: `line ${i + 1}` },
        'a relative path without ..',
      );
    }
    out.push({ sha256: m[1].toLowerCase(), file: name });
  });
  return out;
}

/**
 * SHA-256 of a file, hex.
 *
 * @example sha256File('data/mitdb/100.atr') // => '8d8a5349fb16638ebbf649f1779d12e96d91b736b2aafe59db43719ae583d471'
 */
export function sha256File(file: string): string {
  const hash = createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    let n: number;
    while ((n = fs.readSync(fd, buf, 0, buf.length, null)) > 0) hash.update(buf.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

/** A failure worth another attempt (network trouble, 5xx, 429), as opposed to a definite answer. */
class TransientError extends Error {}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Sends a GET (following up to 5 redirects) and resolves with the response once headers arrive. */
function get(
  url: string,
  headers: Record<string, string>,
  idleTimeoutMs: number,
  redirects = 5,
): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const lib = url.startsWith('https:') ? https : http;
    const req = lib.get(url, { headers: { 'user-agent': 'ecg-workbench-fetch', ...headers } }, (res) => {
      const status = res.statusCode ?? 0;
      if ([301, 302, 303, 307, 308].includes(status) && res.headers.location && redirects > 0) {
        res.resume();
        resolve(get(new URL(res.headers.location, url).toString(), headers, idleTimeoutMs, redirects - 1));
        return;
      }
      resolve(res);
    });
    req.setTimeout(idleTimeoutMs, () => req.destroy(new TransientError(`no data for ${idleTimeoutMs} ms`)));
    req.on('error', (e) => reject(e instanceof TransientError ? e : new TransientError(e.message)));
  });
}

/** Runs `attempt` until it succeeds, retrying transient failures with exponential back-off. */
async function withRetries<T>(
  what: string,
  opts: Required<Pick<FetchVerifiedOptions, 'attempts' | 'backoffMs' | 'maxBackoffMs'>>,
  log: (m: string) => void,
  attempt: () => Promise<T>,
): Promise<T> {
  for (let k = 1; ; k++) {
    try {
      return await attempt();
    } catch (e) {
      if (!(e instanceof TransientError)) throw e;
      if (k >= opts.attempts) {
        throw new EcgInputError(
          `download failed after ${k} attempts: ${e.message}`,
          { file: what },
          'a server that answers (check the URL and network, then run again: partial downloads resume)',
        );
      }
      const delay = Math.min(opts.maxBackoffMs, opts.backoffMs * 2 ** (k - 1));
      log(`retry ${k}/${opts.attempts - 1} for ${what} in ${delay} ms (${e.message})`);
      await sleep(delay);
    }
  }
}

function checkStatus(res: http.IncomingMessage, url: string, ok: number[]): void {
  const status = res.statusCode ?? 0;
  if (ok.includes(status)) return;
  res.resume();
  if (status >= 500 || status === 429 || status === 408) throw new TransientError(`HTTP ${status}`);
  throw new EcgInputError(`server answered HTTP ${status}`, { file: url }, `HTTP ${ok.join(' or ')}`);
}

/**
 * Appends the rest of `url` to `part` (HTTP Range from the part's current size); restarts from
 * byte 0 when the server ignores the range. Resolves once the body is complete.
 */
async function downloadToPart(url: string, part: string, idleTimeoutMs: number): Promise<number> {
  const have = fs.existsSync(part) ? fs.statSync(part).size : 0;
  const res = await get(url, have > 0 ? { range: `bytes=${have}-` } : {}, idleTimeoutMs);
  if (res.statusCode === 416 && have > 0) {
    res.resume();
    return 0; // the part already holds the whole file (or more): the hash decides
  }
  checkStatus(res, url, [200, 206]);
  const resumed = res.statusCode === 206;
  if (resumed) {
    const m = /^bytes (\d+)-/.exec(String(res.headers['content-range'] ?? ''));
    if (!m || Number(m[1]) !== have) {
      res.resume();
      fs.rmSync(part, { force: true });
      throw new TransientError(`server resumed at '${res.headers['content-range']}' instead of byte ${have}`);
    }
  }
  const expected = res.headers['content-length'] !== undefined ? Number(res.headers['content-length']) : undefined;
  let received = 0;
  res.on('data', (chunk: Buffer) => (received += chunk.length));
  res.setTimeout(idleTimeoutMs, () => res.destroy(new TransientError(`no data for ${idleTimeoutMs} ms`)));
  try {
    await pipeline(res, fs.createWriteStream(part, { flags: resumed ? 'a' : 'w' }));
  } catch (e) {
    throw new TransientError(`connection lost after ${received} bytes (${(e as Error).message})`);
  }
  if (!res.complete || (expected !== undefined && received < expected)) {
    throw new TransientError(`connection lost after ${received} of ${expected ?? '?'} bytes`);
  }
  return received;
}

/**
 * Downloads every file listed in `<baseUrl>/SHA256SUMS.txt` into `dest`, verifying each hash:
 * files present with the right hash are skipped, bytes go to `<file>.part` (resumed with HTTP
 * Range after an interruption), transient failures are retried with bounded exponential
 * back-off, and a file appears under its final name only after its hash matched.
 *
 * @example await fetchVerified({ baseUrl: 'https://physionet.org/files/mitdb/1.0.0/', dest: 'data/mitdb' }) // => { downloaded: [...], skipped: [...], bytes }
 * @throws EcgInputError naming the files whose hash did not match or that could not be fetched
 */
export async function fetchVerified(options: FetchVerifiedOptions): Promise<FetchVerifiedResult> {
  const base = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;
  const retry = {
    attempts: Math.max(1, options.attempts ?? 5),
    backoffMs: options.backoffMs ?? 500,
    maxBackoffMs: options.maxBackoffMs ?? 10_000,
  };
  const idle = options.idleTimeoutMs ?? 30_000;
  const log = options.log ?? (() => undefined);
  const sumsUrl = new URL('SHA256SUMS.txt', base).toString();
  const sumsText = await withRetries(sumsUrl, retry, log, async () => {
    const res = await get(sumsUrl, {}, idle);
    checkStatus(res, sumsUrl, [200]);
    const chunks: Buffer[] = [];
    try {
      for await (const c of res) chunks.push(c as Buffer);
    } catch (e) {
      throw new TransientError(`connection lost (${(e as Error).message})`);
    }
    if (!res.complete) throw new TransientError('connection lost');
    return Buffer.concat(chunks).toString('utf8');
  });
  const entries = parseSha256Sums(sumsText, sumsUrl);
  fs.mkdirSync(options.dest, { recursive: true });

  const result: FetchVerifiedResult = { downloaded: [], skipped: [], bytes: 0 };
  const failures: string[] = [];
  for (const { sha256, file } of entries) {
    const final = path.join(options.dest, file);
    const part = `${final}.part`;
    const url = new URL(file.split('/').map(encodeURIComponent).join('/'), base).toString();
    if (fs.existsSync(final) && sha256File(final) === sha256) {
      result.skipped.push(file);
      continue;
    }
    fs.mkdirSync(path.dirname(final), { recursive: true });
    try {
      let fresh = !fs.existsSync(part);
      for (;;) {
        result.bytes += await withRetries(url, retry, log, () => downloadToPart(url, part, idle));
        const got = fs.existsSync(part) ? sha256File(part) : 'nothing';
        if (got === sha256) break;
        fs.rmSync(part, { force: true });
        // A stale part from an earlier run may be the culprit: start over once from byte 0.
        if (!fresh) {
          fresh = true;
          log(`hash mismatch for resumed ${file}; downloading it again from the start`);
          continue;
        }
        throw new EcgInputError(
          `sha256 of the downloaded ${file} is ${got}`,
          { file: url },
          `sha256 ${sha256} from SHA256SUMS.txt`,
        );
      }
      fs.renameSync(part, final);
      result.downloaded.push(file);
      log(`fetched ${file}`);
    } catch (e) {
      if (!(e instanceof EcgInputError)) throw e;
      failures.push(e.message);
      log(`failed ${file}: ${e.message}`);
    }
  }
  // Keep the listing next to the data so `sha256sum -c SHA256SUMS.txt` works offline later.
  if (failures.length === 0) writeFileAtomic(path.join(options.dest, 'SHA256SUMS.txt'), sumsText);
  if (failures.length > 0) {
    throw new EcgInputError(
      `${failures.length} of ${entries.length} file(s) not fetched: ${failures.join(' | ')}`,
      { file: sumsUrl },
      'every listed file to match its sha256',
    );
  }
  return result;
}
