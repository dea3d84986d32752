/**
 * Layout of a traced computation graph in micrograd's `draw_dot` style: a box
 * per value node (what it computes, its value, its gradient) and, for every
 * computed node, a small operation node in front of it; edges run operand →
 * operation → result. Positions come from dagre (layered layout).
 */
import { Graph, layout } from '@dagrejs/dagre';
import { fmt4, isNumbers, isRecord, textWidth } from './format';

/** A node of the traced graph (@dnn/core's `GraphNode`). */
export interface TraceNode {
  id: string;
  op: string;
  inputs: string[];
  value: number;
  grad: number;
  label: string;
  localGrads: number[];
}

/** The nodes of a `graph` answer value, checked (every input id names an earlier node); undefined otherwise. */
export function toTrace(value: unknown): TraceNode[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const seen = new Set<string>();
  for (const n of value) {
    if (!isRecord(n) || typeof n.id !== 'string' || typeof n.op !== 'string' || typeof n.label !== 'string')
      return undefined;
    if (typeof n.value !== 'number' || typeof n.grad !== 'number') return undefined;
    if (!Array.isArray(n.inputs) || !n.inputs.every((i) => typeof i === 'string' && seen.has(i))) return undefined;
    if (n.localGrads !== undefined && !isNumbers(n.localGrads)) return undefined;
    seen.add(n.id);
  }
  return value as TraceNode[];
}

/** Symbols of the operations (function names stay as they are). */
const OPS: Record<string, string> = { '+': '+', '-': '−', '*': '×', '/': '÷', '^': '^', neg: '−x' };

/** The symbol drawn in an operation node. */
export function opSymbol(op: string): string {
  return OPS[op] ?? op;
}

/** A box (value node) or a small operation node, positioned by its centre. */
export interface GraphBox {
  /** `v:n3` for the value box of node n3, `o:n3` for its operation node. */
  key: string;
  node: TraceNode;
  kind: 'value' | 'op';
  x: number;
  y: number;
  width: number;
  height: number;
  /** Text lines: the label, the value and the gradient (value boxes), or the operation symbol. */
  lines: string[];
  /** Number of distinct nodes that use this value (value boxes). */
  consumers: number;
  /** The graph's output (last node). */
  output: boolean;
}

/** An edge with its route. */
export interface GraphEdge {
  key: string;
  from: string;
  to: string;
  points: { x: number; y: number }[];
  /** The value feeds two or more nodes (a skip connection): all its edges are drawn accented. */
  shared: boolean;
  /** `∂n3/∂n1 = 2` for operand edges. */
  title: string;
}

/** A laid-out graph in SVG units. */
export interface GraphLayout {
  boxes: GraphBox[];
  edges: GraphEdge[];
  width: number;
  height: number;
}

const LINE = 15;
const MAX_LABEL = 20;

/** The label shortened to 20 characters with an ellipsis (the full text goes in the box's title). */
export function shortLabel(s: string): string {
  const chars = [...s];
  return chars.length > MAX_LABEL ? `${chars.slice(0, MAX_LABEL - 1).join('')}…` : s;
}

/**
 * The text of an operation node: its symbol, or with `fold` the symbol with
 * its constant operands written in (`^ 4`, `32 ×`, `max(·, 0)`), `·` standing
 * for each operand that keeps its edge.
 */
export function opText(n: TraceNode, byId: ReadonlyMap<string, TraceNode>, fold: boolean): string {
  const sym = opSymbol(n.op);
  const consts = n.inputs.map((i) => (fold && byId.get(i)?.op === 'const' ? fmt4(byId.get(i)!.value) : undefined));
  if (consts.every((c) => c === undefined)) return sym;
  if (n.inputs.length === 2 && n.op in OPS) {
    const [a, b] = consts;
    return a !== undefined && b !== undefined ? `${a} ${sym} ${b}` : a !== undefined ? `${a} ${sym}` : `${sym} ${b}`;
  }
  return `${sym}(${consts.map((c) => c ?? '·').join(', ')})`;
}

/**
 * Lays the graph out left to right (`LR`) or top to bottom (`TB`). A value used
 * twice by the same node (x·x) gets two edges, one per operand. With
 * `foldConstants` (the compact picture for narrow screens) constants get no
 * box: they are written into the operation that uses them.
 */
export function layoutGraph(
  nodes: readonly TraceNode[],
  rankdir: 'LR' | 'TB' = 'LR',
  options: { foldConstants?: boolean } = {},
): GraphLayout {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const fold = options.foldConstants === true;
  const folded = (id: string) => fold && byId.get(id)?.op === 'const' && id !== nodes.at(-1)?.id;
  const g = new Graph({ multigraph: true });
  g.setGraph({
    rankdir,
    nodesep: rankdir === 'LR' ? 14 : 22,
    ranksep: rankdir === 'LR' ? 30 : 26,
    marginx: 6,
    marginy: 18, // room above the top box for its "used 2×" badge
  });
  g.setDefaultEdgeLabel(() => ({}));
  const users = new Map<string, Set<string>>();
  for (const n of nodes) for (const i of n.inputs) (users.get(i) ?? users.set(i, new Set()).get(i)!).add(n.id);
  const last = nodes.at(-1)!;
  const boxes = new Map<string, GraphBox>();
  const add = (b: Omit<GraphBox, 'x' | 'y'>) => {
    boxes.set(b.key, { ...b, x: 0, y: 0 });
    g.setNode(b.key, { width: b.width, height: b.height });
  };
  for (const n of nodes) {
    if (folded(n.id)) continue;
    const lines = [shortLabel(n.label), `value ${fmt4(n.value)}`, `grad ${fmt4(n.grad)}`];
    const width = Math.max(70, ...lines.map((l) => textWidth(l))) + 14;
    add({
      key: `v:${n.id}`,
      node: n,
      kind: 'value',
      width,
      height: lines.length * LINE + 10,
      lines,
      consumers: users.get(n.id)?.size ?? 0,
      output: n === last,
    });
    if (n.inputs.length > 0) {
      const sym = opText(n, byId, fold);
      add({
        key: `o:${n.id}`,
        node: n,
        kind: 'op',
        width: Math.max(26, textWidth(sym) + 14),
        height: 26,
        lines: [sym],
        consumers: 1,
        output: false,
      });
      g.setEdge(`o:${n.id}`, `v:${n.id}`, {}, 'result');
    }
  }
  const edges: { key: string; from: string; to: string; name: string; shared: boolean; title: string }[] = [];
  for (const n of nodes) {
    if (n.inputs.length === 0) continue;
    edges.push({
      key: `o:${n.id}>v:${n.id}`,
      from: `o:${n.id}`,
      to: `v:${n.id}`,
      name: 'result',
      shared: false,
      title: `${opSymbol(n.op)} gives ${n.id}`,
    });
    n.inputs.forEach((i, j) => {
      if (folded(i)) return;
      const name = `operand${j}`;
      g.setEdge(`v:${i}`, `o:${n.id}`, {}, name);
      const local = n.localGrads[j];
      edges.push({
        key: `v:${i}>o:${n.id}#${j}`,
        from: `v:${i}`,
        to: `o:${n.id}`,
        name,
        shared: (users.get(i)?.size ?? 0) > 1,
        title: `${i} → ${n.id} (operand ${j + 1})${local === undefined ? '' : `: local gradient ∂${n.id}/∂${i} = ${fmt4(local)}`}`,
      });
    });
  }
  layout(g);
  for (const b of boxes.values()) {
    const p = g.node(b.key) as { x: number; y: number };
    b.x = p.x;
    b.y = p.y;
  }
  const label = g.graph() as { width?: number; height?: number };
  return {
    boxes: [...boxes.values()],
    edges: edges.map((e) => ({
      key: e.key,
      from: e.from,
      to: e.to,
      shared: e.shared,
      title: e.title,
      points: (
        (g.edge({ v: e.from, w: e.to, name: e.name }) as { points?: { x: number; y: number }[] }).points ?? []
      ).map((p) => ({ x: p.x, y: p.y })),
    })),
    width: label.width ?? 0,
    height: label.height ?? 0,
  };
}

/** An SVG path through dagre's points, smoothed with quadratic curves through the midpoints. */
export function edgePath(points: readonly { x: number; y: number }[]): string {
  if (points.length === 0) return '';
  const [first, ...rest] = points;
  if (rest.length <= 1) return `M${first!.x},${first!.y}${rest.map((p) => `L${p.x},${p.y}`).join('')}`;
  let d = `M${first!.x},${first!.y}`;
  for (let i = 0; i < rest.length - 1; i++) {
    const p = rest[i]!;
    const q = rest[i + 1]!;
    const mx = i === rest.length - 2 ? q.x : (p.x + q.x) / 2;
    const my = i === rest.length - 2 ? q.y : (p.y + q.y) / 2;
    d += `Q${p.x},${p.y} ${mx},${my}`;
  }
  return d;
}
