import { strict as assert } from 'assert';
import { EcgInputError } from '../../lib/common';
import { historyQuantities, historyToLong, trainingHistoryChart, type HistoryRecord } from '../../lib/viz';

describe('viz/trainingHistoryChart', () => {
  const history: HistoryRecord[] = [
    { epoch: 1, loss: 0.9, valLoss: 1.0, accuracy: 0.6, valAccuracy: 0.55 },
    { epoch: 2, loss: 0.5, valLoss: 0.7, accuracy: 0.8, valAccuracy: 0.7 },
    { epoch: 3, loss: 0.3, valLoss: 0.8, accuracy: 0.9, valAccuracy: 0.72 },
  ];

  it('turns per-epoch records into long format with training/validation series per quantity', () => {
    const long = historyToLong(history);
    assert.equal(long.length, 12); // 3 epochs × 2 quantities × 2 splits
    assert.deepEqual(long.slice(0, 4), [
      { epoch: 1, quantity: 'loss', split: 'training', value: 0.9 },
      { epoch: 1, quantity: 'loss', split: 'validation', value: 1.0 },
      { epoch: 1, quantity: 'accuracy', split: 'training', value: 0.6 },
      { epoch: 1, quantity: 'accuracy', split: 'validation', value: 0.55 },
    ]);
    assert.deepEqual([...new Set(long.map((p) => p.split))], ['training', 'validation']);
  });

  it('reads tfjs-style val_ keys, puts loss first and skips missing values', () => {
    const tfjsLike: HistoryRecord[] = [
      { epoch: 0, acc: 0.5, loss: 1, val_loss: 2 },
      { epoch: 1, acc: 0.6, loss: 0.8 },
    ];
    assert.deepEqual(historyQuantities(tfjsLike), ['loss', 'acc']);
    assert.deepEqual(
      historyToLong(tfjsLike).map((p) => `${p.epoch}:${p.quantity}:${p.split}`),
      ['0:loss:training', '0:loss:validation', '0:acc:training', '1:loss:training', '1:acc:training'],
    );
  });

  it('facets by quantity with independent y scales and marks the epoch of lowest validation loss', () => {
    const spec = trainingHistoryChart(history);
    assert.deepEqual(spec.facet, {
      field: 'quantity',
      type: 'nominal',
      title: null,
      sort: ['loss', 'accuracy'],
      header: { labelFontSize: 12, labelFontWeight: 'bold' },
    });
    assert.deepEqual(spec.resolve, { scale: { y: 'independent' } });
    const layer = (spec.spec as { layer: { mark: { type: string }; encoding: { x: { datum?: number } } }[] }).layer;
    // valLoss is 1.0, 0.7, 0.8 → lowest at epoch 2.
    assert.equal(layer[1].mark.type, 'rule');
    assert.equal(layer[1].encoding.x.datum, 2);
    assert.ok((spec.title as { subtitle: string }).subtitle.includes('epoch 2'));
  });

  it('plots quantities measured on validation only (the early-stopping monitor) and skips flags', () => {
    // As runTraining writes it: macro-F1 on validation only, and a boolean flag per improved epoch.
    const run = [
      { epoch: 1, lr: 0.002, loss: 0.3, valLoss: 0.37, valMacroF1: 0.51, best: true },
      { epoch: 2, lr: 0.002, loss: 0.2, valLoss: 0.31, valMacroF1: 0.58, best: false },
    ] as unknown as HistoryRecord[];
    assert.deepEqual(historyQuantities(run), ['loss', 'lr', 'macroF1']);
    assert.deepEqual(
      historyToLong(run)
        .filter((p) => p.quantity === 'macroF1')
        .map((p) => [p.epoch, p.split, p.value]),
      [
        [1, 'validation', 0.51],
        [2, 'validation', 0.58],
      ],
    );
  });

  it('marks the epoch the run kept, with what chose it, instead of the lowest validation loss', () => {
    const spec = trainingHistoryChart(history, { keptEpoch: 3, keptBy: 'best validation macro-F1' });
    const layer = (spec.spec as { layer: { encoding: { x: { datum?: number } } }[] }).layer;
    assert.equal(layer[1].encoding.x.datum, 3);
    assert.ok(
      (spec.title as { subtitle: string }).subtitle.includes('the epoch kept (best validation macro-F1: epoch 3)'),
    );
  });

  it('rejects an empty history and a record without an epoch', () => {
    assert.throws(() => trainingHistoryChart([]), EcgInputError);
    assert.throws(
      () => trainingHistoryChart([{ loss: 1 } as unknown as HistoryRecord]),
      (e: unknown) => e instanceof EcgInputError && /record 0/.test(e.message),
    );
  });
});
