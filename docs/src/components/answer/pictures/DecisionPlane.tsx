/**
 * A 2-input threshold network over the plane, à la TensorFlow Playground: its
 * output on a grid of points, the truth-table corners with their targets, the
 * decision line of a single unit (or the lines of the first layer).
 */
import { useId } from 'react';
import { fmt4 } from './format';
import { type Encoding, type FireWhen, type Layer, networkValue, type TruthPoint } from './network-model';
import PlotAxes from './PlotAxes';
import { type Box, clipLine, distinctLines, frame, gridValues, rowRuns, samples } from './plane';

/** Props of {@link DecisionPlane}. */
export interface DecisionPlaneProps {
  layers: readonly Layer[];
  rule: FireWhen;
  encoding: Encoding;
  box: Box;
  /** Names of the two inputs (horizontal, vertical). */
  names: [string, string];
  /** Names of the first layer's units, for their lines. */
  firstUnits?: string[];
  /** Truth-table rows to mark. */
  points?: readonly TruthPoint[];
  /** Polygons to outline (a region the network should reproduce). */
  polygons?: readonly (readonly [number, number])[][];
  /** Grid intervals per axis (64 over −0.5…1.5 puts every corner on a sample). */
  steps?: number;
  /** What is drawn, for screen readers. */
  label: string;
}

const W = 300;
const PAD = { left: 48, top: 10, right: 14, bottom: 40 };

/** The network's output on the plane, with the corners and unit lines. */
export default function DecisionPlane(props: DecisionPlaneProps) {
  const { layers, rule, encoding, box, names, points = [], polygons = [], steps = 64 } = props;
  const clip = useId();
  const f = frame(box, W, { equal: true, left: PAD.left, top: PAD.top });
  const xs = samples(box.x0, box.x1, steps);
  const ys = samples(box.y0, box.y1, steps);
  const grid = gridValues((x, y) => networkValue(layers, [x, y], rule, encoding), xs, ys);
  const dx = f.width / steps;
  const dy = f.height / steps;
  const first = layers[0]!;
  const single = layers.length === 1 && first.weights.length === 1;
  const lines = first.weights.length <= 8 ? distinctLines(first.weights, first.bias) : [];
  const off = encoding === 'bipolar' ? -1 : 0;
  const value = (x: readonly number[]) => networkValue(layers, x, rule, encoding);
  const width = PAD.left + f.width + PAD.right;
  const height = PAD.top + f.height + PAD.bottom;
  return (
    <svg
      className="dnn-pic__svg dnn-pic__plane"
      viewBox={`0 0 ${width} ${height}`}
      style={{ maxWidth: `${Math.round(width * 1.3)}px` }}
      role="img"
      aria-label={props.label}
    >
      <defs>
        <clipPath id={clip}>
          <rect x={f.left} y={f.top} width={f.width} height={f.height} />
        </clipPath>
      </defs>
      <g clipPath={`url(#${clip})`}>
        <g shapeRendering="crispEdges">
          {grid.map((row, r) =>
            rowRuns(row).map((run) => (
              <rect
                // biome-ignore lint/suspicious/noArrayIndexKey: a run is its position in the grid
                key={`${r}-${run.start}`}
                className={run.value === 1 ? 'dnn-pic__on' : 'dnn-pic__off'}
                x={f.left + (run.start - 0.5) * dx}
                y={f.top + (r - 0.5) * dy}
                width={run.length * dx + 0.3}
                height={dy + 0.3}
              />
            )),
          )}
        </g>
        {polygons.map((poly, k) => (
          <polygon
            // biome-ignore lint/suspicious/noArrayIndexKey: polygons have no identity beyond their order
            key={k}
            className="dnn-pic__outline"
            points={poly.map(([x, y]) => `${f.sx(x)},${f.sy(y)}`).join(' ')}
          />
        ))}
        {lines.map((line) => {
          const seg = clipLine(line.w[0], line.w[1], line.b, box);
          if (!seg) return null;
          const [[ax, ay], [bx, by]] = seg;
          const top = by >= box.y1 - 1e-9;
          const names = line.units.map((k) => props.firstUnits?.[k]).filter(Boolean);
          return (
            <g key={`${line.w.join()},${line.b}`} className={single ? 'dnn-pic__line' : 'dnn-pic__unit-line'}>
              <line x1={f.sx(ax)} y1={f.sy(ay)} x2={f.sx(bx)} y2={f.sy(by)} />
              {!single && names.length > 0 && (
                <text
                  className="dnn-pic__halo"
                  x={f.sx(bx)}
                  y={f.sy(by)}
                  dx={top ? -4 : -6}
                  dy={top ? 12 : -4}
                  textAnchor="end"
                >
                  {names.join(' = ')}
                </text>
              )}
            </g>
          );
        })}
      </g>
      <PlotAxes frame={f} names={names} />
      {points.map((p) => {
        const out = value(p.x);
        const wrong = p.target !== undefined && out !== p.target;
        const cx = f.sx(p.x[0]);
        const cy = f.sy(p.x[1]);
        // Labels above the top corners and below the bottom ones, centred: neighbours never collide.
        const top = p.x[1] > (box.y0 + box.y1) / 2;
        return (
          <g key={p.x.join()} className="dnn-pic__corner">
            {p.target === undefined ? (
              <circle cx={cx} cy={cy} r={4} className="dnn-pic__corner-unknown" />
            ) : (
              <circle cx={cx} cy={cy} r={7} className={p.target === off ? 'dnn-pic__corner-0' : 'dnn-pic__corner-1'} />
            )}
            {wrong && <circle cx={cx} cy={cy} r={11} className="dnn-pic__corner-wrong" />}
            <text className="dnn-pic__halo" x={cx} y={top ? cy - 13 : cy + 23} textAnchor="middle">
              {`(${p.x.map(fmt4).join(', ')}) → ${p.target === undefined ? fmt4(out) : fmt4(p.target)}${wrong ? ` (net ${fmt4(out)})` : ''}`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
