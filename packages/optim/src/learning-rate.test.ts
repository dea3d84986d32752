import { describe, expect, it } from 'vitest';
import { solve } from './index.js';
import { itRejects, itSolvesExamples } from './input-errors.test-util.js';
import { learningRate } from './learning-rate.js';

itSolvesExamples(learningRate);

describe('optim/learning-rate: analysis', () => {
  it('two steps to the minimum: η = 1 from x0 = 2, then η = 1/25 lands on −0.64 (checked by iterating)', () => {
    const { answer } = solve('optim/learning-rate', { expression: '0.5*25x^2 + 16x + 12', at: { x: 2 } });
    expect(answer.exact).toEqual({ optimal: '1/25', maxConvergent: '2/25' });
    const d = (x: number) => 25 * x + 16;
    let x = 2 - 1 * d(2); // −64
    x -= (answer.optimal as number) * d(x);
    expect(x).toBeCloseTo(-0.64, 12);
  });

  it('a linear objective has no convergent rate (null with a reason)', () => {
    const { answer } = solve('optim/learning-rate', { expression: '4r + 5' });
    expect(answer).toMatchObject({ hessianEigenvalues: [0], optimal: null, maxConvergent: null, minimizer: null });
    expect(answer.reason).toMatch(/no positive eigenvalue/);
  });

  it('an indefinite quadratic still reports 1/λmax and warns about the negative direction', () => {
    const sol = solve('optim/learning-rate', { expression: 'x^2 - y^2' });
    expect(sol.answer).toMatchObject({ hessianEigenvalues: [-2, 2], optimal: 0.5, maxConvergent: 1, minimizer: null });
    expect(sol.notes.join(' ')).toMatch(/no minimum/);
  });

  it('the E = 3p³ + 3q² + 4r + 5 exam objective is rejected, naming 3·p^3', () => {
    // The rubric differentiates 3p³ as 9p and uses η = 1/9; the Hessian of 3p³ is 18p, not constant.
    expect(() => solve('optim/learning-rate', { expression: '3p^3 + 3q^2 + 4r + 5' })).toThrow(/the term 3·p\^3/);
  });

  it('steps carry the 1-D derivation and KaTeX-clean latex', () => {
    const sol = solve('optim/learning-rate', { expression: '0.5*25x^2 + 16x + 12' });
    const text = sol.steps.map((s) => s.text).join('\n');
    expect(text).toContain('η_opt = 1/λ_max = 1/25 = 0.04');
    expect(text).toContain('2/λ_max = 2/25 = 0.08');
    expect(text).toContain('x* = (−b)/λ = (−16)/25 = −0.64');
    for (const st of sol.steps) expect(st.latex).not.toMatch(/[·−∂σ∇±√²]/);
  });
});

describe('optim/learning-rate: bad input is a DnnInputError naming the field', () => {
  itRejects('optim/learning-rate', [
    ['cubic term', { expression: '3p^3 + 3q^2 + 4r + 5' }, 'expression', /term 3·p\^3 .*degree 3/],
    ['product of three variables', { expression: 'x*y*z' }, 'expression', /term x·y·z .*degree 3/],
    ['non-polynomial', { expression: 'x^2 + exp(x)' }, 'expression', /exp\(…\) of a variable/],
    ['division by a variable', { expression: '1/x' }, 'expression', /dividing by a variable/],
    ['fractional power', { expression: 'x^1.5' }, 'expression', /not a whole number/],
    ['variable exponent', { expression: '2^x' }, 'expression', /exponent/],
    ['missing start value', { expression: 'x^2 + y^2', at: { x: 1 } }, 'at', /needs a value for "y"/],
    ['parse error', { expression: 'x^^2' }, 'expression', /unexpected/],
  ]);
});
