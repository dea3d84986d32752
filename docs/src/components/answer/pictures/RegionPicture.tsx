/**
 * The `region` kind: half-planes a1·x1 + a2·x2 + c ≥ 0 as lines hatched on
 * their inside, over the input's polygons, with axes and equal scales.
 */
import type { KindProps } from '../types';
import { textWidth } from './format';
import PlotAxes from './PlotAxes';
import { frame } from './plane';
import { type LabelBox, labelSpots, placeLabels, planeMarks, polygonsOf, regionBox, toHalfPlanes } from './region';

const W = 320;
const PAD = { left: 48, top: 12, right: 16, bottom: 42 };

/** Half-planes over the polygons of the input. */
export default function RegionPicture({ value, input }: KindProps) {
  const planes = toHalfPlanes(value);
  if (!planes) return null;
  const polygons = polygonsOf(input);
  const f = frame(regionBox(polygons, planes), W, { equal: true, left: PAD.left, top: PAD.top });
  const width = PAD.left + f.width + PAD.right;
  const height = PAD.top + f.height + PAD.bottom;
  const marks = planes.map((h) => planeMarks(h, f, polygons));
  const centres = polygons.map((poly) => [
    poly.reduce((t, p) => t + p[0], 0) / poly.length,
    poly.reduce((t, p) => t + p[1], 0) / poly.length,
  ]);
  const names: LabelBox[] =
    polygons.length > 1 ? centres.map(([x, y]) => ({ x: f.sx(x!), y: f.sy(y!), w: 22, h: 14 })) : [];
  const drawn = marks.flatMap((m, i) => (m ? [{ m, i }] : []));
  const spots = placeLabels(
    drawn.map(({ m, i }) => {
      const w = textWidth(planes[i]!.text, 13.5); // the larger size narrow screens use
      return { spots: labelSpots(m, w), w };
    }),
    names,
    f,
  );
  const labels = marks.map((m, i) => (m ? spots[drawn.findIndex((d) => d.i === i)] : undefined));
  // The view grows to take in labels that fall beside the plot.
  const placed = labels.filter((l) => l !== undefined);
  const vx0 = Math.min(0, ...placed.map((l) => l.x - l.w / 2 - 2));
  const vx1 = Math.max(width, ...placed.map((l) => l.x + l.w / 2 + 2));
  const vy0 = Math.min(0, ...placed.map((l) => l.y - 10));
  const vy1 = Math.max(height, ...placed.map((l) => l.y + 8));
  const label = `The plane of x1 and x2 with ${polygons.length} polygon${polygons.length === 1 ? '' : 's'} shaded and ${planes.length} half-plane boundar${planes.length === 1 ? 'y' : 'ies'}, each hatched on its inside: ${planes.map((h) => h.text).join('; ')}.`;
  return (
    <figure className="dnn-pic" data-picture="region">
      <svg
        className="dnn-pic__svg dnn-pic__region"
        viewBox={`${vx0} ${vy0} ${vx1 - vx0} ${vy1 - vy0}`}
        style={{ maxWidth: `${Math.round((vx1 - vx0) * 1.4)}px` }}
        role="img"
        aria-label={label}
      >
        {polygons.map((poly, k) => {
          const [cx, cy] = centres[k] as [number, number];
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: polygons are identified by their order (P1, P2, …)
            <g key={k} className="dnn-pic__polygon">
              <polygon points={poly.map(([x, y]) => `${f.sx(x)},${f.sy(y)}`).join(' ')} />
              {polygons.length > 1 && (
                <text x={f.sx(cx)} y={f.sy(cy) + 4} textAnchor="middle" className="dnn-pic__halo">
                  {`P${k + 1}`}
                </text>
              )}
            </g>
          );
        })}
        <PlotAxes frame={f} names={['x1', 'x2']} />
        {marks.map((m, i) => {
          if (!m) return null;
          const h = planes[i]!;
          const { x, y } = labels[i]!;
          return (
            <g key={`${h.text}${h.weights.join()}${h.bias}`} className="dnn-pic__halfplane">
              <line
                className="dnn-pic__guide"
                x1={m.line[0][0]}
                y1={m.line[0][1]}
                x2={m.line[1][0]}
                y2={m.line[1][1]}
              />
              {m.edges.map(([a, b]) => (
                <line key={`${a},${b}`} className="dnn-pic__edge-line" x1={a[0]} y1={a[1]} x2={b[0]} y2={b[1]} />
              ))}
              {m.hatches.map(([x1, y1, x2, y2]) => (
                <line key={`${x1},${y1}`} className="dnn-pic__hatch" x1={x1} y1={y1} x2={x2} y2={y2} />
              ))}
              <text x={x} y={y + 4} textAnchor="middle" className="dnn-pic__halo dnn-pic__plane-label">
                {h.text}
              </text>
              <title>{`${h.text}: the hatched side is inside`}</title>
            </g>
          );
        })}
      </svg>
      <figcaption className="dnn-pic__caption">
        Shaded: the input polygons (their union is the region). Each line is one half-plane unit’s boundary (drawn bold
        where it is a polygon edge); the short hatches point into its inside, where the inequality holds.
      </figcaption>
    </figure>
  );
}
