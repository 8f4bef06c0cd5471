import { strict as assert } from 'assert';
import {
  annotationCode,
  annotationDescription,
  annotationSymbol,
  ACMAX,
  AUX,
  CHAN,
  NUM,
  RHYTHM,
  SKIP,
  SUB,
} from '../../lib/io/annotation-codes';

// Reference: ecgcodes.h of the WFDB library and the MIT annotation format (WFDB Programmer's Guide,
// "annot(5)"): codes 1..49, pseudo-codes SKIP 59, NUM 60, SUB 61, CHAN 62, AUX 63.
describe('io/annotation-codes', () => {
  it('has the full WFDB code table 0..49 and inverts it', () => {
    const expected = ' NLRaVFJASEj/Q~'.split('');
    for (let c = 0; c < expected.length; c++) assert.equal(annotationSymbol(c), expected[c], `code ${c}`);
    assert.deepEqual(
      [16, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41]
        .map(annotationSymbol)
        .join(''),
      '|sT*D"=pB^t+u?![]en@xf()r',
    );
    assert.equal(annotationSymbol(15), '[15]');
    assert.equal(annotationSymbol(49), '[49]');
    for (let c = 0; c <= ACMAX; c++) assert.equal(annotationCode(annotationSymbol(c)), c);
  });

  it("names codes as ecgcodes.h does, and out-of-table codes 'unassigned'", () => {
    assert.equal(annotationDescription(1), 'NORMAL: normal beat');
    assert.equal(annotationDescription(5), 'PVC: premature ventricular contraction');
    assert.equal(annotationDescription(8), 'APC: atrial premature contraction');
    assert.equal(annotationDescription(28), 'RHYTHM: rhythm change');
    assert.equal(annotationDescription(15), 'unassigned');
    assert.equal(annotationDescription(50), 'unassigned');
    assert.equal(annotationDescription(-1), 'unassigned');
  });

  it('prints codes above the table as [code] and reads [code] back only up to 58', () => {
    assert.equal(annotationSymbol(55), '[55]');
    assert.equal(annotationCode('[55]'), 55);
    assert.equal(annotationCode('[58]'), 58);
    assert.equal(annotationCode('[59]'), undefined); // SKIP is a pseudo-code, never an annotation
    assert.equal(annotationCode('Z'), undefined);
    assert.equal(annotationCode('NN'), undefined);
  });

  it('keeps the MIT format pseudo-codes and the rhythm code at their published values', () => {
    assert.deepEqual([ACMAX, SKIP, NUM, SUB, CHAN, AUX], [49, 59, 60, 61, 62, 63]);
    assert.equal(RHYTHM, 28);
    assert.equal(annotationSymbol(RHYTHM), '+');
  });
});
