/**
 * optim/critical-points — every point where ∇f = 0, classified by its Hessian, and whether f is bounded below
 * and above (with a direction along which it is not). Exact where the algebra allows: a quadratic's linear
 * gradient system is solved in fractions, a separable polynomial variable by variable (rational roots, then surds);
 * anything else by a numeric Newton search in a box, flagged `complete: false`.
 */
import {
  a,
  cas,
  DnnInputError,
  defineSolver,
  eq,
  hessian as exactHessian,
  exprToTex,
  Fraction,
  type Step,
  s,
  solveExact,
  step,
  tex,
  vec,
  words,
} from '@dnn/core';
import * as z from 'zod/mini';
import { boundedness } from './critical-bounds.js';
import { newtonSearch } from './critical-search.js';
import { symmetricEigen } from './eigen-steps.js';
import { expressionField } from './expression-input.js';
import { classifyEigenvalues } from './hessian.js';
import {
  degree,
  differentiate,
  exactPoint,
  isSeparable,
  type Poly,
  type Root,
  realRoots,
  toPoly,
  univariatePart,
} from './polynomial.js';
import { DERIVE_BUDGET, deriveChecked, readProblem } from './symbolic-input.js';

/** Most critical points listed. */
export const POINTS_MAX = 1000;

const input = s.object({
  expression: expressionField(
    'The function f, e.g. "x^4 - 32*x^2 + y^4 - 18*y^2" (a polynomial or any smooth expression).',
  ),
  variables: z
    .optional(z.array(z.string()).check(z.maxLength(12)))
    .check(z.describe('The variables, in order (default: those of the expression, alphabetical). At most 12.')),
  box: z
    .optional(z.record(z.string(), z.tuple([z.number(), z.number()])))
    .check(
      z.describe(
        'Search box of the numeric search: name → [lo, hi] (default [−10, 10] for each variable). Unused when the points are found exactly.',
      ),
    ),
});

const CLASSES = ['minimum', 'maximum', 'saddle', 'degenerate'] as const;

const pointRow = a.answer({
  at: a.map(a.scalar('Coordinate'), 'Point', 'Variable → value.'),
  exact: a.map(a.text('Exact value'), 'Exact coordinates', 'Variable → fraction or surd text, where found exactly.'),
  value: a.scalar('f', 'f at the point.'),
  gradientNorm: a.scalar('‖∇f‖', 'Length of the gradient there (0 up to rounding).'),
  hessianEigenvalues: a.vector('Hessian eigenvalues', 'Ascending.'),
  classification: a.text('Type', 'From the Hessian eigenvalue signs (degenerate: a zero eigenvalue).', CLASSES),
});

const answer = a.answer({
  points: a.table(pointRow, 'Critical points', 'Every point found where ∇f = 0, sorted by the value of f.', {
    columns: ['at', 'value', 'classification', 'hessianEigenvalues'],
  }),
  complete: a.flag(
    'Complete',
    'True only when every critical point is proven found (a linear gradient system, a separable polynomial solved exactly).',
  ),
  boundedBelow: z.nullable(a.flag('Bounded below', 'true | false | null when not decided.')),
  boundedAbove: z.nullable(a.flag('Bounded above', 'true | false | null when not decided.')),
  reason: a.text('Why', 'The witness direction along which f is unbounded, or why it is bounded or undecided.'),
  globalMinimum: z.nullable(
    a.map(
      a.scalar('Coordinate'),
      'Global minimum',
      'The point of the smallest value when f is bounded below and every critical point is known; null otherwise.',
    ),
  ),
});

/** The answer of optim/critical-points. */
export type CriticalPointsAnswer = z.output<typeof answer>;

type Found = { x: number[]; exact: (string | null)[] };

/** Critical points of a polynomial of degree ≤ 2: the linear system ∇f = 0 solved exactly. */
function linearCritical(grads: Poly[], n: number): { found: Found[]; complete: boolean; note: string } {
  const A = grads.map((g) =>
    Array.from(
      { length: n },
      (_, j) => g.get(Array.from({ length: n }, (_, k) => (k === j ? 1 : 0)).join(','))?.c ?? new Fraction(0),
    ),
  );
  const b = grads.map((g) => (g.get(Array(n).fill(0).join(','))?.c ?? new Fraction(0)).neg());
  const r = solveExact(A, b);
  if (r.kind === 'unique') {
    return {
      found: [{ x: r.x.map((f) => f.valueOf()), exact: r.x.map((f) => f.toFraction()) }],
      complete: true,
      note: 'The gradient is linear: ∇f = 0 is a linear system, solved exactly; its solution is unique.',
    };
  }
  if (r.kind === 'inconsistent')
    return {
      found: [],
      complete: true,
      note: 'The gradient is linear and ∇f = 0 has no solution: f has no critical point.',
    };
  return {
    found: [],
    complete: false,
    note: 'The gradient is linear and ∇f = 0 has infinitely many solutions (a line or plane of critical points); none is listed.',
  };
}

/** Critical points of a separable polynomial: each ∂f/∂xᵢ = 0 solved in xᵢ alone; the points are every combination. */
function separableCritical(
  poly: Poly,
  n: number,
  vars: readonly string[],
): { found: Found[]; complete: boolean; note: string; steps: Step[] } {
  const perVariable: Root[][] = [];
  let complete = true;
  const steps: Step[] = [];
  for (let i = 0; i < n; i++) {
    const part = univariatePart(poly, i);
    const derivative = part.slice(1).map((c, k) => c.mul(k + 1));
    const nonZero = derivative.some((c) => !c.equals(0));
    const r = nonZero ? realRoots(derivative) : { roots: [{ value: 0, exact: '0' }], complete: false };
    if (!nonZero) complete = false; // f does not depend on this variable: a whole line of critical points
    complete &&= r.complete;
    perVariable.push(r.roots);
    steps.push(
      step(
        `∂f/∂${vars[i]} = 0 in ${vars[i]} alone`,
        eq(
          vars[i] as string,
          r.roots.length ? words(r.roots.map((x) => x.exact ?? String(x.value)).join(', ')) : words('no real root'),
        ),
      ),
    );
  }
  const count = perVariable.reduce((p, r) => p * r.length, 1);
  if (count > POINTS_MAX)
    throw new DnnInputError('expression', `f has ${count} critical points; at most ${POINTS_MAX} are listed`);
  let found: Found[] = [{ x: [], exact: [] }];
  for (const roots of perVariable)
    found = found.flatMap((p) => roots.map((r) => ({ x: [...p.x, r.value], exact: [...p.exact, r.exact] })));
  if (perVariable.some((r) => r.length === 0)) found = [];
  return {
    found,
    complete,
    note: 'f is a separable polynomial (no term mixes variables): each ∂f/∂xᵢ depends on xᵢ alone, so the critical points are every combination of the per-variable roots.',
    steps,
  };
}

/** optim/critical-points: solve ∇f = 0 and classify. */
export const criticalPoints = defineSolver({
  id: 'optim/critical-points',
  title: 'Critical points, minima and unbounded objectives',
  description:
    'Every solution of ∇f = 0 (exactly for quadratics and separable polynomials, numerically otherwise), each classified by its Hessian eigenvalues, whether f is bounded below and above with a witness direction, and the global minimum when there is one.',
  input,
  answer,
  solveParsed(inp) {
    const problem = readProblem(inp.expression, undefined, undefined);
    const vars = inp.variables ?? [...problem.variables].sort();
    const missing = problem.variables.filter((v) => !vars.includes(v));
    if (missing.length)
      throw new DnnInputError(
        'variables',
        `misses ${missing.map((m) => JSON.stringify(m)).join(', ')}, a variable of the expression`,
      );
    if (new Set(vars).size !== vars.length) throw new DnnInputError('variables', 'lists a name twice');
    const n = vars.length;
    const box = vars.map((v): [number, number] => {
      const b = inp.box?.[v] ?? [-10, 10];
      if (!(b[0] < b[1])) throw new DnnInputError(`box.${v}`, 'needs lo < hi');
      return [b[0], b[1]];
    });
    for (const key of Object.keys(inp.box ?? {}))
      if (!vars.includes(key)) throw new DnnInputError(`box.${key}`, `${key} is not a variable`);
    const budget = { left: DERIVE_BUDGET };
    const gradientSym = vars.map((v) => deriveChecked(problem.sym, v, { budget }, 'expression'));
    const steps: Step[] = [
      step('The function', eq('f', exprToTex(problem.expr))),
      step('Gradient (symbolic)', eq(tex('∇f', '\\nabla f'), vec(gradientSym.map((g) => exprToTex(cas.toExpr(g)))))),
    ];
    const notes: string[] = [];
    // Variables that do not occur leave f constant along them: solve in the others, then place those at 0.
    const active = vars.filter((v) => problem.variables.includes(v));
    const activeBox = box.filter((_, i) => problem.variables.includes(vars[i] as string));
    const poly = toPoly(problem.expr, active);
    let found: Found[];
    let complete: boolean;
    const grads = poly ? active.map((_, i) => differentiate(poly, i)) : [];
    if (poly && degree(poly) <= 2) {
      const r = linearCritical(grads, active.length);
      ({ found, complete } = r);
      steps.push(step(r.note, eq(tex('∇f', '\\nabla f'), 0)));
    } else if (poly && isSeparable(poly)) {
      const r = separableCritical(poly, active.length, active);
      ({ found, complete } = r);
      steps.push(step(r.note, eq(tex('∇f', '\\nabla f'), 0)), ...r.steps);
    } else {
      found = newtonSearch(problem.expr, active, activeBox).map((x) => {
        const ex = poly ? exactPoint(grads, x) : null;
        return {
          x: ex ? ex.map((f) => f.valueOf()) : x,
          exact: ex ? ex.map((f) => f.toFraction()) : x.map(() => null),
        };
      });
      complete = false;
      steps.push(
        step(
          `Numeric search: Newton’s method on ∇f = 0 from up to 64 starting points in the box ${vars.map((v, i) => `${v} ∈ [${box[i]?.[0]}, ${box[i]?.[1]}]`).join(', ')}`,
          eq(words('points found'), found.length),
        ),
      );
      notes.push(
        'The points come from a numeric search in the box: other critical points may exist (complete is false). Coordinates shown as fractions were checked exactly (∇f = 0 in rational arithmetic).',
      );
    }
    if (active.length < n) {
      complete = false;
      found = found.map((p) => {
        const x = vars.map((v) => (active.includes(v) ? (p.x[active.indexOf(v)] as number) : 0));
        const exact = vars.map((v) => (active.includes(v) ? (p.exact[active.indexOf(v)] ?? null) : '0'));
        return { x, exact };
      });
    }
    const points = found.map((p) => {
      const at = Object.fromEntries(vars.map((v, i) => [v, p.x[i] as number]));
      const h = exactHessian(problem.expr, at, vars);
      const eigen = symmetricEigen(h.hessian);
      const exact = Object.fromEntries(vars.flatMap((v, i) => (p.exact[i] ? [[v, p.exact[i] as string]] : [])));
      return {
        at,
        exact,
        value: h.value,
        gradientNorm: Math.hypot(...h.gradient),
        hessianEigenvalues: eigen,
        classification: classifyEigenvalues(eigen),
      };
    });
    points.sort((p, q) => p.value - q.value);
    for (const p of points) {
      steps.push(
        step(
          `Critical point: ${p.classification} (Hessian eigenvalues ${p.hessianEigenvalues.map((l) => Number(l.toPrecision(6))).join(', ')})`,
          eq(
            // Own keys only: a variable may be named like an inherited member (`constructor`, `toString`).
            vec(vars.map((v) => eq(v, Object.hasOwn(p.exact, v) ? tex(p.exact[v] as string) : (p.at[v] as number)))),
            words(`f = ${Number(p.value.toPrecision(12))}`),
          ),
        ),
      );
    }
    const bounds = boundedness(poly, vars, problem.expr);
    steps.push(
      step(
        `Bounded below: ${bounds.boundedBelow ?? 'not decided'}; bounded above: ${bounds.boundedAbove ?? 'not decided'}`,
        words(bounds.reason),
      ),
    );
    let globalMinimum: Record<string, number> | null = null;
    if (bounds.boundedBelow === true && complete && points.length) {
      globalMinimum = (points[0] as (typeof points)[number]).at;
      steps.push(
        step(
          'Global minimum: the critical point of least value (f is bounded below and every critical point is known)',
          vec(vars.map((v) => eq(v, (globalMinimum as Record<string, number>)[v] as number))),
        ),
      );
    }
    notes.push(
      'Classification from the Hessian eigenvalues (|λ| ≤ 1e-9 relative counts as 0: degenerate — the second-derivative test is then inconclusive).',
    );
    if (problem.variables.length < n)
      notes.push(
        `${vars.filter((v) => !problem.variables.includes(v)).join(', ')} does not occur in f: f is constant along it, so each critical point is a whole line (listed at 0).`,
      );
    return {
      answer: {
        points,
        complete,
        boundedBelow: bounds.boundedBelow,
        boundedAbove: bounds.boundedAbove,
        reason: bounds.reason,
        globalMinimum,
      } satisfies CriticalPointsAnswer,
      steps,
      notes,
    };
  },
  examples: [
    {
      title: 'f = x⁴ − 32x² + y⁴ − 18y²: nine critical points, four minima',
      source:
        'Exam problem (exam-problems.txt line 2160, part b). By hand: ∂f/∂x = 4x(x² − 16) = 0 → x ∈ {0, ±4}; ∂f/∂y = 4y(y² − 9) = 0 → y ∈ {0, ±3}; H = diag(12x² − 64, 12y² − 36): (±4, ±3) minima with f = 256 − 512 + 81 − 162 = −337, (0, 0) a maximum, the other four saddles. Each part has an even top power with a positive coefficient: bounded below, global minimum −337.',
      input: { expression: 'x^4 - 32*x^2 + y^4 - 18*y^2' },
      answer: { complete: true, boundedBelow: true, boundedAbove: false, globalMinimum: { x: -4, y: -3 } },
    },
    {
      title: 'E = (w₁ − w₂)³ − 2(w₁² − w₂) + w₁² + w₂²: one saddle, no minimum',
      source:
        'Exam problem (line 3365). By hand: ∂E/∂w₁ = 3(w₁ − w₂)² − 2w₁ = 0 and ∂E/∂w₂ = −3(w₁ − w₂)² + 2w₂ + 2 = 0; adding them, w₁ = w₂ + 1, so 3 = 2w₁: (3/2, 1/2), E = 0. H = [[4, −6], [−6, 8]], det −4 < 0: a saddle. Along w₁ → −∞ (w₂ = 0) E = w₁³ − w₁² → −∞: there is no minimum (the rubric’s question has none).',
      input: { expression: '(w1 - w2)^3 - 2*(w1^2 - w2) + w1^2 + w2^2' },
      answer: {
        points: [
          {
            at: { w1: 1.5, w2: 0.5 },
            exact: { w1: '3/2', w2: '1/2' },
            value: 0,
            gradientNorm: 0,
            classification: 'saddle',
          },
        ],
        boundedBelow: false,
        globalMinimum: null,
      },
    },
    {
      title: 'E = 3p³ + 3q² + 4r + 5: no critical point, unbounded',
      source:
        'Exam problem (line 3503). By hand: ∂E/∂r = 4 ≠ 0 everywhere, so ∇E = 0 has no solution (separable: p = 0, q = 0, but no r); 3p³ → −∞ as p → −∞.',
      input: { expression: '3*p^3 + 3*q^2 + 4*r + 5' },
      answer: { points: [], complete: true, boundedBelow: false, boundedAbove: false, globalMinimum: null },
    },
    {
      title: 'f = 2x₁x₂ + 3x₁ + 4x₂: the only critical point is a saddle',
      source:
        'Exam problem (line 3162). By hand: 2x₂ + 3 = 0, 2x₁ + 4 = 0 → (−2, −3/2), f = 6 − 6 − 6 = −6; H = [[0, 2], [2, 0]] has eigenvalues ±2: a saddle (the rubric’s (0, 0) is not critical).',
      input: { expression: '2*x1*x2 + 3*x1 + 4*x2' },
      answer: {
        points: [
          {
            at: { x1: -2, x2: -1.5 },
            exact: { x1: '-2', x2: '-3/2' },
            value: -6,
            gradientNorm: 0,
            hessianEigenvalues: [-2, 2],
            classification: 'saddle',
          },
        ],
        complete: true,
        boundedBelow: false,
      },
    },
  ],
});
