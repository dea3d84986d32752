/**
 * optim/gradient — value and gradient of an expression at a point, worked as
 * a computation graph: a forward table and a backward table, the way exams draw it.
 */
import { a, DnnInputError, defineSolver, eq, type GraphNode, s, step, traceGradient, vec } from '@dnn/core';
import * as z from 'zod/mini';
import { gradientMap, valueAtPoint } from './answer-rows.js';
import {
  checkTraceWork,
  expressionField,
  functionSteps,
  parseCovered,
  pointField,
  requireFinite,
  VARIABLES_MAX,
} from './expression-input.js';
import { graphSteps } from './graph-steps.js';
import { partialSteps, symbolicPartials } from './symbolic-steps.js';

const input = s.object({
  expression: expressionField(
    'The function f, e.g. "relu(a*x + b*y + c)" or "1/(1 + exp(-z))": numbers, names, + − * / ^, parentheses, e, pi and exp log ln log2 log10 sqrt abs sin cos tan tanh sigmoid relu softplus max min.',
  ),
  at: pointField('The point: a value for every variable of the expression, e.g. {"z": 3}.'),
  wrt: z
    .optional(z.array(z.string()).check(z.maxLength(VARIABLES_MAX)))
    .check(z.describe('Variables to differentiate with respect to (default: every key of `at`, in its order).')),
});

/** A node of the answer's computation graph (forward order): @dnn/core's traced {@link GraphNode}. */
export type GradientGraphNode = GraphNode;

const answer = a.answer({
  value: valueAtPoint,
  gradient: gradientMap('∂f/∂name for every name of `wrt` (default: every key of `at`), in that order.'),
  graph: a.graph(
    'Computation graph',
    'The nodes of f in forward order: operation, value in the forward pass, and gradient ∂f/∂node from the backward pass.',
  ),
});

/** The answer of optim/gradient. */
export type GradientAnswer = z.output<typeof answer>;

/** optim/gradient: reverse-mode differentiation with the computation graph shown. */
export const gradient = defineSolver({
  id: 'optim/gradient',
  title: 'Gradient through a computation graph',
  description:
    'Value and gradient of an expression at a point by backpropagation through its computation graph, with the forward table (node, operation, value) and the backward table (upstream × local gradient).',
  input,
  answer,
  solveParsed(inp) {
    const expr = parseCovered(inp.expression, 'expression', inp.at, 'at');
    const wrt = inp.wrt ?? Object.keys(inp.at);
    const seen = new Set<string>();
    wrt.forEach((name, i) => {
      if (!Object.hasOwn(inp.at, name)) {
        throw new DnnInputError(
          `wrt[${i}]`,
          `${JSON.stringify(name)} has no value in \`at\`; give it one to differentiate`,
        );
      }
      if (seen.has(name)) throw new DnnInputError(`wrt[${i}]`, `${JSON.stringify(name)} is listed twice`);
      seen.add(name);
    });
    checkTraceWork(expr, 1, 'expression', 'the computation graph of this expression');
    const traced = traceGradient(expr, inp.at);
    const grads = wrt.map((name) => traced.gradient[name] ?? 0);
    requireFinite([traced.value, ...traced.graph.map((n) => n.grad)], 'expression', 'the gradient');
    const answerGradient = Object.fromEntries(wrt.map((name, i) => [name, grads[i] as number]));
    const partials = symbolicPartials(expr, wrt);
    const steps = [
      ...functionSteps(expr, inp.at),
      ...(partials ? partialSteps(partials, inp.at, grads) : []),
      ...graphSteps(traced),
      step('Gradient', eq(vec(wrt.map((name) => `∂f/∂${name}`)), vec(grads))),
    ];
    const notes = [
      'Reverse-mode differentiation (backpropagation): each node’s gradient is the sum over the operations that use it of upstream gradient × local gradient.',
    ];
    notes.push(...subgradientNotes(traced.graph));
    const unused = wrt.filter((name) => !traced.graph.some((n) => n.op === 'var' && n.label === name));
    if (unused.length)
      notes.push(`${unused.join(', ')} do${unused.length === 1 ? 'es' : ''} not appear in f, so ∂f/∂${unused[0]} = 0.`);
    return {
      answer: {
        value: traced.value,
        gradient: answerGradient,
        graph: traced.graph.map(({ id, op, inputs, value, grad, label, localGrads }) => ({
          id,
          op,
          inputs,
          value,
          grad,
          label,
          localGrads,
        })),
      } satisfies GradientAnswer,
      steps,
      notes,
    };
  },
  examples: [
    {
      title: 'Sigmoid as a graph: f = 1/(1 + e^(−z)) at z = 3',
      source:
        'Exam problem (computation graph of the sigmoid). By hand: p = −3, q = e^(−3) = 0.049787, r = 1 + q = 1.049787, f = 1/r = 0.952574; ∂f/∂r = −1/r² = −0.907397, ∂f/∂q = −0.907397, ∂f/∂p = −0.907397·e^(−3) = −0.045177, ∂f/∂z = 0.045177 = σ(3)(1 − σ(3)). The rubric’s −1/0.953² and 0.0548 are wrong.',
      input: { expression: '1/(1 + exp(-z))', at: { z: 3 } },
      answer: { value: 1 / (1 + Math.exp(-3)), gradient: { z: Math.exp(-3) / (1 + Math.exp(-3)) ** 2 } },
    },
    {
      title: 'f = relu(a·x + b·y + c) at a = 3, b = 2, c = −5, x = 2, y = 3',
      source:
        'Exam problem. By hand: p = ax = 6, q = by = 6, r = p + q = 12, s = r + c = 7 > 0, f = 7; relu′(7) = 1, so ∂f/∂a = x = 2, ∂f/∂b = y = 3, ∂f/∂c = 1, ∂f/∂x = a = 3, ∂f/∂y = b = 2.',
      input: { expression: 'relu(a*x + b*y + c)', at: { a: 3, b: 2, c: -5, x: 2, y: 3 } },
      answer: { value: 7, gradient: { a: 2, b: 3, c: 1, x: 3, y: 2 } },
    },
    {
      title: 'f = x⁴ − 32x² + y⁴ − 18y² at (2, 2)',
      source:
        'Exam problem. By hand: f = 16 − 128 + 16 − 72 = −168; ∂f/∂x = 4x³ − 64x = 32 − 128 = −96, ∂f/∂y = 4y³ − 36y = 32 − 72 = −40 (the rubric writes 36x for 36y; at x = y it gives the same number).',
      input: { expression: 'x^4 - 32x^2 + y^4 - 18y^2', at: { x: 2, y: 2 } },
      answer: { value: -168, gradient: { x: -96, y: -40 } },
    },
    {
      title: 'Exponential loss L(z) = e^(−z), z = y·w·x, at y = 1, w = 0.5, x = 2',
      source:
        'Exam problem (SGD update of the exponential loss; the numbers are ours). By hand: z = 1·0.5·2 = 1, L = e^(−1) = 0.367879; ∂L/∂w = −e^(−z)·y·x = −2e^(−1) = −0.735759, so Δw = −η·∂L/∂w = η·e^(−z)·y·x as in the rubric.',
      input: { expression: 'exp(-(y*w*x))', at: { y: 1, w: 0.5, x: 2 }, wrt: ['w'] },
      answer: { value: Math.exp(-1), gradient: { w: -2 * Math.exp(-1) } },
    },
  ],
});

/** Notes for the non-differentiable points the graph went through (relu, abs at 0; max/min ties). */
export function subgradientNotes(graph: readonly GraphNode[]): string[] {
  const value = new Map(graph.map((n) => [n.id, n.value]));
  const args = (n: GraphNode) => n.inputs.map((id) => value.get(id));
  const notes: string[] = [];
  if (graph.some((n) => n.op === 'relu' && args(n)[0] === 0)) {
    notes.push('relu′(0) is taken as 0 (PyTorch and TensorFlow do the same).');
  }
  if (graph.some((n) => n.op === 'abs' && args(n)[0] === 0)) notes.push('abs′(0) is taken as 0 (a subgradient).');
  if (graph.some((n) => (n.op === 'max' || n.op === 'min') && new Set(args(n)).size < n.inputs.length)) {
    notes.push('At a tie, max/min pass the whole gradient to their first tied argument.');
  }
  return notes;
}
