import { describe, expect, it } from 'vitest';
import { describeBadInputs, describeExamples } from './checks.test-util.js';
import { solve } from './index.js';
import { solveHiddenSize } from './solve-hidden-size.js';

describeExamples(solveHiddenSize);

describe('rnn/solve-hidden-size: worked solution', () => {
  it('shows the quadratic, the discriminant and the root for the 180-parameter LSTM', () => {
    // 4H² + 16H − 180 = 0: Δ = 16² + 4·4·180 = 256 + 2880 = 3136 = 56², H = (−16 + 56)/8 = 5.
    const text = solve('rnn/solve-hidden-size', { cell: 'lstm', inputSize: 3, totalParams: 180 })
      .steps.map((s) => s.text)
      .join('\n');
    expect(text).toContain('4·H^2 + 16·H − 180 = 0');
    expect(text).toContain('= 3136');
    expect(text).toContain('(56 − 16)/(2·4) = 5');
    expect(text).toContain('params = 60 + 100 + 20 = 180');
  });

  it('with a dense head the constant term is the output bias', () => {
    // next-word LSTM of the exam: 4H² + (4·10 + 100)H = 4400 → H = 20.
    const sol = solve('rnn/solve-hidden-size', {
      cell: 'lstm',
      inputSize: 10,
      bias: false,
      outputSize: 100,
      outputBias: false,
      totalParams: 4400,
    });
    expect(sol.answer.hiddenSize).toBe(20);
  });
});

describeBadInputs('rnn/solve-hidden-size', [
  [
    'no integer root names the totals nearby',
    { cell: 'lstm', inputSize: 3, totalParams: 181 },
    'totalParams',
    /no whole hidden size gives 181 parameters: H = 5 gives 180 and H = 6 gives 240/,
  ],
  [
    'the 180-parameter LSTM without bias has no whole root',
    { cell: 'lstm', inputSize: 3, bias: false, totalParams: 180 },
    'totalParams',
    /H = 5 gives 160 and H = 6 gives 216/,
  ],
  [
    'below the smallest layer',
    { cell: 'lstm', inputSize: 3, totalParams: 10 },
    'totalParams',
    /smallest layer \(H = 1\) already has 20/,
  ],
  ['zero total', { cell: 'rnn', inputSize: 3, totalParams: 0 }, 'totalParams', /at least 1/],
  [
    'hiddenSize is not an input here',
    { cell: 'rnn', inputSize: 3, hiddenSize: 5, totalParams: 45 },
    'hiddenSize',
    /not a field/,
  ],
]);
