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

/** Ray-casting ground truth for a union of polygons; `undefined` within `tol` of any edge (where rounding decides). */
export interface UnionOracle {
  /** The test at one point. */
  at(x: number, y: number): boolean | undefined;
  /** The same test along the row y: edges whose box misses the row are skipped, each crossing abscissa computed once. */
  row(y: number): (x: number) => boolean | undefined;
}

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
  const rowEdges = new Int32Array(edgeCount);
  const straddles = new Uint8Array(edgeCount);
  const crossAt = new Float64Array(edgeCount);
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
    row(py) {
      let reach = 0;
      for (let m = 0; m < edgeCount; m++) {
        const o = 8 * m;
        const ax = e[o] as number;
        const ay = e[o + 1] as number;
        const bx = e[o + 2] as number;
        const by = e[o + 3] as number;
        if (!(py < (e[o + 6] as number) || py > (e[o + 7] as number))) rowEdges[reach++] = o;
        straddles[m] = ay > py !== by > py ? 1 : 0;
        // The same expression as the point test, so the same crossing abscissa.
        if (straddles[m] === 1) crossAt[m] = ((bx - ax) * (py - ay)) / (by - ay) + ax;
      }
      return (px) => {
        for (let r = 0; r < reach; r++) if (near(rowEdges[r] as number, px, py)) return undefined;
        let inside = false;
        for (let k = 0, m = 0; k < ends.length; k++) {
          let odd = false;
          for (const end = ends[k] as number; m < end; m++)
            if (straddles[m] === 1 && px < (crossAt[m] as number)) odd = !odd;
          inside ||= odd;
        }
        return inside;
      };
    },
  };
}

/**
 * Checks a network of step units (fires at ≥ 0, outputs 1 and 0, or −1 when bipolar; first layer on
 * the two coordinates) against the oracle on every grid point, ungraded points
 * skipped. The first layer's sums are assembled from per-column and per-row
 * products in the order runNetwork's dot product adds them, so each unit fires
 * exactly as there; the later layers run compiled, again only when some first-
 * layer output changed from the previous point of the row (they are a function
 * of those outputs alone).
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
  // 0 + w₀·x, as the dot product starts.
  const columns = Float64Array.from({ length: units * nx }, (_, c) => {
    const h = Math.floor(c / nx);
    return 0 + ((first.weights[h] as number[])[0] as number) * (gridX[c % nx] as number);
  });
  const bias = Float64Array.from(first.bias);
  const rowTerm = new Float64Array(units);
  const hidden = new Float64Array(units);
  let checked = 0;
  let mismatches = 0;
  for (const py of gridY) {
    for (let h = 0; h < units; h++) rowTerm[h] = ((first.weights[h] as number[])[1] as number) * py;
    const inside = oracle.row(py);
    let output: number | undefined;
    let fresh = false;
    for (let i = 0; i < nx; i++) {
      const truth = inside(gridX[i] as number);
      if (truth === undefined) continue;
      checked++;
      for (let h = 0, c = i; h < units; h++, c += nx) {
        const fires = (columns[c] as number) + (rowTerm[h] as number) + (bias[h] as number) >= 0 ? 1 : off;
        if (hidden[h] !== fires) {
          hidden[h] = fires;
          fresh = false;
        }
      }
      if (!fresh) {
        output = later(hidden);
        fresh = true;
      }
      if ((output === 1) !== truth) mismatches++;
    }
  }
  return { checked, mismatches };
}
