import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { monitorEventLoopDelay } from 'perf_hooks';
import { Worker } from 'worker_threads';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { EcgInputError, isInputError, repoRoot } from '../common';
import { listRecords, parseHeader } from '../io';
import { openApiDocument } from './openapi';
import type { ModelInfo, PredictJob, PredictReply } from './predict-service';
import { removeStaged, stageUpload, type UploadedFile } from './stage-upload';
import { JobTimeoutError, QueueFullError, WorkerPool } from './worker-pool';

/** Options of {@link startServer}. */
export interface ServeOptions {
  /** A model folder written by `ecg train`. */
  modelDir: string;
  /** The folder whose records the page lists and POST /api/predict's `record` field names. */
  dataDir: string;
  /** Default 127.0.0.1 (the page is a local tool; put a proxy in front to share it). */
  host?: string;
  /** Default 8080; 0 takes a free port. */
  port?: number;
  /** Prediction worker threads; default one per core but one, at least 1, at most 4. */
  workers?: number;
  /** Requests that may wait for a worker before 503 (default 32). */
  maxQueue?: number;
  /** Upload limit in bytes, all files of a request together (default 64 MiB). */
  uploadLimitBytes?: number;
  /** A prediction running longer is stopped, its worker replaced (default 120 s). */
  jobTimeoutMs?: number;
  /** Whole-request limit, upload included (default 180 s). */
  requestTimeoutMs?: number;
  /** Where staged uploads go (a private folder inside it per request; default the OS temp dir). */
  tmpDir?: string;
}

/** A running server. */
export interface RunningServer {
  app: FastifyInstance;
  url: string;
  model: ModelInfo;
  pool: WorkerPool<PredictReply>;
  /** Stops taking connections, lets in-flight requests finish, then stops the workers. */
  close(): Promise<void>;
}

const PUBLIC_DIR = path.join(repoRoot(), 'lib', 'serve', 'public');

// Browser builds served from node_modules (no CDN): URL name → package file.
const VENDOR: Record<string, string> = {
  'vega.min.js': 'vega/build/vega.min.js',
  'vega-lite.min.js': 'vega-lite/build/vega-lite.min.js',
  'vega-embed.min.js': 'vega-embed/build/vega-embed.min.js',
};

// Headers for a local tool: nothing loaded from elsewhere, no framing, no sniffing, no referrer.
// Vega compiles its expressions with new Function, hence 'unsafe-eval' for scripts (and inline
// styles for vega-embed's tooltip and action menu).
const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=()',
};

// The file inside an installed package, found along Node's module search paths (the packages'
// export maps hide their browser builds from require.resolve).
function vendorFile(rel: string): string | undefined {
  const pkg = rel.split('/')[0];
  for (const dir of require.resolve.paths(pkg) ?? []) {
    const file = path.join(dir, rel);
    if (fs.existsSync(file)) return file;
  }
  return undefined;
}

function spawnPredictWorker(modelDir: string): Worker {
  const file = path.join(__dirname, `predict-worker${path.extname(__filename)}`);
  // Each worker's native kernels run on its own thread only: their thread pool is one per
  // process, shared by all workers, and its spinning threads would also take the core the main
  // thread needs to answer /healthz while a long record is classified.
  const env = { ...process.env, ECG_NATIVE_THREADS: process.env.ECG_SERVE_NATIVE_THREADS ?? '1' };
  const workerData = { modelDir };
  if (file.endsWith('.ts'))
    return new Worker(`require('tsx/cjs'); require(${JSON.stringify(file)});`, { eval: true, workerData, env });
  return new Worker(file, { workerData, env });
}

function defaultWorkers(): number {
  return Math.max(1, Math.min(4, os.cpus().length - 1));
}

function isTrue(v: string | undefined): boolean {
  return v !== undefined && /^(1|true|on|yes)$/i.test(v.trim());
}

/** The names `ecg serve` lets a client pick: the data folder's records that have a header. */
function recordsOf(dataDir: string): { name: string; seconds: number | null; hasAnnotations: boolean }[] {
  let names: string[];
  try {
    names = listRecords(dataDir);
  } catch {
    return [];
  }
  return names
    .filter((n) => /^[A-Za-z0-9_-]+$/.test(n) && fs.existsSync(path.join(dataDir, `${n}.hea`)))
    .map((name) => {
      let seconds: number | null = null;
      try {
        const h = parseHeader(fs.readFileSync(path.join(dataDir, `${name}.hea`), 'latin1'), `${name}.hea`);
        seconds = h.nSamples > 0 ? h.nSamples / h.fsHz : null;
      } catch {
        /* listed all the same: predicting it gives the header's located error */
      }
      return { name, seconds, hasAnnotations: fs.existsSync(path.join(dataDir, `${name}.atr`)) };
    });
}

class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Starts `ecg serve`: loads the model in every worker thread, then serves the page, the JSON API
 * and the OpenAPI document. Resolves once it listens.
 *
 * @example const s = await startServer({ modelDir: 'outputs/models/final-quick/model', dataDir: 'data/mitdb', port: 0 }); console.log(s.url); await s.close()
 * @throws EcgInputError when the model folder cannot be loaded (named file) or the port is taken
 */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const modelDir = path.resolve(options.modelDir);
  const dataDir = path.resolve(options.dataDir);
  const uploadLimit = options.uploadLimitBytes ?? 64 * 2 ** 20;
  const tmpRoot = options.tmpDir ?? os.tmpdir();
  const pool = new WorkerPool<PredictReply>({
    size: options.workers ?? defaultWorkers(),
    maxQueue: options.maxQueue ?? 32,
    jobTimeoutMs: options.jobTimeoutMs ?? 120_000,
    spawn: () => spawnPredictWorker(modelDir),
  });
  let model: ModelInfo;
  try {
    model = (await pool.start()) as ModelInfo;
  } catch (e) {
    // The worker's message already names the file and what was expected.
    throw new EcgInputError((e as Error).message);
  }

  const app = Fastify({
    logger: false,
    bodyLimit: 1 << 20,
    requestTimeout: options.requestTimeoutMs ?? 180_000,
    connectionTimeout: options.requestTimeoutMs ?? 180_000,
    keepAliveTimeout: 5_000,
    return503OnClosing: true,
  });
  // Mean time of recent predictions, for the Retry-After of a 503.
  let meanJobMs = 1000;

  app.addHook('onSend', async (_req, reply, payload) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) reply.header(k, v);
    return payload;
  });
  app.setErrorHandler((error: Error & { statusCode?: number; code?: string }, _req, reply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    const message =
      status === 413
        ? `upload larger than the limit of ${(uploadLimit / 2 ** 20).toFixed(0)} MiB; expected a smaller record`
        : status !== 500
          ? error.message
          : `internal error: ${error.message}`;
    void reply.code(status).type('application/json').send({ error: message });
  });
  app.setNotFoundHandler((req, reply) => {
    void reply.code(404).send({ error: `${req.method} ${req.url.split('?')[0]}: no such page or API` });
  });

  await app.register(multipart, {
    throwFileSizeLimit: true,
    limits: { fileSize: uploadLimit, files: 4, fields: 8, fieldSize: 256, parts: 12, headerPairs: 100 },
  });
  await app.register(fastifyStatic, { root: PUBLIC_DIR, prefix: '/', index: ['index.html'] });

  app.get<{ Params: { file: string } }>('/vendor/:file', (req, reply) => {
    const rel = VENDOR[req.params.file];
    if (!rel || !Object.prototype.hasOwnProperty.call(VENDOR, req.params.file))
      return reply.code(404).send({ error: `no vendor file ${req.params.file}` });
    const file = vendorFile(rel);
    if (!file) return reply.code(404).send({ error: `${rel} is not installed (npm install)` });
    return reply
      .type('text/javascript; charset=utf-8')
      .header('cache-control', 'public, max-age=86400')
      .send(fs.createReadStream(file));
  });

  // How long the event loop was held up (sampled every 10 ms, since start): the main thread only
  // parses requests and forwards answers, so this stays small while workers classify.
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  app.addHook('onClose', async () => loopDelay.disable());
  const ms = (ns: number) => Math.round(ns / 1e5) / 10;
  app.get('/healthz', async () => ({
    status: 'ok',
    model,
    pool: pool.status(),
    eventLoopDelayMs: { p50: ms(loopDelay.percentile(50)), p99: ms(loopDelay.percentile(99)), max: ms(loopDelay.max) },
  }));
  app.get('/api/openapi.json', async () => openApiDocument({ uploadLimitBytes: uploadLimit, classes: model.classes }));
  app.get('/api/records', async () => ({ records: recordsOf(dataDir) }));

  app.addHook('onRequest', async (req) => {
    if (req.method === 'POST' && Number(req.headers['content-length'] ?? 0) > uploadLimit + 64 * 1024)
      throw new HttpError(413, 'too large');
  });

  app.post('/api/predict', async (req, reply: FastifyReply) => {
    if (!req.isMultipart())
      throw new HttpError(
        415,
        'the request is not multipart/form-data; expected files hea + dat (+ atr), csv, or a record field',
      );
    const files: Record<string, UploadedFile> = {};
    const fields: Record<string, string> = {};
    let total = 0;
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        if (files[part.fieldname])
          throw new HttpError(400, `upload, field ${part.fieldname}: given twice; expected one file per field`);
        const data = await part.toBuffer();
        total += data.length;
        if (total > uploadLimit) throw new HttpError(413, 'too large');
        files[part.fieldname] = { filename: part.filename, data };
      } else {
        if (!['record', 'annotations', 'signal'].includes(part.fieldname))
          throw new HttpError(
            400,
            `upload, field ${part.fieldname}: unknown field; expected record, annotations, signal and files hea, dat, atr or csv`,
          );
        fields[part.fieldname] = String(part.value);
      }
    }
    const useAnnotations = isTrue(fields.annotations);
    const includeSignal = isTrue(fields.signal);
    let job: PredictJob;
    let staged: string | undefined;
    let answer: PredictReply;
    try {
      if (fields.record !== undefined) {
        if (Object.keys(files).length)
          throw new EcgInputError('both a record name and uploaded files', { file: 'upload' }, 'one or the other');
        const name = fields.record.trim();
        const known = recordsOf(dataDir).find((r) => r.name === name);
        if (!known)
          throw new EcgInputError(
            `'${name.slice(0, 80)}' is not a record of the data folder`,
            { file: 'upload', at: 'field record' },
            'a name listed by GET /api/records',
          );
        job = {
          kind: 'record',
          path: path.join(dataDir, name),
          name,
          hidePrefix: dataDir + path.sep,
          useAnnotations,
          score: known.hasAnnotations,
          includeSignal,
        };
      } else {
        if (Object.keys(files).length === 0)
          throw new EcgInputError(
            'nothing to classify',
            { file: 'upload' },
            'files hea and dat (and optionally atr), a csv file, or a record field',
          );
        const s = await stageUpload(files, tmpRoot);
        staged = s.dir;
        if (useAnnotations && !s.hasAnnotations)
          throw new EcgInputError(
            'annotations=true but no atr file',
            { file: 'upload', at: 'field atr' },
            'the record’s .atr',
          );
        job = {
          kind: s.kind,
          path: s.path,
          name: s.name,
          hidePrefix: s.dir + path.sep,
          useAnnotations,
          score: s.hasAnnotations,
          includeSignal,
        };
      }
      const t0 = Date.now();
      answer = await pool.run(job);
      meanJobMs = 0.8 * meanJobMs + 0.2 * (Date.now() - t0);
    } catch (e) {
      if (isInputError(e)) throw new HttpError(400, e.message);
      if (e instanceof QueueFullError) {
        const st = pool.status();
        const retry = Math.max(1, Math.ceil(((st.queued + 1) * meanJobMs) / Math.max(1, st.workers) / 1000));
        reply.header('retry-after', String(retry));
        throw new HttpError(503, `busy: ${e.message}; retry after ${retry} s`);
      }
      if (e instanceof JobTimeoutError) throw new HttpError(503, `${e.message}; expected a shorter record`);
      throw e;
    } finally {
      // Before the answer goes out, so a client never sees its upload still on disk.
      if (staged) await removeStaged(staged);
    }
    return reply.code(answer.status).type('application/json').send(answer.body);
  });

  try {
    await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 8080 });
  } catch (e) {
    await pool.close();
    const err = e as NodeJS.ErrnoException;
    throw new EcgInputError(
      `cannot listen (${err.code ?? err.message})`,
      { file: 'ecg serve', at: `${options.host ?? '127.0.0.1'}:${options.port ?? 8080}` },
      'a free port (--port) on an address of this machine (--host)',
    );
  }
  const addr = app.server.address();
  const url =
    typeof addr === 'object' && addr
      ? `http://${addr.family === 'IPv6' ? `[${addr.address}]` : addr.address}:${addr.port}`
      : String(addr);
  return {
    app,
    url,
    model,
    pool,
    async close() {
      await app.close();
      await pool.close(5_000);
    },
  };
}
