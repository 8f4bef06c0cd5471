import { strict as assert } from 'assert';
import { EcgInputError } from '../../lib/common';
import { confusionCells, confusionMatrixChart } from '../../lib/viz';

describe('viz/confusionMatrixChart', () => {
  const input = {
    labels: ['N', 'S', 'Q'],
    matrix: [
      [8, 1, 1],
      [2, 6, 0],
      [0, 0, 0],
    ],
  };

  it('row-normalises by the true-class totals (values by hand), with "–" for an empty row', () => {
    // Row N: total 10 → 8/10, 1/10, 1/10. Row S: total 8 → 2/8, 6/8, 0/8. Row Q: total 0.
    const cells = confusionCells(input, 'row');
    assert.deepEqual(
      cells.map((c) => c.value),
      [0.8, 0.1, 0.1, 0.25, 0.75, 0, null, null, null],
    );
    assert.deepEqual(
      cells.map((c) => c.text),
      ['0.80', '0.10', '0.10', '0.25', '0.75', '0.00', '–', '–', '–'],
    );
    assert.deepEqual(
      cells.slice(0, 2).map((c) => [c.true, c.predicted, c.count]),
      [
        ['N', 'N', 8],
        ['N', 'S', 1],
      ],
    );
  });

  it('labels count cells with the counts, thousands separated', () => {
    const cells = confusionCells({
      labels: ['N', 'V'],
      matrix: [
        [12345, 6],
        [7, 890],
      ],
    });
    assert.deepEqual(
      cells.map((c) => c.text),
      ['12,345', '6', '7', '890'],
    );
    assert.deepEqual(
      cells.map((c) => c.value),
      [12345, 6, 7, 890],
    );
  });

  it("titles the axes 'true' (rows) and 'predicted' (columns) in the label order given", () => {
    const spec = confusionMatrixChart(input, { normalize: 'row' });
    const rect = (spec.layer as { encoding: Record<string, { title?: string; sort?: string[]; scale?: unknown }> }[])[0]
      .encoding;
    assert.equal(rect.y.title, 'true');
    assert.equal(rect.x.title, 'predicted');
    assert.deepEqual(rect.x.sort, ['N', 'S', 'Q']);
    assert.deepEqual(rect.color.scale, { scheme: 'blues', domain: [0, 1] });
    assert.equal((spec.title as { text: string }).text, 'Confusion matrix (row-normalised)');
  });

  it('rejects a matrix that is not square with one row per label, or has a negative count', () => {
    assert.throws(
      () => confusionCells({ labels: ['N', 'V'], matrix: [[1, 2]] }),
      (e: unknown) => e instanceof EcgInputError && /1 rows for 2 labels/.test(e.message),
    );
    assert.throws(
      () => confusionCells({ labels: ['N', 'V'], matrix: [[1, 2], [3]] }),
      (e: unknown) => e instanceof EcgInputError && /matrix row 1/.test(e.message),
    );
    assert.throws(
      () =>
        confusionCells({
          labels: ['N', 'V'],
          matrix: [
            [1, -2],
            [3, 4],
          ],
        }),
      (e: unknown) => e instanceof EcgInputError && /matrix\[0\]\[1\]/.test(e.message),
    );
  });
});
