/**
 * The pure logic of the answer pictures (docs/src/components/answer/pictures):
 * number format, colours, network evaluation and layout, the plane grid, graph
 * layout, sliding windows, contours and half-planes. Node only: no built site,
 * no browser. Expected values are derived by hand in the comments.
 */
import { parseExpression, traceGradient } from '@dnn/core';
import { describe, expect, it } from 'vitest';
import { colourScale, contrast, fmt4, niceTicks, textOn } from '../src/components/answer/pictures/format';
import { layoutGraph, opText, toTrace } from '../src/components/answer/pictures/graph-layout';
import { layoutNetwork } from '../src/components/answer/pictures/network-layout';
import {
  cornersOnBoundaries,
  fireRule,
  inputNames,
  type Layer,
  networkValue,
  runLayers,
  toLayers,
  truthPoints,
  unitNames,
} from '../src/components/answer/pictures/network-model';
import {
  booleanBox,
  clipLine,
  distinctLines,
  frame,
  gridValues,
  rowRuns,
  samples,
} from '../src/components/answer/pictures/plane';
import { edgesOnLine, placeLabels, planeMarks } from '../src/components/answer/pictures/region';
import { samePadding, slidingWindowOf, toMaps, windowTaps } from '../src/components/answer/pictures/tensor-window';
import {
  contourPaths,
  objectiveOf,
  quantileLevels,
  sampleGrid,
  twoParameterPath,
} from '../src/components/answer/pictures/trajectory';

/** logic/mlp's XOR network for `x ^ y` (its answer `layers`): h1 = step(−x + y), h2 = step(x − y), y = step(h1 + h2). */
const XOR: Layer[] = [
  {
    weights: [
      [-1, 1],
      [1, -1],
    ],
    bias: [0, 0],
  },
  { weights: [[1, 1]], bias: [0] },
];

describe('numbers and colours', () => {
  it('rounds to 4 significant digits with a true minus sign', () => {
    expect(fmt4(1 / 3)).toBe('0.3333');
    expect(fmt4(-1.5)).toBe('−1.5');
    expect(fmt4(0.1 + 0.2)).toBe('0.3');
    expect(fmt4(2)).toBe('2');
    expect(fmt4(123456)).toBe('1.235e5'); // 1.23456e5 → 4 digits 1.235e5
    expect(fmt4(0.00012346)).toBe('1.235e−4'); // 1.2346e−4 → 1.235e−4 (not 0.00012345: as a float it is just below …45)
    expect(fmt4(0)).toBe('0');
  });

  it('picks round ticks: −0.5…1.5 in about 5 steps is every 0.5', () => {
    // (1.5 − (−0.5)) / 5 = 0.4; the first of 0.1, 0.2, 0.5 (× 10⁰⁻¹) not below 0.4 is 0.5.
    expect(niceTicks(-0.5, 1.5, 5)).toEqual([-0.5, 0, 0.5, 1, 1.5]);
  });

  it('a diverging scale is white at 0 and saturated at the largest |value|', () => {
    const s = colourScale([-2, 1]);
    expect(s.diverging).toBe(true);
    expect(s.colour(0)).toEqual([247, 247, 247]);
    expect(s.colour(-2)).toEqual([178, 24, 43]); // the red end: |−2| is the largest magnitude
    // 1 is half of 2: halfway from white (247, 247, 247) to blue (33, 102, 172): (140, 174.5, 209.5) rounded.
    expect(s.colour(1)).toEqual([140, 175, 210]);
  });

  it('NaN is grey and ±∞ take the ends of the scale', () => {
    const s = colourScale([0, 1, Number.NaN]);
    expect(s.colour(Number.NaN)).toEqual([150, 150, 150]);
    expect(s.colour(Number.POSITIVE_INFINITY)).toEqual(s.colour(1));
    expect(s.colour(Number.NEGATIVE_INFINITY)).toEqual(s.colour(0));
  });

  it('the text in a cell reaches 4.5:1 against its colour on every scale', () => {
    for (const values of [
      [-3, 5],
      [0, 10],
      [-4, -1],
      [2, 2],
    ]) {
      const s = colourScale(values);
      for (let t = 0; t <= 1; t += 0.01) {
        const fill = s.colour(values[0]! + t * (values[1]! - values[0]!));
        const text = textOn(fill) === '#000000' ? ([0, 0, 0] as const) : ([255, 255, 255] as const);
        expect(contrast(fill, [...text])).toBeGreaterThanOrEqual(4.5);
      }
    }
  });
});

describe('threshold networks', () => {
  it('the XOR MLP reproduces XOR on the corners with the strict rule', () => {
    // (0,0): z1 = z2 = 0, not > 0 → h = (0,0) → z = 0 → 0. (0,1): z1 = 1 → h1 = 1 → y = 1. (1,1): as (0,0).
    expect(
      [
        [0, 0],
        [0, 1],
        [1, 0],
        [1, 1],
      ].map((x) => networkValue(XOR, x, '>0', 'binary')),
    ).toEqual([0, 1, 1, 0]);
    // Off the corners it outputs 1 wherever x ≠ y: (0.25, 0.75) gives z1 = 0.5 > 0.
    expect(networkValue(XOR, [0.25, 0.75], '>0', 'binary')).toBe(1);
    expect(networkValue(XOR, [0.5, 0.5], '>0', 'binary')).toBe(0);
  });

  it('with the non-strict rule the same weights fire everywhere (z = 0 fires)', () => {
    // (0,0): z1 = z2 = 0 ≥ 0 → h = (1,1) → z = 2 ≥ 0 → 1.
    expect(networkValue(XOR, [0, 0], '>=0', 'binary')).toBe(1);
  });

  it('bipolar units output −1 when they do not fire', () => {
    // OR in ±1: w = (1, 1), b = 1. (−1,−1): z = −1 → −1; (−1, 1): z = 1 → 1.
    const or: Layer[] = [{ weights: [[1, 1]], bias: [1] }];
    expect(runLayers(or, [-1, -1], '>0', 'bipolar')).toEqual([[-1]]);
    expect(runLayers(or, [-1, 1], '>0', 'bipolar')).toEqual([[1]]);
  });

  it('logic/region-mlp’s L-shape network needs its ≥ 0 rule: AND units sit exactly at z = 0 inside', () => {
    // Its answer for the union of [0,2]×[0,1] and [0,1]×[0,2]: hidden x2 ≥ 0, −x1 + 2 ≥ 0, −x2 + 1 ≥ 0, x1 ≥ 0,
    // −x1 + 1 ≥ 0, −x2 + 2 ≥ 0; an AND unit per rectangle (four ones, bias −4); OR (bias −1).
    const L: Layer[] = [
      {
        weights: [
          [0, 1],
          [-1, 0],
          [0, -1],
          [1, 0],
          [-1, 0],
          [0, -1],
        ],
        bias: [0, 2, 1, 0, 1, 2],
      },
      {
        weights: [
          [1, 1, 1, 1, 0, 0],
          [1, 0, 0, 1, 1, 1],
        ],
        bias: [-4, -4],
      },
      { weights: [[1, 1]], bias: [-1] },
    ];
    // (0.5, 0.5): every hidden unit fires, AND₁ sum 4 − 4 = 0 ≥ 0 → 1, OR 1 − 1 = 0 ≥ 0 → 1.
    expect(networkValue(L, [0.5, 0.5], '>=0', 'binary')).toBe(1);
    // (2, 1), a corner of the first rectangle: boundary points count as inside.
    expect(networkValue(L, [2, 1], '>=0', 'binary')).toBe(1);
    // (1.5, 1.5): −x2 + 1 = −0.5 and −x1 + 1 = −0.5 fail, so neither AND fires.
    expect(networkValue(L, [1.5, 1.5], '>=0', 'binary')).toBe(0);
    // With the strict rule the AND sum 0 is not > 0: nothing would be inside.
    expect(networkValue(L, [0.5, 0.5], '>0', 'binary')).toBe(0);
  });

  it('reads the firing rule from the input, else from the field description, else > 0', () => {
    expect(fireRule({ fireWhen: '>=0' }, undefined)).toBe('>=0');
    // logic/region-mlp documents its fixed rule in the network field's description.
    expect(fireRule({}, 'Hidden half-plane units … A unit outputs 1 when w·x + b ≥ 0, else 0.')).toBe('>=0');
    // The shared threshold-network description states the default first.
    expect(fireRule({}, 'A unit outputs 1 when w·x + b > 0 (≥ 0 with fireWhen ">=0"), else 0.')).toBe('>0');
    expect(fireRule({}, undefined)).toBe('>0');
  });

  it('accepts a network as layers or as a record with layers, and rejects mismatched widths', () => {
    expect(toLayers(XOR)).toEqual(XOR);
    expect(toLayers({ layers: XOR, verified: true })).toEqual(XOR);
    // The second layer has rows of 3 weights but the first layer has 2 units.
    expect(toLayers([XOR[0], { weights: [[1, 1, 1]], bias: [0] }])).toBeUndefined();
    expect(toLayers([{ weights: [[1, 1]], bias: [0, 1] }])).toBeUndefined();
  });

  it('names inputs from the variables, else x1…xn, and units h1…, y', () => {
    expect(inputNames(2, { variables: ['a', 'b'] }, {})).toEqual(['a', 'b']);
    expect(inputNames(2, {}, { variables: ['x', 'y'] })).toEqual(['x', 'y']);
    expect(inputNames(3, {}, {})).toEqual(['x1', 'x2', 'x3']);
    expect(unitNames(XOR)).toEqual([['h1', 'h2'], ['y']]);
  });

  it('takes targets from a truth table (rows left out have none), inequalities, or a verified network', () => {
    const table = {
      truthTable: {
        inputs: [
          [0, 1],
          [1, 1],
        ],
        outputs: [1, 0],
      },
    };
    // Rows a table leaves out are false by default (truthTable.unlisted false), unmarked with unlisted "dont-care".
    expect(truthPoints(XOR, XOR, table, {}, '>0', 'binary').map((p) => p.target)).toEqual([0, 1, 0, 0]);
    const dontCare = { truthTable: { ...table.truthTable, unlisted: 'dont-care' } };
    expect(truthPoints(XOR, XOR, dontCare, {}, '>0', 'binary').map((p) => p.target)).toEqual([
      undefined,
      1,
      undefined,
      0,
    ]);
    const inequalities = [0, 1, 2, 3].map((r) => ({ x: [r >> 1, r & 1], target: r === 3 ? 1 : 0, text: '' }));
    expect(truthPoints(XOR, XOR, {}, { inequalities }, '>0', 'binary').map((p) => p.target)).toEqual([0, 0, 0, 1]);
    // verified: the network's outputs are the targets; the copy is matched by content.
    const verified = { layers: structuredClone(XOR), verified: true };
    expect(truthPoints(XOR, XOR, {}, verified, '>0', 'binary').map((p) => p.target)).toEqual([0, 1, 1, 0]);
    expect(truthPoints(XOR, XOR, {}, { layers: XOR, verified: false }, '>0', 'binary')[0]?.target).toBeUndefined();
    // Bipolar corners are ±1.
    expect(truthPoints(XOR, XOR, {}, {}, '>0', 'bipolar').map((p) => p.x)).toEqual([
      [-1, -1],
      [-1, 1],
      [1, -1],
      [1, 1],
    ]);
  });

  it('finds the corners that lie on a first-layer line: (0,0) and (1,1) on both XOR lines', () => {
    const points = truthPoints(XOR, XOR, {}, {}, '>0', 'binary');
    expect(cornersOnBoundaries(XOR, points)).toEqual([
      { x: [0, 0], unit: 0 },
      { x: [0, 0], unit: 1 },
      { x: [1, 1], unit: 0 },
      { x: [1, 1], unit: 1 },
    ]);
  });
});

describe('the plane grid', () => {
  it('samples −0.5…1.5 in 64 steps of 1/32, exactly, with 0 and 1 on samples', () => {
    const xs = samples(-0.5, 1.5, 64);
    expect(xs).toHaveLength(65);
    expect(xs[16]).toBe(0); // −0.5 + 16/32
    expect(xs[48]).toBe(1); // −0.5 + 48/32
    expect(xs[64]).toBe(1.5);
  });

  it('draws the XOR MLP’s 0 region, the line x = y, as the diagonal of the grid (it was missed: “all green”)', () => {
    const box = booleanBox('binary');
    const xs = samples(box.x0, box.x1, 64);
    const grid = gridValues((x, y) => networkValue(XOR, [x, y], '>0', 'binary'), xs, xs);
    // Rows run from the top (largest x2): node (row r, column c) is at x = xs[c], y = xs[64 − r];
    // x = y exactly when c = 64 − r, and everywhere else one hidden unit fires.
    const zeros = grid.flatMap((row, r) => row.flatMap((v, c) => (v === 0 ? [[r, c]] : [])));
    expect(zeros).toEqual(xs.map((_, c) => [64 - c, c]).sort((p, q) => p[0]! - q[0]!));
  });

  it('merges a row into runs', () => {
    expect(rowRuns([1, 1, 0, 0, 0, 1])).toEqual([
      { start: 0, length: 2, value: 1 },
      { start: 2, length: 3, value: 0 },
      { start: 5, length: 1, value: 1 },
    ]);
  });

  it('clips lines to the box', () => {
    const box = booleanBox('binary');
    // x − y = 0 runs corner to corner.
    expect(clipLine(1, -1, 0, box)).toEqual([
      [-0.5, -0.5],
      [1.5, 1.5],
    ]);
    // AND's line x + y − 1.5 = 0 meets x = −0.5 at y = 2 (outside) and y = −0.5 at x = 2 (outside);
    // it enters at (0, 1.5) on the top edge and leaves at (1.5, 0) on the right edge.
    expect(clipLine(1, 1, -1.5, box)).toEqual([
      [0, 1.5],
      [1.5, 0],
    ]);
    expect(clipLine(0, 1, -2, box)).toBeUndefined(); // y = 2 is above the box
    expect(clipLine(0, 0, 1, box)).toBeUndefined();
  });

  it('treats proportional lines as one line', () => {
    // −x + y = 0 and x − y = 0 are the same line (factor −1).
    expect(distinctLines(XOR[0]!.weights, XOR[0]!.bias)).toEqual([{ w: [-1, 1], b: 0, units: [0, 1] }]);
    // x + y = 0 and 2x + 2y − 1 = 0 are parallel, not equal.
    expect(
      distinctLines(
        [
          [1, 1],
          [2, 2],
        ],
        [0, -1],
      ),
    ).toHaveLength(2);
  });
});

describe('network diagram layout', () => {
  it('puts the XOR MLP in three columns with one edge per non-zero weight', () => {
    const d = layoutNetwork(XOR, ['x', 'y'], unitNames(XOR));
    // Columns 140 apart after a margin of 34 + 14; rows 58 apart with a margin of 42 above and below.
    expect(d.width).toBe(2 * (34 + 14) + 2 * 140);
    expect(d.height).toBe(2 * 42 + 58);
    expect(d.nodes.map((n) => [n.name, n.x, n.y])).toEqual([
      ['x', 48, 42],
      ['y', 48, 100],
      ['h1', 188, 42],
      ['h2', 188, 100],
      ['y', 328, 71],
    ]);
    expect(d.edges).toHaveLength(6);
    // max |w| = 1, so every edge is the widest, 1 + 3 = 4.
    expect(d.edges.every((e) => e.width === 4)).toBe(true);
    expect(d.edges.filter((e) => e.weight < 0).map((e) => `${e.from.name}→${e.to.name}`)).toEqual(['x→h1', 'y→h2']);
    expect(d.labelled).toBe(true);
  });

  it('drops zero weights and stops labelling beyond 40 edges', () => {
    const and: Layer[] = [{ weights: [[1, 0, 1]], bias: [-2] }];
    expect(layoutNetwork(and, ['a', 'b', 'c'], unitNames(and)).edges).toHaveLength(2);
    const wide: Layer[] = [{ weights: Array.from({ length: 6 }, () => Array(7).fill(1)), bias: Array(6).fill(0) }];
    const d = layoutNetwork(wide, inputNames(7, {}, {}), unitNames(wide));
    expect(d.edges).toHaveLength(42);
    expect(d.labelled).toBe(false);
    expect(d.edges.every((e) => e.label === undefined)).toBe(true);
  });
});

describe('computation graph layout', () => {
  // f = x·y + x at (2, 3): f = 8, ∂f/∂x = y + 1 = 4, ∂f/∂y = x = 2 (x feeds both the product and the sum).
  const nodes = toTrace(traceGradient(parseExpression('x*y + x'), { x: 2, y: 3 }).graph)!;

  it('draws a box per value and an operation node per computed value', () => {
    const g = layoutGraph(nodes, 'LR');
    expect(g.boxes.filter((b) => b.kind === 'value')).toHaveLength(4);
    expect(g.boxes.filter((b) => b.kind === 'op').map((b) => b.lines[0])).toEqual(['×', '+']);
    const x = g.boxes.find((b) => b.kind === 'value' && b.node.label === 'x')!;
    expect(x.lines).toEqual(['x', 'value 2', 'grad 4']);
    expect(x.consumers).toBe(2);
    expect(g.boxes.find((b) => b.output)?.lines).toEqual(['x·y + x', 'value 8', 'grad 1']);
  });

  it('runs every edge left to right, accents the skip connection, and overlaps no boxes', () => {
    const g = layoutGraph(nodes, 'LR');
    // 2 operation → result edges and 4 operand edges (x·y takes x and y; the sum takes x·y and x).
    expect(g.edges).toHaveLength(6);
    for (const e of g.edges) expect(e.points.at(-1)!.x).toBeGreaterThan(e.points[0]!.x);
    expect(g.edges.filter((e) => e.shared)).toHaveLength(2); // both edges leaving x
    for (const a of g.boxes)
      for (const b of g.boxes)
        if (a !== b)
          expect(Math.abs(a.x - b.x) * 2 >= a.width + b.width || Math.abs(a.y - b.y) * 2 >= a.height + b.height).toBe(
            true,
          );
  });

  it('keeps x·x as two operand edges, and folds constants into their operation when asked', () => {
    const square = toTrace(traceGradient(parseExpression('x*x'), { x: 3 }).graph)!;
    expect(layoutGraph(square).edges.filter((e) => e.from.startsWith('v:'))).toHaveLength(2);
    const power = toTrace(traceGradient(parseExpression('x^2'), { x: 3 }).graph)!;
    const folded = layoutGraph(power, 'TB', { foldConstants: true });
    expect(folded.boxes.filter((b) => b.kind === 'value').map((b) => b.node.label)).toEqual(['x', 'x^2']);
    const byId = new Map(power.map((n) => [n.id, n]));
    expect(opText(power.at(-1)!, byId, true)).toBe('^ 2');
    expect(opText(power.at(-1)!, byId, false)).toBe('^');
  });

  it('rejects a graph whose inputs name a later or unknown node', () => {
    expect(toTrace([{ id: 'n1', op: '+', inputs: ['n2'], value: 1, grad: 1, label: 'a', localGrads: [1] }])).toBe(
      undefined,
    );
  });
});

describe('sliding windows', () => {
  const five = Array.from({ length: 5 }, (_, r) => Array.from({ length: 5 }, (_, c) => 5 * r + c + 1));

  it('k = 3, s = 2, p = 1 on 5×5: output (1,1) reads input rows and columns 1…3', () => {
    // Output size ⌊(5 + 2·1 − 3)/2⌋ + 1 = 3. Output row 1 starts at row 1·2 = 2 of the padded input
    // (padded rows 2, 3, 4), which is input row 2 − 1 = 1: input rows 1, 2, 3 (likewise columns).
    const out = toMaps(Array.from({ length: 3 }, () => [0, 0, 0]))!;
    const w = slidingWindowOf(
      {
        input: five,
        weight: [
          [1, 0, -1],
          [1, 0, -1],
          [1, 0, -1],
        ],
        stride: 2,
        padding: 1,
      },
      toMaps(five)!,
      out,
    )!;
    expect(w).toMatchObject({ kernel: [3, 3], stride: [2, 2], pads: { top: 1, left: 1 }, allChannels: true });
    expect(windowTaps(w, 1, 1)).toEqual({ rows: [1, 2, 3], cols: [1, 2, 3] });
    // Output (0, 0) starts at padded row 0 = input row −1: the padding row above the map.
    expect(windowTaps(w, 0, 0)).toEqual({ rows: [-1, 0, 1], cols: [-1, 0, 1] });
  });

  it('pooling without a stride slides by the kernel (PyTorch’s default), channel by channel', () => {
    const four = [
      [1, 3, 2, 1],
      [4, 6, 5, 2],
      [7, 2, 1, 0],
      [3, 8, 4, 9],
    ];
    // 2×2 windows, stride 2: output (1, 0) covers rows 2–3, columns 0–1: max(7, 2, 3, 8) = 8.
    const w = slidingWindowOf(
      { input: four, kind: 'max', kernel: 2 },
      toMaps(four)!,
      toMaps([
        [6, 5],
        [8, 9],
      ])!,
    )!;
    expect(w.stride).toEqual([2, 2]);
    expect(w.allChannels).toBe(false);
    expect(windowTaps(w, 1, 0)).toEqual({ rows: [2, 3], cols: [0, 1] });
  });

  it('reads the kernel size from a [Cout][Cin][kH][kW] weight and dilation from the input', () => {
    // 7×7 input, 3×3 kernel dilated by 2 (span 5): output 7 − 5 + 1 = 3; taps of (0, 0) at 0, 2, 4.
    const seven = Array.from({ length: 7 }, () => Array(7).fill(1));
    const weight = [[Array.from({ length: 3 }, () => [1, 1, 1])]];
    const out = toMaps(Array.from({ length: 3 }, () => [0, 0, 0]))!;
    const w = slidingWindowOf({ input: [seven], weight, dilation: 2 }, toMaps([seven])!, out)!;
    expect(w.kernel).toEqual([3, 3]);
    expect(windowTaps(w, 0, 0).rows).toEqual([0, 2, 4]);
  });

  it('resolves "same" padding as TensorFlow does, the odd cell after', () => {
    // in 5, k 3, s 2: out ⌈5/2⌉ = 3, total (3 − 1)·2 + 3 − 5 = 2 → 1 before, 1 after.
    expect(samePadding(5, 3, 2, 1)).toEqual([1, 1]);
    // in 4, k 3, s 2: out 2, total 1·2 + 3 − 4 = 1 → 0 before, 1 after.
    expect(samePadding(4, 3, 2, 1)).toEqual([0, 1]);
  });

  it('draws no window when the geometry does not reproduce the output size', () => {
    // 5×5, k 3, s 1, p 0 gives 3×3, not 2×2.
    expect(
      slidingWindowOf(
        {
          weight: [
            [1, 1, 1],
            [1, 1, 1],
            [1, 1, 1],
          ],
        },
        toMaps(five)!,
        toMaps([
          [0, 0],
          [0, 0],
        ])!,
      ),
    ).toBe(undefined);
  });

  it('takes [H][W] as one channel and rejects ragged maps', () => {
    expect(
      toMaps([
        [1, 2],
        [3, 4],
      ]),
    ).toEqual([
      [
        [1, 2],
        [3, 4],
      ],
    ]);
    expect(toMaps([[[1, 2]], [[3]]])).toBeUndefined();
  });
});

describe('trajectories over contours', () => {
  it('keeps rows with exactly two parameters, in the first row’s key order', () => {
    const rows = [
      { step: 0, params: { w1: 1.5, w2: -2 } },
      { step: 1, params: { w1: 1.4, w2: -2.1 } },
    ];
    expect(twoParameterPath(rows)).toEqual({
      names: ['w1', 'w2'],
      points: [
        [1.5, -2],
        [1.4, -2.1],
      ],
    });
    expect(twoParameterPath([{ step: 0, params: { p: 6 } }])).toBeUndefined();
  });

  it('evaluates the objective with the parser (no eval), and only in the two parameters', () => {
    expect(objectiveOf('x^2 + 10y^2', ['x', 'y'])!(1, 2)).toBe(41); // 1 + 10·4
    expect(objectiveOf('x + z', ['x', 'y'])).toBeUndefined();
    expect(objectiveOf('x +', ['x', 'y'])).toBeUndefined();
    expect(objectiveOf('log(x) + y', ['x', 'y'])!(-1, 0)).toBeNaN();
  });

  it('samples in d3-contour’s order and takes levels at quantiles', () => {
    expect(sampleGrid((a, b) => a + 10 * b, { x0: 0, x1: 1, y0: 0, y1: 1 }, 2)).toEqual([0, 1, 10, 11]);
    // 10 values, 2 levels at the (k + ½)/2 quantiles: sorted[⌊0.25·10⌋] = 3, sorted[⌊0.75·10⌋] = 8.
    expect(quantileLevels([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 2)).toEqual([3, 8]);
  });

  it('the contour of x² + y² at 0.25 is the circle of radius 0.5', () => {
    const box = { x0: -1, x1: 1, y0: -1, y1: 1 };
    const n = 41;
    const f = frame(box, 200, { equal: true });
    const [line] = contourPaths(
      sampleGrid((x, y) => x * x + y * y, box, n),
      n,
      [0.25],
      f,
    );
    // d3-contour closes the region f ≥ 0.25 along the grid's border too: that ring lies half a
    // sample step outside the box (the picture clips it), so only the points inside the box are the contour.
    const pts = [...line!.d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)]
      .map((m) => [box.x0 + (Number(m[1]) / 200) * 2, box.y1 - (Number(m[2]) / 200) * 2])
      .filter(([x, y]) => Math.abs(x!) < 1 && Math.abs(y!) < 1);
    expect(pts.length).toBeGreaterThan(20);
    // Linear interpolation between samples 0.05 apart errs by far less than 0.01 on this circle.
    for (const [x, y] of pts) expect(Math.abs(Math.hypot(x!, y!) - 0.5)).toBeLessThan(0.01);
  });
});

describe('half-planes', () => {
  const L: [number, number][][] = [
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

  it('hatches the inside: x1 − 3 ≥ 0 points right, x2 ≥ 0 points up (SVG y down)', () => {
    const f = frame({ x0: 0, x1: 5, y0: 0, y1: 5 }, 100, { equal: true });
    const right = planeMarks({ weights: [1, 0], bias: -3, text: 'x1 − 3 ≥ 0' }, f)!;
    expect(right.line.map((p) => p[0])).toEqual([60, 60]); // x = 3 of 0…5 on 100 units
    expect(right.normal[0]).toBeCloseTo(1);
    expect(right.normal[1]).toBeCloseTo(0);
    const up = planeMarks({ weights: [0, 1], bias: -1, text: 'x2 − 1 ≥ 0' }, f)!;
    expect(up.normal[1]).toBeCloseTo(-1);
    for (const [, y1, , y2] of up.hatches) expect(y2).toBeLessThan(y1);
  });

  it('merges the two L-shape edges on x2 = 0 into one stretch from (2, 0) to (0, 0)', () => {
    // Along d = (−a2, a1)/|a| = (−1, 0) from the origin, P1’s edge spans [−2, 0] and P2’s [−1, 0]: one stretch [−2, 0].
    expect(edgesOnLine({ weights: [0, 1], bias: 0, text: 'x2 ≥ 0', polygons: [0, 1] }, L)).toEqual([
      [
        [2, 0],
        [0, 0],
      ],
    ]);
  });

  it('moves a label to its next spot when the first overlaps a placed one', () => {
    const placed = placeLabels([
      { spots: [[50, 50]], w: 40 },
      {
        spots: [
          [60, 52],
          [50, 90],
        ],
        w: 40,
      },
    ]);
    expect(placed.map(({ x, y }) => [x, y])).toEqual([
      [50, 50],
      [50, 90],
    ]);
  });

  it('prefers a spot inside the plot to one over the axis labels', () => {
    // The first spot (centre 30, width 44 + 4) reaches x = 6, left of the plot at 20; the second fits.
    const plot = { left: 20, top: 0, width: 200, height: 200 };
    const [label] = placeLabels(
      [
        {
          spots: [
            [30, 100],
            [80, 100],
          ],
          w: 44,
        },
      ],
      [],
      plot,
    );
    expect([label!.x, label!.y]).toEqual([80, 100]);
  });
});
