/**
 * The optimizer state a run starts from (`initialState` of `optim/step` and
 * `optim/mlp-step`) and ends with (`finalState`): the catalog's public field
 * names mapped onto the buffers of optimizers.ts, checked per optimizer.
 *
 * Public name → buffer: `velocity` → `v` (momentum, nesterov), `accumulator` →
 * `G` (adagrad), `v` → `v` (rmsprop's mean square, adam's second moment), `m` →
 * `m` (adam), `stepSizes` → `stepSize` and `prevGrads` → `prevGrad` (rprop);
 * `t` (steps already taken) only enters Adam's bias correction.
 */
import { a, DnnInputError, s } from '@dnn/core';
import * as z from 'zod/mini';
import {
  initialState,
  type OptimizerConfig,
  type OptimizerName,
  type OptimizerState,
  type ParamMap,
} from './optimizers.js';

/** The public buffer fields of an initial state. */
export const STATE_FIELDS = ['velocity', 'm', 'v', 'accumulator', 'stepSizes', 'prevGrads'] as const;

/** A public buffer field name. */
export type StateField = (typeof STATE_FIELDS)[number];

/** Which public field holds which internal buffer, per optimizer. */
const BUFFER_OF: Record<OptimizerName, Partial<Record<StateField, string>>> = {
  sgd: {},
  momentum: { velocity: 'v' },
  nesterov: { velocity: 'v' },
  adagrad: { accumulator: 'G' },
  rmsprop: { v: 'v' },
  adam: { m: 'm', v: 'v' },
  adamw: { m: 'm', v: 'v' },
  rprop: { stepSizes: 'stepSize', prevGrads: 'prevGrad' },
};

/** Buffers that hold squares and must not be negative. */
const NON_NEGATIVE = new Set<StateField>(['v', 'accumulator', 'stepSizes']);

/** True when the optimizer's rule reads the step count t (Adam's bias correction). */
export const usesStepCount = (optimizer: OptimizerName): boolean => optimizer === 'adam' || optimizer === 'adamw';

const FIELD_TEXT: Record<StateField, string> = {
  velocity:
    'momentum/nesterov velocity v, in the buffer of momentumForm: pytorch v = μv + g (default), classic v = μv − η·g, i.e. the previous update Δθ',
  m: 'adam/adamw first moment m',
  v: 'adam/adamw second moment v, or rmsprop’s mean square v',
  accumulator: 'adagrad’s sum of squared gradients G',
  stepSizes: 'rprop step sizes Δ (default stepInit)',
  prevGrads: 'rprop previous gradients (0 after a sign flip)',
};

/**
 * The zod object of an initial state whose buffers have the schema `buffer(description)`
 * (a name → number map for optim/step, a per-layer list for optim/mlp-step). Every field is optional.
 */
export function initialStateSchema<B extends z.ZodMiniType>(buffer: (description: string) => B, per: string) {
  const fields = Object.fromEntries(
    STATE_FIELDS.map((f) => [
      f,
      z.optional(buffer(`${FIELD_TEXT[f]}, ${per} (default: 0${f === 'stepSizes' ? ' → stepInit' : ''}).`)),
    ]),
  ) as Record<StateField, z.ZodMiniOptional<B>>;
  return s.object({
    t: z
      .optional(z.number().check(z.int(), z.minimum(0), z.maximum(1e9)))
      .check(z.describe('Steps already taken (adam/adamw bias correction uses t + 1 for the next step; default 0).')),
    ...fields,
  });
}

/**
 * The answer field `finalState`: the state after a run in the format of `initialState`, each buffer built by
 * `buffer(title, description)` (a name → number map for optim/step, a per-layer network for optim/mlp-step).
 */
export function finalStateAnswer<B extends z.ZodMiniType>(
  buffer: (title: string, description: string) => B,
  per: string,
) {
  const field = (title: string, description: string) => z.optional(buffer(title, `${description}, ${per}.`));
  return a.record(
    {
      t: z.optional(a.count('Steps taken t', 'Adam/AdamW: the step count after the run (bias correction).')),
      velocity: field('Velocity v', 'Momentum/Nesterov velocity (in the chosen momentumForm)'),
      m: field('First moment m', 'Adam/AdamW first moment'),
      v: field('Second moment v', 'Adam/AdamW second moment, or RMSprop’s mean square'),
      accumulator: field('Accumulator G', 'Adagrad’s sum of squared gradients'),
      stepSizes: field('Step sizes Δ', 'Rprop step sizes'),
      prevGrads: field('Previous gradients', 'Rprop’s stored gradients (0 after a sign flip)'),
    },
    'Final optimizer state',
    'The state after the last step in the format of `initialState`: pass it as `initialState` to continue (k chained runs equal one run of the summed steps).',
  );
}

/** A parsed initial state with its buffers already flattened to parameter maps. */
export type FlatInitialState = { t?: number | undefined } & Partial<Record<StateField, ParamMap | undefined>>;

/** The fields `optimizer` keeps, in catalog order, for messages. */
function fieldsOf(optimizer: OptimizerName): string {
  const fields = Object.keys(BUFFER_OF[optimizer]);
  if (usesStepCount(optimizer)) fields.push('t');
  return fields.length ? fields.map((f) => `\`${f}\``).join(', ') : 'nothing (sgd has no state)';
}

/**
 * The state a run starts from: the defaults of {@link initialState}, overridden by the given buffers.
 * `label(name)` turns a parameter key into the path below a buffer field (e.g. `.w1` or `[0].weights[1][0]`).
 * Throws {@link DnnInputError} at `path.field…` for a field the optimizer does not keep, a missing or
 * unknown parameter, or a negative square.
 */
export function resolveInitialState(
  config: OptimizerConfig,
  params: ParamMap,
  given: FlatInitialState | undefined,
  path: string,
  label: (name: string) => string = (name) => `.${name}`,
): OptimizerState {
  const state = initialState(config, params);
  if (!given) return state;
  const opt = config.optimizer;
  if (given.t !== undefined && given.t !== 0) {
    if (!usesStepCount(opt)) {
      throw new DnnInputError(
        `${path}.t`,
        `${opt} does not use the step count (only Adam’s bias correction does); its state is ${fieldsOf(opt)}`,
      );
    }
    state.t = given.t;
  }
  for (const field of STATE_FIELDS) {
    const values = given[field];
    if (values === undefined) continue;
    const buffer = BUFFER_OF[opt][field];
    if (!buffer) {
      throw new DnnInputError(`${path}.${field}`, `${opt} keeps no ${field}; its state is ${fieldsOf(opt)}`);
    }
    for (const name of Object.keys(values)) {
      if (!Object.hasOwn(params, name)) {
        throw new DnnInputError(`${path}.${field}${label(name)}`, `${JSON.stringify(name)} is not a parameter`);
      }
    }
    const target = state.buffers[buffer] as ParamMap;
    for (const name of Object.keys(params)) {
      const value = values[name];
      if (value === undefined) {
        throw new DnnInputError(`${path}.${field}`, `needs a value for ${JSON.stringify(name)} (every parameter)`);
      }
      if (NON_NEGATIVE.has(field) && value < 0) {
        throw new DnnInputError(
          `${path}.${field}${label(name)}`,
          `must be ≥ 0: it is a sum of squares or a step size (got ${value})`,
        );
      }
      target[name] = value;
    }
  }
  return state;
}

/** The state after a run in the `initialState` format, so that it can be passed to the next run. */
export function exportState(config: OptimizerConfig, state: OptimizerState): FlatInitialState {
  const out: FlatInitialState = {};
  if (usesStepCount(config.optimizer)) out.t = state.t;
  for (const [field, buffer] of Object.entries(BUFFER_OF[config.optimizer]) as [StateField, string][]) {
    const values = state.buffers[buffer];
    if (values) out[field] = { ...values };
  }
  return out;
}

/** A note naming what the run started from, when an initial state was given. */
export function initialStateNote(config: OptimizerConfig, given: FlatInitialState | undefined): string[] {
  if (!given) return [];
  const named = [
    ...(usesStepCount(config.optimizer) ? [`t = ${given.t ?? 0} steps already taken`] : []),
    ...Object.keys(BUFFER_OF[config.optimizer]).map(
      (f) => `${f} ${given[f as StateField] === undefined ? 'at its default' : 'as given'}`,
    ),
  ];
  const momentum =
    config.optimizer === 'momentum' || config.optimizer === 'nesterov'
      ? config.momentumForm === 'classic'
        ? ' In the classic form the velocity is the previous update Δθ (θₜ − θₜ₋₁).'
        : ' In the PyTorch form the velocity is v = μv + g, i.e. −Δθ/η of the previous momentum step; to continue from a previous update Δθ, use momentumForm "classic" with velocity = Δθ.'
      : '';
  return [`Continues from the given optimizer state: ${named.join(', ') || 'sgd has none'}.${momentum}`];
}
