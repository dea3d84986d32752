/**
 * Optimizer race: trajectories of several optimizers on a 2-D objective,
 * drawn over its contour plot and stepping together. Trajectories come from
 * the optim/step solver when it is published, else from the widget's own
 * SGD / momentum / RMSprop / Adam (gradients by @dnn/core's traced autodiff).
 */
import { type Expr, evaluate, isDnnInputError, parseExpression, traceGradient, variables } from '@dnn/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { trySolve } from './try-solve';

type Point = { x: number; y: number };
type OptimizerName = 'sgd' | 'momentum' | 'rmsprop' | 'adam';

const COLORS: Record<OptimizerName, string> = {
  sgd: '#d62728',
  momentum: '#1f77b4',
  rmsprop: '#2ca02c',
  adam: '#9467bd',
};

interface Objective {
  name: string;
  expression: string;
  start: Point;
  box: [number, number, number, number];
  lr: Record<OptimizerName, number>;
}

const OBJECTIVES: Objective[] = [
  {
    name: 'Elongated valley',
    expression: 'x^2 + 10*y^2',
    start: { x: -4.5, y: 1.8 },
    box: [-5, 5, -2.5, 2.5],
    lr: { sgd: 0.09, momentum: 0.02, rmsprop: 0.1, adam: 0.3 },
  },
  {
    name: 'Rosenbrock banana',
    expression: '(1 - x)^2 + 100*(y - x^2)^2',
    start: { x: -1.5, y: 2 },
    box: [-2, 2, -1, 3],
    lr: { sgd: 0.0015, momentum: 0.0005, rmsprop: 0.01, adam: 0.05 },
  },
  {
    name: 'Two wells',
    expression: 'x^4/4 - x^2 + y^2/2 + 0.3*x',
    start: { x: 0.2, y: 2.5 },
    box: [-3, 3, -3, 3],
    lr: { sgd: 0.1, momentum: 0.03, rmsprop: 0.05, adam: 0.1 },
  },
];

const STEPS = 60;

/** The widget's own optimizers (PyTorch forms), used when optim/step is not published. */
export function localTrajectory(expr: Expr, name: OptimizerName, start: Point, lr: number, steps: number): Point[] {
  const path: Point[] = [start];
  let p = { ...start };
  const m = { x: 0, y: 0 };
  const v = { x: 0, y: 0 };
  for (let t = 1; t <= steps; t++) {
    const g = traceGradient(expr, p).gradient;
    const next = { ...p };
    for (const k of ['x', 'y'] as const) {
      const gk = g[k] ?? 0;
      if (name === 'sgd') next[k] -= lr * gk;
      else if (name === 'momentum') {
        m[k] = 0.9 * m[k] + gk;
        next[k] -= lr * m[k];
      } else if (name === 'rmsprop') {
        v[k] = 0.99 * v[k] + 0.01 * gk * gk;
        next[k] -= (lr * gk) / (Math.sqrt(v[k]) + 1e-8);
      } else {
        m[k] = 0.9 * m[k] + 0.1 * gk;
        v[k] = 0.999 * v[k] + 0.001 * gk * gk;
        next[k] -= (lr * (m[k] / (1 - 0.9 ** t))) / (Math.sqrt(v[k] / (1 - 0.999 ** t)) + 1e-8);
      }
    }
    if (!Number.isFinite(next.x) || !Number.isFinite(next.y) || Math.abs(next.x) + Math.abs(next.y) > 1e6) break;
    p = next;
    path.push(p);
  }
  return path;
}

function trajectory(
  expr: Expr,
  source: string,
  name: OptimizerName,
  start: Point,
  lr: number,
): { path: Point[]; by: string } {
  const solved = trySolve('optim/step', {
    optimizer: name,
    params: { x: start.x, y: start.y },
    objective: source,
    steps: STEPS,
    lr,
    ...(name === 'momentum' ? { momentum: 0.9 } : {}),
  });
  if (solved.kind === 'solved') {
    const steps = solved.solution.answer.trajectory as { params: Point }[] | undefined;
    if (Array.isArray(steps)) return { path: steps.map((s) => s.params), by: 'optim/step' };
  }
  try {
    return { path: localTrajectory(expr, name, start, lr, STEPS), by: 'widget' };
  } catch {
    return { path: [start], by: 'widget' };
  }
}

function drawContours(canvas: HTMLCanvasElement, expr: Expr, box: Objective['box']) {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const { width: W, height: H } = canvas;
  const [x0, x1, y0, y1] = box;
  const values = new Float64Array(W * H);
  let lo = Infinity;
  let hi = -Infinity;
  for (let r = 0; r < H; r++) {
    for (let c = 0; c < W; c++) {
      let f: number;
      try {
        f = evaluate(expr, { x: x0 + ((c + 0.5) / W) * (x1 - x0), y: y1 - ((r + 0.5) / H) * (y1 - y0) });
      } catch {
        f = Number.NaN;
      }
      values[r * W + c] = f;
      if (Number.isFinite(f)) {
        lo = Math.min(lo, f);
        hi = Math.max(hi, f);
      }
    }
  }
  const img = ctx.createImageData(W, H);
  const span = Math.log1p(Math.max(hi - lo, 1e-12));
  for (let i = 0; i < values.length; i++) {
    const f = values[i]!;
    const t = Number.isFinite(f) ? Math.log1p(f - lo) / span : 1;
    const band = Math.floor(t * 14) / 14;
    const edge = Math.abs(t * 14 - Math.round(t * 14)) < 0.06;
    const shade = edge ? 0.55 : 0.35 + 0.6 * band;
    img.data.set(
      [
        Math.round(255 * (0.25 + 0.7 * shade)),
        Math.round(255 * (0.35 + 0.6 * shade)),
        Math.round(255 * (0.6 + 0.4 * shade)),
        255,
      ],
      4 * i,
    );
  }
  ctx.putImageData(img, 0, 0);
}

/** The widget. */
export default function OptimizerRace() {
  const [objectiveIndex, setObjectiveIndex] = useState(0);
  const objective = OBJECTIVES[objectiveIndex]!;
  const [source, setSource] = useState(objective.expression);
  const [enabled, setEnabled] = useState<Record<OptimizerName, boolean>>({
    sgd: true,
    momentum: true,
    rmsprop: true,
    adam: true,
  });
  const [t, setT] = useState(STEPS);
  const [playing, setPlaying] = useState(false);
  const canvasRef = useRef<HTMLCanvasElement>(null);

  const parsed = useMemo((): { expr?: Expr; error?: string } => {
    try {
      const expr = parseExpression(source);
      const extra = variables(expr).filter((v) => v !== 'x' && v !== 'y');
      if (extra.length) return { error: `expression: only x and y may appear (found ${extra.join(', ')})` };
      return { expr };
    } catch (e) {
      return { error: isDnnInputError(e) ? e.message : 'expression: cannot be read' };
    }
  }, [source]);

  const runs = useMemo(() => {
    if (!parsed.expr) return [];
    return (Object.keys(COLORS) as OptimizerName[])
      .filter((n) => enabled[n])
      .map((n) => ({ name: n, ...trajectory(parsed.expr!, source, n, objective.start, objective.lr[n]) }));
  }, [parsed, source, enabled, objective]);

  useEffect(() => {
    if (canvasRef.current && parsed.expr) drawContours(canvasRef.current, parsed.expr, objective.box);
  }, [parsed, objective]);

  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => setT((x) => (x >= STEPS ? STEPS : x + 1)), 80);
    return () => clearInterval(timer);
  }, [playing]);
  useEffect(() => {
    if (t >= STEPS) setPlaying(false);
  }, [t]);

  const [x0, x1, y0, y1] = objective.box;
  const sx = (x: number) => ((x - x0) / (x1 - x0)) * 400;
  const sy = (y: number) => ((y1 - y) / (y1 - y0)) * 300;
  const usedSolver = runs.some((r) => r.by === 'optim/step');

  return (
    <div className="dnn-widget" data-widget="optimizer-race">
      <h3>Optimizer race</h3>
      <div className="dnn-widget__controls">
        <label>
          Objective
          <select
            className="dnn-input"
            value={objectiveIndex}
            onChange={(e) => {
              const i = Number(e.target.value);
              setObjectiveIndex(i);
              setSource(OBJECTIVES[i]!.expression);
              setT(STEPS);
            }}
          >
            {OBJECTIVES.map((o, i) => (
              <option key={o.name} value={i}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
        <label style={{ flex: '1 1 16rem' }}>
          f(x, y) =
          <input className="dnn-input" value={source} onChange={(e) => setSource(e.target.value)} spellCheck={false} />
        </label>
        {(Object.keys(COLORS) as OptimizerName[]).map((n) => (
          <label key={n} style={{ flexDirection: 'row', alignItems: 'center', color: COLORS[n] }}>
            <input
              type="checkbox"
              checked={enabled[n]}
              onChange={(e) => setEnabled({ ...enabled, [n]: e.target.checked })}
            />{' '}
            {n} (lr {objective.lr[n]})
          </label>
        ))}
      </div>
      {parsed.error && (
        <p className="dnn-form-error" role="alert">
          {parsed.error}
        </p>
      )}
      <div className="dnn-widget__controls">
        <button
          type="button"
          className="button button--sm button--primary"
          onClick={() => {
            if (t >= STEPS) setT(0);
            setPlaying(!playing);
          }}
        >
          {playing ? 'Pause' : 'Play'}
        </button>
        <label style={{ flex: '1 1 14rem' }}>
          Step {t} of {STEPS}
          <input
            type="range"
            min={0}
            max={STEPS}
            value={t}
            onChange={(e) => {
              setPlaying(false);
              setT(Number(e.target.value));
            }}
          />
        </label>
      </div>
      <div style={{ position: 'relative', width: '100%', maxWidth: 400 }}>
        <canvas
          ref={canvasRef}
          width={200}
          height={150}
          style={{ width: '100%', imageRendering: 'auto', display: 'block' }}
        />
        <svg
          viewBox="0 0 400 300"
          style={{ position: 'absolute', inset: 0, width: '100%', height: '100%', border: 0 }}
          role="img"
          aria-label="Optimizer trajectories over the contour plot"
        >
          {runs.map((r) => {
            const pts = r.path.slice(0, t + 1);
            const end = pts[pts.length - 1]!;
            return (
              <g key={r.name}>
                <polyline
                  fill="none"
                  stroke={COLORS[r.name]}
                  strokeWidth={2}
                  points={pts.map((p) => `${sx(p.x)},${sy(p.y)}`).join(' ')}
                />
                <circle cx={sx(end.x)} cy={sy(end.y)} r={4.5} fill={COLORS[r.name]} stroke="#fff" />
              </g>
            );
          })}
        </svg>
      </div>
      <table>
        <thead>
          <tr>
            <th>optimizer</th>
            <th>x</th>
            <th>y</th>
            <th>f(x, y)</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((r) => {
            const p = r.path[Math.min(t, r.path.length - 1)]!;
            let f = Number.NaN;
            try {
              f = evaluate(parsed.expr!, p);
            } catch {}
            return (
              <tr key={r.name} style={{ color: COLORS[r.name] }}>
                <td>
                  {r.name}
                  {r.path.length - 1 < STEPS ? ' (diverged)' : ''}
                </td>
                <td>{p.x.toPrecision(5)}</td>
                <td>{p.y.toPrecision(5)}</td>
                <td>{f.toPrecision(5)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="dnn-widget__note">
        {usedSolver
          ? 'Trajectories computed by the optim/step solver.'
          : 'Trajectories computed by the widget (the optim/step solver is not published yet): PyTorch forms, momentum 0.9, RMSprop α 0.99, Adam β 0.9/0.999.'}
      </p>
    </div>
  );
}
