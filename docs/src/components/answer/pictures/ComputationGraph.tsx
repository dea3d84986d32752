/**
 * The `graph` kind: a traced computation graph drawn like micrograd's
 * `draw_dot`: a box per value (what it computes, value, gradient), an
 * operation node in front of each computed value, edges operand → result.
 * Left to right on wide screens, top to bottom on narrow ones.
 */
import { useId } from 'react';
import type { KindProps } from '../types';
import { fmt4 } from './format';
import { edgePath, type GraphLayout, layoutGraph, type TraceNode, toTrace } from './graph-layout';

/** One orientation of the graph. */
function GraphSvg({ g, label, className }: { g: GraphLayout; label: string; className: string }) {
  const id = useId();
  return (
    <svg
      className={`dnn-pic__svg ${className}`}
      viewBox={`0 0 ${g.width} ${g.height}`}
      style={{ maxWidth: `${Math.round(g.width * 1.15)}px` }}
      role="img"
      aria-label={label}
    >
      <defs>
        {(['plain', 'shared'] as const).map((k) => (
          <marker
            key={k}
            id={`${id}${k}`}
            className={`dnn-pic__arrow dnn-pic__arrow--${k}`}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerWidth="7"
            markerHeight="7"
            orient="auto-start-reverse"
          >
            <path d="M0,0 L10,5 L0,10 z" />
          </marker>
        ))}
      </defs>
      {g.edges.map((e) => (
        <path
          key={e.key}
          d={edgePath(e.points)}
          className={e.shared ? 'dnn-pic__edge dnn-pic__edge--shared' : 'dnn-pic__edge'}
          markerEnd={`url(#${id}${e.shared ? 'shared' : 'plain'})`}
        >
          <title>{e.title}</title>
        </path>
      ))}
      {g.boxes.map((b) =>
        b.kind === 'op' ? (
          <g key={b.key} className="dnn-pic__op">
            <rect x={b.x - b.width / 2} y={b.y - b.height / 2} width={b.width} height={b.height} rx={b.height / 2} />
            <text x={b.x} y={b.y + 4} textAnchor="middle">
              {b.lines[0]}
            </text>
            <title>{`${b.node.id} = ${b.node.op}(${b.node.inputs.join(', ')})`}</title>
          </g>
        ) : (
          <g
            key={b.key}
            className={`dnn-pic__node${b.output ? ' dnn-pic__node--output' : ''}${b.consumers > 1 ? ' dnn-pic__node--shared' : ''}`}
          >
            <rect x={b.x - b.width / 2} y={b.y - b.height / 2} width={b.width} height={b.height} rx={4} />
            {b.lines.map((line, i) => (
              <text
                key={line}
                x={b.x}
                y={b.y - b.height / 2 + 17 + i * 15}
                textAnchor="middle"
                className={i === 0 ? 'dnn-pic__node-label' : i === 2 ? 'dnn-pic__node-grad' : undefined}
              >
                {line}
              </text>
            ))}
            {b.consumers > 1 && (
              <text x={b.x + b.width / 2 - 3} y={b.y - b.height / 2 - 3} textAnchor="end" className="dnn-pic__badge">
                {`used ${b.consumers}×`}
              </text>
            )}
            <title>{describe(b.node, b.consumers, b.output)}</title>
          </g>
        ),
      )}
    </svg>
  );
}

function describe(n: TraceNode, consumers: number, output: boolean): string {
  const role = n.op === 'var' ? 'variable' : n.op === 'const' ? 'constant' : `${n.op} of ${n.inputs.join(', ')}`;
  const uses = consumers > 1 ? `; used by ${consumers} nodes, so its gradient is the sum over ${consumers} paths` : '';
  return `${n.id} = ${n.label} (${role}): value ${fmt4(n.value)}, gradient ${fmt4(n.grad)}${output ? ' (the output)' : ''}${uses}`;
}

/** Computation graph with values and gradients. */
export default function ComputationGraph({ value }: KindProps) {
  const nodes = toTrace(value);
  if (!nodes) return null;
  const wide = layoutGraph(nodes, 'LR');
  const shared = nodes.filter((n) => nodes.filter((m) => m.inputs.includes(n.id)).length > 1);
  const label = `Computation graph of ${nodes.at(-1)!.label}: ${nodes.length} nodes from the inputs on the left to the output; each box shows what the node computes, its value and its gradient${shared.length ? `; ${shared.map((n) => n.label).join(', ')} feed${shared.length > 1 ? '' : 's'} two or more nodes` : ''}.`;
  const compact = layoutGraph(nodes, 'TB', { foldConstants: true });
  // The compact top-down picture replaces the wide one when the wide one would have to shrink (its
  // text with it) and the compact one is narrower: pictures.css has a container query per 100 px of
  // width (a static stylesheet: an inline <style> is rewritten by the HTML minifier and breaks hydration).
  const narrow = compact.width < wide.width * 0.8 ? compact : undefined;
  const breakpoint = Math.min(1400, Math.max(400, Math.floor(wide.width / 100) * 100));
  return (
    <figure className={`dnn-pic${narrow ? ` dnn-pic--compact-below-${breakpoint}` : ''}`} data-picture="graph">
      <GraphSvg g={wide} label={label} className="dnn-pic__wide" />
      {narrow && <GraphSvg g={narrow} label={label.replace('on the left', 'at the top')} className="dnn-pic__narrow" />}
      <figcaption className="dnn-pic__caption">
        Each box: what the node computes, its value (forward pass) and its gradient ∂output/∂node (backward pass); the
        rounded nodes are the operations{narrow ? ' (on narrow screens, with their constants written in)' : ''}.
        {shared.length > 0 &&
          ' Accented edges leave a value that feeds several nodes: its gradient adds up the gradients of every path.'}{' '}
        Hover an edge for its local gradient.
      </figcaption>
    </figure>
  );
}
