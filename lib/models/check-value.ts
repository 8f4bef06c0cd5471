import { EcgInputError } from '../common';

/** What a value in a plain-JSON config must look like. */
export type Spec =
  | { kind: 'int'; min?: number; max?: number }
  | { kind: 'number'; min?: number; max?: number; minExclusive?: boolean; maxExclusive?: boolean }
  | { kind: 'bool' }
  | { kind: 'string'; oneOf?: readonly string[] }
  | { kind: 'array'; of: Spec; minLength?: number }
  | { kind: 'object'; keys: Record<string, Spec>; required?: readonly string[] }
  | { kind: 'anyOf'; options: Spec[]; what: string };

/**
 * A human description of what `spec` accepts, used as the "expected …" half of error messages.
 *
 * @example describeSpec({ kind: 'int', min: 1 }) // => 'a positive integer'
 */
export function describeSpec(spec: Spec): string {
  switch (spec.kind) {
    case 'int':
      if (spec.min === 1 && spec.max === undefined) return 'a positive integer';
      if (spec.min === 0 && spec.max === undefined) return 'a non-negative integer';
      return `an integer${range(spec.min, spec.max)}`;
    case 'number':
      if (spec.min === 0 && spec.minExclusive && spec.max === undefined) return 'a positive number';
      return `a number${range(spec.min, spec.max, spec.minExclusive, spec.maxExclusive)}`;
    case 'bool':
      return 'true or false';
    case 'string':
      return spec.oneOf ? `one of ${spec.oneOf.map((s) => JSON.stringify(s)).join(', ')}` : 'a string';
    case 'array':
      if (spec.minLength === 1) return `a non-empty array of ${plural(describeSpec(spec.of))}`;
      return `an array of ${spec.minLength ? `at least ${spec.minLength} ` : ''}${plural(describeSpec(spec.of))}`;
    case 'object':
      return 'an object';
    case 'anyOf':
      return spec.what;
  }
}

function range(min?: number, max?: number, minEx?: boolean, maxEx?: boolean): string {
  if (min !== undefined && max !== undefined) return ` in ${minEx ? '(' : '['}${min}, ${max}${maxEx ? ')' : ']'}`;
  if (min !== undefined) return ` ${minEx ? '>' : '≥'} ${min}`;
  if (max !== undefined) return ` ${maxEx ? '<' : '≤'} ${max}`;
  return '';
}

// 'a positive integer' → 'positive integers': the noun may follow adjectives ('positive',
// 'non-negative'); a 'one of "…"' list names values, whose quoted words must stay as they are.
function plural(s: string): string {
  const bare = s.replace(/^an? /, '');
  return bare.startsWith('one of ') ? bare : bare.replace(/\b(integer|number|string|object|array)\b/, '$1s');
}

function shown(v: unknown): string {
  if (v === undefined) return 'nothing';
  const s = JSON.stringify(v);
  return s.length > 60 ? s.slice(0, 57) + '...' : s;
}

function fits(value: unknown, spec: Spec): boolean {
  try {
    checkValue(value, spec, '', undefined);
    return true;
  } catch {
    return false;
  }
}

/**
 * Checks a parsed JSON value against `spec`, key by key; an unknown key or a value of the wrong
 * type is an error naming its key path (`training.epochs`).
 *
 * @example checkValue({ epochs: 'ten' }, { kind: 'object', keys: { epochs: { kind: 'int', min: 1 } } }, 'training')
 * // throws EcgInputError 'training.epochs: expected a positive integer, got "ten"'
 * @throws EcgInputError naming the key path, the expected shape and what was found
 */
export function checkValue(value: unknown, spec: Spec, path: string, file?: string): void {
  const fail = (what: string = `expected ${describeSpec(spec)}, got ${shown(value)}`): never => {
    throw new EcgInputError(what, { file, at: path || '(top level)' });
  };
  switch (spec.kind) {
    case 'int':
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) fail();
      const v = value as number;
      if (spec.kind === 'int' && !Number.isInteger(v)) fail();
      const minEx = spec.kind === 'number' && spec.minExclusive;
      const maxEx = spec.kind === 'number' && spec.maxExclusive;
      if (spec.min !== undefined && (minEx ? v <= spec.min : v < spec.min)) fail();
      if (spec.max !== undefined && (maxEx ? v >= spec.max : v > spec.max)) fail();
      return;
    }
    case 'bool':
      if (typeof value !== 'boolean') fail();
      return;
    case 'string':
      if (typeof value !== 'string' || (spec.oneOf && !spec.oneOf.includes(value))) fail();
      return;
    case 'array': {
      if (!Array.isArray(value)) fail();
      const arr = value as unknown[];
      if (spec.minLength !== undefined && arr.length < spec.minLength) fail();
      arr.forEach((item, i) => checkValue(item, spec.of, `${path}[${i}]`, file));
      return;
    }
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) fail();
      const obj = value as Record<string, unknown>;
      for (const key of Object.keys(obj)) {
        const sub = path ? `${path}.${key}` : key;
        if (!(key in spec.keys)) {
          const known = Object.keys(spec.keys).join(', ');
          throw new EcgInputError(`unknown key; expected one of ${known}`, { file, at: sub });
        }
        checkValue(obj[key], spec.keys[key], sub, file);
      }
      for (const key of spec.required ?? []) {
        if (!(key in obj)) {
          throw new EcgInputError(`missing; expected ${describeSpec(spec.keys[key])}`, {
            file,
            at: path ? `${path}.${key}` : key,
          });
        }
      }
      return;
    }
    case 'anyOf':
      if (!spec.options.some((o) => fits(value, o))) fail();
      return;
  }
}
