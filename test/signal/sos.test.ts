import { strict as assert } from 'assert';
import { butter, sectionCount, sosResponse, sosfilt, sosfiltZi } from '../../lib/signal';
import { sosfiltInPlace } from '../../lib/signal/sos';
import { expectClose } from '../helpers';
import { PROBE_X as X, probe } from '../support/filter-probes';

// Two hand-picked sections in scipy's layout [b0, b1, b2, 1, a1, a2]:
// (1 + 2z⁻¹ + z⁻²)/(1 − 0.5z⁻¹ + 0.25z⁻²) and (0.5 − 0.5z⁻²)/(1 + 0.2z⁻¹ + 0.1z⁻²).
const TWO = new Float64Array([1, 2, 1, 1, -0.5, 0.25, 0.5, 0, -0.5, 1, 0.2, 0.1]);

describe('signal/sos', () => {
  it('counts six coefficients per section', () => {
    assert.equal(sectionCount(TWO), 2);
    assert.equal(sectionCount(butter(10, 30, 360, 'lowpass')), 5);
  });

  it('sosfiltZi is scipy.signal.sosfilt_zi: worked by hand for the first section', () => {
    // Section 1 settles at g = B(1)/A(1) = 4/0.75 = 16/3 for a unit step: z2 = b2 − a2·g = −1/3,
    // z1 = b1 − a1·g + z2 = 2 + 8/3 − 1/3 = 13/3. Section 2 starts scaled by g.
    // scipy 1.17.1: sosfilt_zi(sos).ravel() = [4.333…, −0.333…, −2.666…, −2.666…]
    expectClose(sosfiltZi(TWO), [13 / 3, -1 / 3, -8 / 3, -8 / 3], 1e-12, 'zi');
  });

  it('started from zi·x[0], a constant input gives a constant output from the first sample', () => {
    const sos = butter(6, 20, 360, 'lowpass');
    const zi = sosfiltZi(sos).map((v) => v * 3);
    const x = new Float64Array(200).fill(3);
    sosfiltInPlace(sos, x, zi);
    for (let i = 0; i < x.length; i++) expectClose(x[i], 3, 1e-9, `y[${i}]`);
  });

  it('sosfilt is scipy.signal.sosfilt with zero initial state', () => {
    // /usr/bin/python3 (scipy 1.17.1), x = PROBE_X: sosfilt(sos, x)[[0, 10, 25, 49]]
    expectClose(
      probe(sosfilt(TWO, X)),
      [0, -0.2955115329325313, 2.862349933990128, 3.8267728694972405],
      1e-12,
      'two sections',
    );
    // sosfilt(butter(10, 30, 'lowpass', fs=360, output='sos'), x): five sections (the grouped
    // four-section sweep plus one); the section order differs from scipy's, the product does not.
    expectClose(
      probe(sosfilt(butter(10, 30, 360, 'lowpass'), X)),
      [0, 0.06541584324259317, 1.1997214539130794, 12.753005910314974],
      1e-9,
      'order-10 low-pass',
    );
  });

  it('runs 1 to 7 sections, grouped by four, two and one, exactly as one section after another', () => {
    for (let n = 1; n <= 7; n++) {
      const sos = butter(2 * n, 25, 360, 'lowpass');
      const zi = sosfiltZi(sos).map((v) => v * 0.3);
      const grouped = Float64Array.from(X);
      sosfiltInPlace(sos, grouped, zi);
      const chained = Float64Array.from(X);
      for (let s = 0; s < n; s++)
        sosfiltInPlace(sos.subarray(6 * s, 6 * s + 6), chained, zi.subarray(2 * s, 2 * s + 2));
      assert.deepEqual(Array.from(grouped), Array.from(chained), `${n} sections`);
    }
  });

  it('filters only x[from..to), backwards when asked, and leaves zi unchanged', () => {
    const zi = new Float64Array([0.1, 0.2, 0.3, 0.4]);
    const x = Float64Array.from(X);
    sosfiltInPlace(TWO, x, zi, 10, 20, true);
    assert.deepEqual(Array.from(zi), [0.1, 0.2, 0.3, 0.4]);
    assert.deepEqual(Array.from(x.subarray(0, 10)), Array.from(X.subarray(0, 10)));
    assert.deepEqual(Array.from(x.subarray(20)), Array.from(X.subarray(20)));
    // Backwards over [10, 20) is forwards over the reversed slice.
    const rev = Float64Array.from(X.subarray(10, 20)).reverse();
    sosfiltInPlace(TWO, rev, zi);
    assert.deepEqual(Array.from(x.subarray(10, 20)), Array.from(rev.reverse()));
  });

  it('sosResponse is scipy.signal.sosfreqz at single frequencies', () => {
    // sosfreqz(sos, worN=[10, 45, 90], fs=360)
    const want = [
      [0.21049664946403782, 0.6865628309392213, 0.7181067888990215],
      [3.1568759062003204, 0.15670400874357726, 3.1607628246207278],
      [-0.8687782805429861, -2.244343891402715, 2.4066273503847473],
    ];
    [10, 45, 90].forEach((f, k) => {
      const h = sosResponse(TWO, f, 360);
      expectClose([h.re, h.im, h.mag], want[k], 1e-12, `H(${f} Hz)`);
    });
    // At DC, z = 1: the product of B(1)/A(1) over sections = (16/3)·(0/1.3) = 0.
    expectClose(sosResponse(TWO, 0, 360).mag, 0, 1e-15);
  });
});
