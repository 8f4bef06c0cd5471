import { strict as assert } from 'assert';
import { evaluateClassifier, protocolReport } from '../../lib/evaluation';

function oneHot(labels: number[], k: number): Float32Array {
  const out = new Float32Array(labels.length * k);
  labels.forEach((l, i) => (out[i * k + l] = 1));
  return out;
}

describe('evaluation/protocolReport', () => {
  const r = evaluateClassifier([0, 1], oneHot([0, 1], 2), ['N', 'V']);
  it('marks intra-patient figures as having one patient on both sides', () => {
    const p = protocolReport('intra-patient', r, ['100', '101'], ['100', '101']);
    assert.equal(p.protocol, 'intra-patient');
    assert.match(p.protocolNotes[0], /both sides/);
  });
  it('flags records shared between the sides of an inter-patient split', () => {
    assert.deepEqual(protocolReport('inter-patient', r, ['101'], ['100']).protocolNotes, []);
    assert.match(
      protocolReport('inter-patient', r, ['100', '101'], ['100']).protocolNotes[0],
      /Records 100 appear on both sides/,
    );
  });
});
