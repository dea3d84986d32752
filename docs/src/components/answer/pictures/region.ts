/**
 * Geometry of the `region` picture: half-planes a1·x1 + a2·x2 + c ≥ 0 as
 * segments in the drawn box, the inside direction, hatch marks, and the
 * polygons of the input.
 */
import { isMatrix, isNumbers, isRecord } from './format';
import { type Box, boxAround, clampAspect, clipLine, type Frame } from './plane';

/** A half-plane of the answer. */
export interface HalfPlane {
  weights: [number, number];
  bias: number;
  text: string;
  /** Indices of the polygons with an edge on its line (all polygons when the answer does not say). */
  polygons?: number[];
}

/** The half-planes of a `region` answer value, or undefined. */
export function toHalfPlanes(value: unknown): HalfPlane[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const planes: HalfPlane[] = [];
  for (const h of value) {
    if (!isRecord(h) || !isNumbers(h.weights) || h.weights.length !== 2 || typeof h.bias !== 'number') return undefined;
    planes.push({
      weights: [h.weights[0]!, h.weights[1]!],
      bias: h.bias,
      text: typeof h.text === 'string' ? h.text : '',
      ...(Array.isArray(h.polygons) && h.polygons.every((k) => Number.isInteger(k)) ? { polygons: h.polygons } : {}),
    });
  }
  return planes;
}

/** The input's polygons (lists of [x1, x2] vertices), or []. */
export function polygonsOf(input: Record<string, unknown>): [number, number][][] {
  const p = input.polygons;
  if (!Array.isArray(p)) return [];
  return p.filter((poly) => isMatrix(poly) && poly.every((v) => v.length === 2)) as [number, number][][];
}

/** The box drawn: the polygons with 25% around them (or the box of the lines' closest points to the origin), aspect kept within 0.6–1.2. */
export function regionBox(polygons: readonly [number, number][][], planes: readonly HalfPlane[]): Box {
  const pts: [number, number][] = polygons.flat();
  if (pts.length === 0) {
    for (const {
      weights: [a1, a2],
      bias,
    } of planes) {
      const n2 = a1 * a1 + a2 * a2;
      if (n2 > 0) pts.push([(-bias * a1) / n2, (-bias * a2) / n2]);
    }
  }
  return clampAspect(boxAround(pts.length ? pts : [[0, 0]], 0.25));
}

/**
 * The polygon edges lying on the half-plane's line (both ends within 1e-9 of
 * it, relative to the coordinates' size), overlapping ones merged: the
 * stretches of the line that bound the polygons, in data coordinates.
 */
export function edgesOnLine(
  h: HalfPlane,
  polygons: readonly [number, number][][],
): [[number, number], [number, number]][] {
  const [a1, a2] = h.weights;
  const norm = Math.hypot(a1, a2);
  if (norm === 0) return [];
  // Positions along the line's direction d = (−a2, a1) / |a|, from its point closest to the origin.
  const d: [number, number] = [-a2 / norm, a1 / norm];
  const o: [number, number] = [(-h.bias * a1) / (norm * norm), (-h.bias * a2) / (norm * norm)];
  const along = (p: readonly [number, number]) => (p[0] - o[0]) * d[0] + (p[1] - o[1]) * d[1];
  const spans: [number, number][] = [];
  (h.polygons ?? polygons.map((_, k) => k)).forEach((k) => {
    const poly = polygons[k];
    if (!poly) return;
    const size = Math.max(1, ...poly.flat().map(Math.abs));
    const on = (p: [number, number]) => Math.abs(a1 * p[0] + a2 * p[1] + h.bias) / norm <= 1e-9 * size;
    poly.forEach((p, i) => {
      const q = poly[(i + 1) % poly.length]!;
      if (on(p) && on(q)) spans.push([Math.min(along(p), along(q)), Math.max(along(p), along(q))]);
    });
  });
  // Edges of several polygons on one line overlap: merge them so each stretch is drawn (and hatched) once.
  spans.sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const sp of spans) {
    const last = merged.at(-1);
    if (last && sp[0] <= last[1]) last[1] = Math.max(last[1], sp[1]);
    else merged.push([...sp]);
  }
  const at = (t: number): [number, number] => [o[0] + d[0] * t + 0, o[1] + d[1] * t + 0]; // + 0: no −0
  return merged.map(([t0, t1]) => [at(t0), at(t1)]);
}

/** A half-plane's line across the frame, its edges, inside normal and hatches, in SVG units. */
export interface PlaneMarks {
  /** The whole line across the frame. */
  line: [[number, number], [number, number]];
  /** The stretches that are polygon edges (the whole line when there are none). */
  edges: [[number, number], [number, number]][];
  /** Unit vector pointing into the half-plane, in SVG coordinates (x2 up means SVG y down). */
  normal: [number, number];
  /** Short ticks on the inside side of the edges: [x1, y1, x2, y2] in SVG units. */
  hatches: [number, number, number, number][];
}

/**
 * The line a1·x1 + a2·x2 + c = 0 in the frame, with hatches every `gap` SVG
 * units along its polygon edges on the side where a1·x1 + a2·x2 + c > 0.
 */
export function planeMarks(
  h: HalfPlane,
  f: Frame,
  polygons: readonly [number, number][][] = [],
  gap = 14,
  length = 7,
): PlaneMarks | undefined {
  const seg = clipLine(h.weights[0], h.weights[1], h.bias, f.box);
  if (!seg) return undefined;
  const svg = (p: readonly [number, number]): [number, number] => [f.sx(p[0]), f.sy(p[1])];
  const kx = f.width / (f.box.x1 - f.box.x0);
  const ky = f.height / (f.box.y1 - f.box.y0);
  // A step (u, v) in SVG units is (u / kx, −v / ky) in data units and changes a1·x1 + a2·x2 by
  // a1·u / kx − a2·v / ky: steepest along (a1 / kx, −a2 / ky).
  const nx = h.weights[0] / kx;
  const ny = -h.weights[1] / ky;
  const norm = Math.hypot(nx, ny);
  const normal: [number, number] = [nx / norm, ny / norm];
  const line: [[number, number], [number, number]] = [svg(seg[0]), svg(seg[1])];
  const found = edgesOnLine(h, polygons).map(([p, q]) => [svg(p), svg(q)] as [[number, number], [number, number]]);
  const edges = found.length > 0 ? found : [line];
  const hatches: [number, number, number, number][] = [];
  for (const [a, b] of edges) {
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    const count = Math.max(1, Math.round(len / gap));
    for (let i = 0; i < count; i++) {
      const t = (i + 0.5) / count;
      const x = a[0] + (b[0] - a[0]) * t;
      const y = a[1] + (b[1] - a[1]) * t;
      hatches.push([x, y, x + normal[0] * length, y + normal[1] * length]);
    }
  }
  return { line, edges, normal, hatches };
}

/** A label's box in SVG units: centre x, baseline-ish centre y, width, height. */
export interface LabelBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

const overlaps = (a: LabelBox, b: LabelBox) =>
  Math.abs(a.x - b.x) * 2 < a.w + b.w && Math.abs(a.y - b.y) * 2 < a.h + b.h;

/**
 * Candidate spots for a half-plane's label, best first: beside the middle of
 * its longest edge on the outside (the inside is shaded and named), then on the
 * inside, then at a quarter and three quarters of the edge; each far enough
 * from the line that a label `width` wide clears it.
 */
export function labelSpots(m: PlaneMarks, width: number, gap = 6): [number, number][] {
  const [a, b] = m.edges.reduce((best, e) =>
    Math.hypot(e[1][0] - e[0][0], e[1][1] - e[0][1]) > Math.hypot(best[1][0] - best[0][0], best[1][1] - best[0][1])
      ? e
      : best,
  );
  const [nx, ny] = m.normal;
  const away = gap + (Math.abs(nx) * width) / 2 + Math.abs(ny) * 7;
  return [0.5, 0.25, 0.75].flatMap((t) =>
    [-1, 1].map((side): [number, number] => [
      a[0] + (b[0] - a[0]) * t + side * nx * away,
      a[1] + (b[1] - a[1]) * t + side * ny * away,
    ]),
  );
}

/**
 * Places labels one after the other at their first candidate spot that lies
 * inside `within` (when given: the plot, away from the axes' tick labels) and
 * overlaps no label placed before nor a `taken` box; failing that, the first
 * spot that overlaps nothing, then the first spot.
 */
export function placeLabels(
  candidates: readonly { spots: [number, number][]; w: number }[],
  taken: LabelBox[] = [],
  within?: { left: number; top: number; width: number; height: number },
) {
  const placed: LabelBox[] = [...taken];
  const inside = (b: LabelBox) =>
    !within ||
    (b.x - b.w / 2 >= within.left &&
      b.x + b.w / 2 <= within.left + within.width &&
      b.y - b.h / 2 >= within.top &&
      b.y + b.h / 2 <= within.top + within.height);
  return candidates.map(({ spots, w }) => {
    const boxes = spots.map(([x, y]) => ({ x, y, w: w + 4, h: 14 }));
    const free = (b: LabelBox) => !placed.some((p) => overlaps(b, p));
    const box = boxes.find((b) => free(b) && inside(b)) ?? boxes.find(free) ?? boxes[0]!;
    placed.push(box);
    return { x: box.x, y: box.y, w };
  });
}
