import { strict as assert } from 'assert';
import * as path from 'path';
import { readAnnotations } from '../../lib/io';
import { stripAnnotations } from '../../lib/viz';
import { dataDir } from '../helpers';

describe('viz/stripAnnotations', () => {
  it('pairs each annotation sample with its symbol, keeping from ≤ sample < to', () => {
    const ann = { samples: Int32Array.of(18, 77, 370, 720), symbols: ['+', 'N', 'V', 'N'] };
    assert.deepEqual(stripAnnotations(ann), [
      { sample: 18, symbol: '+' },
      { sample: 77, symbol: 'N' },
      { sample: 370, symbol: 'V' },
      { sample: 720, symbol: 'N' },
    ]);
    assert.deepEqual(stripAnnotations(ann, 77, 720), [
      { sample: 77, symbol: 'N' },
      { sample: 370, symbol: 'V' },
    ]);
  });

  it("keeps record 100's first 10 s: its rhythm mark and its beats", () => {
    const ann = readAnnotations(path.join(dataDir(), '100'));
    const marks = stripAnnotations(ann, 0, 3600);
    assert.equal(marks.length, Array.from(ann.samples).filter((s) => s < 3600).length);
    assert.deepEqual(marks[0], { sample: ann.samples[0], symbol: ann.symbols[0] });
  });
});
