import { describe, expect, it } from 'vitest';
import { type InputErrorCase, itRejects } from './assertions.test-util.js';
import { solve } from './index.js';
import { type ReceptiveFieldAnswer, receptiveField } from './receptive-field.js';

const rf = (input: unknown) => solve('conv/receptive-field', input).answer as unknown as ReceptiveFieldAnswer;

describe('conv/receptive-field: exam cases (derived by hand in each example source)', () => {
  for (const example of receptiveField.examples) {
    it(example.title, () => {
      expect(rf(example.input)).toMatchObject(example.answer);
    });
  }
});

describe('conv/receptive-field: hand-derived cases', () => {
  it('LeNet up to maxpool2: 5, 6, 14, 16 — four such fields tile the 32×32 input', () => {
    // conv1 k5 → 5; pool k2 s2 → 6 (j 2); conv2 k5 → 6 + 4·2 = 14; pool k2 s2 → 14 + 1·2 = 16 (j 4).
    // The 5×5 maxpool2 map spans 16 + (5 − 1)·4 = 32 input pixels: f1 sees the whole image.
    const answer = rf({ layers: [{ kernel: 5 }, { kernel: 2, stride: 2 }, { kernel: 5 }, { kernel: 2, stride: 2 }] });
    expect(answer.layers.map((l) => l.receptiveField)).toEqual([5, 6, 14, 16]);
    expect(answer.layers[3]?.jump).toBe(4);
  });

  it('the exam rubric formula r_k = r_{k−1} + (∏ s_i)(f_k − 1) is the same recursion', () => {
    // Cityscapes net: conv 4×4 s2 p1, then max-pool 2×2 s2: r = 4, 4 + (2 − 1)·2 = 6 ("maxpool1: 6x6").
    expect(
      rf({
        layers: [
          { kernel: 4, stride: 2, padding: 1 },
          { kernel: 2, stride: 2 },
        ],
      }).receptiveField,
    ).toBe(6);
  });

  it('padding moves the start into the padding (negative) without changing r', () => {
    // k = 3, p = 2: start = 0 + (1 − 2)·1 = −1.
    expect(rf({ layers: [{ kernel: 3, padding: 2 }] }).layers[0]).toEqual({ receptiveField: 3, jump: 1, start: -1 });
  });

  it('steps show the substituted recursion and render as KaTeX-safe LaTeX', () => {
    const sol = solve('conv/receptive-field', receptiveField.examples[0]?.input);
    const text = sol.steps.map((s) => s.text).join('\n');
    expect(text).toContain('r_2 = 11 + (3 − 1)·4 = 19');
    expect(text).toContain('r_3 = 19 + (5 − 1)·8 = 51');
    expect(text).toContain('j_2 = 4·2 = 8');
    for (const st of sol.steps) expect(st.latex).not.toMatch(/[·−⌊⌋×]/);
  });
});

describe('conv/receptive-field: bad input is a DnnInputError naming the field', () => {
  const cases: InputErrorCase[] = [
    ['no layers', { layers: [] }, 'layers', /at least 1/],
    ['zero kernel', { layers: [{ kernel: 0 }] }, 'layers[0].kernel', /at least 1/],
    ['pair kernel (square only)', { layers: [{ kernel: [3, 3] }] }, 'layers[0].kernel', /number/],
    ['negative padding', { layers: [{ kernel: 3, padding: -1 }] }, 'layers[0].padding', /at least 0/],
    ['"same" padding', { layers: [{ kernel: 3, padding: 'same' }] }, 'layers[0].padding', /number/],
    ['misspelt field', { layers: [{ kernel: 3, strides: 2 }] }, 'layers[0].strides', /not a field/],
    [
      'field beyond 2^53',
      { layers: Array.from({ length: 4 }, () => ({ kernel: 3, stride: 1e9 })) },
      'layers[1]',
      /beyond 2\^53/,
    ],
  ];
  itRejects((input) => solve('conv/receptive-field', input), cases);
});
