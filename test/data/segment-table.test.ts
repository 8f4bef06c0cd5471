import { strict as assert } from 'assert';
import { segmentTable } from '../../lib/data';

describe('data/segment-table', () => {
  // Three segments of two subjects, as segmentD1namoCohort lays them out.
  const seg = {
    n: 3,
    subject: ['s1', 's1', 's2'],
    startTime: [Date.UTC(2014, 9, 1, 10, 0, 0), Date.UTC(2014, 9, 1, 10, 0, 10), Date.UTC(2014, 9, 2, 8, 30, 0)],
    glucoseMmolL: Float32Array.from([5.25, 3.5, 3.75]),
    y: Int32Array.from([0, 1, 1]),
  };

  it('has one row per segment: subject, wall-clock start, glucose and class name', () => {
    const t = segmentTable(seg);
    assert.deepEqual(t.columns, ['subject', 'start', 'glucoseMmolL', 'label']);
    assert.deepEqual(t.dtypes, ['string', 'string', 'float32', 'string']);
    assert.deepEqual(t.values, [
      ['s1', '2014-10-01 10:00:00', 5.25, 'normo'],
      ['s1', '2014-10-01 10:00:10', 3.5, 'hypo'],
      ['s2', '2014-10-02 08:30:00', 3.75, 'hypo'],
    ]);
  });

  it('counts segments per subject and class with groupby, as pandas would', () => {
    const g = segmentTable(seg, ['no', 'yes']).groupby(['subject', 'label']).count();
    assert.deepEqual(g.values, [
      ['s1', 'no', 1, 1],
      ['s1', 'yes', 1, 1],
      ['s2', 'yes', 1, 1],
    ]);
  });
});
