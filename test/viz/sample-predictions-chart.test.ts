import { strict as assert } from 'assert';
import { EcgInputError } from '../../lib/common';
import { predictionTitle, samplePredictionsChart } from '../../lib/viz';

describe('viz/samplePredictionsChart', () => {
  const preds = [
    { beat: [0, 1, 0], trueLabel: 'N', predictedLabel: 'N', confidence: 0.987 },
    { beat: [0, -1, 0], trueLabel: 'V', predictedLabel: 'N', confidence: 0.614 },
  ];

  it('titles each panel with true and predicted class and the confidence to 2 decimals', () => {
    assert.equal(predictionTitle(preds[1], 1), '2. true V · pred N (0.61)');
    const spec = samplePredictionsChart(preds);
    assert.deepEqual((spec.facet as { sort: string[] }).sort, [
      '1. true N · pred N (0.99)',
      '2. true V · pred N (0.61)',
    ]);
  });

  it('marks right and wrong predictions and puts time from the R peak on x', () => {
    // 360 Hz, R at index 1: x = (j − 1) · 1000/360 ms = −2.778, 0, 2.778.
    const rows = (samplePredictionsChart(preds, { fsHz: 360 }).data as { values: Record<string, unknown>[] }).values;
    assert.deepEqual(
      rows.map((r) => r.outcome),
      ['correct', 'correct', 'correct', 'wrong', 'wrong', 'wrong'],
    );
    assert.deepEqual(
      rows.slice(0, 3).map((r) => r.x),
      [-2.778, 0, 2.778],
    );
    assert.deepEqual(
      rows.slice(3).map((r) => r.y),
      [0, -1, 0],
    );
  });

  it('rejects a confidence outside 0…1', () => {
    assert.throws(
      () => samplePredictionsChart([{ ...preds[0], confidence: 1.5 }]),
      (e: unknown) => e instanceof EcgInputError && /prediction 0/.test(e.message),
    );
  });
});
