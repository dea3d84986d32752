/** Questions for logic/region-mlp: a threshold network that is 1 exactly on a union of convex polygons (graded by region-mlp-rubric.ts). */
import { defineGenerator } from '../generator.js';
import type { Rng } from '../rng.js';
import { positive } from './non-trivial.js';
import { show } from './numbers.js';

type Point = [number, number];

/** An axis-aligned rectangle with integer corners, counter-clockwise. */
function rectangle(rng: Rng): Point[] {
  const [x, y] = [rng.int(-5, 4), rng.int(-5, 4)];
  const [w, h] = [rng.int(1, 5), rng.int(1, 5)];
  return [
    [x, y],
    [x + w, y],
    [x + w, y + h],
    [x, y + h],
  ];
}

/** A triangle with integer corners and non-zero area. */
function triangle(rng: Rng): Point[] {
  for (let attempt = 0; attempt < 20; attempt++) {
    const p = rng.list(3, () => [rng.int(-5, 5), rng.int(-5, 5)] as Point);
    const [a, b, c] = p as [Point, Point, Point];
    if ((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]) !== 0) return p;
  }
  return [
    [0, 0],
    [4, 0],
    [0, 3],
  ];
}

/** Generator of logic/region-mlp questions. */
export const logicRegionMlpGenerator = defineGenerator({
  id: 'logic/region-mlp',
  generate(rng, difficulty) {
    const shape = () => (difficulty === 'easy' || rng.chance(0.5) ? rectangle(rng) : triangle(rng));
    const polygons = difficulty === 'hard' ? [shape(), shape()] : [shape()];
    const region =
      polygons.length === 1
        ? `the convex polygon with corners ${show(polygons[0])}`
        : `the union of the convex polygons ${polygons.map((p) => show(p)).join(' and ')}`;
    return {
      question: `Design a network of threshold units with inputs (x1, x2) that outputs 1 exactly on ${region} (boundary included) and 0 elsewhere. How many first-layer (half-plane) units, perceptrons in total and layers does it need? Give its weights and biases.`,
      input: { polygons },
    };
  },
  /** Non-trivial: the network has hidden units. */
  nonTrivial: (a) => positive(a.hiddenUnits),
});
