/**
 * Questions for optim/derivative: a derivative as a formula — a polynomial's f′, an activation's chain rule, a
 * skip connection, the Hessian of expressions. The rubric accepts any expression equal to the solver's (checked
 * by evaluating both at fixed points), since 4x³ − 64x and 4·x·(x² − 16) are the same answer.
 */
import { evaluate, parseExpression } from '@dnn/core';
import { defineGenerator } from '../generator.js';
import { defineRubric } from '../rubric.js';
import { byDifficulty, polynomial } from './numbers.js';

/** Activation and skip-connection exercises: expression, the variable asked for, the question's wording. */
const CHAINS: readonly (readonly [string, string, string])[] = [
  ['max(w*x, 0)', 'x', 'y = max(w·x, 0), a ReLU unit'],
  ['max(w*x + x, 0)', 'x', 'y = max(w·x + x, 0), a ReLU unit with a skip connection'],
  ['sigmoid(w*x + b)', 'w', 'y = σ(w·x + b)'],
  ['tanh(w*x)', 'w', 'y = tanh(w·x)'],
  ['(w*x - t)^2', 'w', 'the squared error L = (w·x − t)²'],
  ['log(1 + exp(-t*w*x))', 'w', 'the logistic loss L = log(1 + e^(−t·w·x))'],
  ['exp(-y*w*x)', 'w', 'the exponential loss L = e^(−y·w·x)'],
];

/** Generator of optim/derivative questions. */
export const optimDerivativeGenerator = defineGenerator<Record<string, unknown>>({
  id: 'optim/derivative',
  generate(rng, difficulty) {
    const kind = byDifficulty(
      difficulty,
      'polynomial',
      rng.pick(['chain', 'polynomial2']),
      rng.pick(['chain', 'hessian']),
    );
    if (kind === 'polynomial') {
      const [n, m] = rng.pick([
        [4, 2],
        [3, 1],
        [3, 2],
        [4, 1],
      ]) as [number, number];
      const expression = polynomial([
        [rng.int(1, 3), `x^${n}`],
        [rng.int(-40, 40), m === 1 ? 'x' : `x^${m}`],
        [rng.int(-9, 9), ''],
      ]);
      return { question: `Let f(x) = ${expression}. Give f′(x) as a formula.`, input: { expression } };
    }
    if (kind === 'chain') {
      const [expression, wrt, what] = rng.pick(CHAINS);
      return {
        question: `For ${what}, give the derivative with respect to ${wrt} as a formula (take relu′(0) = 0).`,
        input: { expression, wrt: [wrt] },
      };
    }
    const [p, q] = [rng.int(1, 4), rng.int(1, 4)];
    const c = kind === 'hessian' ? rng.int(-3, 3) : 0;
    const expression = polynomial([
      [1, 'x^4'],
      [-2 * p * p, 'x^2'],
      [c, 'x*y'],
      [1, 'y^4'],
      [-2 * q * q, 'y^2'],
    ]);
    return kind === 'hessian'
      ? {
          question: `Let f(x, y) = ${expression}. Give the gradient and the Hessian of f as formulas.`,
          input: { expression, order: 2 },
        }
      : { question: `Let f(x, y) = ${expression}. Give ∂f/∂x and ∂f/∂y as formulas.`, input: { expression } };
  },
  /** Non-trivial: some derivative is not 0. */
  nonTrivial: (a) => Object.values(Object(a.derivatives)).some((d) => d !== '0'),
});

/** Fixed sample values, away from 0 and the kinks of relu/step at integers. */
const SAMPLES = [0.37, -1.21, 1.73, 0.59, -0.83, 2.11, -0.46, 1.07];

/** The value of expression text at sample point k, or undefined where it has none (or does not parse). */
function valueAt(text: string, names: readonly string[], k: number): number | undefined {
  try {
    const point = Object.fromEntries(names.map((n, i) => [n, SAMPLES[(k + 3 * i) % SAMPLES.length] as number]));
    const expr = parseExpression(text, 'answer');
    return evaluate(expr, point, 'answer');
  } catch {
    return undefined;
  }
}

/**
 * True when `got` (expression text, or a number) equals the expression `expected` at the sample points where
 * `expected` is defined, within 1e-6 relative; names not in `names` make `got` wrong.
 */
export function sameFunction(expected: string, got: unknown, names: readonly string[]): boolean {
  const text = typeof got === 'number' ? String(got) : typeof got === 'string' ? got : undefined;
  if (text === undefined) return false;
  let compared = 0;
  for (let k = 0; k < SAMPLES.length; k++) {
    const want = valueAt(expected, names, k);
    if (want === undefined) continue;
    const have = valueAt(text, names, k);
    if (have === undefined || Math.abs(have - want) > 1e-6 * Math.max(1, Math.abs(want))) return false;
    compared++;
  }
  return compared > 0 || expected.replace(/\s/g, '') === text.replace(/\s/g, '');
}

/** The variables of the problem: the answer's derivative names plus every name the expression uses. */
function namesOf(input: unknown, answer: unknown): string[] {
  const expression = String((input as { expression?: unknown }).expression ?? '');
  const fromExpression = expression.match(/\b[A-Za-z_][A-Za-z0-9_]*\b(?!\s*\()/g) ?? [];
  const fromAnswer = Object.keys((answer as { derivatives?: object }).derivatives ?? {});
  return [...new Set([...fromAnswer, ...fromExpression.filter((n) => n !== 'e' && n !== 'pi')])];
}

/** The share of the expected expressions (a name → text map, or a matrix of texts) that `got` matches. */
function shareEqual(expected: unknown, got: unknown, names: readonly string[]): number {
  if (typeof expected === 'string') return sameFunction(expected, got, names) ? 1 : 0;
  if (Array.isArray(expected)) {
    if (!Array.isArray(got)) return 0;
    const cells = expected.flat() as string[];
    const given = (got as unknown[]).flatMap((row) => (Array.isArray(row) ? row : [undefined]));
    if (given.length !== cells.length) return 0;
    return cells.filter((cell, i) => sameFunction(cell, given[i], names)).length / cells.length;
  }
  if (expected === null || typeof expected !== 'object' || got === null || typeof got !== 'object') return 0;
  const entries = Object.entries(expected as Record<string, string>);
  const right = entries.filter(([k, v]) => sameFunction(v, (got as Record<string, unknown>)[k], names));
  return entries.length ? right.length / entries.length : 1;
}

/** A judge of one expression-valued field: any equal expression gets the points. */
const judgeExpressions =
  (path: 'derivatives' | 'hessian') =>
  (got: unknown, _student: unknown, input: unknown, answer: unknown): number =>
    shareEqual((answer as Record<string, unknown>)[path], got, namesOf(input, answer));

/** Grading weights of optim/derivative: the derivatives (any equal form), the Hessian when asked for. */
export const optimDerivativeRubric = defineRubric({
  id: 'optim/derivative',
  fields: [
    { path: 'derivatives', points: 3, judge: judgeExpressions('derivatives') },
    {
      path: 'hessian',
      points: 2,
      judge: judgeExpressions('hessian'),
      when: (input) => (input as { order?: number }).order === 2,
    },
  ],
});
