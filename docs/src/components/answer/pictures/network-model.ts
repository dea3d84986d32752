/**
 * A threshold network as the pictures read it: layers from an answer value,
 * the firing rule and encoding from the input, names of inputs and units,
 * and the network's output on a point.
 *
 * The evaluation is the semantics of @dnn/logic-nets' `runNetwork` (network.ts):
 * a unit outputs 1 when w·x + b > 0 (fireWhen ">0", the default) or ≥ 0
 * (">=0"), else 0, or −1 with bipolar encoding; layer by layer. That package
 * exports only its solvers, so the few lines are repeated here; when it
 * exports `runNetwork`, import it instead.
 */
import { isMatrix, isNumbers, isRecord } from './format';

/** One layer of threshold units: `weights[unit][input]`, `bias[unit]`. */
export interface Layer {
  weights: number[][];
  bias: number[];
}

/** When a unit fires: w·x + b > 0, or ≥ 0. */
export type FireWhen = '>0' | '>=0';
/** Truth values as 0/1 (binary) or −1/+1 (bipolar). */
export type Encoding = 'binary' | 'bipolar';

/**
 * The layers of a `network` answer value (an array of layers, or a record with
 * `layers`), checked: every layer's rows as long as the previous layer's
 * outputs, one bias per unit. Undefined when the value is not such a network.
 */
export function toLayers(value: unknown): Layer[] | undefined {
  const raw = isRecord(value) && Array.isArray(value.layers) ? value.layers : value;
  if (!Array.isArray(raw) || raw.length === 0) return undefined;
  let width: number | undefined;
  const layers: Layer[] = [];
  for (const l of raw) {
    if (!isRecord(l) || !isMatrix(l.weights) || !isNumbers(l.bias)) return undefined;
    const { weights, bias } = l;
    if (bias.length !== weights.length) return undefined;
    const inputs = (weights[0] as number[]).length;
    if (width !== undefined && inputs !== width) return undefined;
    width = weights.length;
    layers.push({ weights, bias });
  }
  return layers;
}

/** Whether a unit with pre-activation z fires. */
export function fires(z: number, rule: FireWhen): boolean {
  return rule === '>0' ? z > 0 : z >= 0;
}

/** The outputs of every layer for one encoded input. */
export function runLayers(layers: readonly Layer[], x: readonly number[], rule: FireWhen, encoding: Encoding) {
  const off = encoding === 'bipolar' ? -1 : 0;
  const outs: number[][] = [];
  let a = x;
  for (const { weights, bias } of layers) {
    a = weights.map((w, k) => (fires(w.reduce((s, wi, i) => s + wi * (a[i] as number), 0) + bias[k]!, rule) ? 1 : off));
    outs.push(a as number[]);
  }
  return outs;
}

/** The first output unit of the network on one encoded input. */
export function networkValue(layers: readonly Layer[], x: readonly number[], rule: FireWhen, encoding: Encoding) {
  return runLayers(layers, x, rule, encoding).at(-1)?.[0] ?? Number.NaN;
}

/**
 * The firing rule: the input's `fireWhen` when given; otherwise the rule the
 * field's description states first ("outputs 1 when w·x + b ≥ 0", as
 * logic/region-mlp's network documents it); otherwise `>0`, the default.
 */
export function fireRule(input: Record<string, unknown>, description: string | undefined): FireWhen {
  if (input.fireWhen === '>0' || input.fireWhen === '>=0') return input.fireWhen;
  const m = /when w·x \+ b (>|≥|>=) 0/.exec(description ?? '');
  return m && m[1] !== '>' ? '>=0' : '>0';
}

/** The encoding of the input (`binary` unless it says `bipolar`). */
export function encodingOf(input: Record<string, unknown>): Encoding {
  return input.encoding === 'bipolar' ? 'bipolar' : 'binary';
}

/** Names of the n inputs: the input's `variables`, else the answer's `variables`, else x1…xn. */
export function inputNames(n: number, input: Record<string, unknown>, answer: Record<string, unknown>): string[] {
  for (const v of [input.variables, answer.variables]) {
    if (Array.isArray(v) && v.length === n && v.every((s) => typeof s === 'string')) return v as string[];
  }
  return Array.from({ length: n }, (_, i) => `x${i + 1}`);
}

/** Unit names by layer: h1…hk with one hidden layer (h1.1… with several), y (or y1…) for the output layer. */
export function unitNames(layers: readonly Layer[]): string[][] {
  const hidden = layers.length - 1;
  return layers.map((l, i) =>
    l.weights.map((_, k) => {
      if (i === hidden) return l.weights.length === 1 ? 'y' : `y${k + 1}`;
      return hidden === 1 ? `h${k + 1}` : `h${i + 1}.${k + 1}`;
    }),
  );
}

/** A row of the truth table on the plane: the encoded input and the function's value there, when known. */
export interface TruthPoint {
  x: [number, number];
  target?: number;
}

/**
 * The four rows of a 2-input truth table with their targets, from (first that
 * applies): the input's `truthTable` (rows left out are false, or don't-cares without a target with
 * `unlisted: "dont-care"`);
 * an answer list of rows `{ x, target }` (logic/perceptron's inequalities); a
 * `verified: true` flag next to the network (the network then reproduces every
 * specified row, and an expression specifies them all, so its outputs are the
 * targets). Otherwise the rows have no target.
 */
export function truthPoints(
  layers: readonly Layer[],
  value: unknown,
  input: Record<string, unknown>,
  answer: Record<string, unknown>,
  rule: FireWhen,
  encoding: Encoding,
): TruthPoint[] {
  const lo = encoding === 'bipolar' ? -1 : 0;
  const corners: [number, number][] = [
    [lo, lo],
    [lo, 1],
    [1, lo],
    [1, 1],
  ];
  const same = (a: readonly number[], b: readonly number[]) => a.length === 2 && a[0] === b[0] && a[1] === b[1];
  const table = input.truthTable;
  if (isRecord(table) && Array.isArray(table.inputs) && isNumbers(table.outputs)) {
    const { inputs, outputs } = table;
    const dontCare = table.unlisted === 'dont-care';
    return corners.map((x) => {
      const r = inputs.findIndex((row) => isNumbers(row) && same(row, x));
      if (r >= 0 && outputs[r] !== undefined) return { x, target: outputs[r] };
      return dontCare ? { x } : { x, target: lo };
    });
  }
  for (const list of Object.values(answer)) {
    if (!Array.isArray(list) || list.length === 0) continue;
    const rows = list.filter((r) => isRecord(r) && isNumbers(r.x) && typeof r.target === 'number') as {
      x: number[];
      target: number;
    }[];
    if (rows.length !== list.length) continue;
    return corners.map((x) => {
      const row = rows.find((r) => same(r.x, x));
      return row ? { x, target: row.target } : { x };
    });
  }
  if (verifiedNextTo(value, answer))
    return corners.map((x) => ({ x, target: networkValue(layers, x, rule, encoding) }));
  return corners.map((x) => ({ x }));
}

/** The `verified` flag of the answer, or of the answer's record that holds `value` (compared by content). */
function verifiedNextTo(value: unknown, answer: Record<string, unknown>): boolean {
  const text = JSON.stringify(value);
  const holds = (r: Record<string, unknown>) => Object.values(r).some((v) => v === value || JSON.stringify(v) === text);
  if (holds(answer)) return answer.verified === true;
  for (const v of Object.values(answer)) if (isRecord(v) && holds(v)) return v.verified === true;
  return false;
}

/**
 * The first-layer units whose boundary w·x + b = 0 passes exactly through a
 * truth-table corner: there the unit's output is decided by the strict or
 * non-strict rule alone (the network has no margin at that corner).
 */
export function cornersOnBoundaries(layers: readonly Layer[], points: readonly TruthPoint[]) {
  const first = layers[0];
  if (!first) return [];
  return points.flatMap((p) =>
    first.weights.flatMap((w, k) =>
      w.reduce((s, wi, i) => s + wi * (p.x[i] as number), 0) + first.bias[k]! === 0 ? [{ x: p.x, unit: k }] : [],
    ),
  );
}
