/**
 * Grading logic/region-mlp: the question asks for the network's weights and biases, so the student's network is
 * run on sample points of the plane and compared with the solver's verified network there (its counts are not
 * trusted: a network with the right counts that computes another region earns nothing for its weights).
 */
import {
  conventionOf,
  MAX_NETWORK_WEIGHTS,
  readLayers,
  runNetwork,
  type ThresholdLayer,
} from './generators/threshold-units.js';
import { readStudentJson } from './read-answer.js';
import { defineRubric, type Judgement } from './rubric.js';

type Point = [number, number];

/** Sample grid per axis over the polygons' box widened by a margin. */
const GRID = 41;

/** The sample points: a grid, and on every edge its ends, its midpoint and points just inside and outside it. */
function samplePoints(polygons: readonly (readonly Point[])[]): { point: Point; boundary: boolean }[] {
  const xs = polygons.flat().map((p) => p[0]);
  const ys = polygons.flat().map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const span = Math.max(x1 - x0, y1 - y0, 1e-9);
  const margin = span / 4;
  const samples: { point: Point; boundary: boolean }[] = [];
  for (let i = 0; i < GRID; i++)
    for (let j = 0; j < GRID; j++) {
      const x = x0 - margin + ((x1 - x0 + 2 * margin) * i) / (GRID - 1);
      const y = y0 - margin + ((y1 - y0 + 2 * margin) * j) / (GRID - 1);
      samples.push({ point: [x, y], boundary: false });
    }
  const step = span / 1000;
  for (const poly of polygons)
    poly.forEach((a, k) => {
      const b = poly[(k + 1) % poly.length] as Point;
      const mid: Point = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
      const length = Math.hypot(b[0] - a[0], b[1] - a[1]) || 1;
      const normal: Point = [(-(b[1] - a[1]) / length) * step, ((b[0] - a[0]) / length) * step];
      samples.push({ point: [...a] as Point, boundary: true }, { point: mid, boundary: true });
      samples.push({ point: [mid[0] + normal[0], mid[1] + normal[1]], boundary: false });
      samples.push({ point: [mid[0] - normal[0], mid[1] - normal[1]], boundary: false });
    });
  return samples;
}

/** Why a student's layers cannot be a network on (x1, x2) with one output, or undefined when they can. */
function shapeProblem(layers: ThresholdLayer[]): string | undefined {
  if (layers.length === 0) return 'give at least one layer';
  let inputs = 2;
  for (const [k, layer] of layers.entries()) {
    if (layer.weights.some((w) => w.length !== inputs))
      return `every unit of layer ${k + 1} needs ${inputs} weight${inputs === 1 ? '' : 's'} (one per input)`;
    inputs = layer.weights.length;
  }
  return inputs === 1 ? undefined : `the last layer must have one unit (it has ${inputs})`;
}

const at = (p: Point) => `(${p.map((v) => Math.round(v * 1000) / 1000).join(', ')})`;

/**
 * The judge of region-mlp's `layers`: 1 when the student's network gives the solver's output on every sample
 * point; ½ when it is wrong only on the boundary (which the question includes); else 0. A remark names a point.
 */
export function regionNetworkJudge(got: unknown, _student: unknown, input: unknown, answer: unknown): Judgement {
  const value = typeof got === 'string' ? readStudentJson(got) : got;
  const layers = readLayers(value);
  if (!layers)
    return {
      fraction: 0,
      remark: `give the layers as [{"weights": [[w1, w2], …], "bias": [b, …]}, …], first layer first (at most ${MAX_NETWORK_WEIGHTS} weights)`,
    };
  const problem = shapeProblem(layers);
  if (problem) return { fraction: 0, remark: problem };
  const polygons = (input as { polygons: Point[][] }).polygons;
  const convention = { ...conventionOf(input), fireWhen: '>=0' as const };
  const expected = (answer as { layers: ThresholdLayer[] }).layers;
  let boundaryMiss: Point | undefined;
  for (const { point, boundary } of samplePoints(polygons)) {
    const [want] = runNetwork(expected, point, convention);
    const [gotOut] = runNetwork(layers, point, convention);
    if (gotOut === want) continue;
    const inside = want === 1;
    if (!boundary)
      return {
        fraction: 0,
        remark: `the network outputs ${gotOut} at ${at(point)}, which is ${inside ? 'inside' : 'outside'} the region`,
      };
    boundaryMiss ??= point;
  }
  return boundaryMiss
    ? {
        fraction: 0.5,
        remark: `right inside and outside, but not on the boundary (included): wrong at ${at(boundaryMiss)}`,
      }
    : { fraction: 1 };
}

/** Grading weights of logic/region-mlp: the network (judged on the plane), then its size. */
export const regionMlpRubric = defineRubric({
  id: 'logic/region-mlp',
  fields: [
    { path: 'layers', points: 3, judge: regionNetworkJudge },
    { path: 'hiddenUnits', points: 2 },
    { path: 'perceptrons', points: 1 },
    { path: 'depth', points: 1 },
  ],
});
