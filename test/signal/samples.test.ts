import { strict as assert } from 'assert';
import { EcgInputError } from '../../lib/common';
import { assertFinite, assertPositive, sameKind } from '../../lib/signal/samples';

describe('signal/samples', () => {
  it('assertFinite passes finite samples, ±0 and extreme magnitudes included', () => {
    assert.doesNotThrow(() => assertFinite(new Float64Array([0, -0, 1e308, -1e308, 5e-324]), 'x'));
    assert.doesNotThrow(() => assertFinite(new Float32Array(0), 'x'));
  });

  it('assertFinite names the caller and the first NaN or ±Infinity by its index', () => {
    for (const bad of [NaN, Infinity, -Infinity]) {
      const x = new Float32Array([1, 2, 3, bad, NaN]);
      assert.throws(
        () => assertFinite(x, 'medianFilter'),
        (e: unknown) =>
          e instanceof EcgInputError &&
          e.message ===
            `medianFilter, sample 3: ${bad} is not a finite sample value; expected finite numbers (no NaN or Infinity)`,
      );
    }
    // A plain array is checked the same way.
    assert.throws(() => assertFinite([0, Infinity], 'f'), /sample 1/);
  });

  it('assertPositive accepts finite positive numbers only and names the parameter', () => {
    assert.doesNotThrow(() => assertPositive(360, 'fsHz', 'resample'));
    assert.doesNotThrow(() => assertPositive(1e-9, 'fsHz', 'resample'));
    for (const bad of [0, -360, NaN, Infinity]) {
      assert.throws(
        () => assertPositive(bad, 'fsHz', 'resample'),
        (e: unknown) =>
          e instanceof EcgInputError &&
          e.message === `resample, fsHz: fsHz = ${bad}; expected a finite positive number`,
      );
    }
  });

  it('sameKind makes a zeroed array of the given length and of the input’s precision', () => {
    const f32 = sameKind(new Float32Array([1, 2, 3]), 5);
    assert.ok(f32 instanceof Float32Array);
    assert.deepEqual(Array.from(f32), [0, 0, 0, 0, 0]);
    const f64 = sameKind(new Float64Array(1), 2);
    assert.ok(f64 instanceof Float64Array);
    assert.equal(f64.length, 2);
  });
});
