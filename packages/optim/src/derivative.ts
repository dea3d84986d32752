/**
 * optim/derivative — symbolic partial derivatives (and the Hessian) of an expression, simplified to the short
 * forms a rubric prints, with the rule behind each step; named definitions and abstract functions for skip
 * connections (H = x + R(x) → ∂H/∂x = 1 + R'(x)). The algebra is @dnn/core's own (`cas`, `derive`): see
 * core/src/expr/simplify.ts for why it is not mathjs.
 */
import {
  a,
  cas,
  DnnInputError,
  defineSolver,
  type Expr,
  eq,
  evaluate,
  exprToTex,
  exprToText,
  matrix,
  type Step,
  type Sym,
  s,
  step,
  type Tex,
  tex,
  vec,
} from '@dnn/core';
import * as z from 'zod/mini';
import { expressionField, pointField } from './expression-input.js';
import {
  checkVariableList,
  DERIVE_BUDGET,
  definitionsField,
  deriveChecked,
  functionsField,
  readProblem,
  type SymbolicProblem,
  withDefinitionValues,
} from './symbolic-input.js';
import { partialTex as partial, symTex, symText } from './symbolic-steps.js';

const input = s.object({
  expression: expressionField(
    'The function f, e.g. "x^4 - 32*x^2 + y^4 - 18*y^2" or "max(w*x, 0)": the expression language (step, sign, σ, ·, ×, −, x² accepted), plus the names of `definitions` and `functions`.',
  ),
  wrt: z
    .optional(z.array(z.string()))
    .check(
      z.describe('Variables to differentiate with respect to (default: every variable, in order of first appearance).'),
    ),
  order: z
    ._default(z.union([z.literal(1), z.literal(2)]), 1)
    .check(z.describe('1 (default): the first partial derivatives; 2: also the Hessian of second derivatives.')),
  definitions: definitionsField,
  functions: functionsField,
  at: z.optional(
    pointField('Optional point: a value for every variable; then the derivatives are also evaluated there.'),
  ),
  reluDerivative: z._default(
    s.oneOf(
      ['step', 'one'],
      'relu′(u): `step` (default) = step(u), 1 when u > 0 else 0; `one` = 1, the simplification some exams state ("assume the gradient of ReLU is 1").',
    ),
    'step',
  ),
});

const exprText = a.text('Expression', 'In the expression language (can be pasted back as an expression).');

const answer = a.answer({
  derivatives: a.map(exprText, 'Derivatives ∂f/∂x', 'Each variable of `wrt` → ∂f/∂variable, simplified.'),
  latex: a.map(a.text('LaTeX'), 'Derivatives in LaTeX', 'Each variable of `wrt` → ∂f/∂variable in LaTeX.'),
  hessian: z.optional(
    a.field(
      'list',
      z.array(z.array(z.string())),
      'Hessian (expressions)',
      'Order 2: ∂²f/∂xᵢ∂xⱼ as expression texts, rows and columns in `wrt` order.',
    ),
  ),
  values: z.optional(
    a.map(a.scalar('Value'), 'Derivatives at the point', 'With `at`: each ∂f/∂variable evaluated there.'),
  ),
  value: z.optional(a.scalar('f at the point', 'With `at`: the value of f.')),
});

/** The answer of optim/derivative. */
export type DerivativeAnswer = z.output<typeof answer>;

/**
 * The steps of one first derivative: the definitions it goes through, the rules, the result; with the result as a
 * tree and as maths, built once here for the answer's text, LaTeX and values as well.
 */
function derivativeSteps(
  problem: SymbolicProblem,
  x: string,
  result: Sym,
  rules: Set<string>,
  options: object,
): { steps: Step[]; tree: Expr; shown: Tex } {
  const steps: Step[] = [];
  for (const [name, body] of problem.definitions) {
    if (cas.freeOf(body, new Set([x, ...problem.definitions.keys()]))) continue;
    const d = deriveChecked(cas.variable(name), x, options, `definitions.${name}`);
    if (cas.isNum(d, 0)) continue;
    steps.push(step(`Through the definition ${name}`, eq(partial(name, x), symTex(d))));
  }
  const tree = cas.toExpr(result);
  const shown = exprToTex(tree);
  steps.push(step(`∂f/∂${x} — ${[...rules].join('; ') || 'f does not depend on it: 0'}`, eq(partial('f', x), shown)));
  return { steps, tree, shown };
}

/** optim/derivative: symbolic differentiation. */
export const derivative = defineSolver({
  id: 'optim/derivative',
  title: 'Symbolic derivatives and Hessian',
  description:
    'Partial derivatives of an expression as simplified expressions (4*x^3 - 64*x, step(w*x)*w), optionally the Hessian of expressions and their values at a point; named definitions for shared sub-expressions and abstract functions R(u) for skip connections.',
  input,
  answer,
  solveParsed(inp) {
    const problem = readProblem(inp.expression, inp.definitions, inp.functions);
    const wrt = inp.wrt ?? problem.variables;
    checkVariableList(wrt, 'wrt', problem);
    const budget = { left: DERIVE_BUDGET };
    const derivatives = new Map<string, Sym>();
    const trees = new Map<string, Expr>();
    const shown = new Map<string, Tex>();
    const steps: Step[] = [step('The function', eq('f', exprToTex(problem.expr)))];
    for (const [name, e] of problem.definitionExprs) steps.push(step('Definition', eq(name, exprToTex(e))));
    for (const x of wrt) {
      const rules = new Set<string>();
      const options = {
        definitions: problem.definitions,
        reluDerivative: inp.reluDerivative,
        budget,
        onRule: (r: string) => rules.add(r),
      };
      const d = deriveChecked(problem.sym, x, options, 'expression');
      derivatives.set(x, d);
      const worked = derivativeSteps(problem, x, d, rules, { ...options, onRule: undefined });
      trees.set(x, worked.tree);
      shown.set(x, worked.shown);
      steps.push(...worked.steps);
    }
    let hessian: string[][] | undefined;
    if (inp.order === 2) {
      const cells: Sym[][] = wrt.map(() => []);
      wrt.forEach((x, i) => {
        wrt.forEach((y, j) => {
          if (j < i) (cells[i] as Sym[])[j] = (cells[j] as Sym[])[i] as Sym;
          else {
            const options = { definitions: problem.definitions, reluDerivative: inp.reluDerivative, budget };
            (cells[i] as Sym[])[j] = deriveChecked(derivatives.get(x) as Sym, y, options, 'expression');
          }
        });
      });
      hessian = cells.map((row) => row.map(symText));
      steps.push(
        step(
          'Hessian: differentiate each first derivative again (rows and columns in `wrt` order; ∂²f/∂x∂y = ∂²f/∂y∂x)',
          eq(tex('H'), matrix(cells.map((row) => row.map(symTex)))),
        ),
      );
    }
    const result: DerivativeAnswer = {
      derivatives: Object.fromEntries(wrt.map((x) => [x, exprToText(trees.get(x) as Expr)])),
      latex: Object.fromEntries(wrt.map((x) => [x, (shown.get(x) as Tex).latex])),
    };
    if (hessian) result.hessian = hessian;
    if (inp.at) {
      const at = inp.at;
      if (problem.functions.length) {
        throw new DnnInputError(
          'at',
          `${problem.functions.join(', ')} ${problem.functions.length > 1 ? 'are abstract functions' : 'is an abstract function'} with no value: leave out \`at\``,
        );
      }
      const missing = problem.variables.filter((v) => !Object.hasOwn(at, v));
      if (missing.length)
        throw new DnnInputError('at', `needs a value for ${missing.map((m) => JSON.stringify(m)).join(', ')}`);
      const env = withDefinitionValues(problem, at);
      result.value = evaluate(problem.expr, env, 'expression');
      const values: Record<string, number> = {};
      for (const x of wrt) {
        try {
          values[x] = evaluate(trees.get(x) as Expr, { ...env, [x]: at[x] ?? 0 }, `at`);
        } catch (err) {
          if (err instanceof DnnInputError)
            throw new DnnInputError('at', `∂f/∂${x} is undefined at this point: ${err.message}`);
          throw err;
        }
      }
      result.values = values;
      steps.push(
        step('At the point', vec(Object.entries(at).map(([k, v]) => eq(k, v)))),
        step('Values', eq(vec(wrt.map((x) => partial('f', x))), vec(wrt.map((x) => values[x] as number)))),
      );
    }
    const notes = [
      'Derivatives are printed in the expression language (paste one back as an expression); constants are folded and products are kept factored, not expanded.',
      inp.reluDerivative === 'one'
        ? 'relu′ is taken as 1, the exam’s simplification (true only where the unit is active).'
        : 'relu′(u) = step(u): 1 when u > 0, 0 otherwise (relu′(0) = 0); max(u, 0) is treated as relu(u).',
    ];
    if (/\b(max|min)\s*\(/.test([inp.expression, ...Object.values(inp.definitions ?? {})].join(' '))) {
      notes.push(
        'd max(a, b) = step(a − b)·a′ + (1 − step(a − b))·b′: at a tie a = b it takes the second argument’s derivative (0 for max(u, 0), like relu′(0) = 0), whereas optim/gradient passes a tie’s gradient to the first argument.',
      );
    }
    if (problem.definitions.size)
      notes.push('Definition names stay in the derivatives; substitute their expressions to expand.');
    if (problem.functions.length)
      notes.push(
        `${problem.functions.map((f) => `${f}'`).join(', ')}: the derivative of the abstract function, by the chain rule R(u)′ = R′(u)·u′.`,
      );
    return { answer: result, steps, notes };
  },
  examples: [
    {
      title: 'f = x⁴ − 32x² + y⁴ − 18y²: gradient and Hessian',
      source:
        'Exam problem (exam-problems.txt line 2160). By hand, power rule term by term: ∂f/∂x = 4x³ − 64x, ∂f/∂y = 4y³ − 36y; H = [[12x² − 64, 0], [0, 12y² − 36]].',
      input: { expression: 'x^4 - 32*x^2 + y^4 - 18*y^2', order: 2 },
      answer: {
        derivatives: { x: '4*x^3 - 64*x', y: '4*y^3 - 36*y' },
        hessian: [
          ['12*x^2 - 64', '0'],
          ['0', '12*y^2 - 36'],
        ],
      },
    },
    {
      title: 'y = max(w·x, 0): dy/dx',
      source:
        'Exam problem (line 2523). By hand: max(u, 0) = relu(u) with u = w·x; chain rule: dy/dx = relu′(u)·∂u/∂x = step(w·x)·w — the rubric’s 1(y > 0)·w, since y > 0 exactly when w·x > 0.',
      input: { expression: 'max(w*x, 0)', wrt: ['x'] },
      answer: { derivatives: { x: 'step(w*x)*w' } },
    },
    {
      title: 'Skip connection y = max(w·x + x, 0): dy/dx',
      source:
        'Exam problem (line 2537). By hand: u = w·x + x, ∂u/∂x = w + 1; dy/dx = step(u)·(w + 1) — the rubric’s 1(y > 0)·(w + 1).',
      input: { expression: 'max(w*x + x, 0)', wrt: ['x'] },
      answer: { derivatives: { x: 'step(w*x + x)*(w + 1)' } },
    },
    {
      title: 'Residual block H = x + R(x): ∂H/∂x',
      source: 'Exam problem (line 87). By hand: ∂H/∂x = ∂x/∂x + ∂R/∂x = 1 + R′(x) (the rubric’s 1 + r with r = ∂R/∂x).',
      input: { expression: 'H', definitions: { H: 'x + R(x)' }, functions: ['R'] },
      answer: { derivatives: { x: "1 + R'(x)" } },
    },
    {
      title: 'Two skip connections: dz/dw₀ with relu′ = 1',
      source:
        'Exam problem (line 141): F = w₁·ReLU(w₀x), y′ = F + x, y = ReLU(y′), G = ReLU(w₂y)·w₃, z′ = G + y, z = ReLU(z′), ReLU′ taken as 1. By hand: dz/dw₀ = dz/dy · dy/dw₀ = (w₃w₂ + 1)·w₁x.',
      input: {
        expression: 'z',
        wrt: ['w0'],
        definitions: {
          F: 'w1*relu(w0*x)',
          yp: 'F + x',
          y: 'relu(yp)',
          G: 'relu(w2*y)*w3',
          zp: 'G + y',
          z: 'relu(zp)',
        },
        reluDerivative: 'one',
      },
      answer: { derivatives: { w0: '(w2*w3 + 1)*w1*x' } },
    },
    {
      title: 'E = (w₁ − w₂)³ − 2(w₁² − w₂) + w₁² + w₂²: ∂E/∂w₁, ∂E/∂w₂, ∂E/∂w₃',
      source:
        'Exam problem (line 3361). By hand: ∂E/∂w₁ = 3(w₁ − w₂)² − 4w₁ + 2w₁ = 3(w₁ − w₂)² − 2w₁; ∂E/∂w₂ = −3(w₁ − w₂)² + 2 + 2w₂; E has no w₃, so ∂E/∂w₃ = 0.',
      input: { expression: '(w1 - w2)^3 - 2*(w1^2 - w2) + w1^2 + w2^2', wrt: ['w1', 'w2', 'w3'] },
      answer: { derivatives: { w1: '3*(w1 - w2)^2 - 2*w1', w2: '-3*(w1 - w2)^2 + 2*w2 + 2', w3: '0' } },
    },
    {
      title: 'f = 2x₁x₂ + 3x₁ + 4x₂: gradient and Hessian',
      source: 'Exam problem (line 3162). By hand: ∂f/∂x₁ = 2x₂ + 3, ∂f/∂x₂ = 2x₁ + 4; H = [[0, 2], [2, 0]].',
      input: { expression: '2*x1*x2 + 3*x1 + 4*x2', order: 2 },
      answer: {
        derivatives: { x1: '2*x2 + 3', x2: '2*x1 + 4' },
        hessian: [
          ['0', '2'],
          ['2', '0'],
        ],
      },
    },
    {
      title: 'f = 1/(1 + e^(−z)) at z = 3',
      source:
        'Exam problem (line 3348). By hand: f′ = e^(−z)/(1 + e^(−z))²; at z = 3: e^(−3) = 0.049787, f = 0.952574, f′ = 0.049787/1.049787² = 0.045177 (= f(1 − f)).',
      input: { expression: '1/(1 + e^(-z))', at: { z: 3 } },
      answer: {
        derivatives: { z: 'exp(-z)/(1 + exp(-z))^2' },
        value: 0.9525741268224334,
        values: { z: 0.045176659730912 },
      },
    },
  ],
});
