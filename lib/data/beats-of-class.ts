/**
 * Up to `max` rows of class `k` from an n × length row-major dataset, evenly spaced over the
 * class's rows so that a gallery shows beats from every record rather than the first record only.
 *
 * @example beatsOfClass({ x: new Float32Array([1, 2, 3, 4]), length: 2, y: new Int32Array([0, 1]) }, 1, 10) // => [Float32Array [3, 4]]
 */
export function beatsOfClass(ds: { x: Float32Array; length: number; y: ArrayLike<number> }, k: number, max: number): Float32Array[] {
  const rows: number[] = [];
  for (let i = 0; i < ds.y.length; i++) if (ds.y[i] === k) rows.push(i);
  const count = Math.min(max, rows.length);
  const out: Float32Array[] = [];
  for (let m = 0; m < count; m++) {
    const i = rows[Math.floor((m * rows.length) / count)];
    out.push(ds.x.subarray(i * ds.length, (i + 1) * ds.length));
  }
  return out;
}
