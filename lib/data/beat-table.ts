/**
 * A beat dataset's metadata as a table: one row per beat with its record, R-peak sample, MIT-BIH
 * symbol, AAMI class and RR features — what a pandas user groups and describes before training.
 */
import * as path from 'path';
import { columnFrame, EcgInputError, type DataFrame, type FrameColumn } from '../common';
import { aamiClass, isBeat, readAnnotations } from '../io';
import { RR_COLUMNS } from './beat-recipe';
import type { BeatDataset } from './beat-dataset';

/** Options of {@link beatTable}. */
export interface BeatTableOptions {
  /** Where the records' .atr files are (default: the folder the dataset was read from, `ds.source.dir`). */
  annotationsDir?: string;
}

/**
 * One row per beat of a dataset: `record`, `sample` (R peak, at the record's own rate), `symbol`
 * (the MIT-BIH beat mnemonic, read back from the record's .atr file), `aami` (its AAMI EC57
 * class), `label` (the dataset's class name, only when its label set is not AAMI's five classes)
 * and the RR features in seconds (`preRrSec`, `postRrSec`, `localRrSec`, `averageRrSec`).
 *
 * @example beatTable(readBeatDataset({ dir: 'data/mitdb', records: ['100'] })).groupby(['aami']).count()
 * @throws EcgInputError naming the annotation file and sample when a beat has no beat annotation there
 */
export function beatTable(
  ds: Pick<BeatDataset, 'n' | 'record' | 'sample' | 'rr' | 'y' | 'classes' | 'source'>,
  options: BeatTableOptions = {},
): DataFrame {
  const dir = options.annotationsDir ?? ds.source.dir;
  const symbolAt = new Map<string, Map<number, string>>();
  const symbol = new Array<string>(ds.n);
  for (let i = 0; i < ds.n; i++) {
    const rec = ds.record[i];
    let bySample = symbolAt.get(rec);
    if (!bySample) {
      const ann = readAnnotations(path.join(dir, rec), 'atr');
      bySample = new Map();
      for (let k = 0; k < ann.samples.length; k++) if (isBeat(ann.symbols[k])) bySample.set(ann.samples[k], ann.symbols[k]);
      symbolAt.set(rec, bySample);
    }
    const s = bySample.get(ds.sample[i]);
    if (s === undefined)
      throw new EcgInputError(
        `no beat annotation at sample ${ds.sample[i]}`,
        { file: path.join(dir, `${rec}.atr`), at: `beat ${i}` },
        'the annotations the dataset was cut from (options.annotationsDir)',
      );
    symbol[i] = s;
  }
  const columns: Record<string, FrameColumn> = {
    record: ds.record,
    sample: ds.sample,
    symbol,
    aami: symbol.map((s) => aamiClass(s) ?? 'none'),
  };
  if (ds.source.labels !== 'aami5') columns.label = Array.from(ds.y, (k) => ds.classes[k]);
  RR_COLUMNS.forEach((name, j) => {
    columns[name] = Float32Array.from({ length: ds.n }, (_, i) => ds.rr[i * RR_COLUMNS.length + j]);
  });
  return columnFrame(columns);
}
