/**
 * rnn/gradient-flow — why RNN gradients explode or vanish: the eigenvalues and
 * spectral radius of the recurrent Jacobian J = act′·Whh, the verdict, and the
 * gain ‖J^T‖₂ of backpropagating through T steps.
 */
import {
  a,
  add,
  type Complex,
  checkLimit,
  DnnInputError,
  defineSolver,
  eigenvalues,
  eq,
  LIMITS,
  matmul,
  mul,
  num,
  pow,
  rel,
  type Step,
  s,
  spectralNorm,
  step,
  sub,
  type TexLike,
  tex,
  words,
} from '@dnn/core';
import * as z from 'zod/mini';
import { scalarOrMatrix, squareMatrix } from './arrays.js';
import { atom, mat } from './show.js';

const input = s.object({
  Whh: scalarOrMatrix('Recurrent weight matrix [H][H] (square; a number for a scalar RNN).'),
  steps: s.positiveInt('Number of time steps T the gradient travels back through.').check(z.maximum(LIMITS.steps)),
  activationGrad: z
    ._default(z.number(), 1)
    .check(
      z.describe(
        'The activation derivative act′ assumed at every step (default 1: linear, or the upper bound of tanh′; sigmoid′ ≤ 0.25).',
      ),
    ),
});

const VERDICTS = ['exploding', 'vanishing', 'stable'] as const;

/** The verdicts of rnn/gradient-flow. */
export type Verdict = (typeof VERDICTS)[number];

const answer = a.answer({
  eigenvalues: a.list(
    a.complex('Eigenvalue λ'),
    'Eigenvalues',
    'Eigenvalues of the Jacobian J = activationGrad·Whh (complex allowed), sorted by real then imaginary part.',
  ),
  spectralRadius: a.scalar(
    'Spectral radius ρ',
    'ρ(J) = max |λ|: the rate at which J^T grows or shrinks in the long run.',
  ),
  verdict: a.text('Verdict', 'exploding when ρ > 1 + 1e-9, vanishing when ρ < 1 − 1e-9, else stable.', VERDICTS),
  gain: z.nullable(
    a.scalar(
      'Gain ‖J^T‖₂',
      'The largest singular value of J^T (T = steps): how much a gradient can grow going back T steps; null when it exceeds the float64 range.',
    ),
  ),
  log10Gain: z.nullable(
    a.scalar('log₁₀ gain', 'log10 of the gain, finite even when the gain overflows; null when the gain is 0.'),
  ),
  gainReason: z.nullable(
    a.text('Why no gain', 'Why the gain is null (it overflows float64); null when the gain is given.'),
  ),
});

/** The answer of rnn/gradient-flow. */
export type GradientFlowAnswer = z.output<typeof answer>;

/** J^T as `scale`·M with M normalised (max |entry| = 1) at every squaring, so that large T never overflows. */
function scaledPower(J: number[][], T: number): { M: number[][]; log10Scale: number } | null {
  const normalise = (A: number[][]): { A: number[][]; log: number } | null => {
    const m = Math.max(...A.map((r) => Math.max(...r.map(Math.abs))));
    if (m === 0) return null;
    return { A: normalised(A, m), log: Math.log10(m) };
  };
  let result: { A: number[][]; log: number } | null = {
    A: J.map((_, i) => J.map((__, j) => (i === j ? 1 : 0))),
    log: 0,
  };
  let base = normalise(J);
  for (let e = T; e > 0 && result && base; e = Math.floor(e / 2)) {
    if (e % 2 === 1) {
      const next = normalise(matmul(result.A, base.A));
      result = next && { A: next.A, log: next.log + result.log + base.log };
    }
    if (e > 1) {
      const sq = normalise(matmul(base.A, base.A));
      base = sq && { A: sq.A, log: sq.log + 2 * base.log };
    }
  }
  return result && base ? { M: result.A, log10Scale: result.log } : null;
}

/** Entries below this fraction of the largest are set to 0 (see {@link normalised}). */
const FLUSH = 1e-18;

/**
 * A/m with entries below {@link FLUSH} (relative) set to 0. That perturbation is smaller than the
 * rounding error the eigen-solver makes anyway (about 2.2e-16·‖J‖), and it keeps subnormals
 * out of the eigenvalue and norm computations.
 */
function normalised(A: number[][], m: number): number[][] {
  return A.map((r) => r.map((v) => (Math.abs(v / m) < FLUSH ? 0 : v / m)));
}

const modulus = (l: Complex) => Math.hypot(l.re, l.im);

/** Eigenvalues of J computed on J/max|J_ij| and scaled back, so that no intermediate overflows (QR with an iteration cap, see eigen.ts). */
function scaledEigenvalues(J: number[][]): Complex[] {
  const m = Math.max(...J.map((r) => Math.max(...r.map(Math.abs))));
  if (m === 0) return J.map(() => ({ re: 0, im: 0 }));
  return eigenvalues(normalised(J, m), 'Whh').map((l) => ({ re: l.re * m + 0, im: l.im * m + 0 }));
}

function complexTex(l: Complex): TexLike {
  if (l.im === 0) return l.re;
  const imag = Math.abs(l.im);
  const i = imag === 1 ? tex('i', 'i') : tex(`${num(imag).text}i`, `${num(imag).latex}i`);
  if (l.re === 0) return l.im < 0 ? tex(`−${i.text}`, `-${i.latex}`, 'sum') : i;
  const r = num(l.re);
  const sign = l.im < 0 ? ['−', '-'] : ['+', '+'];
  return tex(`${r.text} ${sign[0]} ${i.text}`, `${r.latex} ${sign[1]} ${i.latex}`, 'sum');
}

/**
 * The 2×2 characteristic polynomial λ² − tr(J)·λ + det(J) = 0. With entries near the float64
 * range, tr or det overflow (p·t − q·r can be ∞ − ∞ = NaN) although the eigenvalues are finite:
 * the step then says so and gives |det| as a power of ten, from J scaled by its largest entry.
 */
function characteristicStep([[p, q], [r, t]]: [[number, number], [number, number]]): Step {
  const title = 'Characteristic polynomial of a 2×2 matrix: λ² − tr(J)·λ + det(J) = 0';
  const trace = p + t;
  const det = p * t - q * r;
  if (Number.isFinite(trace) && Number.isFinite(det)) {
    return step(title, eq(add(sub(pow('λ', 2), mul(trace, 'λ')), det), 0));
  }
  const m = Math.max(Math.abs(p), Math.abs(q), Math.abs(r), Math.abs(t));
  const scaled = (p / m) * (t / m) - (q / m) * (r / m);
  const magnitude =
    scaled === 0
      ? 'det(J) ≈ 0 relative to its products'
      : `|det(J)| ≈ 10^${(Math.log10(Math.abs(scaled)) + 2 * Math.log10(m)).toFixed(1)}`;
  return step(
    `${title}. Its coefficients overflow float64 here (${magnitude}), so the eigenvalues are computed from J/${num(m).text} and multiplied back`,
  );
}

/** rnn/gradient-flow: exploding or vanishing gradients from the recurrent matrix. */
export const gradientFlow = defineSolver({
  id: 'rnn/gradient-flow',
  title: 'Exploding or vanishing gradients of an RNN',
  description:
    'Eigenvalues (complex allowed) and spectral radius of the recurrent Jacobian J = act′·Whh, the verdict exploding / vanishing / stable, and the gain ‖J^T‖₂ after T steps, with the Jacobian-product derivation.',
  input,
  answer,
  solveParsed(inp) {
    const W = squareMatrix(inp.Whh, 'Whh');
    const H = W.length;
    const T = inp.steps;
    const a = inp.activationGrad;
    checkLimit('Whh', 'multiplyAdds', (2 * Math.ceil(Math.log2(T + 1)) + 10) * H ** 3, 'the number of multiply-adds');
    const J = W.map((r) => r.map((v) => a * v));
    if (J.some((r) => r.some((v) => !Number.isFinite(v)))) {
      throw new DnnInputError('Whh', 'its entries times activationGrad overflow the float64 range');
    }
    const eig = scaledEigenvalues(J);
    const rho = Math.max(0, ...eig.map(modulus));
    if (!Number.isFinite(rho) || eig.some((e) => !Number.isFinite(e.re) || !Number.isFinite(e.im))) {
      throw new DnnInputError(
        'Whh',
        'its eigenvalues overflow the float64 range (|λ| above about 1.8·10^308); scale Whh down: ρ(cW) = c·ρ(W)',
      );
    }
    const verdict: Verdict = rho > 1 + 1e-9 ? 'exploding' : rho < 1 - 1e-9 ? 'vanishing' : 'stable';

    const power = scaledPower(J, T);
    let gain: number | null = 0;
    let log10Gain: number | null = null;
    let gainReason: string | null = null;
    if (power) {
      const norm = spectralNorm(power.M);
      if (norm > 0) {
        log10Gain = Math.log10(norm) + power.log10Scale;
        gain = 10 ** log10Gain;
        if (!Number.isFinite(gain)) {
          gainReason = `‖J^T‖₂ ≈ 10^${log10Gain.toFixed(1)} exceeds the float64 range (about 1.8·10^308)`;
          gain = null;
        }
      }
    }

    const Jt = pow('J', 'T');
    const prod = tex('∏_{t=1}^{T}', '\\prod_{t=1}^{T}');
    const steps: Step[] = [
      step(
        'BPTT multiplies one Jacobian per time step',
        eq(
          atom('∂h_T/∂h_0'),
          tex(
            `${prod.text} diag(act′(z_t))·W_hh`,
            `${prod.latex} \\operatorname{diag}(\\operatorname{act}'(z_t)) \\cdot W_{\\text{hh}}`,
          ),
          Jt,
        ),
        eq('J', mul(atom('act′'), 'W_hh'), mul(a, mat(W)), mat(J)),
      ),
    ];
    if (H === 2) steps.push(characteristicStep(J as [[number, number], [number, number]]));
    steps.push(
      step(
        H === 1 ? 'The eigenvalue of a 1×1 matrix is its entry' : 'Eigenvalues of J',
        ...eig.map((l, k) => eq(`λ_${k + 1}`, complexTex(l))),
      ),
      step(
        'Spectral radius',
        eq(
          atom('ρ(J)'),
          tex('max_k |λ_k|', '\\max_k |\\lambda_k|'),
          ...(eig.length > 1
            ? [
                tex(
                  `max(${eig.map((l) => num(modulus(l)).text).join(', ')})`,
                  `\\max(${eig.map((l) => num(modulus(l)).latex).join(', ')})`,
                ),
              ]
            : []),
          rho,
        ),
      ),
      step(
        'With J = QΛQ⁻¹ the T-th power is QΛ^TQ⁻¹: its components scale like ρ^T',
        eq(
          pow(atom('ρ'), 'T'),
          pow(rho, T),
          ...(Number.isFinite(rho ** T) ? [rho ** T] : [words('overflows float64')]),
        ),
      ),
      step(
        `Verdict: ρ ${rho > 1 + 1e-9 ? '> 1, gradients explode' : rho < 1 - 1e-9 ? '< 1, gradients vanish' : '= 1, gradients neither explode nor vanish geometrically'}`,
        rel(rho > 1 + 1e-9 ? '>' : rho < 1 - 1e-9 ? '<' : '=', rho > 1 + 1e-9 ? '>' : rho < 1 - 1e-9 ? '<' : '=', [
          atom('ρ'),
          1,
        ]),
      ),
      step(
        `Gain over T = ${T} steps: the largest singular value of J^T`,
        eq(
          tex('‖J^T‖₂', '\\lVert J^{T} \\rVert_2'),
          gain === null ? tex(`10^${(log10Gain ?? 0).toFixed(3)}`, `10^{${(log10Gain ?? 0).toFixed(3)}}`) : gain,
        ),
      ),
    );

    const notes = [
      `act′ = ${a} at every step${a === 1 ? ' (linear RNN, or the upper bound of tanh′)' : ''}; with a real activation act′(z_t) varies per step and the product uses diag(act′(z_t)).`,
      'ρ decides the long-run rate (‖J^T‖^(1/T) → ρ); for a non-normal J the gain over a few steps can exceed ρ^T (transient growth). For an orthogonal Whh (the exam case) every |λ| = 1 and the gain is exactly 1.',
      `Thresholds: exploding when ρ > 1 + 1e-9, vanishing when ρ < 1 − 1e-9, else stable.`,
    ];
    return {
      answer: {
        eigenvalues: eig,
        spectralRadius: rho,
        verdict,
        gain,
        log10Gain,
        gainReason,
      } satisfies GradientFlowAnswer,
      steps,
      notes,
    };
  },
  examples: [
    {
      title: 'TUM I2DL: orthogonal θ_c (rotation by 90°), T = 10',
      source:
        'Exam question (θ_c orthogonal); by hand: λ² + 1 = 0, λ = ±i, ρ = 1: stable; J^10 = R(900°) = −I is orthogonal, so ‖J^10‖₂ = 1.',
      input: {
        Whh: [
          [0, -1],
          [1, 0],
        ],
        steps: 10,
      },
      answer: {
        eigenvalues: [
          { re: 0, im: -1 },
          { re: 0, im: 1 },
        ],
        spectralRadius: 1,
        verdict: 'stable',
        gain: 1,
      },
    },
    {
      title: 'Scaled rotation 1.2·R(90°): complex eigenvalues of modulus 1.2, T = 5',
      source: 'By hand: λ = ±1.2i, ρ = 1.2 > 1: exploding; J^5 = 1.2^5·R(450°), so ‖J^5‖₂ = 1.2^5 = 2.48832.',
      input: {
        Whh: [
          [0, -1.2],
          [1.2, 0],
        ],
        steps: 5,
      },
      answer: { spectralRadius: 1.2, verdict: 'exploding', gain: 2.48832 },
    },
    {
      title: 'tanh RNN with Whh = diag(0.9, 0.5) and act′ ≤ 1, T = 20',
      source:
        'By hand: eigenvalues 0.5 and 0.9, ρ = 0.9 < 1: vanishing; J^20 = diag(0.9^20, 0.5^20), ‖J^20‖₂ = 0.9^20 = 0.12157665459056928.',
      input: {
        Whh: [
          [0.9, 0],
          [0, 0.5],
        ],
        steps: 20,
      },
      answer: { spectralRadius: 0.9, verdict: 'vanishing', gain: 0.12157665459056928 },
    },
    {
      title: 'BITS linear RNN h(t+1) = −h(t) + x(t+1): W = −1',
      source:
        'Exam problem (the oscillating output); by hand: λ = −1, ρ = 1: stable, (−1)^T has modulus 1, so the gain is 1 for every T.',
      input: { Whh: -1, steps: 4 },
      answer: { eigenvalues: [{ re: -1, im: 0 }], spectralRadius: 1, verdict: 'stable', gain: 1 },
    },
  ],
});
