/**
 * Questions for optim/critical-points: solve ∇f = 0, classify each point, and say whether f has a minimum —
 * quadratics with one critical point, cubic wells with two, the exam's double well with nine, and cubics
 * that fall without bound. The rubric matches points in any order.
 */
import { readNumber } from '../compare.js';
import { defineGenerator } from '../generator.js';
import { defineRubric } from '../rubric.js';
import { nonEmpty } from './non-trivial.js';
import { byDifficulty, polynomial } from './numbers.js';

/** Generator of optim/critical-points questions. */
export const optimCriticalPointsGenerator = defineGenerator<Record<string, unknown>>({
  id: 'optim/critical-points',
  generate(rng, difficulty) {
    const kind = byDifficulty(
      difficulty,
      'quadratic',
      rng.pick(['quadratic', 'cubic']),
      rng.pick(['double-well', 'unbounded', 'cubic']),
    );
    let expression: string;
    if (kind === 'quadratic') {
      // a·x² + c·xy + b·y² + d·x + e·y with 4ab − c² ≠ 0: exactly one critical point.
      let [a, b, c] = [rng.int(-3, 3) || 1, rng.int(-3, 3) || 2, rng.int(-3, 3)];
      if (4 * a * b === c * c) c += 1;
      expression = polynomial([
        [a, 'x^2'],
        [c, 'x*y'],
        [b, 'y^2'],
        [rng.int(-6, 6), 'x'],
        [rng.int(-6, 6), 'y'],
      ]);
    } else if (kind === 'cubic') {
      // x³ − 3a²x + k·y²: critical at (±a, 0); one is a saddle, the other a minimum or maximum.
      const [a, k] = [rng.int(1, 3), rng.pick([-2, -1, 1, 2, 3])];
      expression = polynomial([
        [1, 'x^3'],
        [-3 * a * a, 'x'],
        [k, 'y^2'],
      ]);
    } else if (kind === 'double-well') {
      // x⁴ − 2p²x² + y⁴ − 2q²y²: nine critical points, minima at (±p, ±q) (exam line 2160).
      const [p, q] = [rng.int(1, 4), rng.int(1, 4)];
      expression = polynomial([
        [1, 'x^4'],
        [-2 * p * p, 'x^2'],
        [1, 'y^4'],
        [-2 * q * q, 'y^2'],
      ]);
    } else {
      // a·p³ + b·q² + c·r + d (exam line 3503): ∂/∂r = c ≠ 0, so no critical point; unbounded below.
      expression = polynomial([
        [rng.int(1, 4), 'p^3'],
        [rng.int(1, 4), 'q^2'],
        [rng.pick([-4, -2, 2, 3, 4]), 'r'],
        [rng.int(-6, 6), ''],
      ]);
    }
    return {
      question: `Let f = ${expression}. Find every critical point of f (∇f = 0), classify each as a minimum, maximum or saddle point, and say whether f has a global minimum.`,
      input: { expression },
    };
  },
  /** Non-trivial: there are critical points, or the answer says why there are none. */
  nonTrivial: (a) => nonEmpty(a.points) || (a.complete === true && typeof a.reason === 'string'),
});

interface PointRow {
  at?: Record<string, unknown>;
  classification?: unknown;
}

const WORDINGS: Record<string, string[]> = {
  minimum: ['minimum', 'min', 'local minimum', 'local min', 'minimum point'],
  maximum: ['maximum', 'max', 'local maximum', 'local max', 'maximum point'],
  saddle: ['saddle', 'saddle point', 'saddle-point'],
  degenerate: ['degenerate', 'inconclusive', 'test inconclusive'],
};

/** True when two coordinate maps agree on every expected coordinate (three significant figures; "-3/2" reads as −1.5). */
function samePoint(expected: Record<string, unknown>, got: unknown): boolean {
  if (got === null || typeof got !== 'object') return false;
  return Object.entries(expected).every(([k, v]) => {
    const g = readNumber((got as Record<string, unknown>)[k]);
    return g !== undefined && Math.abs(g - Number(v)) <= 1e-3 * Math.max(1, Math.abs(Number(v)));
  });
}

/**
 * The points in any order: each expected point found earns half, its classification the other half; the total
 * is divided by the larger of the two counts, so points that are not critical cost marks.
 */
function judgePoints(got: unknown, _student: unknown, _input: unknown, answer: unknown): number {
  const expected = ((answer as { points?: PointRow[] }).points ?? []) as PointRow[];
  if (!Array.isArray(got)) return 0;
  const given = got as PointRow[];
  if (expected.length === 0) return given.length === 0 ? 1 : 0;
  const used = new Set<number>();
  let earned = 0;
  for (const point of expected) {
    const i = given.findIndex((g, j) => !used.has(j) && samePoint(point.at ?? {}, g?.at));
    if (i < 0) continue;
    used.add(i);
    const words = WORDINGS[String(point.classification)] ?? [String(point.classification)];
    const said = String(given[i]?.classification ?? '')
      .trim()
      .toLowerCase();
    earned += words.includes(said) ? 1 : 0.5;
  }
  return earned / Math.max(expected.length, given.length);
}

/**
 * The global minimum: any of the minima that share the lowest value (the double well has four), or null / "none"
 * when f has none.
 */
function judgeGlobalMinimum(got: unknown, _student: unknown, _input: unknown, answer: unknown): number {
  const { globalMinimum, points = [] } = answer as {
    globalMinimum?: Record<string, unknown> | null;
    points?: PointRow[];
  };
  if (!globalMinimum) {
    return got === null || ['none', 'null', 'no', 'false'].includes(String(got).trim().toLowerCase()) ? 1 : 0;
  }
  const lowest = points.find((p) => samePoint(globalMinimum, p.at)) as (PointRow & { value?: number }) | undefined;
  const ties = points.filter(
    (p) =>
      lowest &&
      Math.abs(Number((p as { value?: number }).value) - Number(lowest.value)) <=
        1e-9 * Math.max(1, Math.abs(Number(lowest.value))),
  );
  return [globalMinimum, ...ties.map((p) => p.at ?? {})].some((m) => samePoint(m, got)) ? 1 : 0;
}

/** Grading weights of optim/critical-points: the points and their types, boundedness, the global minimum. */
export const optimCriticalPointsRubric = defineRubric({
  id: 'optim/critical-points',
  fields: [
    { path: 'points', points: 4, judge: judgePoints },
    { path: 'boundedBelow', points: 1 },
    { path: 'globalMinimum', points: 1, judge: judgeGlobalMinimum },
  ],
});
