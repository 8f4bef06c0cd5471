import { strict as assert } from 'assert';
import {
  evaluateClassifier,
  predictClasses,
  protocolIntervalPoints,
  protocolReport,
  protocolSummaryRows,
  recordBootstrap,
  recordConfusions,
} from '../../lib/evaluation';

describe('evaluation/protocolSummaryRows and protocolIntervalPoints', () => {
  // Two records with the same confusion matrix (N→N, S→S, S→N each): every interval is the figure itself.
  const classes = ['N', 'S', 'V', 'F'];
  const y = [0, 1, 1, 0, 1, 1];
  const probs = new Float32Array(6 * 4);
  [0, 1, 0, 0, 1, 0].forEach((c, i) => (probs[i * 4 + c] = 1));
  const rec = ['100', '100', '100', '101', '101', '101'];
  const conf = recordConfusions(y, predictClasses(probs, 4), rec, classes);
  const report = evaluateClassifier(y, probs, classes);
  const pr = protocolReport('inter-patient', report, ['106'], ['100', '101'], [], recordBootstrap(conf, { seed: 1 }));
  it('gives each figure with its 95 % interval as text', () => {
    const [row] = protocolSummaryRows({ 'inter-patient': pr }, ['S']);
    // S: Se 2/4 = 50 %, +P 2/2 = 100 %; accuracy 4/6.
    assert.equal(row['S Se %'], 50);
    assert.equal(row['S Se 95 %'], '50.0–50.0');
    assert.equal(row['S +P 95 %'], '100.0–100.0');
    assert.equal(row.accuracy, 0.6667);
    assert.equal(row['accuracy 95 %'], '0.6667–0.6667');
    assert.equal(row.records, 3);
  });
  it('turns Se and +P with intervals into chart points per protocol', () => {
    const points = protocolIntervalPoints({ 'inter-patient': pr }, ['S']);
    assert.deepEqual(points, [
      { label: 'S Se', value: 50, lo: 50, hi: 50, group: 'inter-patient' },
      { label: 'S +P', value: 100, lo: 100, hi: 100, group: 'inter-patient' },
    ]);
  });
});
