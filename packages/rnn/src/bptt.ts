/**
 * rnn/bptt — backpropagation through time for a scalar RNN
 * h_t = act(Whh·h_{t−1} + Wxh·x_t): derivatives of h_T (or y_T = Why·h_T)
 * with respect to Whh, Wxh, every x_t and h_0, the recursion worked term by term.
 */
import {
  a,
  add,
  DnnInputError,
  defineSolver,
  eq,
  frac,
  LIMITS,
  mul,
  paren,
  type Step,
  s,
  step,
  sym,
  type TexLike,
  vec,
} from '@dnn/core';
import * as z from 'zod/mini';
import { activate, applyTex, derivative, derivativeTex, stateActivationField } from './activations.js';
import { assertFinite } from './arrays.js';
import { atom } from './show.js';
import { DETAILED_STEPS, detailNote } from './unroll.js';

const input = s.object({
  Wxh: s.number('Input weight Wxh (a number: this solver is scalar-only).'),
  Whh: s.number('Recurrent weight Whh (a number).'),
  h0: z._default(s.number('Initial hidden state h_0 (default 0).'), 0),
  xs: z
    .array(z.number())
    .check(z.minLength(1), z.maxLength(LIMITS.steps), z.describe('Inputs x_1 … x_T, one number per time step.')),
  activation: stateActivationField,
  reluGradAtZero: z
    ._default(z.union([z.literal(0), z.literal(1)]), 0)
    .check(z.describe('The value taken for ReLU′(0): 0 (PyTorch, TensorFlow; default) or 1 (some exams).')),
  Why: z.optional(s.number('Output weight Why of y_T = Why·h_T (optional; needed when target is "y").')),
  target: z._default(s.oneOf(['h', 'y'], 'Differentiate h_T (default) or y_T = Why·h_T.'), 'h'),
});

/** What every derivative is taken of. */
const TARGET = 'the target (h_T, or y_T = Why·h_T when target is "y")';

const answer = a.answer({
  h: a.vector('Hidden states', 'h_1 … h_T, one per time step (h_0 is not included).', { axes: ['t'] }),
  z: a.vector('Pre-activations', 'z_t = Whh·h_{t−1} + Wxh·x_t, one per time step (h_t = act(z_t)).', { axes: ['t'] }),
  dWhh: a.scalar(
    '∂target/∂Whh',
    `Derivative of ${TARGET} with respect to the recurrent weight, summed over every time step.`,
  ),
  dWxh: a.scalar(
    '∂target/∂Wxh',
    `Derivative of ${TARGET} with respect to the input weight, summed over every time step.`,
  ),
  dx: a.vector('∂target/∂x_t', `Derivative of ${TARGET} with respect to each input x_1 … x_T.`, { axes: ['t'] }),
  dh0: a.scalar('∂target/∂h_0', `Derivative of ${TARGET} with respect to the initial hidden state.`),
  y: z.nullable(a.scalar('Output y_T', 'y_T = Why·h_T (linear output); null when Why is not given.')),
  dWhy: z.nullable(a.scalar('∂y_T/∂Why', 'Equals h_T when the target is y; null when the target is h.')),
  deadSteps: a.list(
    a.count('Time step'),
    'Dead steps',
    'Time steps t (1-based) where act′(z_t) = 0 (ReLU off, or a saturated unit): no gradient flows back through them.',
  ),
});

/** The answer of rnn/bptt. */
export type BpttAnswer = z.output<typeof answer>;

const d = (num: string, den: string) => frac(atom(`∂${num}`), atom(`∂${den}`));

/** rnn/bptt: the BPTT derivatives of a scalar RNN. */
export const bptt = defineSolver({
  id: 'rnn/bptt',
  title: 'Backpropagation through time (scalar RNN)',
  description:
    'Forward pass of a scalar RNN h_t = act(Whh·h_{t−1} + Wxh·x_t) and the derivatives of h_T (or y_T = Why·h_T) with respect to Whh, Wxh, each input x_t and h_0, with the BPTT recursion worked term by term.',
  input,
  answer,
  solveParsed(inp) {
    if (inp.target === 'y' && inp.Why === undefined) {
      throw new DnnInputError('Why', 'is required when the target is y (y_T = Why·h_T)');
    }
    const { Wxh, Whh, xs, activation: act } = inp;
    const T = xs.length;
    const detail = (t: number) => t <= DETAILED_STEPS;
    const steps: Step[] = [
      step(
        'Model',
        eq('z_t', add(mul('W_hh', atom('h_{t−1}')), mul('W_xh', 'x_t'))),
        eq('h_t', applyTex(act, 'z_t')),
        eq(atom('act′(z)'), sym(derivativeTex(act, 'z'))),
      ),
    ];

    // Forward pass.
    const zs: number[] = [];
    const hs: number[] = [];
    const grads: number[] = [];
    let prev = inp.h0;
    for (const [i, x] of xs.entries()) {
      const t = i + 1;
      const zt = Whh * prev + Wxh * x;
      const ht = activate(act, [zt])[0] as number;
      const at = derivative(act, zt, inp.reluGradAtZero);
      assertFinite([zt], `xs[${i}]`, `z_${t}`);
      zs.push(zt);
      hs.push(ht);
      grads.push(at);
      if (detail(t)) {
        steps.push(
          step(
            `Forward, t = ${t}`,
            eq(`z_${t}`, add(mul(Whh, prev), mul(Wxh, x)), zt),
            eq(`h_${t}`, applyTex(act, zt), ht),
            eq(atom(`act′(z_${t})`), at),
          ),
        );
      }
      prev = ht;
    }
    const hAt = (t: number) => (t === 0 ? inp.h0 : (hs[t - 1] as number));
    const aAt = (t: number) => grads[t - 1] as number;

    // Forward-mode recursions for the weights and h0: ∂h_t/∂θ = act′(z_t)·(direct term + Whh·∂h_{t−1}/∂θ).
    const recursion = (name: string, symbol: string, direct: (t: number) => number, start: number) => {
      const values: number[] = [];
      let p = start;
      if (detail(1)) {
        steps.push(
          step(
            `∂h_t/∂${name}: recursion`,
            eq(
              d('h_t', name),
              mul(atom('act′(z_t)'), paren(add(...(symbol ? [atom(symbol)] : []), mul('W_hh', d('h_{t−1}', name))))),
            ),
            eq(d('h_0', name), start),
          ),
        );
      }
      for (let t = 1; t <= T; t++) {
        const before = p;
        p = aAt(t) * (direct(t) + Whh * before);
        values.push(p);
        if (detail(t)) {
          const inner: TexLike[] = symbol ? [direct(t), mul(Whh, before)] : [mul(Whh, before)];
          steps.push(step(`∂h_${t}/∂${name}`, eq(d(`h_${t}`, name), mul(aAt(t), paren(add(...inner))), p)));
        }
      }
      return p;
    };
    const dhWhh = recursion('W_hh', 'h_{t−1}', (t) => hAt(t - 1), 0);
    const dhWxh = recursion('W_xh', 'x_t', (t) => xs[t - 1] as number, 0);
    const dhH0 = recursion('h_0', '', () => 0, 1);

    // Backward pass for the inputs: δ_T = 1, ∂h_T/∂x_t = δ_t·act′(z_t)·Wxh, δ_{t−1} = δ_t·act′(z_t)·Whh.
    const dhx: number[] = new Array<number>(T).fill(0);
    steps.push(
      step(
        `∂h_${T}/∂x_t: backward with δ_t = ∂h_${T}/∂h_t, starting from δ_${T} = 1`,
        eq(d(`h_${T}`, 'x_t'), mul(atom('δ_t'), atom('act′(z_t)'), 'W_xh')),
        eq(atom('δ_{t−1}'), mul(atom('δ_t'), atom('act′(z_t)'), 'W_hh')),
      ),
    );
    let delta = 1;
    for (let t = T; t >= 1; t--) {
      dhx[t - 1] = delta * aAt(t) * Wxh;
      const next = delta * aAt(t) * Whh;
      if (T - t < DETAILED_STEPS) {
        steps.push(
          step(
            `∂h_${T}/∂x_${t}`,
            eq(d(`h_${T}`, `x_${t}`), mul(delta, aAt(t), Wxh), dhx[t - 1] as number),
            ...(t > 1 ? [eq(atom(`δ_${t - 1}`), mul(delta, aAt(t), Whh), next)] : []),
          ),
        );
      }
      delta = next;
    }

    const scale = inp.target === 'y' ? (inp.Why as number) : 1;
    /** Scales to the target; `+ 0` turns −0 into 0. */
    const toTarget = (v: number) => scale * v + 0;
    const hT = hs[T - 1] as number;
    const result: BpttAnswer = {
      h: hs,
      z: zs,
      dWhh: toTarget(dhWhh),
      dWxh: toTarget(dhWxh),
      dx: dhx.map(toTarget),
      dh0: toTarget(dhH0),
      y: inp.Why === undefined ? null : inp.Why * hT,
      dWhy: inp.target === 'y' ? hT : null,
      deadSteps: grads.flatMap((a, i) => (a === 0 ? [i + 1] : [])),
    };
    assertFinite([result.dWhh, result.dWxh, result.dh0, ...result.dx, result.y ?? 0], 'xs', 'a derivative');
    if (inp.target === 'y') {
      const W = inp.Why as number;
      steps.push(
        step(
          `Output y_${T} = W_hy·h_${T}: every derivative is W_hy times that of h_${T}`,
          eq(`y_${T}`, mul(W, hT), result.y as number),
          eq(d(`y_${T}`, 'W_hh'), mul(W, dhWhh), result.dWhh),
          eq(d(`y_${T}`, 'W_xh'), mul(W, dhWxh), result.dWxh),
          eq(d(`y_${T}`, 'W_hy'), `h_${T}`, hT),
          eq(d(`y_${T}`, 'h_0'), mul(W, dhH0), result.dh0),
          eq(d(`y_${T}`, 'x_t'), mul('W_hy', d(`h_${T}`, 'x_t')), vec(result.dx)),
        ),
      );
    }

    const notes: string[] = [];
    if (act === 'relu') {
      const atZero = zs.flatMap((v, i) => (v === 0 ? [i + 1] : []));
      notes.push(
        `ReLU′(0) = ${inp.reluGradAtZero} (${inp.reluGradAtZero === 0 ? 'PyTorch and TensorFlow' : 'the exam convention'}); ${
          atZero.length
            ? `it matters here: z_t = 0 at t = ${atZero.join(', ')}.`
            : 'no z_t is exactly 0 here, so the choice does not change the numbers.'
        }`,
      );
    }
    if (result.deadSteps.length) {
      const last = result.deadSteps[result.deadSteps.length - 1] as number;
      notes.push(
        `Dead unit at t = ${result.deadSteps.join(', ')}: act′(z_t) = 0 there (${act === 'relu' ? 'ReLU off' : 'saturated'}), so no gradient flows back through that step: ∂/∂x_τ for τ ≤ ${last} and ∂/∂h_0 are 0, and the weight derivatives only collect terms from the steps after t = ${last}.`,
      );
    }
    if (inp.target === 'y') notes.push(`Target y_${T} = Why·h_${T} (linear output).`);
    notes.push(...detailNote(T));
    return { answer: result, steps, notes };
  },
  examples: [
    {
      title: 'TUM I2DL: ReLU RNN, V = −2, W = 1, h0 = 2, x = 2, 3/2, 4: ∂h3/∂V, ∂h3/∂W, ∂h3/∂x1',
      source:
        "Exam problem; by hand: z1 = −2·2 + 2 = −2 → h1 = 0 (dead), z2 = 0 + 1.5 → h2 = 3/2, z3 = −3 + 4 = 1 → h3 = 1. The exam prints h2 = 2/3, which does not follow from its own numbers. ∂h3/∂V = h2 + V·∂h2/∂V = 3/2 + (−2)·0 = 3/2 (∂h2/∂V = h1 + V·0 = 0); ∂h3/∂W = x3 + V·∂h2/∂W = 4 + (−2)·(3/2) = 1; ∂h3/∂x1 = 0 (dead ReLU at t = 1); ∂h3/∂x2 = V·W = −2, ∂h3/∂x3 = W = 1; ∂h3/∂h0 = 0. The rubric's 2/3 for ∂h3/∂V comes from the misprinted h2; it also accepts 3/2.",
      input: { Wxh: 1, Whh: -2, h0: 2, xs: [2, 1.5, 4], activation: 'relu' },
      answer: { h: [0, 1.5, 1], dWhh: 1.5, dWxh: 1, dx: [0, -2, 1], dh0: 0, deadSteps: [1] },
    },
    {
      title: 'TUM I2DL: ReLU RNN, V = 1, W = 2, h0 = −3, x = 1, 2, 0 with ReLU′(0) = 1',
      source:
        'Exam problem (V = Whh, W = Wxh); by hand: z1 = −3 + 2 = −1 → h1 = 0, z2 = 0 + 4 → h2 = 4, z3 = 4 + 0 → h3 = 4 (no z is 0, so ReLU′(0) = 1 changes nothing). ∂h3/∂V = h2 + V·(h1 + V·0) = 4 + 0 = 4; ∂h3/∂W = x3 + V·(x2 + V·0) = 0 + 2 = 2; ∂h3/∂x1 = 0 (ReLU′(z1) = 0), ∂h3/∂x2 = V·W = 2, ∂h3/∂x3 = W = 2; ∂h3/∂h0 = 0.',
      input: { Wxh: 2, Whh: 1, h0: -3, xs: [1, 2, 0], activation: 'relu', reluGradAtZero: 1 },
      answer: { h: [0, 4, 4], dWhh: 4, dWxh: 2, dx: [0, 2, 2], dh0: 0 },
    },
    {
      title: 'TUM I2DL: ReLU RNN with output y2 = v·h2, h0 = 3, w = 2, v = −1, u = 3, x = 1, 2: ∂y2/∂u',
      source:
        "Exam problem, the equation h_t = ReLU(u·h_{t−1} + w·x_t) (u recurrent, w input); by hand: h1 = ReLU(9 + 2) = 11, h2 = ReLU(33 + 4) = 37, y2 = −37, ∂y2/∂u = v·(h1 + u·∂h1/∂u) = −1·(11 + 3·3) = −20, as the rubric's equation-based solution. Also ∂y2/∂w = v·(x2 + u·x1) = −5, ∂y2/∂x = [v·u·w, v·w] = [−6, −2], ∂y2/∂h0 = v·u·u = −9.",
      input: { Wxh: 2, Whh: 3, h0: 3, xs: [1, 2], activation: 'relu', Why: -1, target: 'y' },
      answer: { h: [11, 37], y: -37, dWhh: -20, dWxh: -5, dx: [-6, -2], dh0: -9, dWhy: 37 },
    },
  ],
});
