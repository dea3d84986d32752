/**
 * Pure optimizer update rules (SGD, momentum, Nesterov, Adagrad, RMSprop, Adam,
 * AdamW, Rprop) over named parameter maps with explicit state, plus the zod
 * fields of their options — shared by `optim/step` and `optim/mlp-step`.
 *
 * Conventions (PyTorch's unless an option says otherwise):
 * - `weightDecay` is L2 added to the gradient (g ← g + wd·θ) for every
 *   optimizer except `adamw`, where it is decoupled (θ ← θ − lr·wd·θ first).
 * - momentum, `pytorch` form: v ← μv + g, θ ← θ − lr·v; `classic` form:
 *   v ← μv − lr·g, θ ← θ + v (the same trajectory for a constant lr).
 * - nesterov, `pytorch` form: v ← μv + g, θ ← θ − lr·(g + μv);
 *   `classic` form (Bengio's reformulation): v ← μv − lr·g, θ ← θ + μv − lr·g.
 * - adagrad: G ← G + g² (G₀ = 0), θ ← θ − lr·g/(√G + ε).
 * - rmsprop: v ← αv + (1−α)g², θ ← θ − lr·g/(√v + ε).
 * - adam/adamw: m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g², m̂ = m/(1−β₁ᵗ),
 *   v̂ = v/(1−β₂ᵗ) (or m, v without bias correction), θ ← θ − lr·m̂/(√v̂ + ε).
 * - `epsPlacement: 'inside'` uses √(v̂ + ε) instead of √v̂ + ε (adagrad, rmsprop, adam, adamw).
 * - rprop (PyTorch): with p = g·g_prev, the step size grows by η⁺ (capped at
 *   stepMax) when p > 0, shrinks by η⁻ (floored at stepMin) when p < 0 — and
 *   then g is taken as 0, so the parameter stays put and the next step starts
 *   afresh; θ ← θ − sign(g)·step, g_prev ← g.
 */
import { DnnInputError, s } from '@dnn/core';
import * as z from 'zod/mini';

/** The optimizers of the catalog. */
export const OPTIMIZERS = ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam', 'adamw', 'rprop'] as const;

/** An optimizer name. */
export type OptimizerName = (typeof OPTIMIZERS)[number];

/** Parameter name → number (parameters, gradients, or one buffer). */
export type ParamMap = Record<string, number>;

const rate = z.number().check(z.gt(0), z.maximum(1e6));
const decayBelowOne = z.number().check(z.minimum(0), z.lt(1));

/**
 * The zod fields of an optimizer option object (catalog `optim/step`), with the
 * catalog's defaults. `lr` is optional here: `optim/step` makes it required,
 * `optim/mlp-step` falls back to its own `lr`. Spread into an `s.object(...)`.
 */
export const optimizerFields = {
  optimizer: z._default(
    s.oneOf(OPTIMIZERS, 'Update rule: sgd, momentum, nesterov, adagrad, rmsprop, adam, adamw or rprop.'),
    'sgd',
  ),
  lr: z.optional(rate).check(z.describe('Learning rate η (> 0). For rprop it is also the default initial step size.')),
  momentum: s.when(
    z
      .optional(decayBelowOne)
      .check(z.describe('Momentum coefficient μ in [0, 1); required for momentum and nesterov, used by nothing else.')),
    { optimizer: ['momentum', 'nesterov'] },
  ),
  momentumForm: s.when(
    z._default(
      s.oneOf(
        ['pytorch', 'classic'],
        'momentum/nesterov buffer: pytorch v = μv + g, θ −= lr·v (default); classic v = μv − lr·g, θ += v.',
      ),
      'pytorch',
    ),
    { optimizer: ['momentum', 'nesterov'] },
  ),
  beta1: s.when(z._default(decayBelowOne, 0.9).check(z.describe('Adam/AdamW decay rate β₁ of the first moment m.')), {
    optimizer: ['adam', 'adamw'],
  }),
  beta2: s.when(
    z._default(decayBelowOne, 0.999).check(z.describe('Adam/AdamW decay rate β₂ of the second moment v.')),
    {
      optimizer: ['adam', 'adamw'],
    },
  ),
  eps: s.when(
    z
      ._default(z.number().check(z.minimum(0), z.maximum(1)), 1e-8)
      .check(z.describe('ε added to the root in the denominator (≥ 0).')),
    {
      optimizer: ['adagrad', 'rmsprop', 'adam', 'adamw'],
    },
  ),
  alpha: s.when(
    z
      ._default(decayBelowOne, 0.99)
      .check(z.describe('RMSprop decay α of the squared-gradient average (Keras calls it rho).')),
    { optimizer: ['rmsprop'] },
  ),
  weightDecay: z
    ._default(z.number().check(z.minimum(0), z.maximum(1e6)), 0)
    .check(
      z.describe('Weight decay: L2 added to the gradient (g + wd·θ), except adamw, where θ −= lr·wd·θ (decoupled).'),
    ),
  biasCorrection: s.when(
    z
      ._default(z.boolean(), true)
      .check(z.describe('Adam/AdamW: divide m and v by 1 − βᵗ (true, default) or use them as they are (false).')),
    { optimizer: ['adam', 'adamw'] },
  ),
  epsPlacement: s.when(
    z._default(
      s.oneOf(['outside', 'inside'], 'Where ε goes: outside √v̂ + ε (default, PyTorch/Keras) or inside √(v̂ + ε).'),
      'outside',
    ),
    { optimizer: ['adagrad', 'rmsprop', 'adam', 'adamw'] },
  ),
  etaPlus: s.when(
    z._default(z.number().check(z.gt(1), z.maximum(1e3)), 1.2).check(z.describe('Rprop growth factor η⁺ (> 1).')),
    {
      optimizer: ['rprop'],
    },
  ),
  etaMinus: s.when(
    z._default(z.number().check(z.gt(0), z.lt(1)), 0.5).check(z.describe('Rprop shrink factor η⁻ in (0, 1).')),
    {
      optimizer: ['rprop'],
    },
  ),
  stepInit: s.when(z.optional(rate).check(z.describe('Rprop initial step size (default: lr).')), {
    optimizer: ['rprop'],
  }),
  stepMin: s.when(
    z._default(z.number().check(z.minimum(0), z.maximum(1e6)), 1e-6).check(z.describe('Rprop smallest step size.')),
    {
      optimizer: ['rprop'],
    },
  ),
  stepMax: s.when(
    z._default(z.number().check(z.gt(0), z.maximum(1e9)), 50).check(z.describe('Rprop largest step size.')),
    { optimizer: ['rprop'] },
  ),
};

/** The optimizer option object on its own (a strict object; `lr` optional). */
export const optimizerOptions = s.object(optimizerFields);

/** Parsed optimizer options (defaults applied). */
export type OptimizerOptions = z.output<typeof optimizerOptions>;

/** Fully resolved options: `lr` present, `stepInit` resolved for rprop. */
export type OptimizerConfig = OptimizerOptions & { lr: number; stepInit: number };

/**
 * Checks the combinations the schema cannot express and resolves defaults
 * (`lr` from `fallbackLr` when absent, `stepInit` = lr). Throws
 * {@link DnnInputError} at `path`-prefixed fields.
 */
export function resolveOptimizer(options: OptimizerOptions, fallbackLr?: number, path = ''): OptimizerConfig {
  const at = (field: string) => (path ? `${path}.${field}` : field);
  const lr = options.lr ?? fallbackLr;
  if (lr === undefined) throw new DnnInputError(at('lr'), 'is required: the learning rate η of the update');
  if (!(lr > 0)) throw new DnnInputError(at('lr'), `must be positive (got ${lr})`);
  const usesMomentum = options.optimizer === 'momentum' || options.optimizer === 'nesterov';
  if (usesMomentum && options.momentum === undefined) {
    throw new DnnInputError(at('momentum'), `is required for ${options.optimizer}: the coefficient μ in v = μv + g`);
  }
  if (!usesMomentum && options.momentum !== undefined && options.momentum !== 0) {
    throw new DnnInputError(
      at('momentum'),
      `${options.optimizer} has no momentum term; choose optimizer "momentum" or "nesterov" to use μ = ${options.momentum}`,
    );
  }
  if (options.stepInit !== undefined && options.optimizer !== 'rprop') {
    throw new DnnInputError(at('stepInit'), 'applies to rprop only');
  }
  if (options.stepMin > options.stepMax) {
    throw new DnnInputError(at('stepMin'), `must not exceed stepMax (${options.stepMin} > ${options.stepMax})`);
  }
  // Every field named, in one fixed shape (the type makes each key required, so a new option cannot be forgotten):
  // copying the parsed options instead — a spread with overrides (V8's slow clone, 2.1–2.4 µs a call unoptimized),
  // then Object.assign — stayed the costliest line of optimizers.js in a batch, and configs with the key sets and
  // orders of different inputs made every read of them polymorphic.
  const config: OptimizerConfig = {
    optimizer: options.optimizer,
    lr,
    momentum: options.momentum,
    momentumForm: options.momentumForm,
    beta1: options.beta1,
    beta2: options.beta2,
    eps: options.eps,
    alpha: options.alpha,
    weightDecay: options.weightDecay,
    biasCorrection: options.biasCorrection,
    epsPlacement: options.epsPlacement,
    etaPlus: options.etaPlus,
    etaMinus: options.etaMinus,
    stepInit: options.stepInit ?? lr,
    stepMin: options.stepMin,
    stepMax: options.stepMax,
  } satisfies Record<keyof OptimizerConfig, unknown>;
  return config;
}

/** The explicit optimizer state: the step count and named buffers, each a {@link ParamMap}. */
export interface OptimizerState {
  /** Steps taken so far (Adam's t after the step). */
  t: number;
  /**
   * Buffers by name: `v` (momentum, nesterov: velocity; rmsprop: mean square; adam: second moment),
   * `m` (adam first moment), `G` (adagrad sum of squares), `prevGrad` and `stepSize` (rprop).
   */
  buffers: Record<string, ParamMap>;
}

/** What one parameter went through in one step (the rows of the step table). */
export interface ParamStepDetail {
  /** The gradient as given. */
  grad: number;
  /** The gradient the rule used: grad + wd·θ with L2 weight decay; rprop's zeroed gradient after a sign change. */
  g: number;
  /** Intermediate quantities by name, e.g. `m`, `v`, `mHat`, `vHat`, `denominator`, `stepSize`, `decay`. */
  quantities: Record<string, number>;
  /** Δθ, the change added to the parameter. */
  update: number;
  /** θ after the step. */
  value: number;
}

/** The outcome of {@link optimizerStep}. */
export interface OptimizerStepResult {
  params: ParamMap;
  state: OptimizerState;
  detail: Record<string, ParamStepDetail>;
}

/** The buffer names each optimizer keeps. */
export function bufferNames(optimizer: OptimizerName): string[] {
  switch (optimizer) {
    case 'sgd':
      return [];
    case 'momentum':
    case 'nesterov':
    case 'rmsprop':
      return ['v'];
    case 'adagrad':
      return ['G'];
    case 'adam':
    case 'adamw':
      return ['m', 'v'];
    case 'rprop':
      return ['prevGrad', 'stepSize'];
  }
}

/** The state before the first step: zero buffers (rprop: step sizes = stepInit). */
export function initialState(config: OptimizerConfig, params: ParamMap): OptimizerState {
  const buffers: Record<string, ParamMap> = {};
  for (const name of bufferNames(config.optimizer)) {
    const fill = name === 'stepSize' ? config.stepInit : 0;
    const buffer: ParamMap = {};
    for (const p in params) buffer[p] = fill; // no [key, value] pair per parameter (runs once per request)
    buffers[name] = buffer;
  }
  return { t: 0, buffers };
}

/** The denominator √x + ε or √(x + ε). */
export function rootDenominator(x: number, config: Pick<OptimizerConfig, 'eps' | 'epsPlacement'>): number {
  return config.epsPlacement === 'inside' ? Math.sqrt(x + config.eps) : Math.sqrt(x) + config.eps;
}

/** lr·num/den, with 0/0 (no gradient yet, ε = 0) taken as 0. */
function scaled(lr: number, numerator: number, denominator: number): number {
  if (denominator === 0) return 0;
  return (lr * numerator) / denominator;
}

/** One parameter's update under `config`, given its raw gradient and buffers (read and written in `buf`). */
function updateOne(
  config: OptimizerConfig,
  t: number,
  theta: number,
  grad: number,
  buf: Record<string, number>,
): Omit<ParamStepDetail, 'value'> {
  const { lr, weightDecay: wd } = config;
  const decoupled = config.optimizer === 'adamw';
  let g = decoupled ? grad : grad + wd * theta;
  const q: Record<string, number> = {};
  let update: number;
  switch (config.optimizer) {
    case 'sgd':
      update = -lr * g;
      break;
    case 'momentum':
    case 'nesterov': {
      const mu = config.momentum ?? 0;
      const classic = config.momentumForm === 'classic';
      const v = classic ? mu * (buf.v ?? 0) - lr * g : mu * (buf.v ?? 0) + g;
      buf.v = v;
      q.v = v;
      if (config.optimizer === 'momentum') update = classic ? v : -lr * v;
      else update = classic ? mu * v - lr * g : -lr * (g + mu * v);
      break;
    }
    case 'adagrad': {
      const G = (buf.G ?? 0) + g * g;
      buf.G = G;
      q.G = G;
      q.denominator = rootDenominator(G, config);
      update = -scaled(lr, g, q.denominator);
      break;
    }
    case 'rmsprop': {
      const v = config.alpha * (buf.v ?? 0) + (1 - config.alpha) * g * g;
      buf.v = v;
      q.v = v;
      q.denominator = rootDenominator(v, config);
      update = -scaled(lr, g, q.denominator);
      break;
    }
    case 'adam':
    case 'adamw': {
      const decay = decoupled ? -lr * wd * theta : 0;
      const m = config.beta1 * (buf.m ?? 0) + (1 - config.beta1) * g;
      const v = config.beta2 * (buf.v ?? 0) + (1 - config.beta2) * g * g;
      buf.m = m;
      buf.v = v;
      const mHat = config.biasCorrection ? m / (1 - config.beta1 ** t) : m;
      const vHat = config.biasCorrection ? v / (1 - config.beta2 ** t) : v;
      const denominator = rootDenominator(vHat, config);
      Object.assign(q, { m, v, mHat, vHat, denominator });
      if (decoupled) q.decay = decay;
      update = decay - scaled(lr, mHat, denominator);
      break;
    }
    case 'rprop': {
      const product = g * (buf.prevGrad ?? 0);
      let size = buf.stepSize ?? config.stepInit;
      if (product > 0) size *= config.etaPlus;
      else if (product < 0) {
        size *= config.etaMinus;
        g = 0;
      }
      size = Math.min(Math.max(size, config.stepMin), config.stepMax);
      buf.stepSize = size;
      buf.prevGrad = g;
      q.stepSize = size;
      q.signProduct = Math.sign(product);
      update = -Math.sign(g) * size;
      break;
    }
  }
  return { grad, g, quantities: q, update };
}

/**
 * One optimizer step: new parameters, new state (the input state is not
 * mutated) and a per-parameter breakdown. `grads` must have a number for every
 * key of `params`.
 */
export function optimizerStep(
  config: OptimizerConfig,
  params: ParamMap,
  grads: ParamMap,
  state: OptimizerState,
): OptimizerStepResult {
  const t = state.t + 1;
  // Keyed loops rather than Object.entries pairs: this runs for every parameter of every step, and building a pair
  // array per key made it the costliest optimizer function of a batch (same iteration order: own keys, insertion).
  const buffers: Record<string, ParamMap> = {};
  for (const k of Object.keys(state.buffers)) buffers[k] = { ...state.buffers[k] };
  const next: ParamMap = {};
  const detail: Record<string, ParamStepDetail> = {};
  for (const name of Object.keys(params)) {
    const theta = params[name] as number;
    const buf: Record<string, number> = {};
    for (const k in buffers) {
      const v = (buffers[k] as ParamMap)[name];
      if (v !== undefined) buf[k] = v;
    }
    const d = updateOne(config, t, theta, grads[name] ?? 0, buf);
    for (const k in buf) {
      if (!buffers[k]) buffers[k] = {};
      (buffers[k] as ParamMap)[name] = buf[k] as number;
    }
    const value = theta + d.update;
    next[name] = value;
    detail[name] = { grad: d.grad, g: d.g, quantities: d.quantities, update: d.update, value };
  }
  return { params: next, state: { t, buffers }, detail };
}
