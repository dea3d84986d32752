import { describe, expect, it } from 'vitest';
import { badInputSuite, evalNetwork, exampleSuite, solveAs } from './logic.test-util.js';
import { type RegionMlpAnswer, regionMlp } from './region-mlp.js';

const run = (input: unknown) => solveAs<RegionMlpAnswer>('logic/region-mlp', input);
const square = (x0: number, y0: number, s: number) => [
  [x0, y0],
  [x0 + s, y0],
  [x0 + s, y0 + s],
  [x0, y0 + s],
];

exampleSuite(regionMlp);

describe('logic/region-mlp: exam details', () => {
  it('the rectangle network: boundary points inside, points just outside not', () => {
    const { layers } = run(regionMlp.examples[0]?.input).answer;
    // By hand: 4 ≤ x1 ≤ 7 and 2 ≤ x2 ≤ 6.
    for (const [p, inside] of [
      [[4, 2], true],
      [[7, 6], true],
      [[5.5, 4], true],
      [[3.999, 4], false],
      [[7.001, 4], false],
      [[5, 1.999], false],
      [[5, 6.001], false],
    ] as const) {
      expect(evalNetwork(layers, [...p], '>=0', false)).toBe(inside ? 1 : 0);
    }
  });
});

describe('logic/region-mlp: constructions', () => {
  it('clockwise vertices give the same half-planes as counter-clockwise ones', () => {
    const ccw = run({ polygons: [square(0, 0, 2)] }).answer;
    const cw = run({ polygons: [[...square(0, 0, 2)].reverse()] }).answer;
    expect(new Set(cw.halfPlanes.map((h) => h.text))).toEqual(new Set(ccw.halfPlanes.map((h) => h.text)));
  });

  it('a triangle: 3 hidden units, the AND is the output', () => {
    const sol = run({
      polygons: [
        [
          [0, 0],
          [4, 0],
          [0, 3],
        ],
      ],
    });
    // By hand: x2 ≥ 0, −3x1 − 4x2 + 12 ≥ 0, x1 ≥ 0.
    expect(sol.answer).toMatchObject({ hiddenUnits: 3, depth: 2, perceptrons: 4, verified: true });
    expect(sol.answer.halfPlanes.map((h) => h.text)).toEqual(['x2 ≥ 0', '−3·x1 − 4·x2 + 12 ≥ 0', 'x1 ≥ 0']);
  });

  it('two squares sharing an edge: the shared line has opposite insides, so both half-planes are kept', () => {
    // [0,1]² ∪ [1,2]×[0,1]: x1 ≤ 1 and x1 ≥ 1 are different; x2 ≥ 0 and x2 ≤ 1 are shared → 6 units.
    const { answer } = run({ polygons: [square(0, 0, 1), square(1, 0, 1)] });
    expect(answer).toMatchObject({ hiddenUnits: 6, perceptrons: 9, verified: true });
    expect(evalNetwork(answer.layers, [1, 0.5], '>=0', false)).toBe(1);
    expect(evalNetwork(answer.layers, [2.5, 0.5], '>=0', false)).toBe(0);
  });

  it('decimal vertices keep real coefficients and verify', () => {
    const { answer } = run({
      polygons: [
        [
          [0.1, 0.2],
          [1.7, 0.3],
          [0.9, 1.45],
        ],
      ],
    });
    expect(answer).toMatchObject({ hiddenUnits: 3, verified: true });
  });
});

describe('logic/region-mlp: encodings and domains', () => {
  const lShape = [
    [
      [0, 0],
      [2, 0],
      [2, 1],
      [0, 1],
    ],
    [
      [0, 0],
      [1, 0],
      [1, 2],
      [0, 2],
    ],
  ];

  it('bipolar units: AND bias −(m − 1), OR bias k − 1 (by hand: ±1 sums), boundary inside, −1 outside', () => {
    const { answer, notes } = run({ polygons: lShape, encoding: 'bipolar' });
    expect(answer).toMatchObject({ verified: true, hiddenUnits: 6, perceptrons: 9, fireWhen: '>=0' });
    // Each rectangle has 4 half-planes: all fire → 4 − 3 = 1 ≥ 0, one off → 2 − 3 < 0. OR of 2: one on → 0 + 1 ≥ 0.
    expect(answer.layers[1]?.bias).toEqual([-3, -3]);
    expect(answer.layers[2]).toEqual({ weights: [[1, 1]], bias: [1] });
    for (const [p, inside] of [
      [[2, 1], true],
      [[1, 2], true],
      [[1.5, 1.5], false],
      [[-0.001, 0.5], false],
    ] as const) {
      expect(evalNetwork(answer.layers, [...p], '>=0', true)).toBe(inside ? 1 : -1);
    }
    expect(notes.join(' ')).toMatch(/−1 \(bipolar encoding\)/);
  });

  it('binary units with a weight domain: AND bias −λm and OR bias −λ, the allowed value closest to it', () => {
    const { answer } = run({
      polygons: lShape,
      weightDomain: [-10, 0, 10],
      biasDomain: Array.from({ length: 21 }, (_, i) => 10 * i - 100),
    });
    expect(answer.verified).toBe(true);
    expect(answer.layers[1]?.bias).toEqual([-40, -40]);
    expect(answer.layers[2]).toEqual({ weights: [[10, 10]], bias: [-10] });
    expect(answer.layers.flatMap((l) => l.weights.flat()).every((w) => [-10, 0, 10].includes(w))).toBe(true);
  });

  it('without a domain the answer is the v1 network (binary default), with fireWhen stated', () => {
    const plain = run({ polygons: lShape }).answer;
    expect(plain.layers[1]?.bias).toEqual([-4, -4]);
    expect(plain.layers[2]).toEqual({ weights: [[1, 1]], bias: [-1] });
    expect(plain.fireWhen).toBe('>=0');
  });
});

badInputSuite('logic/region-mlp', [
  [
    'a two-vertex polygon',
    {
      polygons: [
        [
          [0, 0],
          [1, 1],
        ],
      ],
    },
    'polygons[0]',
    /at least 3/,
  ],
  [
    'repeated vertex',
    {
      polygons: [
        [
          [0, 0],
          [1, 0],
          [1, 0],
          [0, 1],
        ],
      ],
    },
    'polygons[0][2]',
    /repeats vertex 1/,
  ],
  [
    'all vertices on a line',
    {
      polygons: [
        [
          [0, 0],
          [1, 1],
          [2, 2],
        ],
      ],
    },
    'polygons[0]',
    /zero area/,
  ],
  [
    'a collinear middle vertex',
    {
      polygons: [
        [
          [0, 0],
          [1, 0],
          [2, 0],
          [2, 2],
        ],
      ],
    },
    'polygons[0][1]',
    /drop this vertex/,
  ],
  [
    'non-convex polygon',
    {
      polygons: [
        [
          [0, 0],
          [4, 0],
          [1, 1],
          [0, 4],
        ],
      ],
    },
    'polygons[0][2]',
    /not convex/,
  ],
  [
    'a pentagram (winds twice; edges 0–1 and 2–3 cross)',
    {
      polygons: [
        [
          [0, 3],
          [2, -3],
          [-3, 1],
          [3, 1],
          [-2, -3],
        ],
      ],
    },
    'polygons[0]',
    /is self-intersecting: edge 0–1 meets edge 2–3/,
  ],
  [
    'non-numeric coordinate',
    {
      polygons: [
        [
          [0, 0],
          [1, 'a'],
          [0, 1],
        ],
      ],
    },
    'polygons[0][1][1]',
    /must be a number/,
  ],
  ['no polygons', { polygons: [] }, 'polygons', /at least 1/],
  [
    'infinite coordinate',
    {
      polygons: [
        [
          [0, 0],
          [1e10, 0],
          [0, 1],
        ],
      ],
    },
    'polygons[0][1][0]',
    /at most/,
  ],
  [
    'a bias domain without a weight domain',
    { polygons: [square(0, 0, 1)], biasDomain: [0, 10] },
    'biasDomain',
    /needs a weightDomain/,
  ],
  [
    'a slanted edge no multiple of which has weights in {−10, 0, 10}',
    {
      polygons: [
        [
          [0, 0],
          [2, -1],
          [0, 3],
        ],
      ],
      weightDomain: [-10, 0, 10],
    },
    'weightDomain',
    /no positive multiple of the half-plane/,
  ],
  [
    'axis-parallel edges without 0 in the weight domain',
    { polygons: [square(0, 0, 1)], weightDomain: [-10, 10] },
    'weightDomain',
    /needs 0 in the domain/,
  ],
  [
    'a bias domain too coarse for the edge x1 − 4 ≥ 0',
    {
      polygons: [
        [
          [4, 2],
          [7, 2],
          [7, 6],
          [4, 6],
        ],
      ],
      weightDomain: [-10, 0, 10],
      biasDomain: [-100, 0, 100],
    },
    'biasDomain',
    /bias is outside/,
  ],
]);
