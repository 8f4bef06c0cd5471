import Ajv, { type ValidateFunction } from 'ajv';
import * as fs from 'fs';
import type { VlSpec } from '../../lib/viz';

let validator: ValidateFunction | undefined;

/** Schema errors of a spec against the installed Vega-Lite JSON schema (draft-07), '' when valid. */
export function schemaErrors(spec: VlSpec): string {
  if (!validator) {
    const schemaFile = require.resolve('vega-lite/vega-lite-schema.json');
    const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
    // inlineRefs/optimize off: compiling the 2 MB schema takes ~0.6 s instead of ~2 s.
    const ajv = new Ajv({ strict: false, allowUnionTypes: true, inlineRefs: false, code: { optimize: false } });
    ajv.addFormat('color-hex', /^#([0-9a-f]{3}|[0-9a-f]{4}|[0-9a-f]{6}|[0-9a-f]{8})$/i);
    ajv.addFormat('uri', true);
    ajv.addFormat('uri-reference', true);
    validator = ajv.compile(schema);
  }
  return validator(spec) ? '' : JSON.stringify(validator.errors?.slice(0, 5));
}

/** Compiles a spec with vega-lite and returns every warning (and error) its logger received. */
export async function compileWarnings(spec: VlSpec): Promise<string[]> {
  const vl = await import('vega-lite');
  const messages: string[] = [];
  const logger = {
    level: () => logger,
    warn: (...m: unknown[]) => (messages.push(`warn: ${m.join(' ')}`), logger),
    error: (...m: unknown[]) => (messages.push(`error: ${m.join(' ')}`), logger),
    info: () => logger,
    debug: () => logger,
  };
  vl.compile(spec as unknown as Parameters<typeof vl.compile>[0], { logger: logger as never });
  return messages;
}
