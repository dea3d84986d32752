/**
 * logic/region-mlp — a union of convex polygons in the plane as a network of
 * step units: one hidden unit per distinct edge half-plane, an AND unit per
 * polygon, an OR unit over the polygons; verified on sample points.
 */
import { a, checkLimit, DnnInputError, defineSolver, eq, fmt, type Step, s, step, vec, words } from '@dnn/core';
import * as z from 'zod/mini';
import { depthField, perceptronsField } from './answer-fields.js';
import { distinct, encodingField } from './boolean-function.js';
import { type Layer, layerOf, networkOutput, unitStep } from './network.js';
import { checkGrid, type Point, unionOracle } from './region-check.js';
import { countingUnit, halfPlaneUnit, type UnitDomains } from './region-units.js';
import type { Unit } from './threshold.js';

const coordinate = z.number().check(z.minimum(-1e9), z.maximum(1e9));

const input = s.object({
  polygons: z
    .array(
      z
        .array(z.tuple([coordinate, coordinate]))
        .check(
          z.minLength(3),
          z.maxLength(100),
          z.describe('A convex polygon: its vertices [x1, x2] in order around it (either direction).'),
        ),
    )
    .check(
      z.minLength(1),
      z.maxLength(50),
      z.describe('Convex polygons whose union is the region; boundary points count as inside.'),
    ),
  encoding: encodingField.check(
    z.describe(
      'Outputs of the step units: binary 1/0 (default) or bipolar +1/−1 (a unit that does not fire outputs −1, as in exams whose step gives 1 or −1). The inputs x1, x2 are coordinates either way.',
    ),
  ),
  weightDomain: z
    .optional(z.array(z.number().check(z.minimum(-1e9), z.maximum(1e9))).check(z.minLength(1), z.maxLength(64)))
    .check(
      z.describe(
        'Allowed weight values of every unit, e.g. [-10, 0, 10]; each half-plane is scaled by a positive factor to fit (the same half-plane). Default: any real.',
      ),
    ),
  biasDomain: z
    .optional(z.array(z.number().check(z.minimum(-1e9), z.maximum(1e9))).check(z.minLength(1), z.maxLength(256)))
    .check(
      z.describe(
        'Allowed bias values, e.g. the multiples of 10 from −100 to 100 (needs weightDomain). Default: any real.',
      ),
    ),
});

/** A half-plane a₁x₁ + a₂x₂ + c ≥ 0 and the polygons whose edges lie on it. */
const halfPlane = a.answer({
  weights: a.field('vector', z.tuple([z.number(), z.number()]), 'Weights', '[a₁, a₂]: the inward normal of the edge.'),
  bias: a.scalar('Bias', 'c in a₁x₁ + a₂x₂ + c ≥ 0.'),
  polygons: a.list(a.count('Polygon'), 'Polygons', 'Indices (from 0) of the polygons with an edge on this line.'),
  text: a.text('Half-plane', 'e.g. `x1 − 4 ≥ 0`.'),
});

const answer = a.answer({
  layers: a.network(
    'Network',
    'Hidden half-plane units, then one AND unit per polygon, then (for several polygons) the OR unit: weights[unit][input], bias[unit]. A unit outputs 1 when w·x + b ≥ 0, else 0 (−1 with bipolar encoding).',
  ),
  fireWhen: z.optional(
    a.text(
      'Fires when',
      'The firing rule of every unit: ">=0", output 1 when w·x + b ≥ 0, so points on the boundary are inside.',
      ['>=0'],
    ),
  ),
  hiddenUnits: a.count('Hidden half-plane units', 'Number of distinct edge half-planes (first-layer units).'),
  verified: a.flag(
    'Verified',
    'True when the network agrees with a point-in-polygon test on every sample point (a grid, and points just inside and outside each edge).',
  ),
  perceptrons: perceptronsField,
  depth: depthField,
  halfPlanes: a.field(
    'region',
    z.array(halfPlane),
    'Half-planes',
    'The distinct edge half-planes a₁x₁ + a₂x₂ + c ≥ 0, in first-layer order; the region is the union of the polygons, each the intersection of its half-planes.',
  ),
  checkedPoints: a.count('Checked points', 'Sample points on which the network was compared with the polygons.'),
});

/** A half-plane a₁x₁ + a₂x₂ + c ≥ 0 and the polygons whose edges lie on it. */
export type HalfPlane = z.output<typeof halfPlane>;

/** The answer of logic/region-mlp. */
export type RegionMlpAnswer = z.output<typeof answer>;

const cross = (o: Point, a: Point, b: Point) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);

function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y) [x, y] = [y, x % y];
  return x;
}

/** Whether point c, collinear with segment ab, lies on it. */
function onSegment(a: Point, b: Point, c: Point): boolean {
  return (
    Math.min(a[0], b[0]) <= c[0] &&
    c[0] <= Math.max(a[0], b[0]) &&
    Math.min(a[1], b[1]) <= c[1] &&
    c[1] <= Math.max(a[1], b[1])
  );
}

/** Whether segments ab and cd share a point (crossing or touching). */
function segmentsMeet(a: Point, b: Point, c: Point, d: Point): boolean {
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  return (
    (d1 === 0 && onSegment(c, d, a)) ||
    (d2 === 0 && onSegment(c, d, b)) ||
    (d3 === 0 && onSegment(a, b, c)) ||
    (d4 === 0 && onSegment(a, b, d))
  );
}

/** The first pair of non-adjacent edges (by start vertex) that meet, if any. Cost: O(m²) for m ≤ 100 vertices. */
function crossingEdges(poly: readonly Point[]): [number, number] | undefined {
  const m = poly.length;
  for (let i = 0; i < m; i++) {
    for (let j = i + 2; j < m; j++) {
      if (i === 0 && j === m - 1) continue; // the closing edge is adjacent to the first
      const meet = segmentsMeet(
        poly[i] as Point,
        poly[(i + 1) % m] as Point,
        poly[j] as Point,
        poly[(j + 1) % m] as Point,
      );
      if (meet) return [i, j];
    }
  }
  return undefined;
}

/** Checks one polygon (distinct vertices, non-zero area, not self-intersecting, convex) and returns it counter-clockwise. */
function counterClockwise(poly: Point[], k: number): Point[] {
  const m = poly.length;
  poly.forEach((p, i) => {
    const q = poly[(i + 1) % m] as Point;
    if (p[0] === q[0] && p[1] === q[1]) {
      throw new DnnInputError(`polygons[${k}][${(i + 1) % m}]`, `repeats vertex ${i}; list each corner once`);
    }
  });
  const first = poly[0] as Point;
  if (poly.every((p) => cross(first, poly[1] as Point, p) === 0)) {
    throw new DnnInputError(`polygons[${k}]`, 'has zero area (its vertices lie on one line): it is degenerate');
  }
  const crossing = crossingEdges(poly);
  if (crossing) {
    const [i, j] = crossing;
    throw new DnnInputError(
      `polygons[${k}]`,
      `is self-intersecting: edge ${i}–${(i + 1) % m} meets edge ${j}–${(j + 1) % m}; list the corners in order around the boundary`,
    );
  }
  let area = 0;
  poly.forEach((p, i) => {
    area += cross([0, 0], p, poly[(i + 1) % m] as Point);
  });
  const sign = Math.sign(area);
  poly.forEach((_, i) => {
    const a = poly[(i + m - 1) % m] as Point;
    const b = poly[i] as Point;
    const c = poly[(i + 1) % m] as Point;
    const t = cross(a, b, c);
    if (t === 0) {
      throw new DnnInputError(`polygons[${k}][${i}]`, `lies on the line through its neighbours; drop this vertex`);
    }
    if (Math.sign(t) !== sign) {
      throw new DnnInputError(
        `polygons[${k}][${i}]`,
        'is a reflex corner: the polygon is not convex; split it into convex polygons (the region is their union)',
      );
    }
  });
  return sign > 0 ? poly : [...poly].reverse();
}

/** The inside half-plane of edge p→q of a counter-clockwise polygon, in lowest integer terms when possible. */
function edgeHalfPlane(p: Point, q: Point): { a: [number, number]; c: number } {
  let a1 = -(q[1] - p[1]);
  let a2 = q[0] - p[0];
  let c = -(a1 * p[0] + a2 * p[1]);
  if ([a1, a2, c].every(Number.isSafeInteger)) {
    const g = gcd(gcd(a1, a2), c) || 1;
    [a1, a2, c] = [a1 / g, a2 / g, c / g];
  }
  return { a: [a1 + 0, a2 + 0], c: c + 0 };
}

function halfPlaneText(a: [number, number], c: number): string {
  const terms: string[] = [];
  const push = (coef: number, name: string) => {
    if (coef === 0) return;
    const mag = Math.abs(coef) === 1 && name ? '' : fmt(Math.abs(coef));
    const body = name ? `${mag}${mag ? '·' : ''}${name}` : mag;
    terms.push(terms.length === 0 ? `${coef < 0 ? '−' : ''}${body}` : `${coef < 0 ? '− ' : '+ '}${body}`);
  };
  push(a[0], 'x1');
  push(a[1], 'x2');
  push(c, '');
  return `${terms.join(' ')} ≥ 0`;
}

type RegionInput = { weightDomain?: number[] | undefined; biasDomain?: number[] | undefined };

/** The weight and bias domains, checked and sorted. */
function domainsOf(inp: RegionInput): UnitDomains {
  if (inp.biasDomain !== undefined && inp.weightDomain === undefined) {
    throw new DnnInputError(
      'biasDomain',
      'a bias domain needs a weightDomain too (the weights are scaled to fit it first); leave both out for real values',
    );
  }
  return { weights: inp.weightDomain && distinct(inp.weightDomain), bias: inp.biasDomain && distinct(inp.biasDomain) };
}

/**
 * The units: one per half-plane (scaled into the domains), an AND per polygon over its half-planes, and the OR
 * over the polygons when there are several.
 */
function regionUnits(
  planes: readonly HalfPlane[],
  membership: readonly number[][],
  encoding: 'binary' | 'bipolar',
  d: UnitDomains,
): { hidden: Unit[]; ands: Unit[]; or: Unit | null } {
  const hidden = planes.map((p) => halfPlaneUnit(p.weights, p.bias, d, `h${planes.indexOf(p) + 1}: ${p.text}`));
  const ands = membership.map((mine, k) => {
    const m = mine.length;
    const u = countingUnit(m, m, encoding, d, `the AND unit of polygon ${k + 1}`, m < planes.length);
    return { weights: planes.map((_, h) => (mine.includes(h) ? u.weight : 0)), bias: u.bias };
  });
  if (membership.length === 1) return { hidden, ands, or: null };
  const k = membership.length;
  const u = countingUnit(k, 1, encoding, d, 'the OR unit', false);
  return { hidden, ands, or: { weights: membership.map(() => u.weight), bias: u.bias } };
}

/** Notes on the domains: the scaling of the half-planes. */
function domainNotes(inp: RegionInput, planes: readonly HalfPlane[], hidden: readonly Unit[]): string[] {
  if (!inp.weightDomain) return [];
  const scaled = planes.filter(
    (p, h) => (hidden[h]?.weights[0] ?? 0) !== p.weights[0] || (hidden[h]?.weights[1] ?? 0) !== p.weights[1],
  );
  return [
    `Weights from {${distinct(inp.weightDomain).join(', ')}}${inp.biasDomain ? ` and biases from the ${distinct(inp.biasDomain).length} allowed values` : ''}: ${scaled.length > 0 ? 'each half-plane unit is its edge inequality times a positive factor (the same half-plane)' : 'the edge inequalities fit as they are'}; the AND/OR units use the smallest positive allowed weight and the allowed bias closest to the middle of the interval that works.`,
  ];
}

/** logic/region-mlp: union of convex polygons → half-plane, AND and OR step units. */
export const regionMlp = defineSolver({
  id: 'logic/region-mlp',
  title: 'Decision region (union of convex polygons) as a step-unit MLP',
  description:
    'Turns a region of the plane given as a union of convex polygons into a network of step units: one hidden unit per distinct edge half-plane, an AND unit per polygon and an OR unit over the polygons, verified on a grid and just inside and outside every edge.',
  input,
  answer,
  solveParsed(inp) {
    const polys = inp.polygons.map((p, k) => counterClockwise(p as Point[], k));
    const planes: HalfPlane[] = [];
    const keyOf = (a: [number, number], c: number) => {
      const norm = Math.hypot(a[0], a[1]);
      return [a[0] / norm, a[1] / norm, c / norm].map((v) => Math.round(v * 1e9) / 1e9).join(',');
    };
    const index = new Map<string, number>();
    const membership: number[][] = [];
    const steps: Step[] = [];
    polys.forEach((poly, k) => {
      const mine: number[] = [];
      poly.forEach((p, i) => {
        const q = poly[(i + 1) % poly.length] as Point;
        const { a, c } = edgeHalfPlane(p, q);
        const key = keyOf(a, c);
        let h = index.get(key);
        if (h === undefined) {
          h = planes.length;
          index.set(key, h);
          planes.push({ weights: a, bias: c, polygons: [], text: halfPlaneText(a, c) });
        }
        const plane = planes[h] as HalfPlane;
        if (!plane.polygons.includes(k)) plane.polygons.push(k);
        if (!mine.includes(h)) mine.push(h);
        steps.push(
          step(
            `Polygon ${k + 1}, edge (${p.join(', ')}) → (${q.join(', ')}): the inside is the half-plane of unit h${h + 1}`,
            words(plane.text),
          ),
        );
      });
      membership.push(mine);
    });
    const { hidden, ands, or } = regionUnits(planes, membership, inp.encoding, domainsOf(inp));
    const layers: Layer[] = [layerOf(hidden), layerOf(ands)];
    if (or) layers.push(layerOf([or]));
    hidden.forEach((u, h) => {
      steps.push(unitStep(`Hidden unit h${h + 1}: fires on ${planes[h]?.text}`, `h${h + 1}`, u, ['x1', 'x2']));
    });
    const hNames = planes.map((_, h) => `h${h + 1}`);
    ands.forEach((u, k) => {
      steps.push(
        unitStep(
          `Polygon ${k + 1} (AND of its ${membership[k]?.length} half-planes): fires only when all of them fire`,
          `a${k + 1}`,
          u,
          hNames,
        ),
      );
    });
    if (or) {
      steps.push(
        unitStep(
          'Output (OR over the polygons): fires when any polygon unit fires',
          'y',
          or,
          polys.map((_, k) => `a${k + 1}`),
        ),
      );
    }

    // Verification points: a grid over the bounding box with a margin, every vertex, and points just inside/outside each edge.
    const all = polys.flat();
    const xs = all.map((p) => p[0]);
    const ys = all.map((p) => p[1]);
    const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const scale = Math.max(maxX - minX, maxY - minY);
    const margin = 0.1 * scale;
    const G = 60;
    const gridX = Array.from({ length: G + 1 }, (_, i) => minX - margin + ((maxX - minX + 2 * margin) * i) / G);
    const gridY = Array.from({ length: G + 1 }, (_, j) => minY - margin + ((maxY - minY + 2 * margin) * j) / G);
    const delta = 1e-6 * scale;
    // With integer vertices the half-plane sums are exact, so the vertices themselves (on the boundary: inside) are checked too.
    const exact = all.every(
      (p) => Number.isSafeInteger(p[0]) && Number.isSafeInteger(p[1]) && Math.abs(p[0]) + Math.abs(p[1]) < 1e6,
    );
    const boundary: Point[] = exact ? all : [];
    const edges = polys.reduce((sum, p) => sum + p.length, 0);
    const sampled = (G + 1) * (G + 1) + 6 * edges;
    checkLimit(
      'polygons',
      'multiplyAdds',
      (sampled + boundary.length) * (3 * planes.length + polys.length * (planes.length + 1) + 2 * edges),
      'checking the network on its sample points (points × work per point)',
    );
    const tol = 1e-9 * scale;
    const oracle = unionOracle(polys, tol);
    const network = networkOutput(layers, '>=0', inp.encoding);
    const x = new Float64Array(2);
    let { checked, mismatches } = checkGrid(layers, gridX, gridY, oracle, inp.encoding);
    const check = (px: number, py: number, truth: boolean | undefined) => {
      if (truth === undefined) return;
      checked++;
      x[0] = px;
      x[1] = py;
      if ((network(x) === 1) !== truth) mismatches++;
    };
    for (const poly of polys) {
      poly.forEach((p, i) => {
        const q = poly[(i + 1) % poly.length] as Point;
        const len = Math.hypot(q[0] - p[0], q[1] - p[1]);
        const nx = -(q[1] - p[1]) / len;
        const ny = (q[0] - p[0]) / len;
        for (const t of [0.25, 0.5, 0.75]) {
          const mx = p[0] + t * (q[0] - p[0]);
          const my = p[1] + t * (q[1] - p[1]);
          check(mx + delta * nx, my + delta * ny, oracle.at(mx + delta * nx, my + delta * ny));
          check(mx - delta * nx, my - delta * ny, oracle.at(mx - delta * nx, my - delta * ny));
        }
      });
    }
    for (const [px, py] of boundary) check(px, py, true);
    const verified = mismatches === 0;
    steps.push(
      step(
        `Checked against a ray-casting point-in-polygon test on ${checked} points: a ${G + 1}×${G + 1} grid around the region (points on an edge line skipped unless exact), ${exact ? 'every vertex, ' : ''}and points ${delta.toExponential(0)} inside and outside each edge`,
        eq('mismatches', mismatches),
      ),
    );
    const perceptrons = hidden.length + ands.length + (polys.length > 1 ? 1 : 0);
    steps.push(
      step(
        'Network size',
        eq('hidden half-plane units', hidden.length),
        eq('perceptrons', perceptrons),
        eq('layer sizes', vec(layers.map((l) => l.bias.length))),
      ),
    );
    return {
      answer: {
        layers,
        hiddenUnits: hidden.length,
        verified,
        perceptrons,
        depth: layers.length,
        halfPlanes: planes,
        checkedPoints: checked,
        fireWhen: '>=0',
      } satisfies RegionMlpAnswer,
      steps,
      notes: [
        `Step units fire when w·x + b ≥ 0 (fireWhen ">=0"), so points on the boundary count as inside; a unit outputs 1 when it fires, else ${inp.encoding === 'bipolar' ? '−1 (bipolar encoding)' : '0 (binary encoding; bipolar would give −1)'}. An exam whose unit fires when "total input ≥ threshold θ" has b = −θ.`,
        ...domainNotes(inp, planes, hidden),
        'Edges of different polygons on the same line with the same inside share one hidden unit; the network follows the catalog’s construction (one unit per distinct half-plane), which is not always the smallest possible.',
        polys.length > 1
          ? 'Three layers of units: half-planes, one AND per polygon, one OR.'
          : 'One polygon: its AND unit is the output, so one hidden layer suffices.',
      ],
    };
  },
  examples: [
    {
      title: 'Rectangle 4 ≤ x₁ ≤ 7, 2 ≤ x₂ ≤ 6: one hidden layer of 4 units',
      source:
        'Exam problem (answers: 1 hidden layer, 4 hidden nodes). By hand: the edges give x₂ − 2 ≥ 0, 7 − x₁ ≥ 0, 6 − x₂ ≥ 0, x₁ − 4 ≥ 0; the output fires when all four do: h₁ + h₂ + h₃ + h₄ − 4 ≥ 0.',
      input: {
        polygons: [
          [
            [4, 2],
            [7, 2],
            [7, 6],
            [4, 6],
          ],
        ],
      },
      answer: {
        hiddenUnits: 4,
        depth: 2,
        perceptrons: 5,
        verified: true,
        layers: [
          {
            weights: [
              [0, 1],
              [-1, 0],
              [0, -1],
              [1, 0],
            ],
            bias: [-2, 7, 6, -4],
          },
          { weights: [[1, 1, 1, 1]], bias: [-4] },
        ],
      },
    },
    {
      title: 'L-shaped (non-convex) region as the union of two rectangles',
      source:
        'By hand: [0, 2]×[0, 1] ∪ [0, 1]×[0, 2]; the half-planes x₂ ≥ 0 and x₁ ≥ 0 are shared, leaving x₁ ≤ 2, x₂ ≤ 1, x₁ ≤ 1, x₂ ≤ 2: 6 hidden units, 2 AND units, 1 OR unit = 9 perceptrons in 3 layers.',
      input: {
        polygons: [
          [
            [0, 0],
            [2, 0],
            [2, 1],
            [0, 1],
          ],
          [
            [0, 0],
            [1, 0],
            [1, 2],
            [0, 2],
          ],
        ],
      },
      answer: { hiddenUnits: 6, perceptrons: 9, depth: 3, verified: true },
    },
    {
      title: 'The rectangle with weights 0 or ±10, biases multiples of 10 and units that output 1 or −1',
      source:
        'Exam problem (the 1-hidden-layer, 4-node region; weights only 0, 10 or −10, biases 0 or multiples of 10, step output 1 or −1). By hand: each edge inequality times 10: 10x₂ − 20, −10x₁ + 70, −10x₂ + 60, 10x₁ − 40 (all ≥ 0). Hidden outputs are ±1, so their sum is 4 inside and at most 2 outside: the output 10(h₁ + h₂ + h₃ + h₄) − 30 ≥ 0 fires exactly inside (40 − 30 = 10 ≥ 0, 20 − 30 < 0). The exam’s “total input ≥ bias” writes the threshold θ = −b (20, −70, −60, 40; in ascending order −70, −60, 20, 40).',
      input: {
        polygons: [
          [
            [4, 2],
            [7, 2],
            [7, 6],
            [4, 6],
          ],
        ],
        encoding: 'bipolar',
        weightDomain: [-10, 0, 10],
        biasDomain: Array.from({ length: 21 }, (_, i) => 10 * i - 100),
      },
      answer: {
        hiddenUnits: 4,
        depth: 2,
        perceptrons: 5,
        verified: true,
        fireWhen: '>=0',
        layers: [
          {
            weights: [
              [0, 10],
              [-10, 0],
              [0, -10],
              [10, 0],
            ],
            bias: [-20, 70, 60, -40],
          },
          { weights: [[10, 10, 10, 10]], bias: [-30] },
        ],
      },
    },
  ],
});
