/**
 * Reduces a curve to at most `maxPoints` points for plotting and JSON: first drops points that lie
 * on a straight segment between their neighbours (exact, as sklearn's drop_intermediate), then, if
 * still too many, keeps evenly spaced indices plus both ends. NaN points are dropped.
 *
 * @example thinCurve([0, 0.5, 1], [0, 0.5, 1], 10) // => { x: [0, 1], y: [0, 1] }
 */
export function thinCurve(x: ArrayLike<number>, y: ArrayLike<number>, maxPoints: number): { x: number[]; y: number[] } {
  const px: number[] = [];
  const py: number[] = [];
  for (let i = 0; i < x.length; i++) {
    if (Number.isNaN(x[i]) || Number.isNaN(y[i])) continue;
    const k = px.length;
    // Collinear with the last two kept points: replace the middle one.
    if (
      k >= 2 &&
      Math.abs((px[k - 1] - px[k - 2]) * (y[i] - py[k - 2]) - (py[k - 1] - py[k - 2]) * (x[i] - px[k - 2])) < 1e-12
    ) {
      px[k - 1] = x[i];
      py[k - 1] = y[i];
    } else {
      px.push(x[i]);
      py.push(y[i]);
    }
  }
  if (px.length <= maxPoints) return { x: px, y: py };
  const ox: number[] = [];
  const oy: number[] = [];
  for (let j = 0; j < maxPoints; j++) {
    const i = Math.round((j * (px.length - 1)) / (maxPoints - 1));
    ox.push(px[i]);
    oy.push(py[i]);
  }
  return { x: ox, y: oy };
}
