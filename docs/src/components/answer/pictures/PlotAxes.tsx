/** The frame of a plot: border, ticks with their values, and the axis names. */
import { fmt4, niceTicks, textWidth } from './format';
import type { Frame } from './plane';

/** Props of {@link PlotAxes}. */
export interface PlotAxesProps {
  frame: Frame;
  /** Names of the horizontal and vertical axes. */
  names: [string, string];
  /** Tick values; default: about 5 round values per axis. */
  xTicks?: number[];
  yTicks?: number[];
}

/** Draws the border of the plot rectangle, ticks below and left of it, and the axis names. */
export default function PlotAxes({ frame: f, names, xTicks, yTicks }: PlotAxesProps) {
  const xs = xTicks ?? niceTicks(f.box.x0, f.box.x1, 5);
  const ys = yTicks ?? niceTicks(f.box.y0, f.box.y1, 5);
  const bottom = f.top + f.height;
  // The vertical axis name clears the widest tick label (at the larger size narrow screens use).
  const yName = Math.max(8, f.left - 14 - Math.max(0, ...ys.map((t) => textWidth(fmt4(t), 13.5))));
  return (
    <g className="dnn-pic__axes">
      <rect x={f.left} y={f.top} width={f.width} height={f.height} className="dnn-pic__frame" />
      {xs.map((t) => (
        <g key={`x${t}`}>
          <line x1={f.sx(t)} x2={f.sx(t)} y1={bottom} y2={bottom + 4} />
          <text x={f.sx(t)} y={bottom + 15} textAnchor="middle">
            {fmt4(t)}
          </text>
        </g>
      ))}
      {ys.map((t) => (
        <g key={`y${t}`}>
          <line x1={f.left - 4} x2={f.left} y1={f.sy(t)} y2={f.sy(t)} />
          <text x={f.left - 6} y={f.sy(t) + 4} textAnchor="end">
            {fmt4(t)}
          </text>
        </g>
      ))}
      <text className="dnn-pic__axis-name" x={f.left + f.width / 2} y={bottom + 32} textAnchor="middle">
        {names[0]}
      </text>
      <text
        className="dnn-pic__axis-name"
        x={0}
        y={0}
        textAnchor="middle"
        transform={`translate(${yName} ${f.top + f.height / 2}) rotate(-90)`}
      >
        {names[1]}
      </text>
    </g>
  );
}
