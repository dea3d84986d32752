import { describe, expect, it } from 'vitest';
import { bptt } from './bptt.js';
import { describeBadInputs, describeExamples } from './checks.test-util.js';
import { solve } from './index.js';

describeExamples(bptt);

describe('rnn/bptt: conventions and steps', () => {
  it('ReLU′(0) decides the gradient when z_t = 0, and the note says so', () => {
    // z1 = 1·0 + 1·0 = 0 → h1 = 0; z2 = 1·0 + 1·1 = 1. ∂h2/∂x1 = ReLU′(z2)·Whh·ReLU′(0)·Wxh.
    const input = { Wxh: 1, Whh: 1, h0: 0, xs: [0, 1], activation: 'relu' as const };
    const zero = solve('rnn/bptt', input);
    const one = solve('rnn/bptt', { ...input, reluGradAtZero: 1 });
    expect(zero.answer.dx).toEqual([0, 1]);
    expect(one.answer.dx).toEqual([1, 1]);
    expect(zero.notes.join(' ')).toMatch(/it matters here: z_t = 0 at t = 1/);
    expect(zero.answer.deadSteps).toEqual([1]);
    expect(one.answer.deadSteps).toEqual([]);
  });

  it('tanh: one step by hand', () => {
    // h1 = tanh(0.5·0 + 2·1) = tanh 2; ∂h1/∂Wxh = (1 − tanh²2)·x1, ∂h1/∂Whh = (1 − tanh²2)·h0 = 0.
    const { answer } = solve('rnn/bptt', { Wxh: 2, Whh: 0.5, xs: [1] });
    const a = 1 - Math.tanh(2) ** 2;
    expect(answer).toMatchObject({ h: [Math.tanh(2)], dWxh: a, dWhh: 0, dx: [2 * a], dh0: 0.5 * a });
  });

  it('the notes name the dead unit', () => {
    const sol = solve('rnn/bptt', bptt.examples[0]?.input);
    expect(sol.notes.join(' ')).toMatch(/Dead unit at t = 1/);
  });

  it('steps show the recursion term by term', () => {
    const text = solve('rnn/bptt', bptt.examples[0]?.input)
      .steps.map((s) => s.text)
      .join('\n');
    expect(text).toContain('∂h_t/∂W_hh = act′(z_t)·(h_{t−1} + W_hh·∂h_{t−1}/∂W_hh)');
    expect(text).toContain('∂h_3/∂W_hh = 1·(1.5 + (−2)·0) = 1.5');
    expect(text).toContain('∂h_3/∂W_xh = 1·(4 + (−2)·1.5) = 1');
    expect(text).toContain('∂h_3/∂x_1 = 4·0·1 = 0');
  });
});

describeBadInputs('rnn/bptt', [
  ['empty sequence', { Wxh: 1, Whh: 1, xs: [] }, 'xs', /at least 1/],
  ['vector weights (scalar-only)', { Wxh: [1, 2], Whh: 1, xs: [1] }, 'Wxh', /must be a number/],
  ['target y without Why', { Wxh: 1, Whh: 1, xs: [1], target: 'y' }, 'Why', /required when the target is y/],
  ['unknown activation', { Wxh: 1, Whh: 1, xs: [1], activation: 'softmax' }, 'activation', /must be one of/],
  ['ReLU′(0) other than 0 or 1', { Wxh: 1, Whh: 1, xs: [1], reluGradAtZero: 0.5 }, 'reluGradAtZero', /.+/],
  ['overflow', { Wxh: 1e200, Whh: 1e200, xs: [1e200, 1], activation: 'linear' }, 'xs[0]', /overflows/],
  ['gradient overflow', { Wxh: 1, Whh: 1e300, h0: 1, xs: [0, 0], activation: 'linear' }, 'xs[1]', /overflows/],
]);
