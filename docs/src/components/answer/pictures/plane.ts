/**
 * Geometry of pictures in the plane: the drawn box, a function sampled on a
 * grid of nodes, rows merged into runs, lines clipped to the box, and the
 * mapping from data to SVG coordinates with equal or free scales.
 */

/** A box of the plane: x1 from x0 to x1, x2 from y0 to y1. */
export interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/**
 * The plane a boolean network is drawn on: [−0.5, 1.5]² for binary inputs,
 * [−1.5, 1.5]² for bipolar (the corners with half a unit around them).
 */
export function booleanBox(encoding: 'binary' | 'bipolar'): Box {
  return encoding === 'bipolar' ? { x0: -1.5, x1: 1.5, y0: -1.5, y1: 1.5 } : { x0: -0.5, x1: 1.5, y0: -0.5, y1: 1.5 };
}

/** The bounding box of points, grown by `margin` × its size on each side (at least 1 when the points coincide). */
export function boxAround(points: readonly (readonly number[])[], margin = 0.15): Box {
  const xs = points.map((p) => p[0] as number);
  const ys = points.map((p) => p[1] as number);
  let [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const w = x1 - x0 || Math.max(1, Math.abs(x0));
  const h = y1 - y0 || Math.max(1, Math.abs(y0));
  [x0, x1] = x1 > x0 ? [x0 - w * margin, x1 + w * margin] : [x0 - w / 2, x1 + w / 2];
  [y0, y1] = y1 > y0 ? [y0 - h * margin, y1 + h * margin] : [y0 - h / 2, y1 + h / 2];
  return { x0, x1, y0, y1 };
}

/**
 * Widens the shorter side of a box around its centre so that height/width
 * stays within [minRatio, maxRatio]: a picture with equal scales is then
 * neither a sliver nor a tower.
 */
export function clampAspect(b: Box, minRatio = 0.6, maxRatio = 1.2): Box {
  const w = b.x1 - b.x0;
  const h = b.y1 - b.y0;
  if (h < w * minRatio) {
    const c = (b.y0 + b.y1) / 2;
    return { ...b, y0: c - (w * minRatio) / 2, y1: c + (w * minRatio) / 2 };
  }
  if (h > w * maxRatio) {
    const c = (b.x0 + b.x1) / 2;
    return { ...b, x0: c - h / maxRatio / 2, x1: c + h / maxRatio / 2 };
  }
  return b;
}

/**
 * `n + 1` sample positions from lo to hi: lo + i·(hi − lo)/n. With lo, hi
 * and n chosen so the step is a power of two (−0.5…1.5 in 64 steps of 1/32),
 * every sample is exact in floating point and the truth-table corners and the
 * line x1 = x2 fall exactly on samples: a boundary of zero width is drawn.
 */
export function samples(lo: number, hi: number, n: number): number[] {
  const step = (hi - lo) / n;
  return Array.from({ length: n + 1 }, (_, i) => lo + i * step);
}

/** f on every node of the grid: rows from the top (largest x2) down, columns left to right. */
export function gridValues(f: (x: number, y: number) => number, xs: readonly number[], ys: readonly number[]) {
  return [...ys].reverse().map((y) => xs.map((x) => f(x, y)));
}

/** A row as runs of equal values: `[1, 1, 0]` → `[{ start: 0, length: 2, value: 1 }, { start: 2, length: 1, value: 0 }]`. */
export function rowRuns(row: readonly number[]): { start: number; length: number; value: number }[] {
  const runs: { start: number; length: number; value: number }[] = [];
  row.forEach((value, i) => {
    const last = runs.at(-1);
    if (last && Object.is(last.value, value)) last.length++;
    else runs.push({ start: i, length: 1, value });
  });
  return runs;
}

/**
 * The segment of the line w1·x1 + w2·x2 + b = 0 inside the box, or undefined
 * when it misses the box (or w1 = w2 = 0). Ends ordered by increasing x1
 * (then x2).
 */
export function clipLine(
  w1: number,
  w2: number,
  b: number,
  box: Box,
): [[number, number], [number, number]] | undefined {
  if (w1 === 0 && w2 === 0) return undefined;
  const pts: [number, number][] = [];
  const add = (x: number, y: number) => {
    const eps = 1e-9 * (Math.abs(box.x1 - box.x0) + Math.abs(box.y1 - box.y0));
    if (x < box.x0 - eps || x > box.x1 + eps || y < box.y0 - eps || y > box.y1 + eps) return;
    if (pts.some((p) => Math.abs(p[0] - x) <= eps && Math.abs(p[1] - y) <= eps)) return;
    pts.push([x + 0, y + 0]); // + 0 turns −0 into 0
  };
  if (w2 !== 0) {
    add(box.x0, -(w1 * box.x0 + b) / w2);
    add(box.x1, -(w1 * box.x1 + b) / w2);
  }
  if (w1 !== 0) {
    add(-(w2 * box.y0 + b) / w1, box.y0);
    add(-(w2 * box.y1 + b) / w1, box.y1);
  }
  if (pts.length < 2) return undefined;
  pts.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  return [pts[0]!, pts.at(-1)!];
}

/**
 * The distinct lines w1·x1 + w2·x2 + b = 0 of some units, each with the units
 * on it (lines equal up to a non-zero factor, of either sign, are one line);
 * units with w1 = w2 = 0 have no line.
 */
export function distinctLines(weights: readonly (readonly number[])[], bias: readonly number[]) {
  const lines: { w: [number, number]; b: number; units: number[] }[] = [];
  weights.forEach((row, k) => {
    const [w1, w2, b] = [row[0] ?? 0, row[1] ?? 0, bias[k] ?? 0];
    if (w1 === 0 && w2 === 0) return;
    const same = lines.find((l) => {
      const scale = l.w[0] !== 0 ? w1 / l.w[0] : w2 / l.w[1];
      const close = (a: number, c: number) => Math.abs(a - c) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(c));
      return scale !== 0 && close(l.w[0] * scale, w1) && close(l.w[1] * scale, w2) && close(l.b * scale, b);
    });
    if (same) same.units.push(k);
    else lines.push({ w: [w1, w2], b, units: [k] });
  });
  return lines;
}

/** Maps data coordinates to SVG coordinates inside a plot rectangle (x2 upwards). */
export interface Frame {
  box: Box;
  /** The plot rectangle in SVG units. */
  left: number;
  top: number;
  width: number;
  height: number;
  sx(x: number): number;
  sy(y: number): number;
}

/**
 * A frame for `box` in a plot rectangle `width` wide: with `equal` scales
 * the height follows the box's aspect ratio, else it is `height`.
 */
export function frame(
  box: Box,
  width: number,
  options: { equal?: boolean; height?: number; left?: number; top?: number } = {},
): Frame {
  const left = options.left ?? 0;
  const top = options.top ?? 0;
  const height = options.equal ? (width * (box.y1 - box.y0)) / (box.x1 - box.x0) : (options.height ?? width);
  return {
    box,
    left,
    top,
    width,
    height,
    sx: (x) => left + ((x - box.x0) / (box.x1 - box.x0)) * width,
    sy: (y) => top + ((box.y1 - y) / (box.y1 - box.y0)) * height,
  };
}
