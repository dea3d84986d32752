/**
 * An optimizer's path over its objective's contours: the path from a
 * trajectory answer (rows whose `params` hold exactly two numbers, as
 * optim/step returns them), the objective sampled on a grid with @dnn/core's
 * parser and evaluator (never `eval`), contour lines from d3-contour.
 */
import { evaluate, parseExpression, variables } from '@dnn/core';
import { contours } from 'd3-contour';
import { isRecord } from './format';
import { type Box, boxAround, type Frame } from './plane';

/** The path of two parameters: their names and one point per row (step 0 first). */
export interface Path2 {
  names: [string, string];
  points: [number, number][];
}

/**
 * The path when every row has `params` with the same two names and finite
 * numbers (the first row's key order names the axes); undefined otherwise.
 */
export function twoParameterPath(rows: unknown): Path2 | undefined {
  if (!Array.isArray(rows) || rows.length === 0) return undefined;
  const first = rows[0];
  if (!isRecord(first) || !isRecord(first.params)) return undefined;
  const names = Object.keys(first.params);
  if (names.length !== 2) return undefined;
  const points: [number, number][] = [];
  for (const r of rows) {
    if (!isRecord(r) || !isRecord(r.params) || Object.keys(r.params).length !== 2) return undefined;
    const [a, b] = [r.params[names[0]!], r.params[names[1]!]];
    if (typeof a !== 'number' || typeof b !== 'number' || !Number.isFinite(a) || !Number.isFinite(b)) return undefined;
    points.push([a, b]);
  }
  return { names: [names[0]!, names[1]!], points };
}

/**
 * The objective as a function of the two parameters, or undefined when the
 * text does not parse or uses any other name.
 */
export function objectiveOf(
  source: unknown,
  names: readonly [string, string],
): ((a: number, b: number) => number) | undefined {
  if (typeof source !== 'string') return undefined;
  let expr: ReturnType<typeof parseExpression>;
  try {
    expr = parseExpression(source, 'objective');
  } catch {
    return undefined;
  }
  if (!variables(expr).every((v) => names.includes(v))) return undefined;
  return (a, b) => {
    try {
      return evaluate(expr, { [names[0]]: a, [names[1]]: b }, 'objective');
    } catch {
      return Number.NaN; // outside the domain (log of a negative, division by zero)
    }
  };
}

/** The box drawn around a path: its bounding box with 30% around it (an axis of zero extent gets ±1, or ±|value|/2). */
export function pathBox(points: readonly [number, number][]): Box {
  return boxAround(points, 0.3);
}

/** f on an n × n grid over the box: `values[i + j·n]` at x = x0 + i·(x1 − x0)/(n − 1), y = y0 + j·(y1 − y0)/(n − 1) (d3-contour's order). */
export function sampleGrid(f: (a: number, b: number) => number, box: Box, n: number): number[] {
  const values: number[] = [];
  for (let j = 0; j < n; j++) {
    const y = box.y0 + (j * (box.y1 - box.y0)) / (n - 1);
    for (let i = 0; i < n; i++) values.push(f(box.x0 + (i * (box.x1 - box.x0)) / (n - 1), y));
  }
  return values;
}

/**
 * `count` contour levels at evenly spaced quantiles of the finite values
 * ((k + ½)/count, so no level sits on the minimum or maximum): a bowl gets
 * rings near its bottom as well as far out, where equal steps would crowd the rim.
 * Repeated levels (plateaus) are dropped.
 */
export function quantileLevels(values: readonly number[], count: number): number[] {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const levels: number[] = [];
  for (let k = 0; k < count; k++) {
    const v = sorted[Math.min(sorted.length - 1, Math.floor(((k + 0.5) / count) * sorted.length))]!;
    if (levels.at(-1) !== v) levels.push(v);
  }
  return levels;
}

/** One contour line of the objective, as an SVG path in the frame. */
export interface ContourPath {
  level: number;
  d: string;
  /** Where its label goes: the rightmost point of the line inside the frame (undefined when none is inside). */
  anchor?: [number, number];
}

/**
 * Contour lines of a sampled grid (see {@link sampleGrid}) in the frame.
 * Non-finite samples count as higher than every level (a hole in the domain is
 * drawn as a peak, not as a valley). d3-contour puts sample (i, j) at (i + ½,
 * j + ½) of its own pixel grid, so a contour point (gx, gy) is at
 * x = x0 + (gx − ½)·(x1 − x0)/(n − 1), likewise y.
 */
export function contourPaths(values: readonly number[], n: number, levels: readonly number[], f: Frame): ContourPath[] {
  const top = Math.max(...values.filter(Number.isFinite), ...levels) + 1;
  const filled = values.map((v) => (Number.isFinite(v) ? v : top));
  const { box } = f;
  const toX = (gx: number) => f.sx(box.x0 + ((gx - 0.5) * (box.x1 - box.x0)) / (n - 1));
  const toY = (gy: number) => f.sy(box.y0 + ((gy - 0.5) * (box.y1 - box.y0)) / (n - 1));
  const inside = (x: number, y: number) =>
    x > f.left + 2 && x < f.left + f.width - 2 && y > f.top + 2 && y < f.top + f.height - 2;
  return contours()
    .size([n, n])
    .thresholds([...levels])(filled)
    .map((mp) => {
      let anchor: [number, number] | undefined;
      const d = mp.coordinates
        .flatMap((polygon) =>
          polygon.map((ring) => {
            const pts = ring.map(([gx, gy]) => [toX(gx!), toY(gy!)] as [number, number]);
            for (const p of pts) if (inside(...p) && (!anchor || p[0] > anchor[0])) anchor = p;
            return `M${pts.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join('L')}Z`;
          }),
        )
        .join('');
      return { level: mp.value, d, ...(anchor ? { anchor } : {}) };
    })
    .filter((c) => c.d.length > 0);
}
