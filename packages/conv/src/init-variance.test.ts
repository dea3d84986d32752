import { describe, expect, it } from 'vitest';
import { type InputErrorCase, itRejects } from './assertions.test-util.js';
import { solve } from './index.js';
import { type InitVarianceAnswer, initVariance } from './init-variance.js';

const init = (input: unknown) => solve('conv/init-variance', input).answer as unknown as InitVarianceAnswer;

describe('conv/init-variance: exam cases (derived by hand in each example source)', () => {
  for (const example of initVariance.examples) {
    it(example.title, () => {
      const answer = init(example.input);
      for (const [key, value] of Object.entries(example.answer)) {
        if (typeof value === 'number') expect(answer[key as keyof InitVarianceAnswer]).toBeCloseTo(value, 15);
        else expect(answer[key as keyof InitVarianceAnswer]).toEqual(value);
      }
    });
  }
});

describe('conv/init-variance: conventions', () => {
  it('xavier defaults to the lecture rule 1/fanIn and ignores fanOut', () => {
    expect(init({ fanIn: 100 }).exact.variance).toBe('1/100');
    expect(init({ fanIn: 100, fanOut: 7 }).exact.variance).toBe('1/100');
  });

  it('glorot with relu doubles 2/(fanIn + fanOut)', () => {
    // 2·2/(30 + 10) = 1/10.
    expect(init({ fanIn: 30, fanOut: 10, scheme: 'glorot', activation: 'relu' }).exact.variance).toBe('1/10');
  });

  it('he is 2/fanIn whatever the activation, with a note', () => {
    const sol = solve('conv/init-variance', { fanIn: 50, scheme: 'he', activation: 'tanh' });
    expect(sol.answer.exact).toEqual({ variance: '1/25' });
    expect(sol.notes.join(' ')).toMatch(/derived for ReLU/);
  });

  it("notes give PyTorch's gains and the number PyTorch would give", () => {
    // xavier_normal_ with gain 5/3: (25/9)·2/(2500 + 1024) = 50/31716 ≈ 0.0015765.
    const notes = solve('conv/init-variance', { fanIn: 2500, fanOut: 1024, activation: 'tanh' }).notes.join(' ');
    expect(notes).toMatch(/tanh 5\/3, relu √2/);
    expect(notes).toContain(String((25 / 9) * (2 / 3524)));
  });

  it('uniform bound is √(3·variance): U(−a, a) has variance a²/3', () => {
    const { variance, uniformBound } = init({ fanIn: 12 });
    expect(uniformBound).toBeCloseTo(0.5, 15); // √(3/12)
    expect(uniformBound ** 2 / 3).toBeCloseTo(variance, 15);
  });

  it('steps show the formula with numbers, KaTeX-safe', () => {
    const sol = solve('conv/init-variance', { fanIn: 2500, activation: 'relu' });
    const text = sol.steps.map((s) => s.text).join('\n');
    expect(text).toContain('Var(w) = 1/n_in = 1/2500');
    expect(text).toContain('Var(w) = 2·1/2500 = 1/1250');
    for (const st of sol.steps) expect(st.latex).not.toMatch(/[·−√σ]/);
  });
});

describe('conv/init-variance: bad input is a DnnInputError naming the field', () => {
  const cases: InputErrorCase[] = [
    ['glorot without fanOut', { fanIn: 10, scheme: 'glorot' }, 'fanOut', /required for the glorot/],
    ['zero fanIn', { fanIn: 0 }, 'fanIn', /at least 1/],
    ['fractional fanIn', { fanIn: 2.5 }, 'fanIn', /whole number/],
    ['unknown scheme', { fanIn: 10, scheme: 'kaiming' }, 'scheme', /must be one of/],
    ['unknown activation', { fanIn: 10, activation: 'gelu' }, 'activation', /must be one of/],
    ['missing fanIn', {}, 'fanIn', /required/],
  ];
  itRejects((input) => solve('conv/init-variance', input), cases);
});
