import { strict as assert } from 'assert';
import { readStudyPreset, studyTableRows, type StudyRunResult } from '../../lib/train';

// Two runs' results reduced to what the table reads.
const run = (models: Record<string, Record<string, number | null>>, epochs = 4) =>
  ({
    models: Object.fromEntries(Object.entries(models).map(([k, metrics]) => [k, { metrics, epochsRun: epochs }])),
  }) as unknown as StudyRunResult;

describe('train/study-table', () => {
  it('puts the published figures beside ours and the honest-minus-ours gap, computed by hand', () => {
    const p = readStudyPreset('study-cnn-bilstm'); // headline accuracy, f1, rocAuc; published 0.914, 0.89, 0.93
    const own = run({ 'CNN-BiLSTM': { accuracy: 0.9, f1: 0.8, rocAuc: 0.95 } });
    const honest = run({ 'CNN-BiLSTM': { accuracy: 0.6, f1: 0.45, rocAuc: null } });
    const [row] = studyTableRows(p, own, honest);
    assert.equal(row.published, 'acc 0.914 · F1 0.89 · AUROC 0.93');
    assert.equal(row.ours, 'acc 0.900 · F1 0.800 · AUROC 0.950');
    // 0.6 − 0.9 = −0.300; 0.45 − 0.8 = −0.350; no honest AUROC → n/a
    assert.equal(row.gap, 'acc −0.300 · F1 −0.350 · AUROC n/a');
    assert.equal(row.epochs, '4/50 · 4/50');
    assert.equal(row.why, p.explain);
  });

  it('invents no published figure: a study without figures reads "none published", one row per model', () => {
    const p = readStudyPreset('study-normal-abnormal');
    const m = { accuracy: 0.9, f1: 0.7, rocAuc: 0.8 };
    const rows = studyTableRows(p, run({ '1-D CNN': m, 'CNN+LSTM': m }), run({ '1-D CNN': m, 'CNN+LSTM': m }));
    assert.deepEqual(
      rows.map((r) => [r.model, r.published, r.gap]),
      [
        ['1-D CNN', 'none published', 'acc +0.000 · F1 +0.000 · AUROC +0.000'],
        ['CNN+LSTM', 'none published', 'acc +0.000 · F1 +0.000 · AUROC +0.000'],
      ],
    );
    assert.ok(rows[0].values.every((v) => v.published === null));
  });
});
