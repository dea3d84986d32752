import { describe, expect, it } from 'vitest';
import { describeBadInputs, describeExamples } from './checks.test-util.js';
import { gradientFlow } from './gradient-flow.js';
import { solve } from './index.js';

describeExamples(gradientFlow);

describe('rnn/gradient-flow: conventions and edge cases', () => {
  it('activationGrad scales J: sigmoid′ ≤ 1/4 turns ρ(Whh) = 2 into 0.5', () => {
    const { answer } = solve('rnn/gradient-flow', { Whh: 2, steps: 3, activationGrad: 0.25 });
    expect(answer).toMatchObject({ spectralRadius: 0.5, verdict: 'vanishing', gain: 0.125 });
  });

  it('a non-normal J shows transient growth: ρ = 0.5 but ‖J²‖₂ > 0.25', () => {
    // J = [[0.5, 10], [0, 0.5]]: J² = [[0.25, 10], [0, 0.25]], whose largest singular value is ≈ 10.006.
    const { answer } = solve('rnn/gradient-flow', {
      Whh: [
        [0.5, 10],
        [0, 0.5],
      ],
      steps: 2,
    });
    expect(answer.verdict).toBe('vanishing');
    const s2 = 0.25 ** 2 * 2 + 100;
    const expected = Math.sqrt((s2 + Math.sqrt(s2 * s2 - 4 * 0.25 ** 4)) / 2);
    expect(answer.gain).toBeCloseTo(expected, 9);
  });

  it('a gain beyond float64 is null with a reason, log10Gain stays finite', () => {
    const { answer } = solve('rnn/gradient-flow', { Whh: 10, steps: 400 });
    expect(answer.gain).toBeNull();
    expect(answer.gainReason).toMatch(/exceeds the float64 range/);
    expect(answer.log10Gain).toBeCloseTo(400, 9);
  });

  it('a nilpotent J has gain 0', () => {
    const { answer } = solve('rnn/gradient-flow', {
      Whh: [
        [0, 1],
        [0, 0],
      ],
      steps: 2,
    });
    expect(answer).toMatchObject({ spectralRadius: 0, verdict: 'vanishing', gain: 0, log10Gain: null });
  });

  it('huge but finite entries keep finite eigenvalues', () => {
    const { answer } = solve('rnn/gradient-flow', {
      Whh: [
        [1e300, 1e300],
        [0, 1e300],
      ],
      steps: 2,
    });
    expect(answer.spectralRadius).toBeCloseTo(1e300, -290);
    expect(answer.gain).toBeNull();
  });

  it('ρ within 1e-9 of 1 is stable', () => {
    expect(solve('rnn/gradient-flow', { Whh: 1 + 1e-12, steps: 1 }).answer.verdict).toBe('stable');
    expect(solve('rnn/gradient-flow', { Whh: 1 + 1e-6, steps: 1 }).answer.verdict).toBe('exploding');
  });
});

describeBadInputs('rnn/gradient-flow', [
  [
    // Finite entries whose eigenvalues do not fit a double: |λ| = 1.7e308·√2 ≈ 2.4e308 > 1.8e308 (by hand).
    'eigenvalues beyond float64',
    {
      Whh: [
        [1.7e308, -1.7e308],
        [1.7e308, 1.7e308],
      ],
      steps: 3,
    },
    'Whh',
    /eigenvalues overflow the float64 range/,
  ],
  [
    'non-square Whh',
    { Whh: [[1, 2]], steps: 3 },
    'Whh[0]',
    /has 2 columns, but Whh must be \[H\]\[H\] \(square\) = 1×1/,
  ],
  ['zero steps', { Whh: 1, steps: 0 }, 'steps', /at least 1/],
  ['missing steps', { Whh: 1 }, 'steps', /required/],
  ['too many steps', { Whh: 1, steps: 10001 }, 'steps', /at most 10000/],
  ['empty matrix', { Whh: [], steps: 1 }, 'Whh', /empty matrix/],
  [
    'huge entries',
    {
      Whh: [
        [1e308, 1e308],
        [1e308, 1e308],
      ],
      steps: 1,
      activationGrad: 10,
    },
    'Whh',
    /overflow the float64 range/,
  ],
  ['too much work', { Whh: new Array(1000).fill(new Array(1000).fill(0)), steps: 2 }, 'Whh', /multiply-adds/],
]);
