import { strict as assert } from 'assert';
import { EcgInputError } from '../../lib/common';
import { prChart, rocChart, type VlSpec } from '../../lib/viz';
import { createRng } from '../../lib/common';
import { precisionRecallCurve, rocCurve, stepAveragePrecision } from '../../lib/evaluation';
import { expectClose } from '../helpers';

type Rows = { curve: string; i: number; x: number; y: number }[];
const curveRows = (spec: VlSpec): Rows => {
  const layers = spec.layer as { data: { values: Rows }; encoding: Record<string, unknown> }[];
  return layers[layers.length - 1].data.values;
};

describe('viz/rocChart and prChart', () => {
  it('names each ROC curve with its AUC (given, else by trapezoids) and draws the chance diagonal', () => {
    const spec = rocChart([
      { label: 'N', fpr: [0, 0.5, 1], tpr: [0, 1, 1] },
      { label: 'V', fpr: [0, 1], tpr: [0, 1], auc: 0.987 },
    ]);
    const names = [...new Set(curveRows(spec).map((r) => r.curve))];
    assert.deepEqual(names, ['N (AUC 0.750)', 'V (AUC 0.987)']);
    const chance = (spec.layer as { data: { values: unknown } }[])[0].data.values;
    assert.deepEqual(chance, [
      { x: 0, y: 0 },
      { x: 1, y: 1 },
    ]);
  });

  it('names each PR curve with its AP and orders the points by recall for the step line', () => {
    const spec = prChart([{ label: 'V', recall: [1, 0.5, 0.5], precision: [2 / 3, 0.5, 1] }]);
    const rows = curveRows(spec);
    assert.equal(rows[0].curve, 'V (AP 0.833)');
    assert.deepEqual(
      rows.map((r) => [r.x, r.y]),
      [
        [0.5, 1],
        [0.5, 0.5],
        [1, 0.66667],
      ],
    );
    assert.deepEqual(
      rows.map((r) => r.i),
      [0, 1, 2],
    );
  });

  it('thins a 100 000-point ROC curve to at most 500 points and keeps both ends', () => {
    const n = 100_000;
    const fpr = Float64Array.from({ length: n }, (_, i) => i / (n - 1));
    const tpr = fpr.map((f) => Math.sqrt(f));
    const rows = curveRows(rocChart([{ label: 'N', fpr, tpr }]));
    assert.ok(rows.length <= 500, `${rows.length} points`);
    assert.deepEqual([rows[0].x, rows[0].y], [0, 0]);
    assert.deepEqual([rows[rows.length - 1].x, rows[rows.length - 1].y], [1, 1]);
  });

  it('takes lib/evaluation curves as they are, and thins PR steps without changing their area', () => {
    const rng = createRng(3);
    // 400 beats, scores on a coarse grid so there are ties and flat stretches to thin.
    const positive = Array.from({ length: 400 }, () => rng.next() < 0.3);
    const scores = positive.map((p) => Math.round((p ? 0.3 : 0) * 10 + rng.next() * 10) / 10);
    const pr = precisionRecallCurve(positive, scores);
    const roc = rocCurve(positive, scores);
    const prSpec = prChart([{ label: 'V', ...pr }]);
    const rows = curveRows(prSpec);
    assert.equal(rows[0].curve, `V (AP ${(pr.averagePrecision as number).toFixed(3)})`);
    // The area under the drawn steps is the average precision (up to the 5-decimal rounding).
    expectClose(
      stepAveragePrecision(
        rows.map((r) => r.x),
        rows.map((r) => r.y),
      ),
      pr.averagePrecision as number,
      1e-4,
      'AP of drawn steps',
    );
    assert.equal(curveRows(rocChart([{ label: 'V', ...roc }]))[0].curve, `V (AUC ${(roc.auc as number).toFixed(3)})`);
  });

  it('drops exactly the PR points the step drawing does not need (hand example)', () => {
    // Steps over (xₖ₋₁, xₖ] at yₖ. (0.2, 1) has the same value as the next interval; (0.4, 0.7)
    // and (0.4, 0.6) are stops inside the vertical drop at recall 0.4 from 0.8 to 0.6.
    const spec = prChart([
      { label: 'V', recall: [0.1, 0.2, 0.3, 0.4, 0.4, 0.4, 0.5, 0.6], precision: [1, 1, 1, 0.8, 0.7, 0.6, 0.6, 0.5] },
    ]);
    assert.deepEqual(
      curveRows(spec).map((r) => [r.x, r.y]),
      [
        [0.1, 1],
        [0.3, 1],
        [0.4, 0.8],
        [0.5, 0.6],
        [0.6, 0.5],
      ],
    );
  });

  it("shows 'n/a' for an area lib/evaluation could not define (null)", () => {
    assert.equal(curveRows(rocChart([{ label: 'Q', fpr: [0, 1], tpr: [0, 1], auc: null }]))[0].curve, 'Q (AUC n/a)');
  });

  it('rejects curves with coordinate arrays of different length', () => {
    assert.throws(
      () => rocChart([{ label: 'N', fpr: [0, 1], tpr: [0] }]),
      (e: unknown) => e instanceof EcgInputError && /class N/.test(e.message),
    );
    assert.throws(() => prChart([]), EcgInputError);
  });
});
