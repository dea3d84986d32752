/** A layered threshold network as a diagram: inputs, units with their bias inside, weighted edges. */
import { fmt4 } from './format';
import { layoutNetwork } from './network-layout';
import type { Layer } from './network-model';

/** Props of {@link NetworkDiagram}. */
export interface NetworkDiagramProps {
  layers: readonly Layer[];
  inputs: readonly string[];
  units: readonly string[][];
  label: string;
}

/** Inputs on the left, one column per layer; solid edges for positive weights, dashed for negative. */
export default function NetworkDiagram({ layers, inputs, units, label }: NetworkDiagramProps) {
  const d = layoutNetwork(layers, inputs, units);
  const r = d.radius;
  const big = r >= 16;
  return (
    <svg
      className="dnn-pic__svg dnn-pic__diagram"
      viewBox={`0 0 ${d.width} ${d.height}`}
      style={{ maxWidth: `${Math.round(d.width * 1.2)}px` }}
      role="img"
      aria-label={label}
    >
      {d.edges.map((e) => {
        const len = Math.hypot(e.to.x - e.from.x, e.to.y - e.from.y) || 1;
        const ux = (e.to.x - e.from.x) / len;
        const uy = (e.to.y - e.from.y) / len;
        return (
          <line
            key={`${e.from.id}-${e.to.id}`}
            className={e.weight > 0 ? 'dnn-pic__pos' : 'dnn-pic__neg'}
            x1={e.from.x + ux * r}
            y1={e.from.y + uy * r}
            x2={e.to.x - ux * (r + 1)}
            y2={e.to.y - uy * (r + 1)}
            strokeWidth={e.width}
          >
            <title>{`${e.from.name} → ${e.to.name}: w = ${fmt4(e.weight)}`}</title>
          </line>
        );
      })}
      {d.edges.map((e) =>
        e.label ? (
          <text
            key={`w${e.from.id}-${e.to.id}`}
            className={`dnn-pic__halo dnn-pic__weight ${e.weight > 0 ? 'dnn-pic__pos-text' : 'dnn-pic__neg-text'}`}
            x={e.label.x}
            y={e.label.y + 4}
            textAnchor="middle"
          >
            {fmt4(e.weight)}
          </text>
        ) : null,
      )}
      {d.nodes.map((n) =>
        n.bias === undefined ? (
          <g key={n.id} className="dnn-pic__input">
            <rect x={n.x - r} y={n.y - r} width={2 * r} height={2 * r} rx={4} />
            <text x={n.x} y={n.y + 4} textAnchor="middle">
              {big ? n.name : ''}
            </text>
            <title>{`input ${n.name}`}</title>
            {!big && (
              <text x={n.x - r - 4} y={n.y + 4} textAnchor="end">
                {n.name}
              </text>
            )}
          </g>
        ) : (
          <g key={n.id} className="dnn-pic__unit">
            <circle cx={n.x} cy={n.y} r={r} />
            {big && (
              <text x={n.x} y={n.y + 4} textAnchor="middle" className="dnn-pic__bias">
                {fmt4(n.bias)}
              </text>
            )}
            <text x={n.x} y={n.y - r - 5} textAnchor="middle" className="dnn-pic__unit-name">
              {big ? n.name : ''}
            </text>
            <title>{`unit ${n.name}: bias ${fmt4(n.bias)}`}</title>
          </g>
        ),
      )}
    </svg>
  );
}
