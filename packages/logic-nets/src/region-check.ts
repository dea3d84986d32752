/**
 * Ground truth for logic/region-mlp's verification: is a point inside a union
 * of polygons (ray casting, even–odd), or too close to an edge to tell?
 * Edges are precomputed once; the exact point-to-segment distance is only
 * computed for points inside an edge's box widened by a safe margin, so each
 * answer is the one the plain per-edge test gives.
 */

import type { Encoding } from './boolean-function.js';
import { type Layer, networkOutput } from './network.js';

/** A point [x1, x2]. */
export type Point = [number, number];

/** Distance from point (px, py) to segment a–b. */
function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

/**
 * The ray-casting test along one row y, for ascending abscissae xs: piecewise constant in the index, so that a
 * caller can test one point per piece.
 */
export interface RowOracle {
  /** The even–odd answer at xs[i], nearness to an edge ignored. */
  inside(i: number): boolean;
  /** Ascending distinct indices i where (xs[i], y) is within tol of an edge: no answer there. */
  undecided: ArrayLike<number>;
}

/** Ray-casting ground truth for a union of polygons; `undefined` within `tol` of any edge (where rounding decides). */
export interface UnionOracle {
  /** The test at one point. */
  at(x: number, y: number): boolean | undefined;
  /**
   * The same test at every (xs[i], y) for ascending xs, as a {@link RowOracle}, and pushed onto `changes` the
   * indices i (0 < i < xs.length, unsorted, may repeat) where the even–odd answer may differ from the one at
   * i − 1. Each crossing abscissa is computed once, and the exact distance only for the points inside an edge's
   * widened box; every answer is that of `at`. The result is one object of the oracle, valid until the next call.
   */
  row(y: number, xs: readonly number[], changes: number[]): RowOracle;
}

// The binary searches below take their bound as an argument rather than calling a predicate closure per
// probe, and checkGrid sorts its few piece ends without a comparator: calls were most of checkGrid's time
// before TurboFan, which a batch worker reaches only after about half its region lines (checkGrid per call
// on the batch's three regions, interpreted / baseline / optimized: 0.83 / 0.50 / 0.083 → 0.63 / 0.40 / 0.043 ms).

/** The first index i of ascending xs where xs[i] is not below `bound` (NaN is not below), or xs.length. */
function firstReaching(xs: readonly number[], bound: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (!((xs[mid] as number) < bound)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The first index i of ascending xs where xs[i] > bound, or xs.length. */
function firstPassing(xs: readonly number[], bound: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((xs[mid] as number) > bound) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The first column k in [0, n) where `sums[from + k] + term + bias ≥ 0` differs from column 0 (the sum is
 * monotone in k), or n: where a first-layer unit switches along a row.
 */
function switchIndex(sums: Float64Array, from: number, n: number, term: number, bias: number): number {
  const start = (sums[from] as number) + term + bias >= 0;
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sums[from + mid] as number) + term + bias >= 0 !== start) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Sorts a short array of numbers ascending in place (insertion sort: no comparator call per comparison). */
function sortShort(a: number[]): void {
  for (let i = 1; i < a.length; i++) {
    const v = a[i] as number;
    let j = i - 1;
    for (; j >= 0 && (a[j] as number) > v; j--) a[j + 1] = a[j] as number;
    a[j + 1] = v;
  }
}

const NONE: readonly number[] = [];

/** The {@link UnionOracle} of fixed polygons. */
export function unionOracle(polys: readonly (readonly Point[])[], tol: number): UnionOracle {
  const edgeCount = polys.reduce((n, p) => n + p.length, 0);
  // Per edge (a = vertex i, b = vertex i − 1): a, b, and the box around it that any point within tol must be in.
  const e = new Float64Array(8 * edgeCount);
  const ends = new Int32Array(polys.length);
  let largest = 0;
  for (const poly of polys) for (const [x, y] of poly) largest = Math.max(largest, Math.abs(x), Math.abs(y));
  // Rounding in the distance is far below 1e-12 of the largest coordinate; below ~1e-250 the box is not trusted.
  const margin = largest > 1e-250 ? 2 * tol + 1e-12 * largest : Number.POSITIVE_INFINITY;
  let n = 0;
  polys.forEach((poly, k) => {
    for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
      const [ax, ay] = poly[i] as Point;
      const [bx, by] = poly[j] as Point;
      e.set(
        [
          ax,
          ay,
          bx,
          by,
          Math.min(ax, bx) - margin,
          Math.max(ax, bx) + margin,
          Math.min(ay, by) - margin,
          Math.max(ay, by) + margin,
        ],
        8 * n++,
      );
    }
    ends[k] = n;
  });
  /** Within tol of edge o (8 × its index), the box test first. */
  const near = (o: number, px: number, py: number) =>
    !(
      px < (e[o + 4] as number) ||
      px > (e[o + 5] as number) ||
      py < (e[o + 6] as number) ||
      py > (e[o + 7] as number)
    ) && segmentDistance(px, py, e[o] as number, e[o + 1] as number, e[o + 2] as number, e[o + 3] as number) <= tol;
  /** The even–odd crossing test of the rightward ray from (px, py) with edge o. */
  const crosses = (o: number, px: number, py: number) => {
    const ax = e[o] as number;
    const ay = e[o + 1] as number;
    const bx = e[o + 2] as number;
    const by = e[o + 3] as number;
    return ay > py !== by > py && px < ((bx - ax) * (py - ay)) / (by - ay) + ax;
  };
  const straddles = new Uint8Array(edgeCount);
  const crossAt = new Float64Array(edgeCount);
  let rowXs: readonly number[] = [];
  /** The row last asked for (straddles, crossAt, rowXs). */
  const view: RowOracle = {
    undecided: NONE,
    inside(i) {
      const px = rowXs[i] as number;
      let any = false;
      for (let k = 0, m = 0; k < ends.length; k++) {
        let odd = false;
        for (const end = ends[k] as number; m < end; m++)
          if (straddles[m] === 1 && px < (crossAt[m] as number)) odd = !odd;
        any ||= odd;
      }
      return any;
    },
  };
  return {
    at(px, py) {
      for (let o = 0; o < 8 * edgeCount; o += 8) if (near(o, px, py)) return undefined;
      let inside = false;
      for (let k = 0, o = 0; k < ends.length; k++) {
        let odd = false;
        for (const end = 8 * (ends[k] as number); o < end; o += 8) if (crosses(o, px, py)) odd = !odd;
        inside ||= odd;
      }
      return inside;
    },
    row(py, xs, changes) {
      const n = xs.length;
      let near: number[] | undefined;
      for (let m = 0; m < edgeCount; m++) {
        const o = 8 * m;
        const ax = e[o] as number;
        const ay = e[o + 1] as number;
        const bx = e[o + 2] as number;
        const by = e[o + 3] as number;
        straddles[m] = ay > py !== by > py ? 1 : 0;
        if (straddles[m] === 1) {
          // The same expression as the point test, so the same crossing abscissa; px < it is true, then false.
          const bound = ((bx - ax) * (py - ay)) / (by - ay) + ax;
          crossAt[m] = bound;
          const i = firstReaching(xs, bound);
          if (i > 0 && i < n) changes.push(i);
        }
        if (py < (e[o + 6] as number) || py > (e[o + 7] as number)) continue;
        // The box test of near() in x holds on one run of ascending xs; the distance decides inside it.
        const end = firstPassing(xs, e[o + 5] as number);
        for (let i = firstReaching(xs, e[o + 4] as number); i < end; i++) {
          // Not `> tol`: a zero-length edge's distance is NaN, which near() never counts.
          if (!(segmentDistance(xs[i] as number, py, ax, ay, bx, by) <= tol)) continue;
          near ??= [];
          near.push(i);
        }
      }
      rowXs = xs;
      // Most rows pass near no edge: no sorting then.
      view.undecided = near ? [...new Set(near)].sort((i, j) => i - j) : NONE;
      return view;
    },
  };
}

/**
 * Checks a network of step units (fires at ≥ 0, outputs 1 and 0, or −1 when bipolar; first layer on
 * the two coordinates) against the oracle on every grid point (gridX ascending), ungraded points
 * skipped. The first layer's sums are assembled from per-column and per-row
 * products in the order runNetwork's dot product adds them, so each unit fires
 * exactly as there. Along a row each such sum is monotone in x (w₀·x and every
 * later addition round monotonically), so a unit switches at most once: a binary
 * search finds where. Between those switches and the oracle's changes nothing
 * changes, so the network (the later layers are a function of the first layer's
 * outputs) and the oracle run once per piece, and every point of the piece
 * counts alike — the counts the point-by-point test gives, in far fewer steps.
 */
export function checkGrid(
  layers: readonly Layer[],
  gridX: readonly number[],
  gridY: readonly number[],
  oracle: UnionOracle,
  encoding: Encoding = 'binary',
): { checked: number; mismatches: number } {
  const [first, ...rest] = layers as [Layer, ...Layer[]];
  const units = first.bias.length;
  const nx = gridX.length;
  const later = networkOutput(rest, '>=0', encoding);
  const off = encoding === 'bipolar' ? -1 : 0;
  // 0 + w₀·x, as the dot product starts (columns[h·nx + i] for unit h at gridX[i]); w₁ per unit.
  const columns = new Float64Array(units * nx);
  const w1 = new Float64Array(units);
  const flat = new Uint8Array(units);
  for (let h = 0; h < units; h++) {
    const w = first.weights[h] as number[];
    const w0 = w[0] as number;
    for (let i = 0; i < nx; i++) columns[h * nx + i] = 0 + w0 * (gridX[i] as number);
    w1[h] = w[1] as number;
    flat[h] = w0 === 0 ? 1 : 0; // 0 + 0·x is 0 at every column: no switch
  }
  const bias = Float64Array.from(first.bias);
  const rowTerm = new Float64Array(units);
  const hidden = new Float64Array(units);
  const pieces: number[] = [];
  let checked = 0;
  let mismatches = 0;
  for (let j = 0; j < gridY.length; j++) {
    const py = gridY[j] as number;
    for (let h = 0; h < units; h++) rowTerm[h] = (w1[h] as number) * py;
    pieces.length = 0;
    pieces.push(0, nx);
    const truth = oracle.row(py, gridX, pieces);
    for (let h = 0; h < units; h++) {
      if (flat[h] === 1) continue;
      const i = switchIndex(columns, h * nx, nx, rowTerm[h] as number, bias[h] as number);
      if (i < nx) pieces.push(i);
    }
    sortShort(pieces);
    const undecided = truth.undecided;
    for (let p = 1, u = 0; p < pieces.length; p++) {
      const from = pieces[p - 1] as number;
      const to = pieces[p] as number;
      if (from === to) continue;
      let graded = to - from;
      for (; u < undecided.length && (undecided[u] as number) < to; u++) graded--;
      if (graded === 0) continue;
      for (let h = 0; h < units; h++) {
        hidden[h] = (columns[h * nx + from] as number) + (rowTerm[h] as number) + (bias[h] as number) >= 0 ? 1 : off;
      }
      checked += graded;
      if ((later(hidden) === 1) !== truth.inside(from)) mismatches += graded;
    }
  }
  return { checked, mismatches };
}
