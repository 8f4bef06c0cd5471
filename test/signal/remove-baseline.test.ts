import { strict as assert } from 'assert';
import { oddWidth, removeBaseline } from '../../lib/signal';
import { expectClose } from '../helpers';

describe('signal/removeBaseline', () => {
  it('uses 200 ms and 600 ms windows rounded to odd sample counts', () => {
    assert.equal(oddWidth(0.2 * 360), 73); // 72 → 73
    assert.equal(oddWidth(0.6 * 360), 217); // 216 → 217
    assert.equal(oddWidth(0.2 * 250), 51);
    assert.equal(oddWidth(0.6 * 125), 75);
  });

  it('removes a slow drift under a synthetic pulse train and keeps the pulses', () => {
    // Synthetic: 90 ms triangular "QRS" pulses of height 1 every 0.8 s on a 0.1 Hz, 0.5-amplitude drift.
    const fs = 360;
    const n = fs * 20;
    const pulses = new Float64Array(n);
    for (let c = 144; c < n; c += 288)
      for (let k = -16; k <= 16; k++) if (c + k < n) pulses[c + k] = 1 - Math.abs(k) / 16;
    const drift = (i: number) => 0.5 * Math.sin((2 * Math.PI * 0.1 * i) / fs);
    const x = new Float32Array(n).map((_, i) => pulses[i] + drift(i));
    const y = removeBaseline(x, fs);
    assert.ok(y instanceof Float32Array);
    // A 73-sample median over a pulse sees 33 raised samples and 40 drift samples, so it returns
    // the 37th-smallest drift value: biased by at most the drift's rise over 100 ms,
    // 0.5·2π·0.1·0.1 ≈ 0.031. Between pulses the drift is nearly linear and the median exact.
    let worstResidual = 0;
    let worstPeak = 0;
    for (let c = 144 + 288; c < n - 288; c += 288) {
      worstPeak = Math.max(worstPeak, Math.abs(y[c] - 1));
      worstResidual = Math.max(worstResidual, Math.abs(y[c + 144]));
    }
    assert.ok(worstResidual < 0.05, `drift left between pulses ${worstResidual}`);
    assert.ok(worstPeak < 0.05, `pulse height error ${worstPeak}`);
    // The input drift alone is up to 0.5: the filter removed over 90 % of it.
    expectClose(Math.max(...x.map((v, i) => Math.abs(v - pulses[i]))), 0.5, 1e-3);
  });
});
