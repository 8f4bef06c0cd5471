import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import { openApiDocument, summarizeBeats } from '../../lib/serve';

const CLASSES = ['N', 'S', 'V', 'F', 'Q'];
const doc = openApiDocument({ uploadLimitBytes: 3 * 2 ** 20, classes: CLASSES });
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const any = doc as any;

// Every `$ref` string anywhere in a JSON value.
function refs(v: unknown): string[] {
  if (Array.isArray(v)) return v.flatMap(refs);
  if (v && typeof v === 'object')
    return Object.entries(v).flatMap(([k, x]) => (k === '$ref' && typeof x === 'string' ? [x] : refs(x)));
  return [];
}
// A response schema with the document's components at its root, so its JSON pointers resolve.
const schemaOf = (p: string, method: string, status: string) => ({
  ...any.paths[p][method].responses[status].content['application/json'].schema,
  components: any.components,
});

describe('serve/openapi', () => {
  it('describes every route of lib/serve/server.ts but the vendored scripts, each with a summary and a 200', () => {
    const source = fs.readFileSync(path.join(__dirname, '..', '..', 'lib', 'serve', 'server.ts'), 'utf8');
    const routes = [...source.matchAll(/app\.(get|post)(?:<[^>]*>)?\('([^']+)'/g)]
      .map((m) => `${m[1]} ${m[2]}`)
      .filter((r) => !r.includes('/vendor/'));
    assert.ok(routes.length >= 4, routes.join(', '));
    for (const r of routes) {
      const [method, p] = r.split(' ');
      const op = any.paths[p]?.[method];
      assert.ok(op, `${r} is not in the document`);
      assert.ok(op.summary.length > 0, `${r} has no summary`);
      assert.ok(op.responses['200'], `${r} has no 200 answer`);
    }
    assert.equal(doc.openapi, '3.1.0');
  });

  it('every $ref points at a schema of the components', () => {
    const all = refs(doc);
    assert.ok(all.length >= 5);
    for (const r of all) {
      const m = /^#\/components\/schemas\/(\w+)$/.exec(r);
      assert.ok(m && any.components.schemas[m[1]], `dangling ${r}`);
    }
  });

  it('states the upload limit in MiB and the model’s classes, with example probabilities summing to 1', () => {
    const predict = any.paths['/api/predict'].post;
    assert.equal(predict.responses['413'].description, 'Upload larger than 3 MiB');
    assert.match(predict.requestBody.content['multipart/form-data'].schema.description, /up to 3 MiB in all/);
    const beat = predict.responses['200'].content['application/json'].schema.properties.beats.items;
    assert.deepEqual(beat.properties.class.enum, CLASSES);
    const example = beat.properties.probabilities.example as Record<string, number>;
    assert.deepEqual(Object.keys(example), CLASSES);
    assert.ok(Math.abs(Object.values(example).reduce((s, v) => s + v, 0) - 1) < 1e-12);
  });

  it('its schemas accept a well-formed answer and an error, and reject a beat of an unknown class', () => {
    const ajv = new Ajv({ strict: false, validateFormats: false });
    const beats = [{ sample: 77, class: 'N', confidence: 0.9, probabilities: { N: 0.9, S: 0.1, V: 0, F: 0, Q: 0 } }];
    const model = { protocol: 'inter-patient', classes: CLASSES, trainedAt: '2026-01-01T00:00:00Z', engine: 'tfjs' };
    const answer = { beats, summary: summarizeBeats(beats, CLASSES), model, peaks: 'detector', elapsedMs: 12 };
    const validate = ajv.compile(schemaOf('/api/predict', 'post', '200'));
    assert.ok(validate(answer), JSON.stringify(validate.errors));
    assert.ok(!validate({ ...answer, beats: [{ ...beats[0], class: 'X' }] }));
    assert.ok(!validate({ ...answer, model: { ...model, engine: undefined } }));
    const error = ajv.compile(schemaOf('/api/predict', 'post', '400'));
    assert.ok(error({ error: 'upload, field hea: missing' }));
    assert.ok(!error({ message: 'no error key' }));
  });
});
