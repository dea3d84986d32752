/**
 * Ground truth for logic/region-mlp's verification: is a point inside a union
 * of polygons (ray casting, even–odd), or too close to an edge to tell?
 * Edges are precomputed once; the exact point-to-segment distance is only
 * computed for points inside an edge's box widened by a safe margin, so each
 * answer is the one the plain per-edge test gives.
 */

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
 * Point-in-union test for fixed polygons: `inside(x, y)` is true or false by
 * ray casting, or `undefined` within `tol` of any edge (where rounding decides).
 */
export function unionOracle(
  polys: readonly (readonly Point[])[],
  tol: number,
): (x: number, y: number) => boolean | undefined {
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
  return (px, py) => {
    let inside = false;
    let o = 0;
    for (let k = 0; k < ends.length; k++) {
      let odd = false;
      for (const end = 8 * (ends[k] as number); o < end; o += 8) {
        const ax = e[o] as number;
        const ay = e[o + 1] as number;
        const bx = e[o + 2] as number;
        const by = e[o + 3] as number;
        if (
          !(
            px < (e[o + 4] as number) ||
            px > (e[o + 5] as number) ||
            py < (e[o + 6] as number) ||
            py > (e[o + 7] as number)
          ) &&
          segmentDistance(px, py, ax, ay, bx, by) <= tol
        ) {
          return undefined;
        }
        if (ay > py !== by > py && px < ((bx - ax) * (py - ay)) / (by - ay) + ax) odd = !odd;
      }
      inside ||= odd;
    }
    return inside;
  };
}
