/**
 * Reverse-mode automatic differentiation that records the computation graph
 * (micrograd-like), so solvers can show the forward and backward tables.
 */

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
  const graph: GraphNode[] = [];
  const byVariable = new Map<string, GraphNode>();
  const printed = new Map<GraphNode, Tex>();
  const node = (op: string, inputs: GraphNode[], value: number, localGrads: number[], site: Site): GraphNode => {
    const label = nodeTex(
      site.expr,
      inputs.map((i) => printed.get(i) as Tex),
    );
    for (const g of localGrads) if (!Number.isFinite(g)) domainError(site, `${label.text} is not differentiable here`);
    const n: GraphNode = {
      id: `n${graph.length + 1}`,
      op,
      inputs: inputs.map((i) => i.id),
      value,
      grad: 0,
      label: label.text,
      localGrads,
    };
    printed.set(n, label);
    graph.push(n);
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
          if (!site.constantExponent && x <= 0)
            domainError(site, `the derivative of a power with respect to its exponent needs a positive base, not ${x}`);
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
  const byId = new Map(graph.map((n) => [n.id, n]));
  for (let i = graph.length - 1; i >= 0; i--) {
    const n = graph[i] as GraphNode;
    n.inputs.forEach((id, k) => {
      const input = byId.get(id) as GraphNode;
      input.grad += n.grad * (n.localGrads[k] ?? 0);
    });
  }
  const gradient: Record<string, number> = {};
  for (const name of variables(expr)) gradient[name] = byVariable.get(name)?.grad ?? 0;
  return { value: out.value, gradient, graph };
}
