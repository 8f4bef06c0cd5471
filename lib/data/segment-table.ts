import { columnFrame, type DataFrame } from '../common';
import type { D1namoSegments } from './d1namo-segments';

/**
 * One row per labelled 10-s segment of {@link segmentD1namoCohort} as a danfo.js DataFrame:
 * `subject`, `start` (first sample, 'yyyy-mm-dd HH:MM:SS' on the files' wall clock),
 * `glucoseMmolL` (CGM interpolated at the segment) and `label` (`classes[y]`, 'normo' or 'hypo').
 *
 * @example segmentTable(segmentD1namoCohort(dir)).groupby(['subject', 'label']).count()
 */
export function segmentTable(
  seg: Pick<D1namoSegments, 'n' | 'subject' | 'startTime' | 'glucoseMmolL' | 'y'>,
  classes: readonly string[] = ['normo', 'hypo'],
): DataFrame {
  return columnFrame({
    subject: seg.subject,
    start: seg.startTime.map((t) => new Date(t).toISOString().slice(0, 19).replace('T', ' ')),
    glucoseMmolL: seg.glucoseMmolL,
    label: Array.from(seg.y, (k) => classes[k]),
  });
}
