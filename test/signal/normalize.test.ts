import { strict as assert } from 'assert';
import { EcgInputError } from '../../lib/common';
import { applyNormalizer, fitNormalizer } from '../../lib/signal';
import { expectClose } from '../helpers';

describe('signal/normalize', () => {
  const train = [Float32Array.of(1, 10), Float32Array.of(3, 30)];

  it('fits z-score on one split and applies it unchanged to another, as plain JSON', () => {
    // All values 1, 10, 3, 30: mean 11, population variance (100 + 1 + 64 + 361)/4 = 131.5.
    const p = fitNormalizer('zscore', train);
    const again = JSON.parse(JSON.stringify(p));
    expectClose((again as { mean: number }).mean, 11, 1e-12);
    expectClose((again as { std: number }).std, Math.sqrt(131.5), 1e-9);
    const test = applyNormalizer(again, [Float32Array.of(11, 11 + Math.sqrt(131.5))]);
    expectClose(test[0], [0, 1], 1e-6);
  });

  it('per-feature statistics normalise each column on its own', () => {
    // Column 0: 1, 3 → mean 2, std 1; column 1: 10, 30 → mean 20, std 10.
    const p = fitNormalizer('zscore', train, { perFeature: true });
    assert.deepEqual(p, { kind: 'zscore', mean: [2, 20], std: [1, 10] });
    expectClose(applyNormalizer(p, train)[1], [1, 1], 1e-6);
    assert.throws(() => applyNormalizer(p, [Float32Array.of(1, 2, 3)]), EcgInputError);
  });

  it('min–max maps the fitted range to [0, 1] and does not refit on new data', () => {
    const p = fitNormalizer('minmax', train);
    assert.deepEqual(p, { kind: 'minmax', min: 1, max: 30 });
    expectClose(applyNormalizer(p, [Float32Array.of(1, 30, 59)])[0], [0, 1, 2], 1e-6); // (59 − 1)/29 = 2
  });

  it('clips at mean ± k·std and leaves values inside alone', () => {
    // Values 0×8, 10, −10: mean 0, std √(200/10) = √20 ≈ 4.47; k = 2 → bounds ±8.94.
    const rows = [Float32Array.of(0, 0, 0, 0, 0, 0, 0, 0, 10, -10)];
    const p = fitNormalizer('clip', rows, { k: 2 });
    const out = applyNormalizer(p, [Float32Array.of(3, 100, -100)])[0];
    expectClose(out, [3, 2 * Math.sqrt(20), -2 * Math.sqrt(20)], 1e-5);
  });

  it('stores a zero spread as 1 and names a non-finite value', () => {
    const p = fitNormalizer('zscore', [Float32Array.of(5, 5)]);
    expectClose(applyNormalizer(p, [Float32Array.of(5)])[0], [0], 0);
    assert.throws(() => fitNormalizer('zscore', [Float32Array.of(1, NaN)]), /row 0, value 1/);
  });
});
