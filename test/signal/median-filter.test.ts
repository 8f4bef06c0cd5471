import { strict as assert } from 'assert';
import { EcgInputError, createRng } from '../../lib/common';
import { medianFilter } from '../../lib/signal';
import { expectClose } from '../helpers';

/** The obvious O(n·w·log w) median, written independently as the reference. */
function naiveMedian(x: ArrayLike<number>, width: number): number[] {
  const h = Math.floor(width / 2);
  const out: number[] = [];
  for (let i = 0; i < x.length; i++) {
    const win: number[] = [];
    for (let k = i - h; k <= i + h; k++) win.push(x[Math.min(x.length - 1, Math.max(0, k))]);
    win.sort((a, b) => a - b);
    out.push(win[h]);
  }
  return out;
}

describe('signal/medianFilter', () => {
  it('matches scipy.ndimage.median_filter(size=7, mode="nearest") on a hand-made sequence', () => {
    // /usr/bin/python3: y = [((i*37) % 17) - 0.5*(i % 5) for i in range(30)];
    // scipy.ndimage.median_filter(y, size=7, mode='nearest')  (scipy 1.10.1)
    const y = new Float64Array(30).map((_, i) => ((i * 37) % 17) - 0.5 * (i % 5));
    const want = [
      0, 2.5, 5, 5, 5, 5.5, 7.5, 8, 8, 5.5, 5.5, 6, 8, 11, 6, 3.5, 4, 6, 9, 9, 4, 4, 7, 9, 9.5, 9.5, 7, 7, 7, 0,
    ];
    expectClose(medianFilter(y, 7), want, 0, 'median');
  });

  it('agrees with a naive sort-per-window median for random data, ties and many widths', () => {
    const rng = createRng(7);
    for (const width of [1, 2, 3, 5, 8, 31, 73, 217]) {
      // Rounded values make ties frequent, the case where heap bookkeeping usually breaks.
      const x = new Float32Array(1500).map(() => Math.round(rng.next() * 20) / 4);
      const odd = width % 2 === 1 ? width : width + 1;
      expectClose(medianFilter(x, width), naiveMedian(x, odd), 0, `width ${width}`);
    }
  });

  it('handles signals shorter than the window', () => {
    // Window of 9 on [3, 1, 2]: each window is mostly repeated edge values.
    // i=0: [3×5, 1, 2, 2, 2] → sorted [1,2,2,2,3,3,3,3,3] → 3; i=1: [3×4,1,2×4] → 2; i=2: [3×3,1,2×5] → 2.
    expectClose(medianFilter(new Float64Array([3, 1, 2]), 9), [3, 2, 2], 0);
    assert.equal(medianFilter(new Float64Array(0), 9).length, 0);
  });

  it('removes a spike narrower than half the window and keeps a step edge in place', () => {
    const x = new Float64Array(100);
    for (let i = 50; i < 100; i++) x[i] = 1;
    x[20] = 5;
    const y = medianFilter(x, 11);
    expectClose(
      y,
      x.map((v, i) => (i === 20 ? 0 : v)),
      0,
    );
  });

  it('throws EcgInputError naming the NaN sample and a bad width', () => {
    const x = new Float64Array(10);
    x[3] = NaN;
    assert.throws(
      () => medianFilter(x, 3),
      (e: unknown) => e instanceof EcgInputError && /sample 3/.test(e.message),
    );
    assert.throws(() => medianFilter(new Float64Array(5), 0), EcgInputError);
  });
});
