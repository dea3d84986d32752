/**
 * conv/backprop: the TUM exam in one call, hand-derived small networks, the
 * conventions (maxTie, padValue, ReLU′(0)), and bad inputs with their paths.
 */
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { expectClose, itRejects } from './assertions.test-util.js';
import { backprop } from './backprop.js';
import { TUM_EXAM } from './backprop-examples.js';

const run = (input: unknown) => backprop.run(input as never);

describe('conv/backprop — TUM I2DL "Backpropagation and Convolutional Layers" (exam-problems.txt lines 272–356)', () => {
  // Derived by hand in TUM_EXAM.source (not from the rubric): forward (a), BCE summed (b), ∂L/∂w and the SGD step (d).
  const { answer, steps } = run(TUM_EXAM.input);

  it('a) forward: the 1×1 conv sums the channels, the zero-padded max-pool gives [[0, 0.5], [0.5, 0]]', () => {
    expectClose(answer.activations, [
      [
        [
          [0, 0.5],
          [0.5, -1],
        ],
      ],
      [
        [
          [0, 0.5],
          [0.5, 0],
        ],
      ],
    ]);
  });

  it('b) BCE summed over the four outputs is 2·ln 2', () => {
    expect(answer.loss).toBeCloseTo(2 * Math.log(2), 12);
  });

  it('d) ∂L/∂w = (−3, 1, 0) and one SGD step with η = 1 gives w = (4, 0, 1)', () => {
    expectClose(answer.gradients[0]?.weight, [[[[-3]], [[1]], [[0]]]]);
    expect(answer.gradients[0]?.bias).toBeNull();
    expectClose(answer.updated?.[0]?.weight, [[[[4]], [[0]], [[1]]]]);
    expect(answer.updated?.[1]).toBeNull();
  });

  it('the steps show where each max-pool gradient goes, including the ones lost to the padding', () => {
    const text = steps.map((s) => s.text).join('\n');
    expect(text).toMatch(/Y\[0\]\[0\]\[1\]: the maximum came from X\[0\]\[0\]\[1\]/);
    expect(text).toMatch(/padded cell .* goes to the padding and is lost/);
    expect(text).toMatch(/∂L\/∂W\^\(1\)\[0\]\[0\]\[0\]\[0\] = 0·1 \+ \(−2\)·\(−0\.5\) \+ \(−2\)·2 \+ 0·\(−2\) = −3/);
  });

  it('the answer lists where each max-pool gradient went: two to the conv output, two lost to padded winners', () => {
    // By hand (see TUM_EXAM.source): windows (0,0) and (1,1) are won by padded zeros, (0,1) and (1,0) by Y¹[0][0][1], Y¹[0][1][0].
    expect(answer.gradients[1]?.routing).toEqual([
      { output: [0, 0, 0], inputs: [], share: 1, padded: 1 },
      { output: [0, 0, 1], inputs: [[0, 0, 1]], share: 1, padded: 0 },
      { output: [0, 1, 0], inputs: [[0, 1, 0]], share: 1, padded: 0 },
      { output: [0, 1, 1], inputs: [], share: 1, padded: 1 },
    ]);
  });

  it('maxTie "split" gives the top-left window’s gradient 1/4 to Y¹[0][0], changing ∂L/∂w to (−2.75, 0.5, 0.25)', () => {
    // By hand: that window's four cells tie at 0 (three padded); each gets 1/4 of ∂L/∂p = 1, so each w_c gains x_c[0][0]/4.
    const split = run({ ...TUM_EXAM.input, maxTie: 'split' }).answer;
    expectClose(split.gradients[0]?.weight, [[[[-2.75]], [[0.5]], [[0.25]]]]);
    // the top-left window: four cells tie at 0, one real (Y¹[0][0][0]) and three padded, each with a quarter
    expect(split.gradients[1]?.routing?.[0]).toEqual({
      output: [0, 0, 0],
      inputs: [[0, 0, 0]],
      share: 0.25,
      padded: 3,
    });
  });
});

describe('conv/backprop — small networks by hand', () => {
  it('conv 2×2 with bias on a 3×3 image, stride 1, given ∂L/∂Y', () => {
    // Y = X ⋆ K + b, K = [[1, 0], [0, −1]], b = 0.5; ∂L/∂Y = [[1, 2], [3, 4]].
    // ∂L/∂K[a][b] = Σ G[y][x]·X[y+a][x+b]: K00 = 1·1+2·2+3·4+4·5 = 37, K01 = 1·2+2·3+3·5+4·6 = 47,
    // K10 = 1·4+2·5+3·7+4·8 = 67, K11 = 1·5+2·6+3·8+4·9 = 77; ∂L/∂b = 10.
    // ∂L/∂X = G scattered through K: +G at the top-left tap, −G at the bottom-right tap.
    const { answer } = run({
      input: [
        [1, 2, 3],
        [4, 5, 6],
        [7, 8, 9],
      ],
      layers: [
        {
          type: 'conv',
          weight: [
            [1, 0],
            [0, -1],
          ],
          bias: 0.5,
        },
      ],
      gradOutput: [
        [1, 2],
        [3, 4],
      ],
    });
    expectClose(answer.activations[0], [
      [1 - 5 + 0.5, 2 - 6 + 0.5],
      [4 - 8 + 0.5, 5 - 9 + 0.5],
    ]);
    expectClose(answer.gradients[0]?.weight, [
      [37, 47],
      [67, 77],
    ]);
    expectClose(answer.gradients[0]?.bias, [10]);
    expectClose(answer.gradients[0]?.input, [
      [1, 2, 0],
      [3, 4 - 1, -2],
      [0, -3, -4],
    ]);
    expect(answer.loss).toBeNull();
  });

  it('avgpool 2×2 sends a quarter of each gradient to every cell', () => {
    const { answer } = run({
      input: [
        [1, 2, 3, 4],
        [5, 6, 7, 8],
      ],
      layers: [{ type: 'avgpool', kernel: 2 }],
      gradOutput: [[4, -8]],
    });
    expectClose(answer.activations[0], [[3.5, 5.5]]);
    expectClose(answer.gradients[0]?.input, [
      [1, 1, -2, -2],
      [1, 1, -2, -2],
    ]);
  });

  it('relu → flatten → dense with MSE: δ = 2(y − t)/N, ∂L/∂W = δ·xᵀ, relu passes only the positive cells', () => {
    // x = [[1, −2], [0, 3]]; relu → [1, 0, 0, 3]; y = [1, 1, 1, 1]·a + 0 = 4; t = 1; mse: L = 9, ∂L/∂y = 6.
    // ∂L/∂W = 6·[1, 0, 0, 3]; ∂L/∂a = 6·[1, 1, 1, 1]; relu′ = [1, 0, 0 (ReLU′(0) = 0), 1] → ∂L/∂x = [[6, 0], [0, 6]].
    const input = {
      input: [
        [1, -2],
        [0, 3],
      ],
      layers: [{ type: 'relu' }, { type: 'flatten' }, { type: 'dense', weights: [[1, 1, 1, 1]], bias: [0] }],
      loss: 'mse',
      target: [1],
      lr: 0.5,
    };
    const { answer, notes } = run(input);
    expect(answer.loss).toBe(9);
    expectClose(answer.gradients[2]?.weight, [[6, 0, 0, 18]]);
    expectClose(answer.gradients[2]?.bias, [6]);
    expectClose(answer.gradients[0]?.input, [
      [6, 0],
      [0, 6],
    ]);
    expectClose(answer.updated?.[2]?.weight, [[-2, 1, 1, -8]]);
    expect(notes.join(' ')).toMatch(/ReLU′\(0\) = 0/);
    // ReLU′(0) = 1 lets the zero cell through.
    const one = run({ ...input, reluGradAtZero: 1 }).answer;
    expectClose(one.gradients[0]?.input, [
      [6, 0],
      [6, 6],
    ]);
  });

  it('padValue "ignore": a padded cell never wins, so no gradient is lost', () => {
    const { answer } = run({
      input: [[-1]],
      layers: [{ type: 'maxpool', kernel: 2, stride: 1, padding: 1, padValue: 'ignore' }],
      gradOutput: [
        [1, 1],
        [1, 1],
      ],
    });
    expectClose(answer.gradients[0]?.input, [[4]]);
  });
});

describe('conv/backprop — sigmoid with bce is taken from the logits', () => {
  it('a saturated sigmoid (z = 40, σ(z) rounds to 1) with target 0 still gives L = softplus(40) ≈ 40 and ∂L/∂z = σ(40) ≈ 1', () => {
    // By hand: −ln(1 − σ(z)) = softplus(z) = 40 + ln(1 + e^−40) ≈ 40; ∂L/∂z = σ(z) − t ≈ 1. Computed from p alone, 1 − p = 0.
    const { answer } = run({ input: [[40]], layers: [{ type: 'sigmoid' }], loss: 'bce', target: [[0]] });
    expect(answer.loss).toBeCloseTo(40, 12);
    expectClose(answer.gradients[0]?.input, [[1]], 1e-15);
  });
});

describe('conv/backprop — bad input', () => {
  const net = { input: [[1, 2]], layers: [{ type: 'relu' }] };
  itRejects(run, [
    ['neither gradOutput nor loss', net, 'gradOutput', /is required/],
    ['loss without target', { ...net, loss: 'mse' }, 'target', /is required/],
    [
      'both gradOutput and loss',
      { ...net, gradOutput: [[1, 1]], loss: 'mse', target: [[0, 0]] },
      'gradOutput',
      /not both/,
    ],
    [
      'gradOutput of the wrong shape',
      { ...net, gradOutput: [1, 2, 3] },
      'gradOutput',
      /network output has shape \[1, 2\]/,
    ],
    [
      'an unknown layer type',
      { ...net, layers: [{ type: 'lstm' }], gradOutput: [[1, 1]] },
      'layers[0].type',
      /not a layer type/,
    ],
    [
      'dense on a map',
      { ...net, layers: [{ type: 'dense', weights: [[1, 1]] }], gradOutput: [1] },
      'layers[0]',
      /add a \{"type": "flatten"\}/,
    ],
    [
      'conv after flatten',
      { ...net, layers: [{ type: 'flatten' }, { type: 'conv', weight: [[1]] }], gradOutput: [1, 1] },
      'layers[1]',
      /before the flatten/,
    ],
    [
      'conv weight channels mismatch',
      { input: [[[1]], [[2]]], layers: [{ type: 'conv', weight: [[[[1]]]] }], gradOutput: [[[1]]] },
      'layers[0].weight',
      /2 channel/,
    ],
    [
      'dense weights of the wrong width',
      { ...net, layers: [{ type: 'flatten' }, { type: 'dense', weights: [[1, 2, 3]] }], gradOutput: [1] },
      'layers[1].weights',
      /3 column/,
    ],
    [
      'kernel larger than the input',
      { ...net, layers: [{ type: 'maxpool', kernel: 3 }], gradOutput: [[1]] },
      'layers[0].kernel',
      /larger than the padded input/,
    ],
    [
      'bce with a target outside [0, 1]',
      { ...net, layers: [{ type: 'sigmoid' }], loss: 'bce', target: [[2, 0]] },
      'target',
      /./,
    ],
    ['a non-positive lr', { ...net, gradOutput: [[1, 1]], lr: 0 }, 'lr', /./],
  ]);

  it('work beyond the limits is an input error, not a hang', () => {
    const big = Array.from({ length: 2000 }, () => Array.from({ length: 2000 }, () => 1));
    expect(() =>
      run({
        input: big,
        layers: [{ type: 'conv', weight: Array.from({ length: 9 }, () => Array.from({ length: 9 }, () => 1)) }],
        gradOutput: 1,
      }),
    ).toThrow(/above the limit/);
  });
});

describe('conv/backprop — steps', () => {
  // Every layer type, both loss paths, padding, maxTie "split" and padValue "ignore" (the examples cover the rest).
  const networks: unknown[] = [
    {
      input: [
        [
          [1, 2, 0],
          [0, -1, 3],
          [2, 2, 1],
        ],
        [
          [0, 1, 1],
          [1, 0, -2],
          [3, 1, 0],
        ],
      ],
      layers: [
        {
          type: 'conv',
          weight: [
            [
              [
                [1, 0],
                [0, 1],
              ],
              [
                [0.5, 0],
                [0, -1],
              ],
            ],
            [
              [
                [1, 1],
                [0, 0],
              ],
              [
                [0, 0],
                [1, 1],
              ],
            ],
          ],
          bias: [0.5, -1],
          padding: 1,
        },
        { type: 'avgpool', kernel: 2 },
        { type: 'tanh' },
        { type: 'flatten' },
        { type: 'dense', weights: [[0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8]], bias: 0.1 },
        { type: 'sigmoid' },
      ],
      loss: 'bce',
      target: [1],
      lr: 0.1,
    },
    {
      input: [
        [1, 2],
        [3, 4],
      ],
      layers: [{ type: 'sigmoid' }, { type: 'maxpool', kernel: 2, stride: 1, padding: 1, padValue: 'ignore' }],
      gradOutput: [
        [1, 2, 3],
        [4, 5, 6],
        [7, 8, 9],
      ],
      maxTie: 'split',
    },
  ];

  it('render in KaTeX strictly, with every symbol as a LaTeX command', () => {
    for (const network of networks) {
      for (const st of run(network).steps) {
        expect(st.latex.replace(/\\text\{[^}]*\}/g, ''), st.latex).not.toMatch(/[·−×≤≥⌊⌋⌈⌉σηλ∂]/);
        expect(() => katex.renderToString(st.latex, { throwOnError: true, strict: 'error' }), st.latex).not.toThrow();
      }
    }
  });
});
