import { strict as assert } from 'assert';
import { EcgInputError } from '../../lib/common';
import { checkValue, describeSpec, type Spec } from '../../lib/models';

// The message of the EcgInputError `f` throws, failing when it throws anything else or nothing.
function inputError(f: () => void): string {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof EcgInputError, `expected an EcgInputError, got ${String(e)}`);
    return e.message;
  }
  assert.fail('expected an EcgInputError, nothing was thrown');
}

describe('models/checkValue', () => {
  it('describes each kind of spec in words, ranges with their brackets and inequalities', () => {
    assert.equal(describeSpec({ kind: 'int', min: 1 }), 'a positive integer');
    assert.equal(describeSpec({ kind: 'int', min: 0 }), 'a non-negative integer');
    assert.equal(describeSpec({ kind: 'int', min: 2, max: 9 }), 'an integer in [2, 9]');
    assert.equal(describeSpec({ kind: 'int', max: 9 }), 'an integer ≤ 9');
    assert.equal(describeSpec({ kind: 'number', min: 0, minExclusive: true }), 'a positive number');
    assert.equal(describeSpec({ kind: 'number', min: 0, max: 1, maxExclusive: true }), 'a number in [0, 1)');
    assert.equal(describeSpec({ kind: 'number', min: 0, max: 1, minExclusive: true }), 'a number in (0, 1]');
    assert.equal(describeSpec({ kind: 'number', min: 3 }), 'a number ≥ 3');
    assert.equal(describeSpec({ kind: 'number', max: 3, maxExclusive: true }), 'a number < 3');
    assert.equal(describeSpec({ kind: 'bool' }), 'true or false');
    assert.equal(describeSpec({ kind: 'string' }), 'a string');
    assert.equal(describeSpec({ kind: 'string', oneOf: ['a', 'b'] }), 'one of "a", "b"');
    assert.equal(describeSpec({ kind: 'array', of: { kind: 'int', min: 1 } }), 'an array of positive integers');
    assert.equal(
      describeSpec({ kind: 'array', of: { kind: 'string' }, minLength: 2 }),
      'an array of at least 2 strings',
    );
    assert.equal(describeSpec({ kind: 'array', of: { kind: 'int', min: 0 } }), 'an array of non-negative integers');
    assert.equal(describeSpec({ kind: 'array', of: { kind: 'string' }, minLength: 1 }), 'a non-empty array of strings');
    assert.equal(describeSpec({ kind: 'array', of: { kind: 'number', max: 3 } }), 'an array of numbers ≤ 3');
    assert.equal(
      describeSpec({ kind: 'array', of: { kind: 'string', oneOf: ['integer'] } }),
      'an array of one of "integer"',
    );
    assert.equal(
      describeSpec({ kind: 'array', of: { kind: 'array', of: { kind: 'int', min: 1 } } }),
      'an array of arrays of positive integers',
    );
    assert.equal(describeSpec({ kind: 'object', keys: {} }), 'an object');
    assert.equal(describeSpec({ kind: 'anyOf', options: [], what: 'a seed or "auto"' }), 'a seed or "auto"');
  });

  it('accepts values of the right kind, range boundaries included unless exclusive', () => {
    const ok: [unknown, Spec][] = [
      [1, { kind: 'int', min: 1 }],
      [9, { kind: 'int', min: 2, max: 9 }],
      [0, { kind: 'number', min: 0, max: 1, maxExclusive: true }],
      [0.5, { kind: 'number', min: 0, minExclusive: true }],
      [false, { kind: 'bool' }],
      ['b', { kind: 'string', oneOf: ['a', 'b'] }],
      [[], { kind: 'array', of: { kind: 'int' } }],
      [{ a: 1 }, { kind: 'object', keys: { a: { kind: 'int' }, b: { kind: 'bool' } }, required: ['a'] }],
      ['auto', { kind: 'anyOf', options: [{ kind: 'int' }, { kind: 'string', oneOf: ['auto'] }], what: 'x' }],
    ];
    for (const [value, spec] of ok) assert.doesNotThrow(() => checkValue(value, spec, 'k'), JSON.stringify(value));
  });

  it('rejects numbers outside the range, exclusive bounds, non-integers and non-finite numbers', () => {
    const bad: [unknown, Spec][] = [
      [0, { kind: 'int', min: 1 }],
      [10, { kind: 'int', min: 2, max: 9 }],
      [1.5, { kind: 'int' }],
      [1, { kind: 'number', min: 0, max: 1, maxExclusive: true }],
      [0, { kind: 'number', min: 0, minExclusive: true }],
      [NaN, { kind: 'number' }],
      [Infinity, { kind: 'number' }],
      ['3', { kind: 'number' }],
      [1, { kind: 'bool' }],
      ['c', { kind: 'string', oneOf: ['a', 'b'] }],
      [{}, { kind: 'array', of: { kind: 'int' } }],
      [[1], { kind: 'array', of: { kind: 'int' }, minLength: 2 }],
      [[1], { kind: 'object', keys: {} }],
      [null, { kind: 'object', keys: {} }],
      [true, { kind: 'anyOf', options: [{ kind: 'int' }, { kind: 'string' }], what: 'x' }],
    ];
    for (const [value, spec] of bad) assert.throws(() => checkValue(value, spec, 'k'), EcgInputError, String(value));
  });

  it('names the file, the key path (array indices included), what was expected and what was found', () => {
    const spec: Spec = {
      kind: 'object',
      keys: { blocks: { kind: 'array', of: { kind: 'object', keys: { filters: { kind: 'int', min: 1 } } } } },
    };
    assert.equal(
      inputError(() => checkValue({ blocks: [{ filters: 4 }, { filters: 'many' }] }, spec, 'model', 'run.json')),
      'run.json, model.blocks[1].filters: expected a positive integer, got "many"',
    );
    assert.equal(
      inputError(() =>
        checkValue({ epochs: 'ten' }, { kind: 'object', keys: { epochs: { kind: 'int', min: 1 } } }, 'training'),
      ),
      'training.epochs: expected a positive integer, got "ten"',
    );
  });

  it('names an unknown key with the keys it knows, and a missing required key with what it should hold', () => {
    const spec: Spec = { kind: 'object', keys: { a: { kind: 'int' }, b: { kind: 'bool' } }, required: ['b'] };
    assert.equal(
      inputError(() => checkValue({ a: 1, c: 2 }, spec, '')),
      'c: unknown key; expected one of a, b',
    );
    assert.equal(
      inputError(() => checkValue({ a: 1 }, spec, 'top')),
      'top.b: missing; expected true or false',
    );
  });

  it('says "(top level)" for a bad value without a path, "nothing" for undefined, and shortens long values', () => {
    assert.equal(
      inputError(() => checkValue(7, { kind: 'object', keys: {} }, '')),
      '(top level): expected an object, got 7',
    );
    assert.equal(
      inputError(() => checkValue(undefined, { kind: 'bool' }, 'x')),
      'x: expected true or false, got nothing',
    );
    const long = 'y'.repeat(100);
    // JSON.stringify gives 102 characters; the message keeps the first 57 and adds '...'.
    assert.equal(
      inputError(() => checkValue(long, { kind: 'int' }, 'x')),
      `x: expected an integer, got "${'y'.repeat(56)}...`,
    );
  });

  it('an anyOf fails with its own description when no option fits', () => {
    const spec: Spec = {
      kind: 'anyOf',
      options: [
        { kind: 'int', min: 0 },
        { kind: 'string', oneOf: ['auto'] },
      ],
      what: 'a seed or "auto"',
    };
    assert.equal(
      inputError(() => checkValue(-1, spec, 'seed')),
      'seed: expected a seed or "auto", got -1',
    );
  });
});
