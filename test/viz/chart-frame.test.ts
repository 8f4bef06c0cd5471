import { strict as assert } from 'assert';
import { chartTitle } from '../../lib/viz';

describe('viz/chartTitle', () => {
  it('uses the default title unless one is given, and puts subtitle then note underneath', () => {
    assert.deepEqual(chartTitle('ROC', {}), { text: 'ROC', anchor: 'start' });
    assert.deepEqual(chartTitle('ROC', { title: 'Mine', subtitle: 'DS1 → DS2' }), {
      text: 'Mine',
      anchor: 'start',
      subtitle: 'DS1 → DS2',
    });
    assert.deepEqual(chartTitle('ROC', { subtitle: 'a', note: 'b' }, ['c']).subtitle, ['a', 'b', 'c']);
  });

  it('labels synthetic data visibly: "SYNTHETIC DATA" first in the title, in red', () => {
    assert.deepEqual(chartTitle('ROC', { synthetic: true }), {
      text: 'SYNTHETIC DATA · ROC',
      anchor: 'start',
      color: '#b00020',
    });
    assert.equal(chartTitle('ROC', { synthetic: true, title: '' }).text, 'SYNTHETIC DATA');
  });
});
