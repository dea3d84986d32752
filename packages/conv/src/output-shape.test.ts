import { DnnInputError } from '@dnn/core';
import { describe, expect, it } from 'vitest';
import { solve } from './index.js';
import { outputShape } from './output-shape.js';

const shape = (input: unknown) => solve('conv/output-shape', input).answer;

describe('conv/output-shape: exam cases (derived by hand in each example source)', () => {
  for (const example of outputShape.examples) {
    it(example.title, () => {
      expect(shape(example.input)).toMatchObject(example.answer);
    });
  }
});

describe('conv/output-shape: conventions', () => {
  it('pooling stride defaults to the kernel and the note says so', () => {
    // ⌊(7 − 3)/3⌋ + 1 = 2 (stride 3 = kernel), not ⌊(7 − 3)/1⌋ + 1 = 5.
    const sol = solve('conv/output-shape', { inputShape: [4, 7, 7], kind: 'maxpool', kernel: 3 });
    expect(sol.answer.outputShape).toEqual([4, 2, 2]);
    expect(sol.notes.join(' ')).toMatch(/defaults to the kernel size/);
  });

  it('an inexact division floors and notes the dropped rows', () => {
    // ⌊(7 − 2)/2⌋ + 1 = ⌊5/2⌋ + 1 = 3, remainder 1.
    const sol = solve('conv/output-shape', { inputShape: [7, 7], kind: 'avgpool', kernel: 2 });
    expect(sol.answer).toMatchObject({ outputShape: [3, 3], divisible: false });
    expect(sol.notes.join(' ')).toMatch(/drops the last 1 row/);
  });

  it('ceilMode rounds up, as PyTorch ceil_mode=True', () => {
    // ⌈5/2⌉ + 1 = 4; the last window starts at 6 < 7 + 0, so it is kept.
    expect(shape({ inputShape: [7, 7], kind: 'maxpool', kernel: 2, ceilMode: true }).outputShape).toEqual([4, 4]);
  });

  it('dilation enlarges the kernel to d(k − 1) + 1', () => {
    // k = 3, d = 2 spans 5: ⌊(10 − 5)/1⌋ + 1 = 6.
    expect(shape({ inputShape: [1, 10, 10], outChannels: 1, kernel: 3, dilation: 2 }).outputShape).toEqual([1, 6, 6]);
  });

  it('pairs apply per axis', () => {
    // H: ⌊(10 + 2 − 2 − 1)/1⌋ + 1 = 10; W: ⌊(20 + 0 − 4 − 1)/2⌋ + 1 = 8.
    const answer = shape({ inputShape: [2, 10, 20], outChannels: 3, kernel: [3, 5], stride: [1, 2], padding: [1, 0] });
    expect(answer.outputShape).toEqual([3, 10, 8]);
  });

  it('"valid" means no padding', () => {
    expect(shape({ inputShape: [5, 5], kernel: 3, padding: 'valid' }).outputShape).toEqual([3, 3]);
  });

  it('"same" with stride 1 keeps the size and splits an odd total padding bottom/right', () => {
    // k = 4: P = 3 → 1 before, 2 after.
    const answer = shape({ inputShape: [9, 9], kernel: 4, padding: 'same' });
    expect(answer).toMatchObject({ outputShape: [9, 9], padding: { top: 1, bottom: 2, left: 1, right: 2 } });
  });

  it('conv-transpose "same" follows Keras: output = input × stride', () => {
    expect(
      shape({ inputShape: [4, 5, 5], kind: 'conv-transpose', outChannels: 2, kernel: 3, stride: 2, padding: 'same' })
        .outputShape,
    ).toEqual([2, 10, 10]);
  });

  it('steps show the substituted formula and the result', () => {
    const sol = solve('conv/output-shape', {
      inputShape: [26, 26, 26],
      outChannels: 5,
      kernel: 7,
      stride: 3,
      padding: 1,
    });
    const text = sol.steps.map((s) => s.text).join('\n');
    expect(text).toContain('H_out = ⌊(26 + 2·1 − (7 − 1) − 1)/3⌋ + 1 = ⌊21/3⌋ + 1 = 8');
    expect(text).toContain('[C_out, H_out, W_out] = [5, 8, 8]');
    for (const st of sol.steps) expect(st.latex).not.toMatch(/[·−⌊⌋]/);
  });
});

describe('conv/output-shape: bad input is a DnnInputError naming the field', () => {
  const cases: [string, unknown, string, RegExp][] = [
    [
      'kernel larger than the padded input',
      { inputShape: [3, 4, 4], outChannels: 2, kernel: 7 },
      'kernel',
      /kernel 7 is larger than the padded input 4/,
    ],
    [
      'dilated kernel too large',
      { inputShape: [1, 4, 4], outChannels: 1, kernel: 3, dilation: 2 },
      'kernel',
      /dilated kernel extent 5/,
    ],
    ['missing outChannels for conv', { inputShape: [3, 8, 8], kernel: 3 }, 'outChannels', /required/],
    [
      'outChannels on a pool that changes channels',
      { inputShape: [3, 8, 8], kind: 'maxpool', kernel: 2, outChannels: 5 },
      'outChannels',
      /keeps the 3 input channels/,
    ],
    [
      'outChannels > 1 with a [H, W] input',
      { inputShape: [8, 8], kernel: 3, outChannels: 4 },
      'outChannels',
      /\[1, H, W\]/,
    ],
    ['unknown kind', { inputShape: [8, 8], kind: 'pool', kernel: 2 }, 'kind', /must be one of "conv"/],
    ['misspelt field', { inputShape: [8, 8], kernel: 2, strides: 2 }, 'strides', /not a field/],
    ['zero stride', { inputShape: [8, 8], kernel: 2, stride: 0 }, 'stride', /at least 1|pair/],
    ['negative padding', { inputShape: [8, 8], kernel: 2, padding: -1 }, 'padding', /.+/],
    ['fractional kernel', { inputShape: [8, 8], kernel: 2.5 }, 'kernel', /.+/],
    ['triple kernel', { inputShape: [8, 8], kernel: [1, 2, 3] }, 'kernel', /pair/],
    ['rank-4 shape', { inputShape: [1, 2, 8, 8], kernel: 2 }, 'inputShape', /at most 3/],
    [
      'non-number in shape',
      { inputShape: [3, 'x', 8], outChannels: 1, kernel: 2 },
      'inputShape[1]',
      /must be a whole number|must be a number/,
    ],
    [
      'outputPadding on a conv',
      { inputShape: [8, 8], kernel: 2, outputPadding: 1 },
      'outputPadding',
      /conv-transpose only/,
    ],
    [
      'outputPadding ≥ stride',
      { inputShape: [1, 8, 8], kind: 'conv-transpose', outChannels: 1, kernel: 3, stride: 2, outputPadding: 2 },
      'outputPadding',
      /smaller than the stride/,
    ],
    [
      'transposed padding eats the output',
      { inputShape: [1, 1, 1], kind: 'conv-transpose', outChannels: 1, kernel: 1, padding: 1 },
      'padding',
      /removes the whole output/,
    ],
    ['ceilMode on a conv', { inputShape: [8, 8], kernel: 2, ceilMode: true }, 'ceilMode', /pooling only/],
    ['avgpool dilation', { inputShape: [8, 8], kind: 'avgpool', kernel: 2, dilation: 2 }, 'dilation', /no dilation/],
    ['not an object', 42, 'input', /must be an object/],
  ];
  for (const [name, input, path, message] of cases) {
    it(name, () => {
      let caught: unknown;
      try {
        solve('conv/output-shape', input);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(DnnInputError);
      expect((caught as DnnInputError).path).toBe(path);
      expect((caught as DnnInputError).reason).toMatch(message);
    });
  }
});
