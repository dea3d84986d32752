/** Exam examples of conv/backprop, each with a hand-derived answer. */
import type { SolverExample, z } from '@dnn/core';
import type { backpropInput } from './backprop-input.js';

type Example = SolverExample<z.input<typeof backpropInput>>;

/** TUM I2DL, "Backpropagation and Convolutional Layers" (seed lines 272–356), parts a, b and d in one call. */
export const TUM_EXAM: Example = {
  title: 'TUM I2DL: 1×1 conv (weights 1, no bias) → 2×2 max-pool (stride 2, zero padding 1), BCE summed, SGD η = 1',
  source:
    'Exam problem (backpropagation and convolutional layers, seed lines 272–356). By hand: the 1×1 conv sums the channels, Y¹ = [[0, 0.5], [0.5, −1]]; each pooling window holds one real cell and three padded zeros, Y² = [[0, 0.5], [0.5, 0]]. BCE summed with t = [[0, 1], [1, 0]]: the t = 0 cells have p = 0 and add −ln(1 − 0) = 0, the others −ln 0.5 each, L = 2 ln 2 ≈ 1.386294. ∂L/∂p = −t/p + (1 − t)/(1 − p) = [[1, −2], [−2, 1]]. Routing: the top-left window ties (padding 0 and Y¹[0][0] = 0) and its first maximum in row-major order is a padded cell, so its gradient 1 is lost; the bottom-right window is won by padding (0 > −1); the other two send −2 to Y¹[0][1] and Y¹[1][0]. ∂L/∂w_c = −2·x_c[0][1] − 2·x_c[1][0]: w₁: −2·(−0.5) − 2·2 = −3, w₂: −2·1 − 2·(−1.5) = 1, w₃: 0; updated w = 1 − ∂L/∂w = (4, 0, 1).',
  input: {
    input: [
      [
        [1, -0.5],
        [2, -2],
      ],
      [
        [-2, 1],
        [-1.5, 1],
      ],
      [
        [1, 0],
        [0, 0],
      ],
    ],
    layers: [
      { type: 'conv', weight: [[[[1]], [[1]], [[1]]]] },
      { type: 'maxpool', kernel: 2, stride: 2, padding: 1 },
    ],
    loss: 'bce',
    target: [
      [0, 1],
      [1, 0],
    ],
    reduction: 'sum',
    logZero: -1e9,
    lr: 1,
  },
  answer: {
    activations: [
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
    ],
    loss: 2 * Math.LN2,
    updated: [{ weight: [[[[4]], [[0]], [[1]]]], bias: null }, null],
  },
};

/** A max-pool tie, shared equally. */
export const TIE_SPLIT: Example = {
  title: 'Max-pool routing at a tie: 2×2 window with two maxima, maxTie "split"',
  source:
    'By hand: max(1, 3, 3, 2) = 3 is reached at X[0][1] and X[1][0]; with maxTie "split" each receives half of ∂L/∂Y = 1 (with "first" X[0][1] would take all of it).',
  input: {
    input: [
      [1, 3],
      [3, 2],
    ],
    layers: [{ type: 'maxpool', kernel: 2 }],
    gradOutput: [[1]],
    maxTie: 'split',
  },
  answer: {
    activations: [[[3]]],
    gradients: [
      {
        type: 'maxpool',
        input: [
          [0, 0.5],
          [0.5, 0],
        ],
      },
    ],
  },
};

/** A ReLU map flattened into one dense unit, with a loss and an SGD step. */
export const DENSE_HEAD: Example = {
  title: 'ReLU → flatten → dense unit (weights 1, bias 0), MSE against t = 1, SGD η = 0.5',
  source:
    'By hand: relu([[1, −2], [0, 3]]) = [[1, 0], [0, 3]], flattened row by row to [1, 0, 0, 3]; y = 1 + 0 + 0 + 3 = 4; MSE over one output: L = (4 − 1)² = 9, ∂L/∂y = 2·(4 − 1) = 6. ∂L/∂W = 6·[1, 0, 0, 3] = [6, 0, 0, 18], ∂L/∂b = 6, updated W = [1, 1, 1, 1] − 0.5·[6, 0, 0, 18] = [−2, 1, 1, −8], b = −3. Back through the dense unit ∂L/∂a = 6·[1, 1, 1, 1]; ReLU′ is 1 at 1 and 3, 0 at −2 and at 0 (ReLU′(0) = 0), so ∂L/∂x = [[6, 0], [0, 6]].',
  input: {
    input: [
      [1, -2],
      [0, 3],
    ],
    layers: [{ type: 'relu' }, { type: 'flatten' }, { type: 'dense', weights: [[1, 1, 1, 1]], bias: [0] }],
    loss: 'mse',
    target: [1],
    lr: 0.5,
  },
  answer: {
    loss: 9,
    gradients: [
      {
        type: 'relu',
        input: [
          [6, 0],
          [0, 6],
        ],
      },
      {
        type: 'flatten',
        input: [
          [6, 6],
          [6, 6],
        ],
      },
      { type: 'dense', input: [6, 6, 6, 6], weight: [[6, 0, 0, 18]], bias: [6] },
    ],
    updated: [null, null, { weight: [[-2, 1, 1, -8]], bias: [-3] }],
  },
};
