import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evalNetwork, solveAs } from './logic.test-util.js';
import type { RegionMlpAnswer } from './region-mlp.js';

const run = (input: unknown) => solveAs<RegionMlpAnswer>('logic/region-mlp', input);

/** Convex hull (Andrew's monotone chain), counter-clockwise, without collinear points. */
function hull(points: [number, number][]): [number, number][] {
  const p = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const cross = (o: number[], a: number[], b: number[]) =>
    ((a[0] as number) - (o[0] as number)) * ((b[1] as number) - (o[1] as number)) -
    ((a[1] as number) - (o[1] as number)) * ((b[0] as number) - (o[0] as number));
  const half = (list: [number, number][]) => {
    const out: [number, number][] = [];
    for (const q of list) {
      while (out.length >= 2 && cross(out[out.length - 2] as number[], out[out.length - 1] as number[], q) <= 0)
        out.pop();
      out.push(q);
    }
    return out.slice(0, -1);
  };
  return [...half(p), ...half([...p].reverse())];
}

/** Membership by the triangle fan from vertex 0, with barycentric signs (independent of the edge half-planes). */
function inConvex(poly: [number, number][], q: [number, number]): boolean {
  const [a] = poly as [[number, number]];
  for (let i = 1; i + 1 < poly.length; i++) {
    const b = poly[i] as [number, number];
    const c = poly[i + 1] as [number, number];
    const det = (b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1]);
    const u = ((q[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (q[1] - a[1])) / det;
    const v = ((b[0] - a[0]) * (q[1] - a[1]) - (q[0] - a[0]) * (b[1] - a[1])) / det;
    if (u >= -1e-12 && v >= -1e-12 && u + v <= 1 + 1e-12) return true;
  }
  return false;
}

const point = fc.tuple(fc.integer({ min: -20, max: 20 }), fc.integer({ min: -20, max: 20 }));

describe('logic/region-mlp properties', () => {
  it('random rectangles: the network fires exactly on the closed rectangle', () => {
    fc.assert(
      fc.property(
        point,
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 10 }),
        fc.array(point, { maxLength: 30 }),
        ([x, y], w, h, probes) => {
          const { answer } = run({
            polygons: [
              [
                [x, y],
                [x + w, y],
                [x + w, y + h],
                [x, y + h],
              ],
            ],
          });
          expect(answer.hiddenUnits).toBe(4);
          for (const [px, py] of probes) {
            const inside = px >= x && px <= x + w && py >= y && py <= y + h;
            expect(
              evalNetwork(
                answer.layers,
                [px / 2, py / 2].map((v) => v * 2),
                '>=0',
                false,
              ),
            ).toBe(inside ? 1 : 0);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('unions of random convex hulls: the network agrees with a triangle-fan membership test at random points', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(point, { minLength: 3, maxLength: 8 }), { minLength: 1, maxLength: 3 }),
        fc.array(
          fc.tuple(fc.double({ min: -25, max: 25, noNaN: true }), fc.double({ min: -25, max: 25, noNaN: true })),
          {
            maxLength: 40,
          },
        ),
        (clouds, probes) => {
          const polys = clouds.map(hull).filter((p) => p.length >= 3);
          fc.pre(polys.length > 0);
          const { answer } = run({ polygons: polys });
          expect(answer.verified).toBe(true);
          const edges = polys.reduce((s, p) => s + p.length, 0);
          expect(answer.hiddenUnits).toBeLessThanOrEqual(edges);
          for (const q of probes) {
            const inside = polys.some((p) => inConvex(p, q as [number, number]));
            // Skip points within 1e-9 of a boundary line, where float rounding decides.
            const z = answer.halfPlanes.map((h) => h.weights[0] * q[0] + h.weights[1] * q[1] + h.bias);
            fc.pre(z.every((v) => Math.abs(v) > 1e-9));
            expect(evalNetwork(answer.layers, q, '>=0', false)).toBe(inside ? 1 : 0);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('bipolar and binary networks of the same polygons classify the same grid points (independent evaluation)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(point, { minLength: 3, maxLength: 6 }), { minLength: 1, maxLength: 3 }),
        (clouds) => {
          const polys = clouds.map(hull).filter((p) => p.length >= 3);
          fc.pre(polys.length > 0);
          const binary = run({ polygons: polys }).answer;
          const bipolar = run({ polygons: polys, encoding: 'bipolar' }).answer;
          expect(bipolar.verified).toBe(true);
          for (let x = -21; x <= 21; x += 1.5) {
            for (let y = -21; y <= 21; y += 1.5) {
              const inBinary = evalNetwork(binary.layers, [x, y], '>=0', false) === 1;
              expect(evalNetwork(bipolar.layers, [x, y], '>=0', true)).toBe(inBinary ? 1 : -1);
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('with weights from {−10, 0, 10} and biases multiples of 10, rectangles keep their region and every value is allowed', () => {
    const biasDomain = Array.from({ length: 201 }, (_, i) => 10 * i - 1000);
    fc.assert(
      fc.property(
        point,
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 10 }),
        fc.constantFrom('binary' as const, 'bipolar' as const),
        ([x, y], w, h, encoding) => {
          const polygons = [
            [
              [x, y],
              [x + w, y],
              [x + w, y + h],
              [x, y + h],
            ],
          ];
          const { answer } = run({ polygons, encoding, weightDomain: [-10, 0, 10], biasDomain });
          expect(answer.verified).toBe(true);
          for (const layer of answer.layers) {
            expect(layer.weights.flat().every((v) => [-10, 0, 10].includes(v))).toBe(true);
            expect(layer.bias.every((b) => biasDomain.includes(b))).toBe(true);
          }
          for (let px = x - 2; px <= x + w + 2; px += 0.5) {
            for (let py = y - 2; py <= y + h + 2; py += 0.5) {
              const inside = px >= x && px <= x + w && py >= y && py <= y + h;
              expect(evalNetwork(answer.layers, [px, py], '>=0', encoding === 'bipolar')).toBe(
                inside ? 1 : encoding === 'bipolar' ? -1 : 0,
              );
            }
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('a convex polygon with two neighbouring corners swapped is called self-intersecting, never zero area', () => {
    // In a convex polygon v0 v1 v2 v3 …, the order v0 v2 v1 v3 … walks both diagonals of the convex
    // quadrilateral v0 v1 v2 v3, and diagonals of a convex quadrilateral cross.
    fc.assert(
      fc.property(
        fc
          .array(point, { minLength: 4, maxLength: 12 })
          .map(hull)
          .filter((h) => h.length >= 4),
        fc.nat(),
        (poly, shift) => {
          const m = poly.length;
          const rotated = poly.map((_, i) => poly[(i + shift) % m] as [number, number]);
          const swapped = [rotated[0], rotated[2], rotated[1], ...rotated.slice(3)];
          expect(() => run({ polygons: [swapped] })).toThrow(/polygons\[0\]: is self-intersecting/);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('vertices on one line are called zero area, whatever their order', () => {
    fc.assert(
      fc.property(
        point,
        point.filter(([dx, dy]) => dx !== 0 || dy !== 0),
        fc.uniqueArray(fc.integer({ min: -10, max: 10 }), { minLength: 3, maxLength: 6 }),
        ([x, y], [dx, dy], ts) => {
          const line = ts.map((t) => [x + t * dx, y + t * dy]);
          expect(() => run({ polygons: [line] })).toThrow(/polygons\[0\]: has zero area/);
        },
      ),
      { numRuns: 100 },
    );
  });
});
