import { describe, expect, it } from 'vitest';
import { describeBadInputs, describeExamples } from './checks.test-util.js';
import { solve } from './index.js';
import { params } from './params.js';

describeExamples(params);

describe('rnn/params: conventions', () => {
  it('a projected LSTM counts the projection and reads P columns in the recurrent and output weights (noted)', () => {
    // By hand, nn.LSTM(4, 8, proj_size=3) (two biases per gate): 128 + 96 + 64 + 24 = 312.
    const sol = solve('rnn/params', { cell: 'lstm', inputSize: 4, hiddenSize: 8, projSize: 3, biasesPerGate: 2 });
    expect(sol.answer).toMatchObject({ params: 312, breakdown: { recurrentWeights: 96, projection: 24 } });
    expect(sol.notes.join(' ')).toMatch(/proj_size = 3/);
    expect(sol.steps.map((st) => st.text).join(' ')).toMatch(/P·H = 3·8 = 24/);
    expect('projection' in solve('rnn/params', { cell: 'lstm', inputSize: 4, hiddenSize: 8 }).answer.breakdown).toBe(
      false,
    );
  });

  it('PyTorch LSTM keeps two bias vectors per gate', () => {
    // 4·5·3 + 4·5·5 + 4·5·2 = 60 + 100 + 40 = 200 (torch.nn.LSTM(3, 5): b_ih and b_hh of 20 each).
    const sol = solve('rnn/params', { cell: 'lstm', inputSize: 3, hiddenSize: 5, biasesPerGate: 2 });
    expect(sol.answer).toMatchObject({ params: 200, breakdown: { biases: 40 } });
    expect(sol.notes.join(' ')).toMatch(/textbook form with one would count 180/);
  });

  it('one bias vector per gate is the default and the note names the PyTorch count', () => {
    const sol = solve('rnn/params', { cell: 'gru', inputSize: 3, hiddenSize: 5 });
    // 3·5·3 + 3·5·5 + 3·5 = 45 + 75 + 15 = 135 (tf.layers.gru, reset_after=False).
    expect(sol.answer.params).toBe(135);
    expect(sol.notes.join(' ')).toMatch(/PyTorch .* would count 150/);
    expect(sol.notes.join(' ')).toMatch(/reset_after=True/);
  });

  it('a dense head adds O·H + O', () => {
    // 45 + 2·5 + 2 = 57.
    const sol = solve('rnn/params', { cell: 'rnn', inputSize: 3, hiddenSize: 5, outputSize: 2 });
    expect(sol.answer).toMatchObject({ params: 57, breakdown: { output: 12 } });
  });

  it('steps show each block with its numbers', () => {
    const text = solve('rnn/params', { cell: 'lstm', inputSize: 3, hiddenSize: 5 })
      .steps.map((s) => s.text)
      .join('\n');
    expect(text).toContain('G·H·D = 4·5·3 = 60');
    expect(text).toContain('G·H·H = 4·5·5 = 100');
    expect(text).toContain('params = 60 + 100 + 20 = 180');
  });
});

describeBadInputs('rnn/params', [
  [
    'projSize on a GRU',
    { cell: 'gru', inputSize: 3, hiddenSize: 5, projSize: 2 },
    'projSize',
    /projection of an LSTM's hidden state .* a gru cell has none/,
  ],
  [
    'projSize not below hiddenSize',
    { cell: 'lstm', inputSize: 3, hiddenSize: 5, projSize: 5 },
    'projSize',
    /smaller than hiddenSize 5/,
  ],
  ['unknown cell', { cell: 'transformer', inputSize: 3, hiddenSize: 5 }, 'cell', /must be one of "rnn"/],
  ['zero hidden size', { cell: 'rnn', inputSize: 3, hiddenSize: 0 }, 'hiddenSize', /at least 1/],
  ['fractional input size', { cell: 'rnn', inputSize: 2.5, hiddenSize: 5 }, 'inputSize', /whole number/],
  [
    'three biases per gate',
    { cell: 'lstm', inputSize: 3, hiddenSize: 5, biasesPerGate: 3 },
    'biasesPerGate',
    /at most 2/,
  ],
  ['missing input size', { cell: 'rnn', hiddenSize: 5 }, 'inputSize', /required/],
  ['misspelt field', { cell: 'rnn', inputSize: 3, hidden: 5, hiddenSize: 5 }, 'hidden', /not a field/],
]);
