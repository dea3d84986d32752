/**
 * Decision boundary: a perceptron's (or a logic MLP's) regions over the input
 * square, with the truth-table points. Weights are typed by hand, or designed
 * by the logic/perceptron and logic/mlp solvers when they are published.
 *
 * The regions are drawn by the answer pictures' plane renderer, which samples
 * the plane on nodes that include the corners and the diagonal exactly: the
 * XOR MLP that logic/mlp designs (h1 = step(y − x), h2 = step(x − y), bias 0,
 * y = h1 OR h2) outputs 0 only on the line x = y, which a grid of cell
 * centres missed, so the square looked all green.
 */
import { useState } from 'react';
import DecisionPlane from '../components/answer/pictures/DecisionPlane';
import { cornersOnBoundaries, networkValue } from '../components/answer/pictures/network-model';
import { booleanBox } from '../components/answer/pictures/plane';
import '../components/answer/pictures/pictures.css';
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

/** Output of the network (1 when w·x + b > 0, else 0, layer by layer: the solvers' defaults). */
export function runNetwork(net: Network, x: number[]): number {
  return networkValue(net, x, '>0', 'binary');
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
  const tight = cornersOnBoundaries(
    net,
    ROWS.map((x) => ({ x })),
  );

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
      <div className="dnn-pic" style={{ maxWidth: 420 }}>
        <DecisionPlane
          layers={net}
          rule=">0"
          encoding="binary"
          box={booleanBox('binary')}
          names={['x', 'y']}
          firstUnits={net[0]?.weights.map((_, k) => (net.length === 1 ? 'y' : `h${k + 1}`))}
          points={ROWS.map((x, i) => ({ x, target: table[i]! }))}
          label={`Regions of the network for ${fn}: its output over the square, with the four truth-table rows.`}
        />
      </div>
      <p className="dnn-widget__note" aria-live="polite">
        Blue: the network outputs 1; orange: 0. Filled points should be 1, hollow 0; a red dashed ring is a row the
        network gets wrong.{' '}
        <strong>
          {correct} of 4 rows correct
          {designed
            ? ` (network from ${designed.by}, ${designed.net.reduce((s, l) => s + l.weights.length, 0)} perceptrons)`
            : ''}
          .
        </strong>{' '}
        {message}
        {tight.length > 0 &&
          ` ${[...new Set(tight.map((t) => `(${t.x.join(', ')})`))].join(', ')} lie${tight.length > 1 ? '' : 's'} exactly on a first-layer unit’s line w·x + b = 0: that unit is decided there by the strict rule “> 0” alone, with no margin${designed && correct === 4 ? ', so the region where the network outputs 0 can be as thin as a line' : ''}.`}
      </p>
    </div>
  );
}
