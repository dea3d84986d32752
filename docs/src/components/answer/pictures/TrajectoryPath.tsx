/**
 * The `trajectory` kind, when each row carries exactly two parameters and the
 * input has an objective: the optimizer's path over the objective's contour
 * lines. Otherwise nothing (the answer view shows the table).
 */
import { useId } from 'react';
import type { KindProps } from '../types';
import { fmt4, textWidth } from './format';
import PlotAxes from './PlotAxes';
import { clampAspect, frame } from './plane';
import { contourPaths, objectiveOf, pathBox, quantileLevels, sampleGrid, twoParameterPath } from './trajectory';

const W = 320;
const PAD = { left: 52, top: 12, right: 16, bottom: 42 };
const GRID = 64;
const LEVELS = 12;

/** The path of two parameters over the contours of the objective. */
export default function TrajectoryPath({ value, input }: KindProps) {
  const clip = useId();
  const path = twoParameterPath(value);
  const f = path && objectiveOf(input.objective, path.names);
  if (!path || !f) return null;
  let box = pathBox(path.points);
  const ratio = (box.y1 - box.y0) / (box.x1 - box.x0);
  const equal = ratio > 0.25 && ratio < 4;
  if (equal) box = clampAspect(box, 0.6, 1);
  const fr = equal
    ? frame(box, W, { equal: true, left: PAD.left, top: PAD.top })
    : frame(box, W, { height: 240, left: PAD.left, top: PAD.top });
  const values = sampleGrid(f, box, GRID);
  const levels = quantileLevels(values, LEVELS);
  const lines = contourPaths(values, GRID, levels, fr);
  const placed: [number, number, number][] = [];
  const labels = lines.flatMap((c) => {
    if (!c.anchor) return [];
    const text = fmt4(c.level);
    const w = textWidth(text, 12); // generous: narrow screens draw these labels larger
    const x = Math.min(c.anchor[0], fr.left + fr.width - w - 3);
    const y = c.anchor[1];
    if (placed.some(([px, py, pw]) => Math.abs(py - y) < 13 && x < px + pw + 6 && px < x + w + 6)) return [];
    placed.push([x, y, w]);
    return [{ text, x, y, level: c.level }];
  });
  const width = PAD.left + fr.width + PAD.right;
  const height = PAD.top + fr.height + PAD.bottom;
  const pts = path.points.map(([a, b]) => [fr.sx(a), fr.sy(b)] as const);
  const last = path.points.length - 1;
  const dots = last <= 60;
  const start = path.points[0]!;
  const end = path.points[last]!;
  const label = `Path of the optimizer in the plane of ${path.names[0]} and ${path.names[1]}: ${last} step${last === 1 ? '' : 's'} from (${start.map(fmt4).join(', ')}) to (${end.map(fmt4).join(', ')}), over contour lines of the objective ${String(input.objective)}.`;
  return (
    <figure className="dnn-pic" data-picture="trajectory">
      <svg
        className="dnn-pic__svg dnn-pic__trajectory"
        viewBox={`0 0 ${width} ${height}`}
        style={{ maxWidth: `${Math.round(width * 1.4)}px` }}
        role="img"
        aria-label={label}
      >
        <defs>
          <clipPath id={clip}>
            <rect x={fr.left} y={fr.top} width={fr.width} height={fr.height} />
          </clipPath>
        </defs>
        <g clipPath={`url(#${clip})`}>
          {lines.map((c, i) => (
            <path
              key={c.level}
              d={c.d}
              className="dnn-pic__contour"
              style={{ strokeOpacity: 0.9 - (0.55 * i) / Math.max(1, lines.length - 1) }}
            />
          ))}
          {labels.map((l) => (
            <text key={l.level} x={l.x} y={l.y + 3} className="dnn-pic__halo dnn-pic__contour-label">
              {l.text}
            </text>
          ))}
          <polyline className="dnn-pic__path" points={pts.map(([x, y]) => `${x},${y}`).join(' ')} />
          {(dots ? pts : [pts[0]!, pts[last]!]).map(([x, y], i) => (
            <circle
              // biome-ignore lint/suspicious/noArrayIndexKey: a point is its step
              key={i}
              cx={x}
              cy={y}
              r={i === 0 || (dots ? i === last : i === 1) ? 4.5 : 2.8}
              className={i === 0 ? 'dnn-pic__path-start' : 'dnn-pic__path-point'}
            >
              <title>{`step ${dots ? i : i === 0 ? 0 : last}: (${(dots ? path.points[i]! : i === 0 ? start : end).map(fmt4).join(', ')})`}</title>
            </circle>
          ))}
          <text x={pts[0]![0] + 7} y={pts[0]![1] - 7} className="dnn-pic__halo">
            start
          </text>
          {last > 0 && (
            <text x={pts[last]![0] + 7} y={pts[last]![1] + 14} className="dnn-pic__halo">
              {`step ${last}`}
            </text>
          )}
        </g>
        <PlotAxes frame={fr} names={path.names} />
      </svg>
      <figcaption className="dnn-pic__caption">
        Contour lines of {String(input.objective)} (labelled with their value; the bolder the line, the lower the value)
        and the optimizer’s path from the start ({start.map(fmt4).join(', ')}) to step {last} (
        {end.map(fmt4).join(', ')}).
      </figcaption>
    </figure>
  );
}
