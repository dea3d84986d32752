/**
 * rnn/params — the parameter count of a simple RNN, LSTM or GRU layer with an
 * optional dense head, broken down into input weights, recurrent weights,
 * biases and output layer.
 */
import { a, DnnInputError, defineSolver, s } from '@dnn/core';
import * as z from 'zod/mini';
import { cellFields, countParams, MAX_UNITS, paramNotes, paramSteps } from './param-count.js';

const input = s.object({
  ...cellFields,
  hiddenSize: s
    .positiveInt('Hidden size H (units of the recurrent layer; with projSize, the size of the cell state c).')
    .check(z.maximum(MAX_UNITS)),
  projSize: z.optional(
    s
      .positiveInt(
        'PyTorch proj_size (LSTM only, optional): h has projSize units P < H while c keeps hiddenSize; adds the projection W_hr [P][H], and the recurrent weights and output layer read P values.',
      )
      .check(z.maximum(MAX_UNITS)),
  ),
});

const answer = a.answer({
  params: a.count(
    'Total params',
    'Trainable parameters of the recurrent layer and its dense output layer: input weights + recurrent weights + biases + output layer.',
  ),
  breakdown: a.record(
    {
      inputWeights: a.count('Input weights', 'G·H·D: one H×D matrix per weight block (G = 1 rnn, 4 lstm, 3 gru).'),
      recurrentWeights: a.count('Recurrent weights', 'G·H·H: one H×H matrix per weight block.'),
      biases: a.count('Biases', 'G·H·(bias vectors per block): 1 textbook and Keras, 2 PyTorch; 0 without bias.'),
      output: a.count('Output layer', 'Dense head O·H (+ O with its bias); 0 without one. O·P with a projection.'),
      projection: z.optional(a.count('Projection', 'W_hr of an LSTM with projSize: P·H (present only with projSize).')),
    },
    'Breakdown',
    'The count by kind of parameter; the parts sum to the total.',
  ),
});

/** The answer of rnn/params. */
export type ParamsAnswer = z.output<typeof answer>;

/** rnn/params: the number of trainable parameters of one recurrent layer. */
export const params = defineSolver({
  id: 'rnn/params',
  title: 'Parameters of an RNN, LSTM or GRU layer',
  description:
    'Number of trainable parameters of a simple RNN, LSTM or GRU layer (with or without biases, one or two bias vectors per gate) and an optional dense output layer, with the breakdown.',
  input,
  answer,
  solveParsed(inp) {
    if (inp.projSize !== undefined) {
      if (inp.cell !== 'lstm') {
        throw new DnnInputError(
          'projSize',
          `is a projection of an LSTM's hidden state (PyTorch proj_size); a ${inp.cell} cell has none`,
        );
      }
      if (inp.projSize >= inp.hiddenSize) {
        throw new DnnInputError(
          'projSize',
          `must be smaller than hiddenSize ${inp.hiddenSize} (PyTorch requires proj_size < hidden_size); hiddenSize is the size of the cell state c`,
        );
      }
    }
    const { params: total, breakdown } = countParams(inp, inp.hiddenSize);
    return {
      answer: { params: total, breakdown } satisfies ParamsAnswer,
      steps: paramSteps(inp, inp.hiddenSize),
      notes: paramNotes(inp, inp.hiddenSize),
    };
  },
  examples: [
    {
      title: 'TUM I2DL: vanilla RNN cell, x ∈ ℝ³, h ∈ ℝ⁵, with bias',
      source:
        'Exam problem; by hand: 5·3 + 5·5 + 5 = 15 + 25 + 5 = 45; TensorFlow.js tf.layers.simpleRNN({units: 5}) on 3 features also counts 45.',
      input: { cell: 'rnn', inputSize: 3, hiddenSize: 5 },
      answer: { params: 45, breakdown: { inputWeights: 15, recurrentWeights: 25, biases: 5, output: 0 } },
    },
    {
      title: 'TUM I2DL: vanilla RNN cell, x ∈ ℝ⁴, h ∈ ℝ¹², bias neglected',
      source: 'Exam problem; by hand: 12·4 + 12·12 = 48 + 144 = 192.',
      input: { cell: 'rnn', inputSize: 4, hiddenSize: 12, bias: false },
      answer: { params: 192, breakdown: { inputWeights: 48, recurrentWeights: 144, biases: 0, output: 0 } },
    },
    {
      title: 'BITS: next-word vanilla RNN, embedding 10, 20 hidden, 50 words one-hot out, no bias',
      source:
        'Exam problem; by hand: 20·10 + 20·20 = 600 recurrent-layer weights, plus 50·20 = 1000 output weights: 1600.',
      input: { cell: 'rnn', inputSize: 10, hiddenSize: 20, bias: false, outputSize: 50, outputBias: false },
      answer: { params: 1600, breakdown: { inputWeights: 200, recurrentWeights: 400, biases: 0, output: 1000 } },
    },
    {
      title: 'BITS: next-word LSTM, embedding 10, 20 hidden, 100 words one-hot out, no bias',
      source:
        "Exam problem; by hand: 4·20·10 + 4·20·20 = 800 + 1600 = 2400 LSTM weights, plus 100·20 = 2000 output weights: 4400. The rubric's 4·2·(20 + 10)·20 = 4800 counts every LSTM weight twice, so its total 6800 is wrong.",
      input: { cell: 'lstm', inputSize: 10, hiddenSize: 20, bias: false, outputSize: 100, outputBias: false },
      answer: { params: 4400, breakdown: { inputWeights: 800, recurrentWeights: 1600, biases: 0, output: 2000 } },
    },
    {
      title: 'BITS: LSTM with x ∈ ℝ⁴, h ∈ ℝ³, cell state c ∈ ℝ⁸ and one output (a projected LSTM)',
      source:
        'Exam problem. h and c of different sizes means a projection (PyTorch nn.LSTM(4, 8, proj_size=3)): by hand, input weights 4·8·4 = 128, recurrent weights 4·8·3 = 96 (they read h), biases 4·8 = 32 (one per gate; PyTorch’s two give 64), projection W_hr 3·8 = 24, output 1·3 + 1 = 4: 284 (316 with PyTorch’s biases, the count of sum(p.numel()) for nn.LSTM(4, 8, proj_size=3) plus nn.Linear(3, 1) = 312 + 4). The rubric’s 140 gives the gates 3 units but the cell 8, which c_t = f∘c_{t−1} + i∘g cannot multiply.',
      input: { cell: 'lstm', inputSize: 4, hiddenSize: 8, projSize: 3, outputSize: 1 },
      answer: {
        params: 284,
        breakdown: { inputWeights: 128, recurrentWeights: 96, biases: 32, output: 4, projection: 24 },
      },
    },
  ],
});
