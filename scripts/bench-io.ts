/**
 * Benchmark of the WFDB reader: milliseconds per record for `readRecord` (header, whole signal
 * file, digital and physical values, checksums) and `readAnnotations`, over every record of the
 * data folder, next to a plain numpy decode of format 212 (np.fromfile + bit masks, Debian's
 * /usr/bin/python3; Debian has no python3-wfdb package to compare with).
 *
 * Usage: npm run bench:io [-- <data dir>] [--repeats N]     (default: mitdbDir(), 3 repeats)
 * Prints the best of N runs per record; a benchmark, not a test.
 */
import { execFileSync } from 'child_process';
import * as path from 'path';
import { median, mitdbDir } from '../lib/common';
import { listRecords, readAnnotations, readRecord } from '../lib/io';

const NUMPY_212 = `
import sys, time, json, os
import numpy as np
d, repeats, recs = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
best = {}
for _ in range(repeats):
    for r in recs:
        t = time.perf_counter()
        lines = [l.split() for l in open(os.path.join(d, r + '.hea')) if l.strip() and not l.startswith('#')]
        sigs = lines[1:1 + int(lines[0][1])]
        gain = np.array([float(s[2].split('(')[0].split('/')[0]) for s in sigs], np.float32)
        base = np.array([int(s[4]) for s in sigs], np.float32)
        b = np.fromfile(os.path.join(d, sigs[0][0]), dtype=np.uint8)
        b = b[: len(b) // 3 * 3].reshape(-1, 3).astype(np.int32)
        x = np.empty(2 * len(b), np.int32)
        x[0::2] = b[:, 0] | ((b[:, 1] & 0x0F) << 8)
        x[1::2] = b[:, 2] | ((b[:, 1] & 0xF0) << 4)
        x[x > 2047] -= 4096
        dig = x.reshape(-1, len(sigs))
        mv = (dig - base) / gain
        ms = (time.perf_counter() - t) * 1000
        best[r] = min(best.get(r, 1e9), ms)
print(json.dumps(best))
`;

function main(): void {
  const args = process.argv.slice(2);
  const ri = args.indexOf('--repeats');
  const repeats = ri >= 0 ? Number(args[ri + 1]) : 3;
  const dir = args.find((a, i) => !a.startsWith('--') && (ri < 0 || i !== ri + 1)) ?? mitdbDir();
  const records = listRecords(dir);
  const rec = (r: string) => path.join(dir, r);
  readRecord(rec(records[0])); // warm-up: JIT-compile the decoder before timing
  const best: Record<
    string,
    { record: number; annotations: number; samples: number; signals: number; format: number }
  > = {};
  for (let k = 0; k < repeats; k++) {
    for (const r of records) {
      let t = process.hrtime.bigint();
      const x = readRecord(rec(r));
      const recordMs = Number(process.hrtime.bigint() - t) / 1e6;
      t = process.hrtime.bigint();
      readAnnotations(rec(r));
      const annMs = Number(process.hrtime.bigint() - t) / 1e6;
      const prev = best[r];
      best[r] = {
        record: Math.min(prev?.record ?? Infinity, recordMs),
        annotations: Math.min(prev?.annotations ?? Infinity, annMs),
        samples: x.nSamples,
        signals: x.signals.length,
        format: x.signals[0]?.format ?? 0,
      };
    }
  }
  let numpy: Record<string, number> | undefined;
  let numpyNote = '';
  const only212 = records.filter((r) => best[r].format === 212);
  try {
    numpy = JSON.parse(
      execFileSync('/usr/bin/python3', ['-c', NUMPY_212, dir, String(repeats), ...only212], { encoding: 'utf8' }),
    );
  } catch (e) {
    numpyNote = `numpy comparison skipped: ${(e as Error).message.split('\n')[0]}`;
  }
  console.log(
    `WFDB read benchmark: ${records.length} records in ${dir}, best of ${repeats} runs each (node ${process.version})`,
  );
  console.log('record  frames   signals  readRecord ms  readAnnotations ms  numpy-212 ms');
  for (const r of records) {
    const b = best[r];
    const np = numpy?.[r];
    console.log(
      `${r.padEnd(7)} ${String(b.samples).padStart(7)}  ${String(b.signals).padStart(7)}  ${b.record.toFixed(2).padStart(13)}  ${b.annotations.toFixed(2).padStart(18)}  ${np === undefined ? '-' : np.toFixed(2).padStart(12)}`,
    );
  }
  const recMs = records.map((r) => best[r].record);
  const annMs = records.map((r) => best[r].annotations);
  console.log(
    `\nreadRecord: median ${median(recMs).toFixed(2)} ms, max ${Math.max(...recMs).toFixed(2)} ms per record (target < 50 ms for 650,000 two-signal frames)`,
  );
  console.log(`readAnnotations: median ${median(annMs).toFixed(2)} ms per record`);
  if (numpy) {
    const npMs = only212.map((r) => numpy![r]);
    const ours = only212.map((r) => best[r].record);
    console.log(
      `numpy fromfile 212 decode (header + digital + physical, no checksums): median ${median(npMs).toFixed(2)} ms per record`,
    );
    console.log(
      `ratio readRecord / numpy: ${(median(ours) / median(npMs)).toFixed(2)} (medians over ${only212.length} format-212 records)`,
    );
  } else console.log(numpyNote);
}

main();
