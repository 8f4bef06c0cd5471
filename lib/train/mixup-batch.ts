import type { Rng } from '../common';
import { mixup } from '../data';
import type { Batch } from './beat-arrays';

/**
 * A batch transform applying lib/data's mixup (Zhang et al. 2018) within each training batch:
 * beats, targets, side features and loss weights are all mixed with the same λ and partner.
 *
 * @example trainModel(model, train, val, { ...options, augmentBatch: mixupBatch(0.2) })
 */
export function mixupBatch(alpha: number): (batch: Batch, rng: Rng) => Batch {
  return (batch, rng) => {
    const columns = batch.target.length / batch.rows;
    const width = batch.x.length / batch.rows;
    const m = mixup({ x: batch.x, y: batch.y, n: batch.rows, length: width }, { alpha, seed: rng.seed(), columns });
    const weight = new Float32Array(batch.rows);
    let side: Float32Array | undefined;
    if (batch.side) {
      const f = batch.side.length / batch.rows;
      side = new Float32Array(batch.side.length);
      for (let i = 0; i < batch.rows; i++) {
        const l = m.lambda[i];
        const j = m.partner[i];
        for (let c = 0; c < f; c++) side[i * f + c] = l * batch.side[i * f + c] + (1 - l) * batch.side[j * f + c];
      }
    }
    for (let i = 0; i < batch.rows; i++)
      weight[i] = m.lambda[i] * batch.weight[i] + (1 - m.lambda[i]) * batch.weight[m.partner[i]];
    return { x: m.x, side, target: m.target, weight, y: batch.y, rows: batch.rows };
  };
}
