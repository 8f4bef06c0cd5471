import type { RecordConfusions } from './record-bootstrap';

/** One test record's row: beats per class, then Se and +P (percent, null where 0/0) per class. */
export type PerRecordRow = Record<string, string | number | null>;

const pct = (num: number, den: number) => (den === 0 ? null : Math.round((1000 * num) / den) / 10);

/**
 * One row per test record from per-record confusion matrices: `record`, `beats`, beats per true
 * class (`N beats` …), and `X Se %` / `X +P %` per class (null where the record has no beat of the
 * class, or none predicted as it). For danfo DataFrames in notebooks and per-record charts.
 *
 * @example perRecordRows(results.perRecord)[0] // => { record: '100', beats: 2271, 'N beats': 2237, …, 'S Se %': 90.6, … }
 */
export function perRecordRows(conf: RecordConfusions): PerRecordRow[] {
  const k = conf.classes.length;
  return conf.records.map((record, r) => {
    const m = conf.matrices[r];
    const row: PerRecordRow = { record, beats: m.flat().reduce((a, b) => a + b, 0) };
    conf.classes.forEach((c, i) => (row[`${c} beats`] = m[i].reduce((a, b) => a + b, 0)));
    conf.classes.forEach((c, i) => {
      const tp = m[i][i];
      let predicted = 0;
      for (let t = 0; t < k; t++) predicted += m[t][i];
      row[`${c} Se %`] = pct(
        tp,
        m[i].reduce((a, b) => a + b, 0),
      );
      row[`${c} +P %`] = pct(tp, predicted);
    });
    return row;
  });
}

/**
 * The `count` records that lose the most beats of class `cls` (false negatives, then false
 * positives): where a reader should look first. Records without the class and without false
 * positives are left out.
 *
 * @example worstRecords(results.perRecord, 'S', 3) // => [{ record: '232', missed: 1020, falseAlarms: 12 }, …]
 */
export function worstRecords(
  conf: RecordConfusions,
  cls: string,
  count: number,
): { record: string; missed: number; falseAlarms: number; beats: number }[] {
  const c = conf.classes.indexOf(cls);
  if (c < 0) throw new RangeError(`worstRecords: class '${cls}' is not one of ${conf.classes.join(' ')}`);
  return conf.records
    .map((record, r) => {
      const m = conf.matrices[r];
      const beats = m[c].reduce((a, b) => a + b, 0);
      let predicted = 0;
      for (let t = 0; t < m.length; t++) predicted += m[t][c];
      return { record, missed: beats - m[c][c], falseAlarms: predicted - m[c][c], beats };
    })
    .filter((x) => x.missed + x.falseAlarms > 0)
    .sort((a, b) => b.missed - a.missed || b.falseAlarms - a.falseAlarms || a.record.localeCompare(b.record))
    .slice(0, count);
}
