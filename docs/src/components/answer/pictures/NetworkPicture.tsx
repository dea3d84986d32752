/**
 * The `network` kind: the diagram of the layers and, for 2 inputs, the
 * network's output over the plane with the truth-table corners (or, when the
 * input gives polygons, over their region with their outlines).
 */
import type { KindProps } from '../types';
import DecisionPlane from './DecisionPlane';
import { fmt4, isMatrix } from './format';
import NetworkDiagram from './NetworkDiagram';
import {
  cornersOnBoundaries,
  encodingOf,
  fireRule,
  inputNames,
  toLayers,
  truthPoints,
  unitNames,
} from './network-model';
import { booleanBox, boxAround, clampAspect } from './plane';

/** Diagram (and plane) of a network of threshold units. */
export default function NetworkPicture({ value, schema, answer, input }: KindProps) {
  const layers = toLayers(value);
  if (!layers) return null;
  const n = layers[0]!.weights[0]!.length;
  const names = inputNames(n, input, answer);
  const units = unitNames(layers);
  const rule = fireRule(input, schema.description);
  const encoding = encodingOf(input);
  const counts = layers.map((l) => l.weights.length);
  const edges = layers.reduce((s, l) => s + l.weights.flat().filter((w) => w !== 0).length, 0);
  const described = `${n} inputs (${names.join(', ')}), ${counts.slice(0, -1).length ? `hidden layers of ${counts.slice(0, -1).join(', ')} units, ` : ''}${counts.at(-1)} output unit${counts.at(-1) === 1 ? '' : 's'}, ${edges} non-zero weights`;
  const polygons =
    Array.isArray(input.polygons) && input.polygons.every(isMatrix)
      ? (input.polygons as [number, number][][])
      : undefined;
  const firing = rule === '>0' ? 'w·x + b > 0' : 'w·x + b ≥ 0';
  const off = encoding === 'bipolar' ? '−1' : '0';
  const points = n === 2 && !polygons ? truthPoints(layers, value, input, answer, rule, encoding) : [];
  const tight = cornersOnBoundaries(layers, points);
  return (
    <figure className="dnn-pic" data-picture="network">
      <NetworkDiagram layers={layers} inputs={names} units={units} label={`Network diagram: ${described}.`} />
      <figcaption className="dnn-pic__caption">
        Squares are inputs, circles are units with their bias inside; a unit outputs 1 when {firing}, else {off}.{' '}
        <span className="dnn-pic__key dnn-pic__key--pos">solid: positive weight</span>,{' '}
        <span className="dnn-pic__key dnn-pic__key--neg">dashed: negative weight</span>, thicker for larger |w|
        {edges > 40 ? ' (too many edges to label: hover one for its weight)' : ''}; zero weights are not drawn.
      </figcaption>
      {n === 2 && (
        <>
          <DecisionPlane
            layers={layers}
            rule={rule}
            encoding={encoding}
            box={polygons ? clampAspect(boxAround(polygons.flat(), 0.2)) : booleanBox(encoding)}
            steps={polygons ? 96 : encoding === 'bipolar' ? 48 : 64}
            names={[names[0]!, names[1]!]}
            firstUnits={units[0]}
            points={points}
            {...(polygons ? { polygons } : {})}
            label={`Output of the network over the plane of ${names[0]} and ${names[1]}${polygons ? ', with the outlines of the input polygons' : ', with the four truth-table rows marked'}.`}
          />
          <figcaption className="dnn-pic__caption">
            <span className="dnn-pic__swatch dnn-pic__on" /> output 1 <span className="dnn-pic__swatch dnn-pic__off" />{' '}
            output {off}
            {points.length > 0 &&
              `; corners: filled = target 1, hollow = target ${off}${points.some((p) => p.target === undefined) ? ', dot = no target given' : ''}, a red ring where the network differs`}
            {layers.length === 1 && counts[0] === 1
              ? '; the line is the unit’s decision boundary.'
              : counts[0]! <= 8
                ? '; dashed lines: the first-layer units’ boundaries.'
                : '.'}
            {tight.length > 0 &&
              ` Corner${tight.length > 1 ? 's' : ''} ${[...new Set(tight.map((t) => `(${t.x.map(fmt4).join(', ')})`))].join(', ')} lie${tight.length > 1 ? '' : 's'} exactly on a first-layer boundary (w·x + b = 0): the rule ${rule === '>0' ? '“> 0”' : '“≥ 0”'} alone decides that unit there, so the network has no margin at ${tight.length > 1 ? 'those corners' : 'that corner'}.`}
          </figcaption>
        </>
      )}
    </figure>
  );
}
