import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Encoding } from './boolean-function.js';
import { type Layer, runNetwork } from './network.js';
import { checkGrid, type Point, unionOracle } from './region-check.js';

/** Convex polygons (any vertex list of ≥ 3 points: the oracle does not need convexity). */
const polygon = fc.array(
  fc.tuple(fc.integer({ min: -8, max: 8 }), fc.integer({ min: -8, max: 8 })).map(([x, y]): Point => [x / 2, y / 2]),
  { minLength: 3, maxLength: 6 },
);
/** Weights that put grid points exactly on a unit's boundary (small halves) as well as generic ones. */
const weight = fc.oneof(
  fc.integer({ min: -4, max: 4 }).map((v) => v / 2),
  fc.double({ min: -3, max: 3, noNaN: true }),
);
/** A random network on (x1, x2): its first layer need not match the polygons, so mismatches occur. */
const network = fc.integer({ min: 1, max: 5 }).chain((units) =>
  fc.tuple(
    fc.record({
      weights: fc.array(fc.tuple(weight, weight), { minLength: units, maxLength: units }),
      bias: fc.array(weight, { minLength: units, maxLength: units }),
    }),
    fc.record({
      weights: fc.array(weight, { minLength: units, maxLength: units }).map((w) => [w]),
      bias: fc.array(weight, { minLength: 1, maxLength: 1 }),
    }),
  ),
);
/** An ascending grid with repeated abscissae now and then. */
const grid = fc
  .array(fc.integer({ min: -20, max: 20 }), { minLength: 1, maxLength: 30 })
  .map((v) => v.map((k) => k / 4).sort((a, b) => a - b));

describe('checkGrid and the row oracle', () => {
  it('count the points and mismatches of the plain point-by-point test (oracle.at, runNetwork)', () => {
    fc.assert(
      fc.property(
        fc.array(polygon, { minLength: 1, maxLength: 3 }),
        network,
        grid,
        grid,
        fc.constantFrom<Encoding>('binary', 'bipolar'),
        fc.constantFrom(0, 1e-9, 0.3),
        (polys, [first, second], gridX, gridY, encoding, tol) => {
          const layers: Layer[] = [
            { weights: first.weights.map((w) => [...w]), bias: first.bias },
            { weights: second.weights, bias: second.bias },
          ];
          const oracle = unionOracle(polys, tol);
          let checked = 0;
          let mismatches = 0;
          for (const y of gridY) {
            for (const x of gridX) {
              const truth = oracle.at(x, y);
              if (truth === undefined) continue;
              checked++;
              const out = runNetwork(layers, [x, y], '>=0', encoding).at(-1)?.[0];
              if ((out === 1) !== truth) mismatches++;
            }
          }
          expect(checkGrid(layers, gridX, gridY, oracle, encoding)).toEqual({ checked, mismatches });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('row(y, xs) answers at every xs[i] what at(xs[i], y) answers', () => {
    fc.assert(
      fc.property(
        fc.array(polygon, { minLength: 1, maxLength: 3 }),
        grid,
        fc.integer({ min: -20, max: 20 }),
        fc.constantFrom(0, 1e-9, 0.3),
        (polys, xs, y4, tol) => {
          const oracle = unionOracle(polys, tol);
          const y = y4 / 4;
          const changes: number[] = [];
          const row = oracle.row(y, xs, changes);
          const undecided = Array.from(row.undecided);
          expect(undecided).toEqual([...new Set(undecided)].sort((i, j) => i - j));
          const fromRow = xs.map((_, i) => (undecided.includes(i) ? undefined : row.inside(i)));
          expect(fromRow).toEqual(xs.map((x) => oracle.at(x, y)));
          // Between two listed changes the even–odd answer stays the same.
          xs.forEach((_, i) => {
            if (i > 0 && !changes.includes(i)) expect(row.inside(i)).toBe(row.inside(i - 1));
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
