import { describe, expect, it } from 'vitest';
import { grade } from './grade.js';
import { rubrics } from './index.js';
import { registry } from './test-registry.test-util.js';

// The square [0, 2] × [0, 2], boundary included. By hand: 4 half-plane units (x1 ≥ 0, −x1 + 2 ≥ 0, x2 ≥ 0,
// −x2 + 2 ≥ 0) and one AND unit firing when all four do (h1 + h2 + h3 + h4 − 3.5 ≥ 0): 5 perceptrons, 2 layers.
const input = {
  polygons: [
    [
      [0, 0],
      [2, 0],
      [2, 2],
      [0, 2],
    ],
  ],
};
const hidden = (scale: number, shrink = 0) => ({
  weights: [
    [scale, 0],
    [-scale, 0],
    [0, scale],
    [0, -scale],
  ],
  bias: [-shrink, 2 * scale - shrink, -shrink, 2 * scale - shrink],
});
const and = { weights: [[1, 1, 1, 1]], bias: [-3.5] };
const gradeRegion = (answer: Record<string, unknown>) => grade(registry, rubrics, 'logic/region-mlp', input, answer);
const layersField = (answer: Record<string, unknown>) => gradeRegion(answer).fields.find((f) => f.path === 'layers');

describe('logic/region-mlp grades the weights and biases the question asks for', () => {
  it('full marks for a right network (any positive scale, given as JSON text too) and the right counts', () => {
    const g = gradeRegion({ layers: [hidden(3), and], hiddenUnits: 4, perceptrons: 5, depth: 2 });
    expect(g.fields.map((f) => [f.path, f.points])).toEqual([
      ['layers', 3],
      ['hiddenUnits', 2],
      ['perceptrons', 1],
      ['depth', 1],
    ]);
    expect(layersField({ layers: JSON.stringify([hidden(1), and]) })).toMatchObject({ verdict: 'correct' });
  });

  it('half the points for a network right inside and outside but open at the boundary', () => {
    // x1 ≥ 0.0005 instead of x1 ≥ 0: (0, 0) is left out; points 0.002 inside the edges are still in.
    const f = layersField({ layers: [hidden(1, 0.0005), and] });
    expect(f).toMatchObject({ verdict: 'partial', points: 1.5 });
    expect(f?.remarks?.[0]).toMatch(/boundary/);
  });

  it('nothing for the weights of another region, even with the right counts', () => {
    // The square [0, 3] × [0, 3]: the point (2.5, 2.5) is outside [0, 2]² but inside it.
    const bigger = { weights: hidden(1).weights, bias: [0, 3, 0, 3] };
    const g = gradeRegion({ layers: [bigger, and], hiddenUnits: 4, perceptrons: 5, depth: 2 });
    expect(g.fields[0]).toMatchObject({ path: 'layers', verdict: 'wrong', points: 0 });
    expect(g.fields[0]?.remarks?.[0]).toMatch(/outputs 1 at .*outside the region/);
    expect(g.score).toBe(4);
  });

  it('a fair zero with a reason for networks of the wrong shape and for junk', () => {
    expect(layersField({ layers: [{ weights: [[1, 0, 0]], bias: [0] }] })?.remarks?.[0]).toMatch(/needs 2 weights/);
    expect(layersField({ layers: [hidden(1)] })?.remarks?.[0]).toMatch(/last layer must have one unit/);
    // 101 units of 100 weights each: over the 10,000 weights a network may have to be run
    const huge = { weights: Array.from({ length: 101 }, () => Array(100).fill(1)), bias: Array(101).fill(0) };
    expect(layersField({ layers: [huge, and] })?.remarks?.[0]).toMatch(/at most 10000 weights/);
    for (const junk of ['abc', 7, [], [null], [{ weights: 'x', bias: 1 }], { weights: [[1, 0]] }])
      expect(layersField({ layers: junk })?.points).toBe(0);
  });
});
