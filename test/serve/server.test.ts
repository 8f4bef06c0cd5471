import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import Ajv from 'ajv';
import { EcgInputError } from '../../lib/common';
import { startServer, type RunningServer } from '../../lib/serve';
import { runEcg as capture } from '../support/run-ecg';
import { dataDir, tempDir } from '../helpers';
import { formOf, record100, segment100, tinyModel, type RecordFiles } from './fixtures';

async function post(s: RunningServer, body: FormData | string, headers: Record<string, string> = {}) {
  const res = await fetch(`${s.url}/api/predict`, { method: 'POST', body, headers });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: JSON.parse(text) };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function getJson(url: string): Promise<any> {
  return (await fetch(url)).json();
}

// What `ecg predict` prints for a record, and the error it gives (exit code 2).
async function cliPredict(model: string, record: string, extra: string[] = []) {
  const r = await capture(['predict', '--model', model, record, '--json', ...extra]);
  return r.code === 0 ? { beats: JSON.parse(r.out).beats } : { error: r.err.replace(/^ecg predict: /, '').trim() };
}

describe('serve/server: POST /api/predict and the other routes over real HTTP on loopback', () => {
  let server: RunningServer;
  let model = '';
  let staging = '';
  const limit = 3 * 2 ** 20;

  before(async function () {
    this.timeout(600_000);
    model = await tinyModel(true);
    staging = tempDir('ecg-serve-staging-');
    server = await startServer({
      modelDir: model,
      dataDir: dataDir(),
      port: 0,
      workers: 2,
      maxQueue: 32,
      uploadLimitBytes: limit,
      tmpDir: staging,
    });
  });
  after(async () => {
    await server?.close();
  });
  afterEach(() => {
    // Every request removes its private folder, whatever its outcome.
    assert.deepEqual(fs.readdirSync(staging), [], 'files left in the staging folder');
  });

  it('listens on 127.0.0.1 and /healthz describes the model', async () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${server.url}/healthz`);
    assert.equal(res.status, 200);
    const h = (await res.json()) as { status: string; model: Record<string, string> };
    assert.equal(h.status, 'ok');
    assert.deepEqual(h.model.classes, ['N', 'S', 'V', 'F', 'Q']);
    assert.equal(h.model.protocol, JSON.parse(fs.readFileSync(path.join(model, 'ecg-model.json'), 'utf8')).protocol);
    assert.ok(Math.abs(Date.parse(h.model.trainedAt) - fs.statSync(path.join(model, 'ecg-model.json')).mtimeMs) < 1000);
    assert.match(h.model.engine, /^tfjs 4\.22\.0 on /);
    assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'self'/);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  });

  it("an uploaded record's beats are those of `ecg predict --json`, and its .atr scores them", async () => {
    const [api, cli] = await Promise.all([
      post(server, formOf(record100())),
      cliPredict(model, path.join(dataDir(), '100')),
    ]);
    assert.equal(api.status, 200, JSON.stringify(api.body).slice(0, 300));
    assert.ok(cli.beats.length > 2250, `${cli.beats.length} beats`);
    assert.deepEqual(api.body.beats, cli.beats);
    const s = api.body.summary;
    assert.equal(s.beats, cli.beats.length);
    for (const c of ['N', 'S', 'V', 'F', 'Q'])
      assert.equal(s.counts[c], cli.beats.filter((b: { class: string }) => b.class === c).length);
    // The reference: record 100's 2273 beat annotations, each matched at most once within 150 ms.
    const ref = api.body.reference;
    assert.equal(ref.beats.length, 2273);
    const matched = ref.match.filter((j: number) => j >= 0);
    assert.equal(new Set(matched).size, matched.length);
    assert.equal(ref.missed, 2273 - matched.length);
    assert.equal(ref.extra, cli.beats.length - matched.length);
    ref.match.forEach((j: number, i: number) => {
      if (j >= 0) assert.ok(Math.abs(ref.beats[j].sample - cli.beats[i].sample) <= 0.15 * 360);
    });
    const correct = ref.match.filter((j: number, i: number) => j >= 0 && ref.beats[j].class === cli.beats[i].class);
    assert.equal(ref.correct, correct.length);
    assert.equal(ref.accuracy, correct.length / ref.scored);
  });

  it('a record picked by name and --annotations peaks give the CLI answers too', async () => {
    const picked = await post(server, formOf({}, { record: '100', annotations: 'true' }));
    const cli = await cliPredict(model, path.join(dataDir(), '100'), ['--annotations']);
    assert.equal(picked.status, 200);
    assert.equal(picked.body.peaks, 'annotations');
    assert.deepEqual(picked.body.beats, cli.beats);
  });

  it('signal=true returns the lead in mV with each beat’s position on it', async () => {
    const r = await post(server, formOf(segment100(10), { signal: 'true' }));
    assert.equal(r.status, 200);
    const sig = r.body.signal;
    assert.equal(sig.fsHz, 360);
    assert.equal(sig.lead, 'MLII');
    assert.equal(sig.mV.length, 3600);
    // 100.hea: MLII gain 200, baseline 1024; the first stored value is 995 → −0.145 mV.
    assert.equal(sig.mV[0], -0.145);
    assert.deepEqual(
      sig.beatAt,
      r.body.beats.map((b: { sample: number }) => b.sample),
    );
  });

  it('a truncated .dat gives 400 with the message `ecg predict` gives, without the server’s folders', async () => {
    const files = record100();
    delete files.atr;
    files.dat = { filename: '100.dat', data: files.dat.data.subarray(0, 100_000) };
    const r = await post(server, formOf(files));
    assert.equal(r.status, 400);
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, '100.hea'), files.hea.data);
    fs.writeFileSync(path.join(dir, '100.dat'), files.dat.data);
    const cli = await cliPredict(model, path.join(dir, '100'));
    assert.ok(cli.error, 'the CLI accepted a truncated record');
    assert.equal(r.body.error, cli.error!.split(dir + path.sep).join(''));
    assert.match(r.body.error, /^100\.dat/);
    assert.ok(!r.body.error.includes(staging), r.body.error);
  });

  it('a malformed header gives 400 naming the file and line', async () => {
    const files = record100();
    const lines = files.hea.data.toString('latin1').split('\n');
    lines[1] = lines[1].replace(' 212 ', ' 212x ');
    files.hea = { filename: 'mine.hea', data: Buffer.from(lines.join('\n')) };
    const r = await post(server, formOf(files));
    assert.equal(r.status, 400);
    assert.match(r.body.error, /^mine\.hea, line 2: /);
  });

  it('wrong field names, a missing .dat, both inputs and nothing at all are 400s that say what was expected', async () => {
    const f = record100();
    const cases: [RecordFiles, Record<string, string>, RegExp][] = [
      [
        { header: f.hea, dat: f.dat },
        {},
        /field header: unexpected file field 'header'; expected files named hea and dat/,
      ],
      [{ hea: f.hea }, {}, /field dat: no dat file/],
      [{ hea: f.hea, dat: f.dat }, { record: '100' }, /both a record name and uploaded files/],
      [{}, {}, /nothing to classify/],
      [{ hea: f.hea, dat: f.dat }, { lead: 'V5' }, /field lead: unknown field/],
      [{ hea: f.hea, dat: f.dat }, { annotations: 'true' }, /annotations=true but no atr file/],
    ];
    for (const [files, fields, want] of cases) {
      const r = await post(server, formOf(files, fields));
      assert.equal(r.status, 400, `${want}: ${JSON.stringify(r.body)}`);
      assert.match(r.body.error, want);
    }
  });

  it('a heartbeat CSV for a model that needs RR features is refused with the CLI message', async () => {
    const r = await post(server, formOf({ csv: { filename: 'beats.csv', data: Buffer.from('0.1,0.2,0\n') } }));
    assert.equal(r.status, 400);
    assert.match(r.body.error, /^beats\.csv: the model takes RR-interval features/);
    assert.ok(!r.body.error.includes('upload.csv') && !r.body.error.includes(staging));
  });

  it('refuses path traversal: record names outside the list, and headers naming other files', async () => {
    for (const name of ['../100', '/etc/passwd', '..', '100/../../etc/passwd', `${dataDir()}/100`, '']) {
      const r = await post(server, formOf({}, { record: name }));
      assert.equal(r.status, 400, name);
      assert.match(r.body.error, /field record: .* is not a record of the data folder/);
    }
    const f = record100();
    for (const file of ['../../etc/passwd', '/etc/passwd', 'sub/100.dat', '.hidden']) {
      const lines = f.hea.data.toString('latin1').split('\n');
      lines[1] = lines[1].replace('100.dat', file);
      lines[2] = lines[2].replace('100.dat', file);
      const r = await post(server, formOf({ ...f, hea: { filename: '100.hea', data: Buffer.from(lines.join('\n')) } }));
      assert.equal(r.status, 400, file);
      assert.match(r.body.error, /100\.hea, line 2: signal file .* is not a plain file name/);
    }
    const records = (await getJson(`${server.url}/api/records`)).records;
    assert.ok(records.some((r: { name: string }) => r.name === '100'));
    assert.ok(records.every((r: { name: string }) => /^[A-Za-z0-9_-]+$/.test(r.name)));
  });

  it('an upload over the limit gets 413, whether announced or streamed', async () => {
    const big = { filename: '100.dat', data: Buffer.alloc(limit + 1024) };
    const r = await post(server, formOf({ hea: record100().hea, dat: big }));
    assert.equal(r.status, 413);
    assert.match(r.body.error, /larger than the limit of 3 MiB/);
    // Two files under the limit each, over it together.
    const half = { filename: 'x', data: Buffer.alloc(limit / 2 + 1024) };
    const r2 = await post(server, formOf({ hea: record100().hea, dat: half, atr: half }));
    assert.equal(r2.status, 413);
  });

  it('a body that is not multipart gets 415, an unknown path 404, both as JSON', async () => {
    const r = await post(server, JSON.stringify({ record: '100' }), { 'content-type': 'application/json' });
    assert.equal(r.status, 415);
    assert.match(r.body.error, /not multipart\/form-data/);
    const nf = await fetch(`${server.url}/api/nothing`);
    assert.equal(nf.status, 404);
    assert.match(((await nf.json()) as { error: string }).error, /no such page/);
    const vendor = await fetch(`${server.url}/vendor/..%2Fpackage.json`);
    assert.equal(vendor.status, 404);
  });

  it('answers 20 concurrent requests, each with its own record’s beats', async () => {
    const seg = segment100(20);
    const alone = await post(server, formOf(seg));
    const full = await cliPredict(model, path.join(dataDir(), '101'));
    const jobs = Array.from({ length: 20 }, (_, i) =>
      i % 4 === 0 ? post(server, formOf({}, { record: '101' })) : post(server, formOf(seg)),
    );
    const answers = await Promise.all(jobs);
    answers.forEach((a, i) => {
      assert.equal(a.status, 200, `request ${i}: ${JSON.stringify(a.body).slice(0, 200)}`);
      assert.deepEqual(a.body.beats, i % 4 === 0 ? full.beats : alone.body.beats, `request ${i}`);
    });
    const h = await getJson(`${server.url}/healthz`);
    assert.equal(h.pool.failed, 0);
    assert.equal(h.pool.refused, 0);
  });

  it('the OpenAPI document describes the answers the server gives', async () => {
    const doc = await getJson(`${server.url}/api/openapi.json`);
    assert.equal(doc.openapi, '3.1.0');
    const ajv = new Ajv({ strict: false, validateFormats: false });
    // Each response schema refers to doc.components by JSON pointer: compile it with them at its root.
    const schemaOf = (p: string, method: string, status: string) => ({
      ...doc.paths[p][method].responses[status].content['application/json'].schema,
      components: doc.components,
    });
    const ok = await post(server, formOf(segment100(10)));
    const validate = ajv.compile(schemaOf('/api/predict', 'post', '200'));
    assert.ok(validate(ok.body), JSON.stringify(validate.errors));
    const bad = await post(server, formOf({}, { record: '../x' }));
    assert.ok(ajv.compile(schemaOf('/api/predict', 'post', '400'))(bad.body));
    const h = await getJson(`${server.url}/healthz`);
    assert.ok(ajv.compile(schemaOf('/healthz', 'get', '200'))(h));
    // An answer that breaks the schema is caught (the check can fail).
    assert.ok(!validate(Object.assign({}, ok.body as object, { beats: [{ sample: 'x' }] })));
  });
});

describe('serve/server: startServer’s errors', function () {
  this.timeout(120_000);
  // The version 1 model of test/fixtures: no training needed to start a server.
  const fixtureModel = path.join(__dirname, '..', 'fixtures', 'model-v1');

  it('a model folder without its files is an input error naming the missing one', async () => {
    const empty = tempDir('ecg-no-model-');
    await assert.rejects(
      startServer({ modelDir: empty, dataDir: dataDir(), port: 0, workers: 1 }),
      (e: unknown) => e instanceof EcgInputError && /missing (model\.json|ecg-model\.json)/.test(e.message),
    );
    fs.rmSync(empty, { recursive: true, force: true });
  });

  it('a port in use is an input error naming the address and what to change', async () => {
    const taken = net.createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', () => r()));
    const port = (taken.address() as net.AddressInfo).port;
    try {
      await assert.rejects(
        startServer({ modelDir: fixtureModel, dataDir: dataDir(), port, workers: 1 }),
        (e: unknown) =>
          e instanceof EcgInputError &&
          e.message ===
            `ecg serve, 127.0.0.1:${port}: cannot listen (EADDRINUSE); expected a free port (--port) on an address of this machine (--host)`,
      );
    } finally {
      await new Promise((r) => taken.close(r));
    }
  });
});
