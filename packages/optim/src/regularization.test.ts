import { runSolver } from '@dnn/core';
import { describe, expect, it } from 'vitest';
import { expectNear, itRejects, itSolvesExamples } from './input-errors.test-util.js';
import { regularization } from './regularization.js';

const run = (input: unknown) => runSolver(regularization, input);

itSolvesExamples(regularization, 1e-12);

describe('optim/regularization: exam lines 3188 and 3195 (BITS midsem Q4, L1 on a diagonal quadratic)', () => {
  it('line 3188: for L_R = Hᵢᵢ(θᵢ − θ*ᵢ)² + α|θᵢ| (no ½) every weight is 0 from α = maxᵢ 2Hᵢᵢ|θ*ᵢ|', () => {
    // By hand: d/dθ [H(θ − θ*)² + α|θ|] = 2H(θ − θ*) + α·sign(θ); the kink at 0 is the minimum iff α ≥ 2H|θ*|.
    // H = [0.5, 3], θ* = [−2, 0.25]: thresholds 2·0.5·2 = 2 and 2·3·0.25 = 1.5, all zero from α = 2.
    const base = { kind: 'l1', hessianDiagonal: [0.5, 3], optimum: [-2, 0.25], quadraticForm: 'full' };
    const a = run({ ...base, alpha: 2 }).answer;
    expect(a.threshold).toEqual([2, 1.5]);
    expect(a.zeroAllAlpha).toBe(2);
    expect(a.solution).toEqual([0, 0]);
    expect(a.formulas?.threshold).toBe('θ̃ᵢ = 0 iff α ≥ 2Hᵢ·|θ*ᵢ|');
    // Just below the threshold the first weight survives: −(2 − 1.9/(2·0.5)) = −0.1.
    expectNear(run({ ...base, alpha: 1.9 }).answer.solution, [-0.1, 0], 1e-12);
  });

  it("line 3195: the rubric's soft-threshold max(θ* − α/H, 0) and α ≥ H|θ*| are the ½-form results (quadraticForm: half)", () => {
    // By hand with ½·H(θ − θ*)²: shift α/H; H = [0.5, 3], θ* = [−2, 0.25], α = 0.5: −(2 − 0.5/0.5) = −1, 0.25 − 0.5/3 = 1/12.
    const a = run({ kind: 'l1', alpha: 0.5, hessianDiagonal: [0.5, 3], optimum: [-2, 0.25] }).answer;
    expectNear(a.solution, [-1, 1 / 12], 1e-12);
    expect(a.threshold).toEqual([1, 0.75]);
    expect(a.formulas?.solution).toBe('θ̃ᵢ = sign(θ*ᵢ)·max(|θ*ᵢ| − α/Hᵢ, 0)');
  });
});

describe('optim/regularization: conventions', () => {
  it('L2 with full quadratic and full-l2 penalty: θ̃ = 2H/(2H + 2α)·θ* = H/(H + α)·θ*', () => {
    // By hand: H(θ − θ*)² + α θ² → 2H(θ − θ*) + 2αθ = 0 → θ = H θ*/(H + α) = 2·6/(2 + 1) = 4.
    expect(
      run({ kind: 'l2', alpha: 1, hessianDiagonal: [2], optimum: [6], quadraticForm: 'full', penaltyForm: 'full-l2' })
        .answer.solution,
    ).toEqual([4]);
  });

  it('L2 step: PyTorch weight decay α·w, Keras l2 2α·w', () => {
    // By hand: w = 2, g = 0.5, α = 0.1, η = 1: 2 − (0.5 + 0.2) = 1.3; full-l2: 2 − (0.5 + 0.4) = 1.1.
    expectNear(run({ kind: 'l2', alpha: 0.1, weights: [2], gradient: [0.5], lr: 1 }).answer.updated, [1.3]);
    expectNear(
      run({ kind: 'l2', alpha: 0.1, weights: [2], gradient: [0.5], lr: 1, penaltyForm: 'full-l2' }).answer.updated,
      [1.1],
    );
  });

  it('α = 0 leaves the optimum unchanged', () => {
    expect(run({ kind: 'l1', alpha: 0, hessianDiagonal: [1, 2], optimum: [3, -1] }).answer.solution).toEqual([3, -1]);
    expect(run({ kind: 'l2', alpha: 0, hessianDiagonal: [1, 2], optimum: [3, -1] }).answer.solution).toEqual([3, -1]);
  });

  it('steps show the closed form and each weight', () => {
    const text = run({ kind: 'l1', alpha: 1, hessianDiagonal: [1, 4], optimum: [3, -0.5] })
      .steps.map((s) => s.text)
      .join('\n');
    expect(text).toContain('θ̃ᵢ = sign(θ*ᵢ)·max(|θ*ᵢ| − α/Hᵢ, 0)');
    expect(text).toContain('θ̃_1 = sign(−0.5)·max(|−0.5| − 1/4, 0) = −0.25');
  });
});

describe('optim/regularization: bad input is a DnnInputError naming the field', () => {
  itRejects('optim/regularization', [
    ['no view', { kind: 'l1', alpha: 1 }, 'hessianDiagonal', /give hessianDiagonal and optimum/],
    [
      'both views',
      { kind: 'l1', alpha: 1, hessianDiagonal: [1], optimum: [1], weights: [1] },
      'weights',
      /either the quadratic view/,
    ],
    ['missing optimum', { kind: 'l1', alpha: 1, hessianDiagonal: [1] }, 'optimum', /required/],
    ['optimum without H', { kind: 'l1', alpha: 1, optimum: [1] }, 'hessianDiagonal', /required/],
    ['length mismatch', { kind: 'l2', alpha: 1, hessianDiagonal: [1, 2], optimum: [1] }, 'optimum', /has 1 entries/],
    ['non-positive H', { kind: 'l2', alpha: 1, hessianDiagonal: [0], optimum: [1] }, 'hessianDiagonal[0]', /positive/],
    ['negative alpha', { kind: 'l2', alpha: -1, hessianDiagonal: [1], optimum: [1] }, 'alpha', /at least 0/],
    ['missing lr', { kind: 'l2', alpha: 1, weights: [1], gradient: [1] }, 'lr', /required/],
    ['zero lr', { kind: 'l2', alpha: 1, weights: [1], gradient: [1], lr: 0 }, 'lr', /positive/],
    ['gradient length', { kind: 'l2', alpha: 1, weights: [1, 2], gradient: [1], lr: 1 }, 'gradient', /has 1/],
    [
      'full-l2 with L1',
      { kind: 'l1', alpha: 1, hessianDiagonal: [1], optimum: [1], penaltyForm: 'full-l2' },
      'penaltyForm',
      /L2 only|kind "l2" only/,
    ],
    ['overflow', { kind: 'l2', alpha: 1, weights: [1e308], gradient: [1e308], lr: 1e10 }, 'weights', /overflows/],
  ]);
});
