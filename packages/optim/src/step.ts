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
  isDnnInputError,
  type Step,
  s,
  step,
  sym,
  traceGradient,
  vec,
  z,
} from '@dnn/core';
import { checkTraceWork, expressionField, functionSteps, parseCovered, pointField } from './expression-input.js';
import {
  initialState,
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
  lr: z.number().describe('Learning rate η (> 0; required). For rprop it is also the default initial step size.'),
  params: pointField('Parameter name → initial value, e.g. {"w1": 1.5, "w2": -2}.'),
  objective: expressionField(
    'The objective in the parameter names, e.g. "3w1^2 + 1.5w2^3" (give this or `gradients`).',
  ).optional(),
  gradients: pointField('Parameter name → gradient, for a single step without an objective.').optional(),
  steps: z.number().int().min(1).default(1).describe('Number of optimizer steps (at most 10⁴).'),
});

/** Parameter name → number. */
const byParam = (title: string, description: string) =>
  a.map(a.scalar('Value', 'This parameter’s number'), title, description);

const entry = a.answer({
  step: a.count('Step', '0 is the start; k is after k optimizer steps.'),
  params: byParam('Parameters θ', 'The parameters after this step (entry 0: the initial values).'),
  grads: byParam(
    'Gradient ∂f/∂θ',
    'The gradient at this entry’s parameters (null after the last step when only `gradients` were given).',
  ).nullable(),
  state: a.map(
    byParam('Buffer', 'One value per parameter'),
    'Optimizer state',
    'The optimizer’s buffers after this step, by name (entry 0: the initial, zero buffers): `v` (momentum, nesterov: velocity; rmsprop: mean square; adam: second moment), `m` (adam first moment), `G` (adagrad sum of squares), `prevGrad` and `stepSize` (rprop); empty for sgd.',
  ),
  update: byParam(
    'Update Δθ',
    'Δθ of the step that led here, added to the parameters (null for the start).',
  ).nullable(),
  value: a.scalar('Objective f', 'The objective at this entry’s parameters (null without an objective).').nullable(),
});

const answer = a.answer({
  trajectory: a.trajectory(entry, 'Trajectory', 'One entry per step, entry 0 the start.', {
    columns: ['step', 'params', 'grads', 'value', 'update', 'state'],
  }),
  final: byParam('Final parameters', 'The parameters after the last step.'),
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
  checkLimit('steps', 'steps', inp.steps, 'the number of optimizer steps');
  if (inp.objective === undefined && inp.gradients === undefined) {
    throw new DnnInputError('objective', 'is required unless `gradients` are given: the optimizer needs gradients');
  }
  if (inp.objective !== undefined && inp.gradients !== undefined) {
    throw new DnnInputError('gradients', 'give either an objective or gradients, not both');
  }
  const names = Object.keys(inp.params);
  if (names.length === 0) throw new DnnInputError('params', 'needs at least one parameter');
  if (inp.gradients) {
    if (inp.steps > 1) {
      throw new DnnInputError('steps', 'must be 1 with `gradients`: later gradients need an objective to evaluate');
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
  return resolveOptimizer({ ...inp, lr: inp.lr });
}

/** Gradient and value of the objective at `params` (an input error names the step where the domain broke). */
function evaluateAt(expr: Expr, params: ParamMap, k: number): { value: number; grads: ParamMap } {
  try {
    const traced = traceGradient(expr, params, 'objective');
    const grads = Object.fromEntries(Object.keys(params).map((n) => [n, traced.gradient[n] ?? 0]));
    if (![traced.value, ...Object.values(grads)].every(Number.isFinite)) {
      throw new DnnInputError('objective', 'the gradient overflows a float64');
    }
    return { value: traced.value, grads };
  } catch (e) {
    if (k > 0 && isDnnInputError(e)) {
      throw new DnnInputError(
        e.path,
        `at step ${k} (${Object.entries(params)
          .map(([n, v]) => `${n} = ${v}`)
          .join(', ')}): ${e.reason}; the iterates left the region where the objective is defined (try a smaller lr)`,
      );
    }
    throw e;
  }
}

const copyBuffers = (state: OptimizerState) =>
  Object.fromEntries(Object.entries(state.buffers).map(([k, v]) => [k, { ...v }]));

/** optim/step: an optimizer's trajectory, step by step. */
export const optimStep = defineSolver({
  id: 'optim/step',
  title: 'Optimizer steps (SGD, momentum, Nesterov, Adagrad, RMSprop, Adam, AdamW, Rprop)',
  description:
    'Runs an optimizer on an objective (or one step for given gradients) and shows every step: gradient, moments, bias-corrected moments and update, with the exam variants (momentum form, bias correction, ε inside or outside the root, L2 or decoupled weight decay).',
  input,
  answer,
  solve(inp) {
    const config = checkInput(inp);
    const names = Object.keys(inp.params);
    const expr =
      inp.objective === undefined ? undefined : parseCovered(inp.objective, 'objective', inp.params, 'params');
    if (expr) checkTraceWork(expr, inp.steps + 1, 'steps', `${inp.steps} steps on this objective`);
    checkLimit(
      'steps',
      'outputCells',
      (inp.steps + 1) * names.length * 6,
      'the trajectory size (entries × parameters × fields)',
    );

    let params: ParamMap = { ...inp.params };
    let state = initialState(config, params);
    const first = expr ? evaluateAt(expr, params, 0) : { value: null, grads: { ...(inp.gradients as ParamMap) } };
    const trajectory: TrajectoryEntry[] = [
      { step: 0, params, grads: first.grads, state: copyBuffers(state), update: null, value: first.value },
    ];
    const steps: Step[] = [
      ...(expr ? functionSteps(expr, params) : [step('Start', vec(names.map((n) => eq(n, params[n] as number))))]),
      ...ruleSteps(config),
    ];
    let grads: ParamMap = first.grads;
    for (let k = 1; k <= inp.steps; k++) {
      const before = state;
      const r = optimizerStep(config, params, grads, state);
      if (
        ![...Object.values(r.params), ...Object.values(r.state.buffers).flatMap(Object.values)].every(Number.isFinite)
      ) {
        throw new DnnInputError(
          'steps',
          `the iterates overflow a float64 at step ${k}: the optimizer diverges (try a smaller lr)`,
        );
      }
      if (k <= SHOWN_STEPS || k === inp.steps) {
        steps.push(
          step(
            `Step ${k}: gradient at the current parameters`,
            eq(vec(names.map((n) => `∂f/∂${n}`)), vec(names.map((n) => grads[n] as number))),
          ),
        );
        for (const n of names) {
          const buf = Object.fromEntries(Object.entries(before.buffers).map(([b, m]) => [b, m[n] as number]));
          steps.push(...paramUpdateSteps(config, k, n, params[n] as number, buf, r.detail[n] as ParamStepDetail));
        }
      } else if (k === SHOWN_STEPS + 1) {
        steps.push(step(`Steps ${k} to ${inp.steps - 1} apply the same rule (every number is in the trajectory)`));
      }
      params = r.params;
      state = r.state;
      const next = expr ? evaluateAt(expr, params, k) : { value: null, grads: null };
      trajectory.push({
        step: k,
        params,
        grads: next.grads,
        state: copyBuffers(state),
        update: Object.fromEntries(names.map((n) => [n, r.detail[n]?.update as number])),
        value: next.value,
      });
      if (next.grads) grads = next.grads;
    }
    const last = trajectory[trajectory.length - 1] as TrajectoryEntry;
    steps.push(
      step(
        `After ${inp.steps} step${inp.steps === 1 ? '' : 's'}`,
        vec(names.map((n) => eq(n, last.params[n] as number))),
        ...(last.value === null ? [] : [eq(sym('f'), last.value)]),
      ),
    );
    return {
      answer: { trajectory, final: last.params } satisfies StepAnswer,
      steps,
      notes: conventionNotes(config),
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
  ],
});

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
