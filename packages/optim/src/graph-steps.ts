/**
 * The computation graph of a traced gradient as a grader's worked solution:
 * a forward table (node = operation = numbers = value) and a backward table
 * (∂f/∂node = Σ upstream grad × local grad = grad), one step per node.
 */
import {
  add,
  call,
  eq,
  frac,
  functionTex,
  type GraphNode,
  lift,
  mul,
  num,
  pow,
  type Step,
  step,
  sub,
  type Tex,
  type TexLike,
  type TracedGradient,
  tex,
} from '@dnn/core';

/** The name of a node in the steps: the variable, the constant's value, `f` for the output, else `n_k` (each made once). */
function namer(graph: readonly GraphNode[]): (id: string) => Tex {
  const byId = new Map(graph.map((n) => [n.id, n]));
  const outputId = graph[graph.length - 1]?.id;
  const made = new Map<string, Tex>();
  const make = (id: string): Tex => {
    const n = byId.get(id) as GraphNode;
    if (n.op === 'var') return tex(n.label, n.label.length > 1 ? `\\mathit{${n.label.replace(/_/g, '\\_')}}` : n.label);
    if (n.op === 'const') return num(n.value);
    if (id === outputId) return tex('f');
    return tex(id, `n_{${id.slice(1)}}`); // ids are n1, n2, … (trace.ts); a regex replace per node cost more
  };
  return (id) => {
    let t = made.get(id);
    if (t === undefined) {
      t = make(id);
      made.set(id, t);
    }
    return t;
  };
}

/** A function applied to arguments, with KaTeX's own operator names where it has them. */
const fn = functionTex;

const negate = (t: Tex): Tex => tex(`−${t.text}`, `-${t.latex}`, 'sum');

/** The operation applied to its operands (names or numbers). */
function opTex(node: GraphNode, args: Tex[]): Tex {
  const [a = tex('?'), b = tex('?')] = args;
  switch (node.op) {
    case '+':
      return add(a, b);
    case '-':
      return sub(a, b);
    case '*':
      return mul(a, b);
    case '/':
      return frac(a, b);
    case '^':
      return pow(a, b);
    case 'neg':
      return negate(a.prec === 'atom' ? a : tex(`(${a.text})`, `\\left(${a.latex}\\right)`));
    default:
      return fn(node.op, args);
  }
}

/** ∂node/∂(input k) as a formula in the operands' names. */
function localTex(node: GraphNode, k: number, args: Tex[], exponent: number | undefined): Tex {
  const [a = tex('?'), b = tex('?')] = args;
  const c = (name: string, x: Tex) => fn(name, [x]);
  const constExponent = exponent !== undefined;
  switch (node.op) {
    case '+':
      return num(1);
    case '-':
      return num(k === 0 ? 1 : -1);
    case '*':
      return k === 0 ? b : a;
    case '/':
      return k === 0 ? frac(1, b) : negate(frac(a, pow(b, 2)));
    case '^': {
      if (k === 1) return constExponent ? num(0) : mul(pow(a, b), c('ln', a));
      if (exponent === undefined) return mul(b, pow(a, sub(b, 1)));
      if (exponent === 0) return num(0);
      if (exponent === 1) return num(1);
      if (exponent === 2) return mul(2, a);
      return mul(num(exponent), pow(a, exponent - 1));
    }
    case 'neg':
      return num(-1);
    case 'exp':
      return c('exp', a);
    case 'log':
    case 'ln':
      return frac(1, a);
    case 'log2':
      return frac(1, mul(a, c('ln', tex('2'))));
    case 'log10':
      return frac(1, mul(a, c('ln', tex('10'))));
    case 'sqrt':
      return frac(1, mul(2, call('sqrt', [a])));
    case 'abs':
      return c('sign', a);
    case 'sin':
      return c('cos', a);
    case 'cos':
      return negate(c('sin', a));
    case 'tan':
      return add(1, pow(c('tan', a), 2));
    case 'tanh':
      return sub(1, pow(c('tanh', a), 2));
    case 'sigmoid':
      return mul(c('sigmoid', a), sub(1, c('sigmoid', a)));
    case 'relu':
      return tex(`[${a.text} > 0]`, `[${a.latex} > 0]`);
    case 'softplus':
      return c('sigmoid', a);
    default:
      return tex(node.localGrads[k] === 1 ? '1 (selected)' : '0', node.localGrads[k] === 1 ? '1' : '0');
  }
}

const partial = (of: Tex, by: Tex): Tex =>
  frac(tex(`∂${of.text}`, `\\partial ${of.latex}`), tex(`∂${by.text}`, `\\partial ${by.latex}`));

/** Forward and backward steps of a traced gradient (constants appear inline, not as rows). */
export function graphSteps(traced: TracedGradient): Step[] {
  const { graph } = traced;
  const name = namer(graph);
  const byId = new Map(graph.map((n) => [n.id, n]));
  const hasVar = new Set<string>();
  for (const n of graph) if (n.op === 'var' || n.inputs.some((id) => hasVar.has(id))) hasVar.add(n.id);
  const steps: Step[] = [];
  const f = tex('f');
  // Each node's value and gradient formatted once (memo maps), not again in every step that uses them.
  const shownValue = new Map<string, Tex>();
  const shownGrad = new Map<GraphNode, Tex>();
  const gradTex = (n: GraphNode): Tex => {
    let t = shownGrad.get(n);
    if (t === undefined) {
      t = num(n.grad);
      shownGrad.set(n, t);
    }
    return t;
  };
  for (const n of graph) {
    if (n.op === 'const') continue;
    const value = num(n.value);
    shownValue.set(n.id, value);
    if (n.op === 'var') {
      steps.push(step(`Forward: input ${n.label}`, eq2(name(n.id), value)));
      continue;
    }
    const names = n.inputs.map(name);
    const values = n.inputs.map((id) => shownValue.get(id) ?? num(byId.get(id)?.value ?? 0));
    const sides: TexLike[] = [name(n.id), opTex(n, names)];
    if (n.inputs.some((id) => byId.get(id)?.op !== 'const')) sides.push(opTex(n, values));
    sides.push(value);
    steps.push(step(`Forward: ${name(n.id).text} = ${n.label} (${n.op})`, eq2(...sides)));
  }
  const output = graph[graph.length - 1];
  if (!output) return steps;
  steps.push(step('Backward: seed the output', eq2(partial(f, f), 1)));
  const consumers = new Map<string, { node: GraphNode; k: number }[]>();
  for (const n of graph) {
    n.inputs.forEach((id, k) => {
      const list = consumers.get(id) ?? [];
      list.push({ node: n, k });
      consumers.set(id, list);
    });
  }
  for (let i = graph.length - 2; i >= 0; i--) {
    const n = graph[i] as GraphNode;
    if (n.op === 'const') continue;
    const edges = consumers.get(n.id) ?? [];
    const symbolic = edges.map(({ node, k }) => {
      const args = node.inputs.map(name);
      const e = node.inputs[1] ?? '';
      const exponent = node.op === '^' && !hasVar.has(e) ? byId.get(e)?.value : undefined;
      return mul(node === output ? num(1) : partial(f, name(node.id)), localTex(node, k, args, exponent));
    });
    const numeric = edges.map(({ node, k }) => mul(gradTex(node), num(node.localGrads[k] ?? 0)));
    const title =
      edges.length > 1
        ? `Backward: ${name(n.id).text} feeds ${edges.length} operations, so its gradient sums ${edges.length} paths`
        : `Backward: ${name(n.id).text} (upstream gradient × local gradient)`;
    steps.push(step(title, eq2(partial(f, name(n.id)), add(...symbolic), add(...numeric), gradTex(n))));
  }
  return steps;
}

/**
 * An equality chain that drops a side repeating the previous one (e.g. `f = 7 = 7`). Joined by core's eq, which
 * concatenates: the map + join it replaces copied every side's text and LaTeX into a new flat string per step, the
 * largest self time of the gradient solver's steps.
 */
function eq2(...sides: TexLike[]): Tex {
  const kept: Tex[] = [];
  for (const s of sides) {
    const t = lift(s);
    if (kept[kept.length - 1]?.text !== t.text) kept.push(t);
  }
  return eq(...kept);
}
