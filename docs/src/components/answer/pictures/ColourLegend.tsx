/** The colour scale of heatmaps: a gradient bar with its lowest, zero (when diverging) and highest values. */
import { useId } from 'react';
import { type ColourScale, fmt4, hex } from './format';

/** A horizontal colour bar labelled with the scale's range. */
export default function ColourLegend({ scale, what }: { scale: ColourScale; what: string }) {
  const id = useId();
  const W = 160;
  const zero = scale.diverging ? ((0 - scale.min) / (scale.max - scale.min)) * W : undefined;
  const stops = scale.diverging
    ? [
        { at: 0, c: scale.stops[0]! },
        { at: zero! / W, c: scale.stops[1]! },
        { at: 1, c: scale.stops[2]! },
      ]
    : scale.stops.map((c, i) => ({ at: scale.stops.length > 1 ? i / (scale.stops.length - 1) : 0, c }));
  return (
    <svg
      className="dnn-pic__svg dnn-pic__legend"
      viewBox={`-24 0 ${W + 48} 34`}
      style={{ maxWidth: `${W + 48}px` }}
      role="img"
      aria-label={`Colour scale of ${what}: from ${fmt4(scale.min)} to ${fmt4(scale.max)}${scale.diverging ? ', white at 0' : ''}.`}
    >
      <defs>
        <linearGradient id={id}>
          {stops.map((s) => (
            <stop key={s.at} offset={s.at} stopColor={hex(s.c)} />
          ))}
        </linearGradient>
      </defs>
      <rect x={0} y={2} width={W} height={12} fill={`url(#${id})`} className="dnn-pic__legend-bar" />
      <text x={0} y={28} textAnchor="middle">
        {fmt4(scale.min)}
      </text>
      {zero !== undefined && zero > 24 && zero < W - 24 && (
        <text x={zero} y={28} textAnchor="middle">
          0
        </text>
      )}
      <text x={W} y={28} textAnchor="middle">
        {fmt4(scale.max)}
      </text>
    </svg>
  );
}
