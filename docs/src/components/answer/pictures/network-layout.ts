/**
 * Layout of a layered network diagram: one column per layer (inputs first),
 * units centred in their column, one edge per non-zero weight with its width,
 * sign and label position.
 */
import type { Layer } from './network-model';

/** A node of the diagram: an input or a unit. */
export interface DiagramNode {
  id: string;
  name: string;
  /** 0 for the inputs, l for the units of layer l (1-based). */
  column: number;
  x: number;
  y: number;
  /** The unit's bias (undefined for inputs). */
  bias?: number;
}

/** A weighted connection. */
export interface DiagramEdge {
  from: DiagramNode;
  to: DiagramNode;
  weight: number;
  /** Stroke width, 1 to 4, in proportion to |weight| / max |weight|. */
  width: number;
  /** Where the weight's label sits (undefined when the diagram is too large to label). */
  label?: { x: number; y: number };
}

/** The laid-out diagram in SVG units. */
export interface DiagramLayout {
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  width: number;
  height: number;
  /** Whether the edges carry their weight labels. */
  labelled: boolean;
  /** Radius of the node circles (smaller when a column holds many units). */
  radius: number;
}

/** Layout constants (SVG units): columns 140 apart, rows 58 apart (closer, down to 24, beyond 12 nodes in a column). */
export const DIAGRAM = {
  column: 140,
  row: 58,
  radius: 21,
  margin: 34,
  /** Above and below: room for the top unit's name (larger on phones). */
  marginY: 42,
  maxLabelledEdges: 40,
  roomyColumn: 12,
  labelOffset: 7,
};

/**
 * Lays the network out left to right. Zero weights get no edge. Labels sit
 * just above each edge at a fraction of its length that grows with the
 * target's index in its layer (0.3 for the first unit to 0.7 for the last),
 * so the labels of edges leaving one node spread out instead of piling up.
 */
export function layoutNetwork(layers: readonly Layer[], inputs: readonly string[], units: readonly string[][]) {
  const sizes = [inputs.length, ...layers.map((l) => l.weights.length)];
  const tallest = Math.max(...sizes);
  const row = tallest > DIAGRAM.roomyColumn ? Math.max(24, (DIAGRAM.row * DIAGRAM.roomyColumn) / tallest) : DIAGRAM.row;
  const radius = Math.min(DIAGRAM.radius, row * 0.38);
  const height = 2 * DIAGRAM.marginY + (tallest - 1) * row;
  const column = (c: number, names: readonly string[], bias?: readonly number[]): DiagramNode[] =>
    names.map((name, k) => ({
      id: `${c}:${k}`,
      name,
      column: c,
      x: DIAGRAM.margin + 14 + c * DIAGRAM.column,
      y: height / 2 + (k - (names.length - 1) / 2) * row,
      ...(bias ? { bias: bias[k]! } : {}),
    }));
  const columns = [column(0, inputs), ...layers.map((l, i) => column(i + 1, units[i] ?? [], l.bias))];
  const maxWeight = Math.max(...layers.flatMap((l) => l.weights.flat().map(Math.abs)), 0);
  const edges: DiagramEdge[] = [];
  layers.forEach((layer, i) => {
    const targets = layer.weights.length;
    layer.weights.forEach((row, k) => {
      row.forEach((weight, j) => {
        if (weight === 0) return;
        edges.push({
          from: columns[i]![j]!,
          to: columns[i + 1]![k]!,
          weight,
          width: maxWeight > 0 ? 1 + (3 * Math.abs(weight)) / maxWeight : 1,
        });
        const t = targets > 1 ? 0.3 + (0.4 * k) / (targets - 1) : 0.5;
        const e = edges.at(-1)!;
        const len = Math.hypot(e.to.x - e.from.x, e.to.y - e.from.y);
        // Beside the edge, on its upper side (the normal (uy, −ux) points up since edges run left to right).
        const [nx, ny] = [(e.to.y - e.from.y) / len, -(e.to.x - e.from.x) / len];
        e.label = {
          x: e.from.x + (e.to.x - e.from.x) * t + nx * DIAGRAM.labelOffset,
          y: e.from.y + (e.to.y - e.from.y) * t + ny * DIAGRAM.labelOffset,
        };
      });
    });
  });
  const labelled = edges.length <= DIAGRAM.maxLabelledEdges;
  if (!labelled) for (const e of edges) delete e.label;
  return {
    nodes: columns.flat(),
    edges,
    width: 2 * (DIAGRAM.margin + 14) + layers.length * DIAGRAM.column,
    height,
    labelled,
    radius,
  } satisfies DiagramLayout;
}
