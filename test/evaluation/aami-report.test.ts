import { strict as assert } from 'assert';
import { aamiReport, evaluateClassifier } from '../../lib/evaluation';

function oneHot(labels: number[], k: number): Float32Array {
  const out = new Float32Array(labels.length * k);
  labels.forEach((l, i) => (out[i * k + l] = 1));
  return out;
}

describe('evaluation/aamiReport', () => {
  it('gives Se and +P in percent and the difference to de Chazal et al. 2004', () => {
    // truth/prediction pairs: S→S, S→N, V→V, N→N: S Se 1/2, +P 1/1; V Se 1, +P 1.
    const r = evaluateClassifier([1, 1, 2, 0], oneHot([1, 0, 2, 0], 4), ['N', 'S', 'V', 'F']);
    const a = aamiReport(r);
    assert.deepEqual(a.classes.S, { se: 50, ppv: 100 });
    // 50 − 75.9 = −25.9, 100 − 38.5 = 61.5; V: 100 − 77.7 = 22.3, 100 − 81.9 = 18.1 (rounded to 0.001).
    assert.deepEqual(a.versusDeChazal.S, { se: -25.9, ppv: 61.5 });
    assert.deepEqual(a.versusDeChazal.V, { se: 22.3, ppv: 18.1 });
  });
});
