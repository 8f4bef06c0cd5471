import { strict as assert } from 'assert';
import { thinCurve } from '../../lib/evaluation';

describe('evaluation/thinCurve', () => {
  it('drops collinear points exactly, then caps the count keeping both ends', () => {
    assert.deepEqual(thinCurve([0, 0, 0.5, 1], [0, 0.5, 0.75, 1], 10), { x: [0, 0, 1], y: [0, 0.5, 1] });
    const x = Array.from({ length: 101 }, (_, i) => i / 100);
    const y = x.map((v) => Math.sqrt(v));
    const t = thinCurve(x, y, 11);
    assert.equal(t.x.length, 11);
    assert.equal(t.x[0], 0);
    assert.equal(t.x[10], 1);
  });

  it('keeps the evenly spaced indices round(j·(n−1)/(max−1)) when capping', () => {
    // 101 points of √x: indices 0, 10, ..., 100, i.e. x = 0, 0.1, ..., 1.
    const x = Array.from({ length: 101 }, (_, i) => i / 100);
    const t = thinCurve(
      x,
      x.map((v) => Math.sqrt(v)),
      11,
    );
    assert.deepEqual(
      t.x,
      Array.from({ length: 11 }, (_, j) => (10 * j) / 100),
    );
    assert.deepEqual(
      t.y,
      t.x.map((v) => Math.sqrt(v)),
    );
  });

  it('drops points with a NaN coordinate and keeps the corner of an ROC step', () => {
    // (0,0) → (0,1) → (1,1): the corner is no straight line and stays; NaN rows vanish.
    assert.deepEqual(thinCurve([0, NaN, 0, 0.5, 1], [0, 0.3, 1, NaN, 1], 10), { x: [0, 0, 1], y: [0, 1, 1] });
  });

  it('returns the curve unchanged when it is already short and bent everywhere', () => {
    assert.deepEqual(thinCurve([0, 0.1, 0.5], [0, 0.6, 0.9], 3), { x: [0, 0.1, 0.5], y: [0, 0.6, 0.9] });
  });
});
