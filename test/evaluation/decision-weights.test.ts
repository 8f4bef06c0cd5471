import { strict as assert } from 'assert';
import { EcgInputError } from '../../lib/common';
import { chooseDecisionWeights, weightedArgmax } from '../../lib/evaluation';

// Two classes, N and S; each row is (P(N), P(S)).
const rows = (pS: number[]) => Float32Array.from(pS.flatMap((s) => [1 - s, s]));

describe('evaluation/weightedArgmax', () => {
  it('is the plain argmax at weights 1 and moves beats across the boundary p·w', () => {
    const probs = rows([0.6, 0.3, 0.7]);
    assert.deepEqual(Array.from(weightedArgmax(probs, 2, [1, 1])), [1, 0, 1]);
    // S weight 0.5: 0.6·0.5 = 0.30 < 0.4 → N; 0.7·0.5 = 0.35 > 0.3 → S.
    assert.deepEqual(Array.from(weightedArgmax(probs, 2, [1, 0.5])), [0, 0, 1]);
    // S weight 2: 0.3·2 = 0.6 < 0.7 → still N.
    assert.deepEqual(Array.from(weightedArgmax(probs, 2, [1, 2])), [1, 0, 1]);
  });

  it('refuses a weight list that does not match the columns', () => {
    assert.throws(
      () => weightedArgmax(rows([0.5]), 2, [1]),
      (e: unknown) => e instanceof EcgInputError && /1 decision weights/.test(e.message),
    );
  });
});

describe('evaluation/chooseDecisionWeights', () => {
  it('finds the S weight with the best F1 on a hand-worked case', () => {
    // y: N N S S N S S; P(S) .6 .3 .7 .8 .2 .4 .45. A beat is called S when P(S)·w > 1 − P(S):
    //   w 1    → S for .6 .7 .8        TP 2 FP 1 FN 2 → F1 4/7 = 0.571
    //   w 0.5  → S for .7 .8           TP 2 FP 0 FN 2 → 4/6 = 0.667
    //   w 1.41 → S for .45 .6 .7 .8    TP 3 FP 1 FN 1 → 6/8 = 0.750
    //   w 2    → S for P(S) > 1/3      TP 4 FP 1 FN 0 → 8/9 = 0.889 (best)
    //   w 2.83 → adds .3               TP 4 FP 2      → 8/10 = 0.800
    const y = Int32Array.of(0, 0, 1, 1, 0, 1, 1);
    const r = chooseDecisionWeights(rows([0.6, 0.3, 0.7, 0.8, 0.2, 0.4, 0.45]), y, ['N', 'S'], { tune: ['S'] });
    assert.deepEqual(r.weights, [1, 2]);
    assert.ok(Math.abs(r.score - 8 / 9) < 1e-12);
  });

  it('keeps weight 1 when no other weight does better', () => {
    const y = Int32Array.of(0, 1, 0, 1);
    const r = chooseDecisionWeights(rows([0.1, 0.9, 0.2, 0.8]), y, ['N', 'S'], { tune: ['S'] });
    assert.deepEqual(r.weights, [1, 1]);
    assert.equal(r.score, 1);
  });

  it('names an unknown class and a probability array of the wrong length', () => {
    const y = Int32Array.of(0, 1);
    assert.throws(
      () => chooseDecisionWeights(rows([0.1, 0.9]), y, ['N', 'S'], { tune: ['V'] }),
      (e: unknown) => e instanceof EcgInputError && /class 'V'/.test(e.message) && /N, S/.test(e.message),
    );
    assert.throws(
      () => chooseDecisionWeights(new Float32Array(3), y, ['N', 'S'], { tune: ['S'] }),
      (e: unknown) => e instanceof EcgInputError && /3 probabilities for 2 beats/.test(e.message),
    );
  });
});
