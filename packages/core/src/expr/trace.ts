/**
 * Reverse-mode automatic differentiation that records the computation graph
 * (micrograd-like), so solvers can show the forward and backward tables.
 */

import { type DnnInputError, isDnnInputError } from '../errors.js';
import type { Tex } from '../tex.js';
import { type Expr, variables } from './ast.js';
import { binaryValue, domainError, evaluateWith, lookup, type Site, selectIndex, unaryValue } from './evaluate.js';
import { UNARY } from './functions.js';
import { nodeTex } from './print.js';

/** One node of the computation graph, in forward order. */
export interface GraphNode {
  /** `n1`, `n2`, … in forward order. */
  id: string;
  /** `var`, `const`, `+`, `-`, `*`, `/`, `^`, `neg`, or a function name. */
  op: string;
  /** Ids of the operand nodes. */
  inputs: string[];
  value: number;
  /** ∂output/∂node, accumulated over every path. */
  grad: number;
  /** The subexpression this node computes (variable name for `var`). */
  label: string;
  /** ∂node/∂input for each input, in order: the backward table's local gradients. */
  localGrads: number[];
}

/** Value, gradient and traced graph of an expression at a point. */
export interface TracedGradient {
  value: number;
  /** ∂f/∂name for every variable of the expression. */
  gradient: Record<string, number>;
  graph: GraphNode[];
}

/** Differentiates `expr` at `at` in reverse mode, recording every node. */
export function traceGradient(expr: Expr, at: Readonly<Record<string, number>>, path = 'expression'): TracedGradient {
  return trace(expr, at, path);
}

/** {@link gradientAt}'s result: the value and gradient, or the input error that {@link traceGradient} throws. */
export type GradientAt =
  | { value: number; gradient: Record<string, number>; error?: undefined }
  /** `derivativeOnly`: the error is the derivative's, the value may exist; otherwise {@link evaluate} fails too. */
  | { error: DnnInputError; derivativeOnly: boolean };

/**
 * Value and gradient of `expr` at `at` as {@link traceGradient} computes them, without the graph's labels (printing
 * every node's label was most of the trace's cost), and its input error returned, not thrown: for callers that need
 * only the numbers at many points (an optimizer's steps), and that would otherwise evaluate again to learn whether
 * the value exists where the gradient does not.
 */
export function gradientAt(expr: Expr, at: Readonly<Record<string, number>>, path = 'expression'): GradientAt {
  const failure = { derivative: false };
  try {
    const { value, gradient } = trace(expr, at, path, failure);
    return { value, gradient };
  } catch (e) {
    if (!isDnnInputError(e)) throw e;
    return { error: e, derivativeOnly: failure.derivative };
  }
}

/**
 * The reverse-mode trace; labelled when `failure` is absent. Unlabelled, it notes in `failure` whether it stopped at
 * a derivative (not at a value: the forward values and their errors are {@link evaluate}'s, in the same order).
 */
function trace(
  expr: Expr,
  at: Readonly<Record<string, number>>,
  path: string,
  failure?: { derivative: boolean },
): TracedGradient {
  const graph: GraphNode[] = [];
  const byVariable = new Map<string, GraphNode>();
  const printed = new Map<GraphNode, Tex>();
  const operands: GraphNode[][] = []; // graph[i]'s input nodes, for the backward pass (no lookups by id)
  const node = (op: string, inputs: GraphNode[], value: number, localGrads: number[], site: Site): GraphNode => {
    let tex: Tex | undefined;
    if (!failure) {
      tex = nodeTex(
        site.expr,
        inputs.map((i) => printed.get(i) as Tex),
      );
      for (const g of localGrads) if (!Number.isFinite(g)) domainError(site, `${tex.text} is not differentiable here`);
    } else {
      // The error names the node by its label: trace again with labels, which throws it at this same node.
      for (const g of localGrads) {
        if (!Number.isFinite(g)) {
          failure.derivative = true;
          trace(expr, at, path);
        }
      }
    }
    const n: GraphNode = {
      id: `n${graph.length + 1}`,
      op,
      inputs: inputs.map((i) => i.id),
      value,
      grad: 0,
      label: tex ? tex.text : '',
      localGrads,
    };
    if (tex) printed.set(n, tex);
    graph.push(n);
    operands.push(inputs);
    return n;
  };
  const out = evaluateWith<GraphNode>(
    expr,
    {
      constant: (v, site) => node('const', [], v, [], site),
      variable: (name, site) => {
        const existing = byVariable.get(name);
        if (existing) return existing;
        const n = node('var', [], lookup(at, name, site), [], site);
        byVariable.set(name, n);
        return n;
      },
      binary: (op, a, b, site) => {
        const x = a.value;
        const y = b.value;
        const value = binaryValue(op, x, y, site);
        let locals: number[];
        if (op === '+') locals = [1, 1];
        else if (op === '-') locals = [1, -1];
        else if (op === '*') locals = [y, x];
        else if (op === '/') locals = [1 / y, -x / (y * y)];
        else {
          const dBase = y === 0 ? 0 : y === 1 ? 1 : y * x ** (y - 1);
          if (!site.constantExponent && x <= 0) {
            if (failure) failure.derivative = true;
            domainError(site, `the derivative of a power with respect to its exponent needs a positive base, not ${x}`);
          }
          locals = [dBase, site.constantExponent ? 0 : value * Math.log(x)];
        }
        return node(op, [a, b], value, locals, site);
      },
      neg: (a, site) => node('neg', [a], -a.value, [-1], site),
      unary: (fn, a, site) => node(fn, [a], unaryValue(fn, a.value, site), [UNARY[fn].d1(a.value)], site),
      select: (fn, args, site) => {
        const k = selectIndex(
          fn,
          args.map((a) => a.value),
        );
        return node(
          fn,
          args,
          args[k]?.value ?? 0,
          args.map((_, i) => (i === k ? 1 : 0)),
          site,
        );
      },
    },
    path,
  );
  out.grad = 1;
  for (let i = graph.length - 1; i >= 0; i--) {
    const n = graph[i] as GraphNode;
    const inputs = operands[i] as GraphNode[];
    for (let k = 0; k < inputs.length; k++) (inputs[k] as GraphNode).grad += n.grad * (n.localGrads[k] ?? 0);
  }
  const gradient: Record<string, number> = {};
  for (const name of variables(expr)) gradient[name] = byVariable.get(name)?.grad ?? 0;
  return { value: out.value, gradient, graph };
}
