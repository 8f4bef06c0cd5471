import { strict as assert } from 'assert';
import { EcgInputError } from '../../lib/common';

describe('common/errors', () => {
  it('names the file, the place and what was expected', () => {
    const e = new EcgInputError('bad gain', { file: '100.hea', at: 'line 2' }, 'a positive number');
    assert.equal(e.message, '100.hea, line 2: bad gain; expected a positive number');
    assert.equal(e.file, '100.hea');
  });
});
