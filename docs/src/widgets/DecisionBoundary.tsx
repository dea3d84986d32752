/**
 * Decision boundary: a perceptron's (or a logic MLP's) regions over the input
 * square, with the truth-table points. Weights are typed by hand, or designed
 * by the logic/perceptron and logic/mlp solvers when they are published.
 */
import { useMemo, useState } from 'react';
import { trySolve } from './try-solve';

/** A layered threshold network: each layer's weights are [out][in]. */
export type Network = { weights: number[][]; bias: number[] }[];

const FUNCTIONS: Record<string, { expression: string; table: number[] }> = {
  AND: { expression: 'x & y', table: [0, 0, 0, 1] },
  OR: { expression: 'x | y', table: [0, 1, 1, 1] },
  NAND: { expression: '!(x & y)', table: [1, 1, 1, 0] },
  NOR: { expression: '!(x | y)', table: [1, 0, 0, 0] },
  'x AND NOT y': { expression: 'x & !y', table: [0, 0, 1, 0] },
  XOR: { expression: 'x ^ y', table: [0, 1, 1, 0] },
  XNOR: { expression: 'x xnor y', table: [1, 0, 0, 1] },
};
const ROWS: [number, number][] = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];

/** Output of the network (1 when w·x + b > 0, else 0, layer by layer). */
export function runNetwork(net: Network, x: number[]): number {
  let a = x;
  for (const layer of net)
    a = layer.weights.map((w, i) =>
      w.reduce((s, wi, j) => s + wi * (a[j] ?? 0), 0) + (layer.bias[i] ?? 0) > 0 ? 1 : 0,
    );
  return a[0] ?? 0;
}

function toNetwork(layers: unknown): Network | undefined {
  if (!Array.isArray(layers)) return undefined;
  const net: Network = [];
  for (const l of layers as { weights?: unknown; bias?: unknown }[]) {
    const w = l.weights;
    const weights = Array.isArray(w) ? (w.every(Array.isArray) ? (w as number[][]) : [w as number[]]) : undefined;
    const bias = Array.isArray(l.bias) ? (l.bias as number[]) : typeof l.bias === 'number' ? [l.bias] : undefined;
    if (!weights || !bias) return undefined;
    net.push({ weights, bias });
  }
  return net;
}

const N = 60;
const LO = -0.25;
const HI = 1.25;

/** The widget. */
export default function DecisionBoundary() {
  const [fn, setFn] = useState('AND');
  const [w, setW] = useState({ w1: '1', w2: '1', b: '-1.5' });
  const [designed, setDesigned] = useState<{ net: Network; by: string }>();
  const [message, setMessage] = useState('');
  const manual: Network = [{ weights: [[Number(w.w1) || 0, Number(w.w2) || 0]], bias: [Number(w.b) || 0] }];
  const net = designed?.net ?? manual;
  const table = FUNCTIONS[fn]!.table;
  const outputs = ROWS.map((r) => runNetwork(net, r));
  const correct = outputs.filter((o, i) => o === table[i]).length;

  const cells = useMemo(() => {
    const out: { x: number; y: number; v: number }[] = [];
    for (let r = 0; r < N; r++) {
      for (let c = 0; c < N; c++) {
        const x = LO + ((c + 0.5) / N) * (HI - LO);
        const y = HI - ((r + 0.5) / N) * (HI - LO);
        out.push({ x: c, y: r, v: runNetwork(net, [x, y]) });
      }
    }
    return out;
  }, [net]);

  const design = (id: 'logic/perceptron' | 'logic/mlp') => {
    const result = trySolve(id, { expression: FUNCTIONS[fn]!.expression, variables: ['x', 'y'] });
    if (result.kind === 'missing') {
      setMessage(`${id} is not published yet: type the weights by hand.`);
      return;
    }
    if (result.kind === 'error') {
      setMessage(result.message);
      return;
    }
    const a = result.solution.answer;
    const built =
      id === 'logic/perceptron'
        ? a.separable
          ? toNetwork([{ weights: a.weights, bias: a.bias }])
          : undefined
        : toNetwork(a.layers);
    if (!built) {
      setMessage(
        id === 'logic/perceptron'
          ? `${fn} is not linearly separable: no single perceptron computes it.`
          : `${id} gave no network.`,
      );
      return;
    }
    setDesigned({ net: built, by: id });
    setMessage(`Weights designed by ${id}.`);
  };

  const px = (v: number) => ((v - LO) / (HI - LO)) * 300;
  const lineY = (x: number) => (-(Number(w.w1) || 0) * x - (Number(w.b) || 0)) / (Number(w.w2) || 1e-12);

  return (
    <div className="dnn-widget" data-widget="decision-boundary">
      <h3>Decision boundary</h3>
      <div className="dnn-widget__controls">
        <label>
          Function
          <select
            className="dnn-input"
            value={fn}
            onChange={(e) => {
              setFn(e.target.value);
              setDesigned(undefined);
              setMessage('');
            }}
          >
            {Object.keys(FUNCTIONS).map((f) => (
              <option key={f}>{f}</option>
            ))}
          </select>
        </label>
        {(['w1', 'w2', 'b'] as const).map((k) => (
          <label key={k}>
            {k}
            <input
              className="dnn-input"
              style={{ width: '5rem' }}
              inputMode="decimal"
              value={w[k]}
              onChange={(e) => {
                setW({ ...w, [k]: e.target.value });
                setDesigned(undefined);
              }}
            />
          </label>
        ))}
        <button
          type="button"
          className="button button--sm button--secondary"
          onClick={() => design('logic/perceptron')}
        >
          Design a perceptron
        </button>
        <button type="button" className="button button--sm button--secondary" onClick={() => design('logic/mlp')}>
          Design an MLP
        </button>
      </div>
      <svg viewBox="0 0 300 300" width={300} height={300} role="img" aria-label={`Regions of the network for ${fn}`}>
        {cells.map((c) => (
          <rect
            key={`${c.x}-${c.y}`}
            x={(c.x * 300) / N}
            y={(c.y * 300) / N}
            width={300 / N + 0.5}
            height={300 / N + 0.5}
            fill={c.v ? '#9fd0a6' : '#f3b3a7'}
          />
        ))}
        {!designed && (
          <line
            x1={px(LO)}
            y1={300 - px(lineY(LO))}
            x2={px(HI)}
            y2={300 - px(lineY(HI))}
            stroke="#333"
            strokeWidth={1.5}
          />
        )}
        {ROWS.map(([x, y], i) => (
          <g key={`${x}${y}`}>
            <circle
              cx={px(x)}
              cy={300 - px(y)}
              r={9}
              fill={table[i] ? '#1b5e20' : '#fff'}
              stroke={outputs[i] === table[i] ? '#1b5e20' : '#b3261e'}
              strokeWidth={3}
            />
            <text x={px(x) + 12} y={300 - px(y) - 10} fontSize={12}>
              ({x},{y})→{table[i]}
            </text>
          </g>
        ))}
      </svg>
      <p className="dnn-widget__note" aria-live="polite">
        Green: the network outputs 1; red: 0. Filled points should be 1, hollow 0; a red ring is a row the network gets
        wrong.{' '}
        <strong>
          {correct} of 4 rows correct
          {designed
            ? ` (network from ${designed.by}, ${designed.net.reduce((s, l) => s + l.weights.length, 0)} perceptrons)`
            : ''}
          .
        </strong>{' '}
        {message}
      </p>
    </div>
  );
}
