import { strict as assert } from 'assert';
import { scoreAgainstReference } from '../../lib/serve';

const beat = (sample: number, cls: string) => ({ sample, class: cls, confidence: 0.9, probabilities: {} });

describe('serve/scoreAgainstReference', () => {
  it('matches within ±150 ms, each reference beat at most once, and scores classes by the AAMI mapping', () => {
    // fs 100 Hz → tolerance 15 samples. Reference: N at 100, L (→ N) at 200, V at 300, '+' (not a beat) at 350,
    // A (→ S) at 400, Q-class '/' at 600 (paced, → Q), a beat at 900 nobody detects.
    const ann = {
      samples: Int32Array.of(100, 200, 300, 350, 400, 600, 900),
      symbols: ['N', 'L', 'V', '+', 'A', '/', 'N'],
    };
    const predicted = [
      beat(104, 'N'), // N ✓
      beat(110, 'N'), // second beat near 100: 100 is taken, 200 is too far → extra
      beat(214, 'V'), // L (N) predicted V ✗
      beat(286, 'V'), // V ✓ (14 samples early)
      beat(450, 'S'), // 50 samples from A: no match → extra; A missed
      beat(600, 'N'), // '/' is Q: wrong
    ];
    const r = scoreAgainstReference(predicted, ann, 100, ['N', 'S', 'V', 'F', 'Q'], 'aami5');
    assert.deepEqual(
      r.beats.map((b) => `${b.symbol}${b.class}`),
      ['NN', 'LN', 'VV', 'AS', '/Q', 'NN'],
    );
    assert.deepEqual(r.match, [0, -1, 1, 2, -1, 4]);
    assert.equal(r.extra, 2);
    assert.equal(r.missed, 2); // A at 400 and N at 900
    assert.equal(r.scored, 4);
    assert.equal(r.correct, 2);
    assert.equal(r.accuracy, 0.5);
    assert.equal(r.confusion.N.V, 1);
    assert.equal(r.confusion.Q.N, 1);
    assert.equal(r.confusion.V.V, 1);
  });

  it('leaves out of the score reference beats outside a label set (mitbih5 has no F)', () => {
    const r = scoreAgainstReference(
      [beat(10, 'N'), beat(50, 'V')],
      { samples: Int32Array.of(10, 50), symbols: ['N', 'F'] },
      360,
      ['N', 'A', 'V', 'L', 'R'],
      'mitbih5',
    );
    assert.deepEqual(r.match, [0, 1]);
    assert.equal(r.beats[1].class, null);
    assert.equal(r.scored, 1);
    assert.equal(r.accuracy, 1);
  });
});
