/**
 * optim/regularization — L1 and L2 parameter-norm penalties, two ways: the
 * closed-form minimiser of a diagonal quadratic plus the penalty (L2 shrinks,
 * L1 soft-thresholds; Goodfellow et al. §7.1), with the α that zeroes each
 * weight, or one gradient step with the penalty's gradient added.
 */
import {
  a,
  add,
  call,
  checkLimit,
  DnnInputError,
  defineSolver,
  eq,
  frac,
  mul,
  num,
  type Step,
  s,
  step,
  sub,
  type Tex,
  type TexLike,
  tex,
  words,
} from '@dnn/core';
import * as z from 'zod/mini';
import { assertFinite, SHOW_MAX, showVec } from './show.js';

const vector = (description: string) =>
  z.optional(z.array(z.number()).check(z.minLength(1))).check(z.describe(description));

const input = s.object({
  kind: s.oneOf(
    ['l1', 'l2'],
    'l1: penalty α‖θ‖₁ = α·Σ|θᵢ|; l2: penalty (α/2)‖θ‖² (or α‖θ‖² with penaltyForm "full-l2").',
  ),
  alpha: z.number().check(z.minimum(0, 'must be at least 0'), z.describe('Regularisation strength α ≥ 0.')),
  hessianDiagonal: z
    .optional(
      z.array(z.number().check(z.gt(0, 'must be positive (the quadratic must have a minimum)'))).check(z.minLength(1)),
    )
    .check(z.describe('Quadratic view: the Hessian’s diagonal H (positive numbers), one per weight.')),
  optimum: vector('Quadratic view: θ*, the unregularised minimiser, one per weight.'),
  quadraticForm: z._default(
    s.oneOf(
      ['half', 'full'],
      'Quadratic view. half (default; Goodfellow et al.): J = ½·Σ Hᵢ(θᵢ − θ*ᵢ)² + penalty; full: J = Σ Hᵢ(θᵢ − θ*ᵢ)² + penalty (no ½), which halves the effect of α.',
    ),
    'half',
  ),
  penaltyForm: z._default(
    s.oneOf(['alpha', 'full-l2'], 'alpha (default): α‖θ‖₁ or (α/2)‖θ‖²; full-l2: α‖θ‖² (L2 only).'),
    'alpha',
  ),
  weights: vector('Step view: the current weights w.'),
  gradient: vector('Step view: the gradient of the unregularised loss at w, one per weight.'),
  lr: z.optional(z.number().check(z.gt(0, 'must be positive'))).check(z.describe('Step view: learning rate η > 0.')),
});

type Input = z.output<typeof input>;

const answer = a.answer({
  solution: z.optional(
    a.vector('Regularised minimiser θ̃', 'Quadratic view: the minimiser of the penalised objective.'),
  ),
  zeroed: z.optional(
    a.list(a.count('Index', '0-based'), 'Weights set to 0', 'Quadratic view: 0-based indices where θ̃ᵢ is exactly 0.'),
  ),
  threshold: z.optional(
    z.nullable(
      a.vector(
        'α that zeroes each weight',
        'Quadratic view, L1: per weight, the α at and above which θ̃ᵢ = 0 (Hᵢ|θ*ᵢ|, or 2Hᵢ|θ*ᵢ| with quadraticForm "full"); null for L2, which only shrinks.',
      ),
    ),
  ),
  zeroAllAlpha: z.optional(
    z.nullable(
      a.scalar('Smallest α that zeroes every weight', 'Quadratic view, L1: the largest threshold; null for L2.'),
    ),
  ),
  formulas: z.optional(
    a.record(
      {
        solution: a.text('θ̃ᵢ', 'The closed form for this kind and these forms.'),
        threshold: a.text('Zeroing condition', 'L1: the condition on α for θ̃ᵢ = 0; L2: why there is none.'),
      },
      'Closed forms',
      'Quadratic view: the formulas in Hᵢ, θ*ᵢ and α for the chosen forms.',
    ),
  ),
  updated: z.optional(a.vector('Updated weights', 'Step view: w − η·(g + penalty gradient).')),
  penaltyGradient: z.optional(
    a.vector('Penalty gradient', 'Step view: L1 α·sign(w) with sign(0) = 0; L2 α·w (2α·w with penaltyForm "full-l2").'),
  ),
});

/** The answer of optim/regularization. */
export type RegularizationAnswer = z.output<typeof answer>;

/** A vector field that must be present and as long as `n`. */
function checkLength(values: number[] | undefined, path: string, n: number, other: string): number[] {
  if (!values) throw new DnnInputError(path, `is required with ${other}`);
  if (values.length !== n) throw new DnnInputError(path, `has ${values.length} entries; ${other} has ${n}`);
  return values;
}

const sign = (x: number) => (x > 0 ? 1 : x < 0 ? -1 : 0);

/** θ̃ᵢ for weight i. */
const tildeTheta = (i: number) => tex(`θ̃_${i}`, `\\tilde\\theta_{${i}}`);

/** `|x|`. */
function abs(x: TexLike): Tex {
  const t = typeof x === 'number' ? num(x) : typeof x === 'string' ? tex(x) : x;
  return tex(`|${t.text}|`, `\\left|${t.latex}\\right|`);
}

/** optim/regularization: closed-form L1/L2 solutions of a quadratic, or a penalised gradient step. */
export const regularization = defineSolver({
  id: 'optim/regularization',
  title: 'L1 / L2 regularisation: closed form and penalised step',
  description:
    'L1 and L2 weight penalties: the minimiser of a diagonal quadratic plus the penalty in closed form (L2 shrinks by Hᵢ/(Hᵢ + α), L1 soft-thresholds by α/Hᵢ), the α at which each weight becomes exactly 0, or one gradient step with the penalty’s gradient added.',
  input,
  answer,
  solveParsed(inp) {
    const quadratic = inp.hessianDiagonal !== undefined || inp.optimum !== undefined;
    const stepView = inp.weights !== undefined || inp.gradient !== undefined || inp.lr !== undefined;
    if (quadratic && stepView) {
      const extra = inp.weights !== undefined ? 'weights' : inp.gradient !== undefined ? 'gradient' : 'lr';
      throw new DnnInputError(
        extra,
        'give either the quadratic view (hessianDiagonal, optimum) or the step view (weights, gradient, lr), not both',
      );
    }
    if (!quadratic && !stepView) {
      throw new DnnInputError('hessianDiagonal', 'give hessianDiagonal and optimum, or weights, gradient and lr');
    }
    if (inp.kind === 'l1' && inp.penaltyForm === 'full-l2') {
      throw new DnnInputError('penaltyForm', '"full-l2" applies to kind "l2" only; L1’s penalty is α‖θ‖₁');
    }
    return quadratic ? solveQuadratic(inp) : solveStep(inp);
  },
  examples: [
    {
      title: 'BITS midsem Q4: smallest α that zeroes every weight, L_R = Hᵢᵢ(θᵢ − θ*ᵢ)² + α|θᵢ|',
      source:
        'Exam problem (exam-problems.txt lines 3188/3195) with numbers H = [2, 1], θ* = [1.5, −4]. By hand: with no ½ the subgradient 2H(θ − θ*) + α·sign(θ) = 0 gives θ̃ = sign(θ*)·max(|θ*| − α/(2H), 0), so θ̃ᵢ = 0 iff α ≥ 2Hᵢ|θ*ᵢ|: thresholds 2·2·1.5 = 6 and 2·1·4 = 8, all zero from α = 8. (The rubric’s α ≥ Hᵢᵢ|θ*ᵢ| is the result for the ½ form; for the objective as printed it is off by 2.)',
      input: { kind: 'l1', alpha: 7, hessianDiagonal: [2, 1], optimum: [1.5, -4], quadraticForm: 'full' },
      answer: { threshold: [6, 8], zeroAllAlpha: 8, solution: [0, -0.5], zeroed: [0] },
    },
    {
      title: 'Goodfellow §7.1.2: L1 soft-thresholding, ½ form',
      source:
        'By hand: θ̃ = sign(θ*)·max(|θ*| − α/H, 0) with α = 1: 3 − 1/1 = 2; |−0.5| − 1/4 = 0.25 → −0.25; 0.2 − 1/2 < 0 → 0.',
      input: { kind: 'l1', alpha: 1, hessianDiagonal: [1, 4, 2], optimum: [3, -0.5, 0.2] },
      answer: { solution: [2, -0.25, 0], zeroed: [2], threshold: [3, 2, 0.4], zeroAllAlpha: 3 },
    },
    {
      title: 'Goodfellow §7.1.1: L2 shrinkage, ½ form',
      source: 'By hand: θ̃ = H/(H + α)·θ* with α = 1: 3/(3 + 1)·4 = 3 and 1/(1 + 1)·(−2) = −1.',
      input: { kind: 'l2', alpha: 1, hessianDiagonal: [3, 1], optimum: [4, -2] },
      answer: { solution: [3, -1], zeroed: [], threshold: null },
    },
    {
      title: 'One SGD step with L1, sign(0) = 0',
      source:
        'By hand: penalty gradient 0.1·sign(w) = [0.1, −0.1, 0]; w − 0.5·(g + that) = 1 − 0.5·(0.2 + 0.1), −2 − 0.5·(−0.1 − 0.1), 0 − 0.5·(0.4 + 0) = [0.85, −1.9, −0.2].',
      input: { kind: 'l1', alpha: 0.1, weights: [1, -2, 0], gradient: [0.2, -0.1, 0.4], lr: 0.5 },
      answer: { penaltyGradient: [0.1, -0.1, 0], updated: [0.85, -1.9, -0.2] },
    },
  ],
});

/** Closed-form minimiser of J = c·Σ Hᵢ(θᵢ − θ*ᵢ)² + penalty, component by component. */
function solveQuadratic(inp: Input) {
  const H = inp.hessianDiagonal ?? checkLength(undefined, 'hessianDiagonal', 0, 'optimum');
  const opt = checkLength(inp.optimum, 'optimum', H.length, 'hessianDiagonal');
  checkLimit('hessianDiagonal', 'outputCells', H.length, 'the number of weights');
  const half = inp.quadraticForm === 'half';
  const alpha = inp.alpha;
  // J = q·(θ − θ*)² + penalty with q = H/2 (half) or H (full); dJ/dθ = 2q(θ − θ*) + penalty′(θ).
  const twoQ = H.map((h) => (half ? h : 2 * h));
  const steps: Step[] = [];
  const notes: string[] = [];
  const quad = half ? '½·Hᵢ(θᵢ − θ*ᵢ)²' : 'Hᵢ(θᵢ − θ*ᵢ)²';
  const shown = H.length <= SHOW_MAX / 4;
  let result: RegularizationAnswer;
  if (inp.kind === 'l2') {
    // penalty λθ² with λ = α/2 (alpha form) or α (full-l2): θ̃ = 2q·θ*/(2q + 2λ).
    const twoLambda = inp.penaltyForm === 'alpha' ? alpha : 2 * alpha;
    const pen = inp.penaltyForm === 'alpha' ? '(α/2)·θᵢ²' : 'α·θᵢ²';
    const solution = opt.map((t, i) => ((twoQ[i] as number) * t) / ((twoQ[i] as number) + twoLambda));
    assertFinite(solution, 'optimum', 'the regularised solution');
    const hTerm = half ? 'Hᵢ' : '2Hᵢ';
    const aTerm = inp.penaltyForm === 'alpha' ? 'α' : '2α';
    const hTex = half ? 'H_i' : '2H_i';
    const aTex = inp.penaltyForm === 'alpha' ? '\\alpha' : '2\\alpha';
    const formula = `θ̃ᵢ = ${hTerm}/(${hTerm} + ${aTerm})·θ*ᵢ`;
    const formulaTex = tex(formula, `\\tilde\\theta_i = \\frac{${hTex}}{${hTex} + ${aTex}}\\,\\theta^*_i`);
    steps.push(
      step(
        `Per weight, minimise ${quad} + ${pen}: the derivative ${half ? 'Hᵢ' : '2Hᵢ'}(θᵢ − θ*ᵢ) + ${aTerm}·θᵢ = 0 gives`,
        formulaTex,
      ),
    );
    if (shown) {
      for (const [i, t] of opt.entries()) {
        const h2 = twoQ[i] as number;
        steps.push(step(`Weight ${i}`, eq(tildeTheta(i), mul(frac(h2, add(h2, twoLambda)), t), solution[i] as number)));
      }
    } else steps.push(step('The regularised weights', eq('θ̃', showVec(solution))));
    steps.push(
      step(
        'L2 only rescales each weight by a factor in (0, 1]: it shrinks most where Hᵢ is small (directions that matter little to the loss) and never makes a non-zero weight exactly 0',
      ),
    );
    result = {
      solution,
      zeroed: solution.flatMap((v, i) => (v === 0 ? [i] : [])),
      threshold: null,
      zeroAllAlpha: null,
      formulas: { solution: formula, threshold: 'L2 never zeroes a weight with θ*ᵢ ≠ 0 (only shrinks it)' },
    };
  } else {
    const threshold = opt.map((t, i) => (twoQ[i] as number) * Math.abs(t));
    // Zero exactly when α reaches the threshold (decided on the threshold itself, so the two answers agree in floats).
    const solution = opt.map((t, i) =>
      alpha >= (threshold[i] as number) ? 0 : sign(t) * Math.max(Math.abs(t) - alpha / (twoQ[i] as number), 0),
    );
    assertFinite([...threshold, ...solution], 'optimum', 'the regularised solution');
    const hTerm = half ? 'Hᵢ' : '(2Hᵢ)';
    const hTex = half ? 'H_i' : '2H_i';
    const formula = `θ̃ᵢ = sign(θ*ᵢ)·max(|θ*ᵢ| − α/${hTerm}, 0)`;
    const condition = `θ̃ᵢ = 0 iff α ≥ ${half ? 'Hᵢ' : '2Hᵢ'}·|θ*ᵢ|`;
    const formulaTex = tex(
      formula,
      `\\tilde\\theta_i = \\operatorname{sign}(\\theta^*_i)\\,\\max\\left(|\\theta^*_i| - \\frac{\\alpha}{${hTex}}, 0\\right)`,
    );
    const conditionTex = tex(condition, `\\tilde\\theta_i = 0 \\iff \\alpha \\ge ${hTex}\\,|\\theta^*_i|`);
    steps.push(
      step(
        `Per weight, minimise ${quad} + α|θᵢ|: for θᵢ ≠ 0 the derivative ${half ? 'Hᵢ' : '2Hᵢ'}(θᵢ − θ*ᵢ) + α·sign(θᵢ) = 0 moves θ*ᵢ towards 0 by α/${hTerm}; if that would cross 0 the minimum is at the kink θᵢ = 0 (0 is in the subgradient)`,
        formulaTex,
      ),
      step('So a weight becomes exactly 0 when the shift reaches it', conditionTex),
    );
    if (shown) {
      for (const [i, t] of opt.entries()) {
        const h2 = twoQ[i] as number;
        steps.push(
          step(
            `Weight ${i}: its threshold ${half ? 'Hᵢ' : '2Hᵢ'}·|θ*ᵢ|, then θ̃ᵢ`,
            eq(
              words('threshold'),
              half ? mul(H[i] as number, abs(t)) : mul(2, H[i] as number, abs(t)),
              threshold[i] as number,
            ),
            eq(
              tildeTheta(i),
              mul(call('sign', [t]), call('max', [sub(abs(t), frac(alpha, h2)), 0])),
              solution[i] as number,
            ),
          ),
        );
      }
    } else steps.push(step('The regularised weights', eq('θ̃', showVec(solution))));
    const zeroAll = threshold.reduce((m, v) => Math.max(m, v), 0);
    steps.push(
      step(
        'Every weight is 0 once α reaches the largest threshold',
        eq(words('smallest α'), shown && H.length > 1 ? call('max', threshold) : words('max threshold'), zeroAll),
      ),
    );
    result = {
      solution,
      zeroed: solution.flatMap((v, i) => (v === 0 ? [i] : [])),
      threshold,
      zeroAllAlpha: zeroAll,
      formulas: { solution: formula, threshold: condition },
    };
  }
  notes.push(
    half
      ? 'Quadratic form ½·Σ Hᵢ(θᵢ − θ*ᵢ)² (Goodfellow et al. §7.1). Without the ½ (quadraticForm: "full") α has half the effect: L1 shifts by α/(2Hᵢ).'
      : 'Quadratic form Σ Hᵢ(θᵢ − θ*ᵢ)² with no ½: its derivative is 2Hᵢ(θᵢ − θ*ᵢ), so L1 shifts by α/(2Hᵢ). Texts that write the ½ (Goodfellow et al.) get α/Hᵢ.',
    inp.kind === 'l1'
      ? 'L1 penalty α·Σ|θᵢ|.'
      : inp.penaltyForm === 'alpha'
        ? 'L2 penalty (α/2)·‖θ‖² (Goodfellow et al.); with α‖θ‖² (penaltyForm: "full-l2") α counts twice.'
        : 'L2 penalty α·‖θ‖² (penaltyForm "full-l2"); Goodfellow et al. write (α/2)·‖θ‖².',
    'The Hessian is taken diagonal (Hᵢ > 0), as in the textbook derivation; each weight is then solved on its own.',
  );
  return { answer: result, steps, notes };
}

/** One gradient step on loss + penalty. */
function solveStep(inp: Input) {
  const w = inp.weights ?? checkLength(undefined, 'weights', 0, 'the step view');
  const g = checkLength(inp.gradient, 'gradient', w.length, 'weights');
  if (inp.lr === undefined) throw new DnnInputError('lr', 'is required with weights and gradient');
  checkLimit('weights', 'outputCells', w.length, 'the number of weights');
  const lr = inp.lr;
  const alpha = inp.alpha;
  const factor = inp.kind === 'l1' ? alpha : inp.penaltyForm === 'alpha' ? alpha : 2 * alpha;
  const penaltyGradient = w.map((v) => (inp.kind === 'l1' ? alpha * sign(v) : factor * v));
  const updated = w.map((v, i) => v - lr * ((g[i] as number) + (penaltyGradient[i] as number)));
  assertFinite([...penaltyGradient, ...updated], 'weights', 'the update');
  const rule: Tex =
    inp.kind === 'l1'
      ? tex(
          '∂/∂w (α·Σ|wᵢ|) = α·sign(w)',
          '\\frac{\\partial}{\\partial w}\\,\\alpha\\sum_i |w_i| = \\alpha\\operatorname{sign}(w)',
        )
      : inp.penaltyForm === 'alpha'
        ? tex('∂/∂w ((α/2)·‖w‖²) = α·w', '\\frac{\\partial}{\\partial w}\\,\\tfrac{\\alpha}{2}\\|w\\|^2 = \\alpha w')
        : tex('∂/∂w (α·‖w‖²) = 2α·w', '\\frac{\\partial}{\\partial w}\\,\\alpha\\|w\\|^2 = 2\\alpha w');
  const steps: Step[] = [
    step(
      inp.kind === 'l1'
        ? 'Gradient of the L1 penalty (sign(0) = 0: a weight at 0 gets no push)'
        : 'Gradient of the L2 penalty (weight decay)',
      rule,
      eq(words('penalty gradient'), showVec(penaltyGradient)),
    ),
    step(
      'Gradient step on loss + penalty',
      tex('w ← w − η·(g + penalty gradient)', 'w \\leftarrow w - \\eta\\,(g + \\nabla_w \\text{penalty})'),
      eq(words('w'), showVec(updated)),
    ),
  ];
  if (w.length <= 8) {
    for (const [i, v] of w.entries()) {
      steps.push(
        step(
          `Weight ${i}`,
          eq(`w_${i}`, sub(v, mul(lr, add(g[i] as number, penaltyGradient[i] as number))), updated[i] as number),
        ),
      );
    }
  }
  const notes = [
    inp.kind === 'l1'
      ? 'L1 penalty α·Σ|wᵢ| with subgradient α·sign(w), sign(0) = 0 (PyTorch’s torch.sign). A plain step can jump over 0; the proximal step (soft-thresholding) would stop at 0.'
      : inp.penaltyForm === 'alpha'
        ? 'L2 penalty (α/2)·‖w‖², gradient α·w: PyTorch SGD weight_decay = α. Keras’s l2(α) adds α·‖w‖², gradient 2α·w (penaltyForm: "full-l2").'
        : 'L2 penalty α·‖w‖², gradient 2α·w (Keras l2(α)). PyTorch’s weight_decay = α adds α·w, the (α/2)·‖w‖² penalty.',
  ];
  return { answer: { updated, penaltyGradient } satisfies RegularizationAnswer, steps, notes };
}
