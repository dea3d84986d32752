/**
 * Unrolled RNN / LSTM stepper: one box per time step with its values, revealed
 * step by step. Values come from rnn/forward or rnn/lstm-forward when those
 * solvers are published, else from the widget's own scalar cell.
 */
import { useMemo, useState } from 'react';
import Tex from '../components/Tex';
import { trySolve } from './try-solve';

type Act = 'tanh' | 'sigmoid' | 'relu' | 'linear';
const ACT: Record<Act, (z: number) => number> = {
  tanh: Math.tanh,
  sigmoid: (z) => 1 / (1 + Math.exp(-z)),
  relu: (z) => Math.max(0, z),
  linear: (z) => z,
};
const GATES = ['i', 'f', 'g', 'o'] as const;
type Gate = (typeof GATES)[number];

interface StepValues {
  x: number;
  h: number;
  c?: number;
  gates?: Record<Gate, number>;
}

function parseList(text: string): number[] {
  return text
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map(Number)
    .filter(Number.isFinite)
    .slice(0, 12);
}

/** Scalar RNN h_t = act(wx·x_t + wh·h_{t−1} + b), the widget's fallback. */
export function scalarRnn(xs: number[], wx: number, wh: number, b: number, act: Act): StepValues[] {
  let h = 0;
  return xs.map((x) => {
    h = ACT[act](wx * x + wh * h + b);
    return { x, h };
  });
}

/** Scalar LSTM (biases 0), the widget's fallback. */
export function scalarLstm(
  xs: number[],
  wx: Record<Gate, number>,
  wh: Record<Gate, number>,
  candidate: Act,
  cell: Act,
): StepValues[] {
  let h = 0;
  let c = 0;
  return xs.map((x) => {
    const pre = (k: Gate) => wx[k] * x + wh[k] * h;
    const gates = {
      i: ACT.sigmoid(pre('i')),
      f: ACT.sigmoid(pre('f')),
      g: ACT[candidate](pre('g')),
      o: ACT.sigmoid(pre('o')),
    };
    c = gates.f * c + gates.i * gates.g;
    h = gates.o * ACT[cell](c);
    return { x, h, c, gates };
  });
}

const first = (v: unknown): number => (Array.isArray(v) ? first(v[0]) : typeof v === 'number' ? v : Number.NaN);
const num = (s: string) => Number(s) || 0;
const f3 = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '?' : String(+v.toFixed(3)));

/** The widget. */
export default function RnnStepper() {
  const [cell, setCell] = useState<'rnn' | 'lstm'>('rnn');
  const [xsText, setXsText] = useState('1, 2, -1, 0.5');
  const [rnnW, setRnnW] = useState({ wx: '0.5', wh: '0.8', b: '0' });
  const [act, setAct] = useState<Act>('tanh');
  const [lstmWx] = useState<Record<Gate, number>>({ i: 0.3, f: 0.6, g: 0.5, o: 0.4 });
  const [lstmWh] = useState<Record<Gate, number>>({ i: 0.1, f: 0.5, g: 0.2, o: 0.9 });
  const [sigmoidCell, setSigmoidCell] = useState(false);
  const [t, setT] = useState(1);
  const xs = useMemo(() => parseList(xsText), [xsText]);

  const { steps, by } = useMemo((): { steps: StepValues[]; by: string } => {
    if (cell === 'rnn') {
      const [wx, wh, b] = [num(rnnW.wx), num(rnnW.wh), num(rnnW.b)];
      const r = trySolve('rnn/forward', {
        Wxh: [[wx]],
        Whh: [[wh]],
        bh: [b],
        h0: [0],
        xs: xs.map((x) => [x]),
        activation: act,
      });
      if (r.kind === 'solved' && Array.isArray(r.solution.answer.h)) {
        return {
          steps: (r.solution.answer.h as unknown[]).map((h, i) => ({ x: xs[i]!, h: first(h) })),
          by: 'rnn/forward',
        };
      }
      return { steps: scalarRnn(xs, wx, wh, b, act), by: 'widget' };
    }
    const candidate: Act = sigmoidCell ? 'sigmoid' : 'tanh';
    const wrap = (m: Record<Gate, number>) => Object.fromEntries(GATES.map((k) => [k, [[m[k]]]]));
    const r = trySolve('rnn/lstm-forward', {
      Wx: wrap(lstmWx),
      Wh: wrap(lstmWh),
      h0: [0],
      c0: [0],
      xs: xs.map((x) => [x]),
      candidateActivation: candidate,
      cellActivation: candidate,
    });
    if (r.kind === 'solved' && Array.isArray(r.solution.answer.h)) {
      const a = r.solution.answer as { h: unknown[]; c: unknown[]; gates: Record<Gate, unknown>[] };
      return {
        steps: a.h.map((h, i) => ({
          x: xs[i]!,
          h: first(h),
          c: first(a.c[i]),
          gates: Object.fromEntries(GATES.map((k) => [k, first(a.gates[i]?.[k])])) as Record<Gate, number>,
        })),
        by: 'rnn/lstm-forward',
      };
    }
    return { steps: scalarLstm(xs, lstmWx, lstmWh, candidate, candidate), by: 'widget' };
  }, [cell, xs, rnnW, act, lstmWx, lstmWh, sigmoidCell]);

  const T = steps.length;
  const shown = Math.min(t, T);
  const cur = steps[shown - 1];
  const prevH = shown > 1 ? steps[shown - 2]!.h : 0;
  const prevC = shown > 1 ? (steps[shown - 2]!.c ?? 0) : 0;
  const colW = 110;
  const width = Math.max(1, T) * colW + 60;
  const lstm = cell === 'lstm';

  let latex = '';
  if (cur && !lstm) {
    latex = `h_{${shown}} = \\operatorname{${act}}(${f3(num(rnnW.wx))}\\cdot ${f3(cur.x)} + ${f3(num(rnnW.wh))}\\cdot ${f3(prevH)} + ${f3(num(rnnW.b))}) = ${f3(cur.h)}`;
  } else if (cur?.gates) {
    const g = cur.gates;
    latex =
      `i=${f3(g.i)},\\ f=${f3(g.f)},\\ g=${f3(g.g)},\\ o=${f3(g.o)},\\quad c_{${shown}} = ${f3(g.f)}\\cdot ${f3(prevC)} + ${f3(g.i)}\\cdot ${f3(g.g)} = ${f3(cur.c)},\\quad h_{${shown}} = ${f3(g.o)}\\cdot \\operatorname{${sigmoidCell ? 'σ' : 'tanh'}}(${f3(cur.c)}) = ${f3(cur.h)}`.replace(
        'σ',
        '\\sigma',
      );
  }

  return (
    <div className="dnn-widget" data-widget="rnn-stepper">
      <h3>Unrolled {lstm ? 'LSTM' : 'RNN'}</h3>
      <div className="dnn-widget__controls">
        <label>
          Cell
          <select
            className="dnn-input"
            value={cell}
            onChange={(e) => {
              setCell(e.target.value as 'rnn' | 'lstm');
              setT(1);
            }}
          >
            <option value="rnn">RNN (scalar)</option>
            <option value="lstm">LSTM (scalar, biases 0)</option>
          </select>
        </label>
        <label>
          Inputs x₁…x_T
          <input className="dnn-input" value={xsText} onChange={(e) => setXsText(e.target.value)} />
        </label>
        {!lstm &&
          (['wx', 'wh', 'b'] as const).map((k) => (
            <label key={k}>
              {k}
              <input
                className="dnn-input"
                style={{ width: '5rem' }}
                value={rnnW[k]}
                onChange={(e) => setRnnW({ ...rnnW, [k]: e.target.value })}
              />
            </label>
          ))}
        {!lstm && (
          <label>
            Activation
            <select className="dnn-input" value={act} onChange={(e) => setAct(e.target.value as Act)}>
              {(Object.keys(ACT) as Act[]).map((a) => (
                <option key={a}>{a}</option>
              ))}
            </select>
          </label>
        )}
        {lstm && (
          <label style={{ flexDirection: 'row', alignItems: 'center' }}>
            <input type="checkbox" checked={sigmoidCell} onChange={(e) => setSigmoidCell(e.target.checked)} /> σ as
            candidate and cell activation (some exams)
          </label>
        )}
      </div>
      {lstm && (
        <p className="dnn-widget__note">
          Input weights i {lstmWx.i}, f {lstmWx.f}, g {lstmWx.g}, o {lstmWx.o}; recurrent weights i {lstmWh.i}, f{' '}
          {lstmWh.f}, g {lstmWh.g}, o {lstmWh.o}; h₀ = c₀ = 0.
        </p>
      )}
      <div className="dnn-widget__controls">
        <button
          type="button"
          className="button button--sm button--secondary"
          onClick={() => setT(Math.max(1, shown - 1))}
          disabled={shown <= 1}
        >
          Previous step
        </button>
        <button
          type="button"
          className="button button--sm button--primary"
          onClick={() => setT(Math.min(T, shown + 1))}
          disabled={shown >= T}
        >
          Next step
        </button>
        <span aria-live="polite">
          Step {shown} of {T}
        </span>
      </div>
      <svg
        viewBox={`0 0 ${width} ${lstm ? 230 : 190}`}
        width={width}
        role="img"
        aria-label={`Unrolled ${cell} over ${T} steps`}
      >
        <defs>
          <marker id="dnn-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto">
            <path d="M0,0 L10,5 L0,10 z" fill="currentColor" />
          </marker>
        </defs>
        <text x={4} y={lstm ? 112 : 92} fontSize={12} fill="currentColor">
          h₀=0
        </text>
        {steps.map((s, i) => {
          const x = 50 + i * colW;
          const on = i < shown;
          const now = i === shown - 1;
          const box = (y: number, label: string, value: number | undefined) => (
            <g>
              <rect
                x={x}
                y={y}
                width={80}
                height={34}
                rx={6}
                fill={now ? '#ffe8a3' : on ? 'rgba(46,95,168,0.12)' : 'none'}
                stroke="currentColor"
                strokeOpacity={on ? 1 : 0.35}
              />
              <text x={x + 40} y={y + 22} textAnchor="middle" fontSize={13} fill="currentColor" opacity={on ? 1 : 0.5}>
                {label}={on ? f3(value) : '?'}
              </text>
            </g>
          );
          const hy = lstm ? 95 : 75;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: time steps are positional
            <g key={i} data-step={i + 1}>
              {box(lstm ? 170 : 140, `x${i + 1}`, s.x)}
              {box(hy, `h${i + 1}`, s.h)}
              {lstm && box(20, `c${i + 1}`, s.c)}
              <line
                x1={x + 40}
                y1={lstm ? 170 : 140}
                x2={x + 40}
                y2={hy + 36}
                stroke="currentColor"
                markerEnd="url(#dnn-arrow)"
                opacity={on ? 1 : 0.35}
              />
              <line
                x1={x - 28}
                y1={hy + 17}
                x2={x - 2}
                y2={hy + 17}
                stroke="currentColor"
                markerEnd="url(#dnn-arrow)"
                opacity={on ? 1 : 0.35}
              />
              {lstm && (
                <line
                  x1={x - 28}
                  y1={37}
                  x2={x - 2}
                  y2={37}
                  stroke="currentColor"
                  markerEnd="url(#dnn-arrow)"
                  opacity={on ? 1 : 0.35}
                />
              )}
            </g>
          );
        })}
      </svg>
      {latex && <Tex latex={latex} display />}
      <p className="dnn-widget__note">
        {by === 'widget'
          ? `Values computed by the widget (the ${lstm ? 'rnn/lstm-forward' : 'rnn/forward'} solver is not published yet).`
          : `Values computed by the ${by} solver.`}
      </p>
    </div>
  );
}
