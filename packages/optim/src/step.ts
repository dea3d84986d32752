/**
 * optim/step — optimizer trajectories (SGD, momentum, Nesterov, Adagrad,
 * RMSprop, Adam, AdamW, Rprop) on an objective or for given gradients, with a
 * per-step table of gradients, moments, bias-corrected moments and updates.
 */
import {
  a,
  checkLimit,
  DnnInputError,
  defineSolver,
  type Expr,
  eq,
  evaluate,
  gradientAt,
  isDnnInputError,
  LIMITS,
  type Step,
  s,
  step,
  sym,
  vec,
} from '@dnn/core';
import * as z from 'zod/mini';
import {
  checkTraceWork,
  expressionField,
  exprSize,
  functionSteps,
  parseCovered,
  pointField,
  TRACE_BUDGET,
} from './expression-input.js';
import {
  exportState,
  type FlatInitialState,
  finalStateAnswer,
  initialStateNote,
  initialStateSchema,
  resolveInitialState,
  usesStepCount,
} from './optimizer-state.js';
import {
  OPTIMIZERS,
  type OptimizerConfig,
  type OptimizerState,
  optimizerFields,
  optimizerStep,
  type ParamMap,
  type ParamStepDetail,
  resolveOptimizer,
} from './optimizers.js';
import { paramUpdateSteps, ruleSteps } from './update-steps.js';

const input = s.object({
  ...optimizerFields,
  optimizer: s.oneOf(OPTIMIZERS, 'Update rule: sgd, momentum, nesterov, adagrad, rmsprop, adam, adamw or rprop.'),
  lr: z
    .number()
    .check(z.describe('Learning rate η (> 0; required). For rprop it is also the default initial step size.')),
  params: pointField('Parameter name → initial value, e.g. {"w1": 1.5, "w2": -2}.'),
  objective: z.optional(
    expressionField('The objective in the parameter names, e.g. "3w1^2 + 1.5w2^3" (give this or `gradients`).'),
  ),
  gradients: z.optional(pointField('Parameter name → gradient, for a single step without an objective.')),
  steps: z
    .optional(z.number().check(z.int(), z.minimum(1)))
    .check(
      z.describe('Number of optimizer steps (default 1, at most 10⁴); with untilConverged, the most steps to take.'),
    ),
  initialState: z
    .optional(initialStateSchema((description) => pointField(`Parameter name → ${description}`), 'one per parameter'))
    .check(
      z.describe(
        'The optimizer state to start from (default: zero buffers, t = 0), e.g. the `finalState` of an earlier run or an exam’s “velocity at t − 1”. Give only the fields of the chosen optimizer: velocity (momentum, nesterov), m, v and t (adam, adamw), v (rmsprop), accumulator (adagrad), stepSizes and prevGrads (rprop).',
      ),
    ),
  untilConverged: z
    ._default(z.boolean(), false)
    .check(
      z.describe(
        'Run until ‖Δθ‖ < tolerance (or 10⁴ steps, or `steps` when given) instead of a fixed number of steps.',
      ),
    ),
  tolerance: z
    ._default(z.number().check(z.gt(0), z.maximum(1e6)), 1e-9)
    .check(
      z.describe(
        'untilConverged: stop after the first step whose update has Euclidean norm below this (default 1e-9).',
      ),
    ),
});

/** Parameter name → number. */
const byParam = (title: string, description: string) =>
  a.map(a.scalar('Value', 'This parameter’s number'), title, description);

const entry = a.answer({
  step: a.count('Step', '0 is the start; k is after k optimizer steps.'),
  params: byParam('Parameters θ', 'The parameters after this step (entry 0: the initial values).'),
  grads: z.nullable(
    byParam(
      'Gradient ∂f/∂θ',
      'The gradient at this entry’s parameters (null after the last step when only `gradients` were given, or when the objective or its gradient is undefined at the final point).',
    ),
  ),
  state: a.map(
    byParam('Buffer', 'One value per parameter'),
    'Optimizer state',
    'The optimizer’s buffers after this step, by name (entry 0: the initial, zero buffers): `v` (momentum, nesterov: velocity; rmsprop: mean square; adam: second moment), `m` (adam first moment), `G` (adagrad sum of squares), `prevGrad` and `stepSize` (rprop); empty for sgd.',
  ),
  update: z.nullable(
    byParam('Update Δθ', 'Δθ of the step that led here, added to the parameters (null for the start).'),
  ),
  value: z.nullable(a.scalar('Objective f', 'The objective at this entry’s parameters (null without an objective).')),
});

const finalState = finalStateAnswer(byParam, 'one per parameter');

const answer = a.answer({
  trajectory: a.trajectory(entry, 'Trajectory', 'One entry per step, entry 0 the start.', {
    columns: ['step', 'params', 'grads', 'value', 'update', 'state'],
  }),
  final: byParam('Final parameters', 'The parameters after the last step.'),
  finalState,
  converged: z.optional(
    a.flag('Converged', 'untilConverged only: true when the last update had norm below the tolerance.'),
  ),
});

/** One entry of the trajectory: entry 0 is the start. */
export type TrajectoryEntry = z.output<typeof entry>;

/** The answer of optim/step. */
export type StepAnswer = z.output<typeof answer>;

/** Steps worked out in full; later ones are summarised (every number stays in the trajectory). */
const SHOWN_STEPS = 10;

/** Checks the field combinations the schema cannot express. */
function checkInput(inp: z.output<typeof input>): OptimizerConfig {
  if (inp.lr <= 0) throw new DnnInputError('lr', `must be positive (got ${inp.lr})`);
  if (inp.steps !== undefined) checkLimit('steps', 'steps', inp.steps, 'the number of optimizer steps');
  if (inp.objective === undefined && inp.gradients === undefined) {
    throw new DnnInputError('objective', 'is required unless `gradients` are given: the optimizer needs gradients');
  }
  if (inp.objective !== undefined && inp.gradients !== undefined) {
    throw new DnnInputError('gradients', 'give either an objective or gradients, not both');
  }
  const names = Object.keys(inp.params);
  if (names.length === 0) throw new DnnInputError('params', 'needs at least one parameter');
  if (inp.gradients) {
    if ((inp.steps ?? 1) > 1 || inp.untilConverged) {
      throw new DnnInputError(
        inp.untilConverged ? 'untilConverged' : 'steps',
        `${inp.untilConverged ? 'needs an objective' : 'must be 1 with `gradients`'}: later gradients need an objective to evaluate`,
      );
    }
    for (const name of names) {
      if (!Object.hasOwn(inp.gradients, name))
        throw new DnnInputError('gradients', `needs a gradient for ${JSON.stringify(name)}`);
    }
    for (const name of Object.keys(inp.gradients)) {
      if (!Object.hasOwn(inp.params, name)) {
        throw new DnnInputError(
          `gradients.${name}`,
          `${JSON.stringify(name)} is not a parameter (not a key of params)`,
        );
      }
    }
  }
  return resolveOptimizer(inp); // resolveOptimizer copies: no { ...inp } first (a slow clone of ~25 keys)
}

/** Value and gradient of the objective at one point; `error` when either is undefined or overflows there. */
type Evaluation =
  | { value: number | null; grads: ParamMap }
  | { value: number | null; grads: null; error: DnnInputError };

/** Evaluates the objective and its gradient at `params` (domain errors are returned, not thrown). */
function evaluateAt(expr: Expr, params: ParamMap): Evaluation {
  // gradientAt, not traceGradient: the steps use no graph labels, and its error says whether evaluating the value
  // again can succeed (no second exception per undefined point).
  const traced = gradientAt(expr, params, 'objective');
  if (traced.error) {
    // The gradient may be undefined where the value is not (√x at 0): keep the value when it exists.
    let value: number | null = null;
    if (traced.derivativeOnly) {
      try {
        value = evaluate(expr, params, 'objective');
      } catch (inner) {
        if (!isDnnInputError(inner)) throw inner;
      }
    }
    return { value: Number.isFinite(value) ? value : null, grads: null, error: traced.error };
  }
  const grads: ParamMap = {};
  for (const n of Object.keys(params)) grads[n] = traced.gradient[n] ?? 0;
  const value = Number.isFinite(traced.value) ? traced.value : null;
  if (value === null || !allFinite(grads)) {
    return {
      value,
      grads: null,
      error: new DnnInputError('objective', `the ${value === null ? 'value' : 'gradient'} overflows a float64`),
    };
  }
  return { value, grads };
}

const at = (params: ParamMap) =>
  Object.entries(params)
    .map(([n, v]) => `${n} = ${v}`)
    .join(', ');

/** The error for a point where the next step's gradient is needed but undefined. */
function domainError(e: DnnInputError, params: ParamMap, k: number): DnnInputError {
  if (k === 0) return e;
  return new DnnInputError(
    e.path,
    `at step ${k} (${at(params)}): ${e.reason}; the iterates left the region where the objective is defined (try a smaller lr)`,
  );
}

/** A copy of every buffer (for the trajectory entry of a step). */
function copyBuffers(state: OptimizerState): Record<string, ParamMap> {
  const copy: Record<string, ParamMap> = {};
  for (const k of Object.keys(state.buffers)) copy[k] = { ...state.buffers[k] };
  return copy;
}

/** True when every value of the map is finite (a loop: this runs at every step, spreading the values cost more). */
function allFinite(map: ParamMap): boolean {
  for (const k in map) if (!Number.isFinite(map[k])) return false;
  return true;
}

/** Euclidean norm of an update. */
const norm = (update: ParamMap) => Math.hypot(...Object.values(update));

/** The most steps a run may take, and why (a fixed count, the untilConverged cap, or the work budget). */
function stepBudget(inp: z.output<typeof input>, expr: Expr | undefined): { steps: number; budgetCapped: boolean } {
  if (!inp.untilConverged) {
    const steps = inp.steps ?? 1;
    if (expr) checkTraceWork(expr, steps + 1, 'steps', `${steps} steps on this objective`);
    return { steps, budgetCapped: false };
  }
  const cap = inp.steps ?? LIMITS.steps;
  const affordable = expr ? Math.floor(TRACE_BUDGET / exprSize(expr).traceCost) - 1 : cap;
  if (affordable < 1) checkTraceWork(expr as Expr, 2, 'objective', 'one step on this objective');
  return { steps: Math.min(cap, affordable), budgetCapped: affordable < cap };
}

/** optim/step: an optimizer's trajectory, step by step. */
export const optimStep = defineSolver({
  id: 'optim/step',
  title: 'Optimizer steps (SGD, momentum, Nesterov, Adagrad, RMSprop, Adam, AdamW, Rprop)',
  description:
    'Runs an optimizer on an objective (or one step for given gradients) and shows every step: gradient, moments, bias-corrected moments and update, with the exam variants (momentum form, bias correction, ε inside or outside the root, L2 or decoupled weight decay), from a given optimizer state or zero, for a number of steps or until converged.',
  input,
  answer,
  solveParsed(inp) {
    const config = checkInput(inp);
    const names = Object.keys(inp.params);
    const expr =
      inp.objective === undefined ? undefined : parseCovered(inp.objective, 'objective', inp.params, 'params');
    const budget = stepBudget(inp, expr);
    checkLimit(
      'steps',
      'outputCells',
      (budget.steps + 1) * names.length * 6,
      'the trajectory size (entries × parameters × fields)',
    );

    let params: ParamMap = { ...inp.params };
    const given = inp.initialState as FlatInitialState | undefined;
    let state = resolveInitialState(config, params, given, 'initialState');
    const first: Evaluation = expr
      ? evaluateAt(expr, params)
      : { value: null, grads: { ...(inp.gradients as ParamMap) } };
    if (first.grads === null) throw domainError(first.error, params, 0);
    const trajectory: TrajectoryEntry[] = [
      { step: 0, params, grads: first.grads, state: copyBuffers(state), update: null, value: first.value },
    ];
    const steps: Step[] = [
      ...(expr ? functionSteps(expr, params) : [step('Start', vec(names.map((n) => eq(n, params[n] as number))))]),
      ...ruleSteps(config),
    ];
    const notes: string[] = [...initialStateNote(config, given), ...conventionNotes(config)];
    let grads: ParamMap = first.grads;
    let converged = false;
    let undefinedAtEnd: DnnInputError | undefined;
    let k = 0;
    // Past SHOWN_STEPS only the last step is worked out; its inputs are kept until the run ends.
    let lastStep: (() => Step[]) | undefined;
    while (k < budget.steps && !converged) {
      k++;
      const before = state;
      const r = optimizerStep(config, params, grads, state);
      if (!allFinite(r.params) || !Object.values(r.state.buffers).every(allFinite)) {
        throw new DnnInputError(
          'steps',
          `the iterates overflow a float64 at step ${k}: the optimizer diverges (try a smaller lr)`,
        );
      }
      const [at0, g0, k0] = [params, grads, k];
      if (k <= SHOWN_STEPS) steps.push(...stepSteps(config, k, before, at0, g0, r.detail));
      else lastStep = () => stepSteps(config, k0, before, at0, g0, r.detail);
      const update: ParamMap = {};
      // Rprop leaves θ in place on a sign flip: a zero update there is not convergence.
      let flipped = false;
      for (const n of names) {
        const d = r.detail[n] as ParamStepDetail;
        update[n] = d.update + 0; // + 0: no −0
        if (d.quantities.signProduct === -1) flipped = true;
      }
      converged = inp.untilConverged && !flipped && norm(update) < inp.tolerance;
      params = r.params;
      state = r.state;
      const last = converged || k === budget.steps;
      const next = expr ? evaluateAt(expr, params) : undefined;
      if (next && next.grads === null) {
        // The objective is only needed for the gradient of a next step: at the last point it may be undefined.
        if (!last) throw domainError(next.error, params, k);
        undefinedAtEnd = next.error;
      }
      const value = next?.value ?? null;
      trajectory.push({ step: k, params, grads: next?.grads ?? null, state: copyBuffers(state), update, value });
      if (next?.grads) grads = next.grads;
    }
    if (k > SHOWN_STEPS + 1) {
      const range = k - 1 > SHOWN_STEPS + 1 ? `Steps ${SHOWN_STEPS + 1} to ${k - 1} apply` : `Step ${k - 1} applies`;
      steps.push(step(`${range} the same rule (every number is in the trajectory)`));
    }
    if (lastStep) steps.push(...lastStep());
    const last = trajectory[trajectory.length - 1] as TrajectoryEntry;
    steps.push(
      step(
        `After ${k} step${k === 1 ? '' : 's'}`,
        vec(names.map((n) => eq(n, last.params[n] as number))),
        ...(last.value === null ? [] : [eq(sym('f'), last.value)]),
      ),
    );
    if (undefinedAtEnd) {
      notes.push(
        `At the final point (${at(last.params)}) the objective ${last.value === null ? '' : 'is defined but its gradient '}is undefined: ${undefinedAtEnd.reason}. That does not affect the update, which only used the gradients at the earlier points; its ${last.value === null ? 'value and gradient are' : 'gradient is'} null, and a further step from here is impossible.`,
      );
    }
    if (inp.untilConverged) notes.push(convergenceNote(converged, k, inp.tolerance, budget.budgetCapped));
    return {
      answer: {
        trajectory,
        final: last.params,
        finalState: exportState(config, state),
        ...(inp.untilConverged ? { converged } : {}),
      } satisfies StepAnswer,
      steps,
      notes,
    };
  },
  examples: [
    {
      title: 'SGD on t = (2p + 3)² from p = 6, η = 0.1, 3 steps',
      source:
        'Exam problem. By hand: dt/dp = 4(2p + 3) = 8p + 12; p₁ = 6 − 0.1·60 = 0, p₂ = 0 − 0.1·12 = −1.2, p₃ = −1.2 − 0.1·2.4 = −1.44 (the rubric agrees).',
      input: { optimizer: 'sgd', lr: 0.1, params: { p: 6 }, objective: '(2p + 3)^2', steps: 3 },
      answer: { final: { p: -1.44 } },
    },
    {
      title: 'Adam on L = 3w₁² + 1.5w₂³ from (1.5, −2): β₁ = 0.5, β₂ = 0.9, η = 0.01, no bias correction, ε inside',
      source:
        'Exam problem. By hand: g = (6w₁, 4.5w₂²) = (9, 18); m = 0.5·g = (4.5, 9); v = 0.1·g² = (8.1, 32.4); w₁ = 1.5 − 0.01·4.5/√(8.1 + 1e-8) = 1.5 − 0.0158114 = 1.4841886, w₂ = −2 − 0.01·9/√(32.4 + 1e-8) = −2.0158114. The rubric divides η·g (not η·m) by √(v + ε) and gets 1.468, −2.032: wrong.',
      input: {
        optimizer: 'adam',
        lr: 0.01,
        beta1: 0.5,
        beta2: 0.9,
        biasCorrection: false,
        epsPlacement: 'inside',
        params: { w1: 1.5, w2: -2 },
        objective: '3w1^2 + 1.5w2^3',
      },
      answer: {
        final: { w1: 1.5 - (0.01 * 4.5) / Math.sqrt(8.1 + 1e-8), w2: -2 - (0.01 * 9) / Math.sqrt(32.4 + 1e-8) },
      },
    },
    {
      title: 'Rprop on 24x² + 16x + 12 from x = 2: initial step 1, η⁺ = 1.1, η⁻ = 0.8 (PyTorch rule), 6 steps',
      source:
        'Exam problem. By hand, f′ = 48x + 16: g = 112 → x = 1 (Δ = 1); g = 64, same sign → Δ = 1.1, x = −0.1; g = 11.2 → Δ = 1.21, x = −1.31; g = −46.88 flips → Δ = 0.968, x stays −1.31; no sign to compare → x = −1.31 + 0.968 = −0.342; g = −0.416, same sign → Δ = 1.0648, x = 0.7228. The exam’s walk-through instead restarts from −0.1 with shrinking steps (−1.068, −0.8744), which is not PyTorch’s rule; and its “minimum of 12” is wrong: f(−1/3) = 8/3 − 16/3 + 12 = 28/3 ≈ 9.333.',
      input: {
        optimizer: 'rprop',
        lr: 1,
        etaPlus: 1.1,
        etaMinus: 0.8,
        params: { x: 2 },
        objective: '24x^2 + 16x + 12',
        steps: 6,
      },
      answer: { final: { x: -1.31 + 0.968 + 0.968 * 1.1 } },
    },
    {
      title: 'SGD on t = (2p + 3)² from p = 6, η = 0.1, until converged: the minimum p = −1.5',
      source:
        'Exam problem (line 3335: “find the minimum value of p … using SGD”). By hand: p′ = p − 0.1(8p + 12) = 0.2p − 1.2, so p_k = −1.5 + 7.5·0.2^k and |Δp_k| = 6·0.2^(k−1); the first step below the tolerance 1e-9 is k = 15 (0.2¹⁴ ≈ 1.64e-10 < 1e-9/6), where p = −1.5 + 7.5·0.2¹⁵.',
      input: { optimizer: 'sgd', lr: 0.1, params: { p: 6 }, objective: '(2p + 3)^2', untilConverged: true },
      answer: { converged: true, final: { p: -1.5 + 7.5 * 0.2 ** 15 } },
    },
    {
      title: 'TUM “Backpropagation and Convolutional Layers” 5d: one gradient-descent step of the 1×1 filter, η = 1',
      source:
        'Exam problem 5d (exam line 272 ff.). The 1×1 conv sums the channels, zero-padded 2×2/2 max-pooling keeps each pixel or 0, and the BCE (summed, targets [[0, 1], [1, 0]]) reduces to −ln(2w1 − 1.5w2) − ln(−0.5w1 + w2); w3 only meets input zeros. By hand at w = (1, 1, 1): ∂/∂w1 = −2/0.5 + 0.5/0.5 = −3, ∂/∂w2 = 1.5/0.5 − 1/0.5 = 1, ∂/∂w3 = 0, so w = (1 + 3, 1 − 1, 1) = (4, 0, 1). At (4, 0, 1) the loss is undefined (ln(−2)); that point is only the answer, not used for another gradient.',
      input: {
        optimizer: 'sgd',
        lr: 1,
        params: { w1: 1, w2: 1, w3: 1 },
        objective: '-ln(2*w1 - 1.5*w2) - ln(-0.5*w1 + w2)',
        steps: 1,
      },
      answer: { final: { w1: 4, w2: 0, w3: 1 } },
    },
    {
      title: 'Momentum at t + 1 from the update t − 1 → t (classic form), μ = 0.7, η = 0.3',
      source:
        'Exam problem 5C (exam line 3204): between t − 1 and t, w1 went −0.5 → 0 and w3 0.5 → 1 (Δ = 0.5 each, the rubric’s weights at t); at t the hidden ReLU input is exactly 0, so ∂L/∂w1 = 0 (ReLU′(0) = 0) and ∂L/∂w3 = 0 (hidden output 0). By hand, classic momentum v = μ·Δ − η·g: w1 = 0 + 0.7·0.5 − 0.3·0 = 0.35, w3 = 1 + 0.7·0.5 = 1.35.',
      input: {
        optimizer: 'momentum',
        momentum: 0.7,
        momentumForm: 'classic',
        lr: 0.3,
        params: { w1: 0, w3: 1 },
        gradients: { w1: 0, w3: 0 },
        initialState: { velocity: { w1: 0.5, w3: 0.5 } },
      },
      answer: { final: { w1: 0.35, w3: 1.35 } },
    },
    {
      title: 'Adam from assumed moments (no bias correction): L = 3w1² + 1.5w2³, m₀ = (2, 4), v₀ = (16, 100)',
      source:
        'Exam problem 3(b) (exam line 3846): “assume the first and second moment values by your own”; ours are m₀ = (2, 4), v₀ = (16, 100), with (a)’s β1 = 0.5, β2 = 0.9, η = 0.01, ε = 1e-8 inside the root. By hand: g = (6w1, 4.5w2²) = (9, 18); m = 0.5·m₀ + 0.5·g = (5.5, 11); v = 0.9·v₀ + 0.1·g² = (22.5, 122.4); w1 = 1.5 − 0.01·5.5/√(22.5 + 1e-8), w2 = −2 − 0.01·11/√(122.4 + 1e-8).',
      input: {
        optimizer: 'adam',
        lr: 0.01,
        beta1: 0.5,
        beta2: 0.9,
        biasCorrection: false,
        epsPlacement: 'inside',
        params: { w1: 1.5, w2: -2 },
        objective: '3w1^2 + 1.5w2^3',
        initialState: { m: { w1: 2, w2: 4 }, v: { w1: 16, w2: 100 } },
      },
      answer: {
        final: { w1: 1.5 - (0.01 * 5.5) / Math.sqrt(22.5 + 1e-8), w2: -2 - (0.01 * 11) / Math.sqrt(122.4 + 1e-8) },
      },
    },
  ],
});

/** The worked steps of step k: the gradient, then each parameter's update with its numbers. */
function stepSteps(
  config: OptimizerConfig,
  k: number,
  before: OptimizerState,
  params: ParamMap,
  grads: ParamMap,
  detail: Record<string, ParamStepDetail>,
): Step[] {
  const names = Object.keys(params);
  // The step number the rule reads: Adam's bias correction counts the steps of the given initial state too.
  const t = usesStepCount(config.optimizer) ? before.t + 1 : k;
  const out = [
    step(
      `Step ${t}: gradient at the current parameters`,
      eq(vec(names.map((n) => `∂f/∂${n}`)), vec(names.map((n) => grads[n] as number))),
    ),
  ];
  for (const n of names) {
    const buf: Record<string, number> = {};
    for (const b in before.buffers) buf[b] = (before.buffers[b] as ParamMap)[n] as number; // no entry pairs per step
    out.push(...paramUpdateSteps(config, t, n, params[n] as number, buf, detail[n] as ParamStepDetail));
  }
  return out;
}

/** The note of an untilConverged run. */
function convergenceNote(converged: boolean, k: number, tolerance: number, budgetCapped: boolean): string {
  if (converged) return `Converged: step ${k} moved the parameters by less than ${tolerance} (Euclidean norm of Δθ).`;
  return `Not converged: stopped after ${k} step${k === 1 ? '' : 's'} ${budgetCapped ? 'at the work budget for this objective' : 'at the step cap'} with ‖Δθ‖ still ≥ ${tolerance}.`;
}

/** The notes naming every convention that changes the numbers. */
function conventionNotes(c: OptimizerConfig): string[] {
  const notes: string[] = [];
  if (c.weightDecay > 0) {
    notes.push(
      c.optimizer === 'adamw'
        ? `Decoupled weight decay (AdamW): θ −= η·${c.weightDecay}·θ before the Adam step; the moments see the raw gradient.`
        : `L2 weight decay: ${c.weightDecay}·θ is added to the gradient before the ${c.optimizer} rule (PyTorch's weight_decay).`,
    );
  }
  switch (c.optimizer) {
    case 'momentum':
    case 'nesterov':
      notes.push(
        c.momentumForm === 'pytorch'
          ? 'Momentum in PyTorch form (v = μv + g, θ −= η·v); the classic form v = μv − η·g, θ += v gives the same θ for a constant η.'
          : 'Momentum in classic form (v = μv − η·g, θ += v); PyTorch stores v = μv + g and gives the same θ for a constant η.',
      );
      break;
    case 'adagrad':
    case 'rmsprop':
    case 'adam':
    case 'adamw':
      notes.push(
        c.epsPlacement === 'outside'
          ? `ε = ${c.eps} outside the root, √v + ε (PyTorch and Keras); some exams put it inside, √(v + ε).`
          : `ε = ${c.eps} inside the root, √(v + ε) (TF.js's adagrad/rmsprop and some exams); PyTorch puts it outside.`,
      );
      if (c.optimizer === 'rmsprop')
        notes.push(`RMSprop decay α = ${c.alpha} (PyTorch's alpha; Keras calls it rho and defaults to 0.9).`);
      if (c.optimizer === 'adagrad')
        notes.push('Adagrad starts its accumulator at 0 (PyTorch); TF.js and Keras start at 0.1.');
      if (c.optimizer === 'adam' || c.optimizer === 'adamw') {
        notes.push(
          c.biasCorrection
            ? 'Bias correction on: m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ) (PyTorch, Keras, TF.js).'
            : 'No bias correction: the update uses m and v directly (an exam variant; every library corrects).',
        );
      }
      break;
    case 'rprop':
      notes.push(
        `Rprop follows PyTorch: on a sign flip the step size shrinks by η⁻ = ${c.etaMinus}, the parameter does not move and the stored gradient becomes 0, so the next step is taken with the shrunk size; no weight backtracking (Rprop⁺ would undo the previous step).`,
      );
      break;
    default:
      break;
  }
  return notes;
}
