/**
 * The optimizer side of `optim/mlp-step`: the resolved optimizer, the initial state per layer, one update of
 * every weight and bias (rules of optimizers.ts) with its steps, and the state per layer for the answer.
 */
import { DnnInputError, eq, type Step, step, type Tex } from '@dnn/core';
import { math } from './math-text.js';
import {
  assertFiniteValues,
  fromParamMap,
  inLayout,
  type Layer,
  type LayerValues,
  layerValues,
  lsym,
  paramPaths,
  toParamMap,
  transpose,
  type WeightLayout,
  withValues,
} from './mlp-network.js';
import { exportState, type FlatInitialState, resolveInitialState, STATE_FIELDS } from './optimizer-state.js';
import {
  type OPTIMIZERS,
  type OptimizerConfig,
  type OptimizerName,
  type OptimizerOptions,
  type OptimizerState,
  optimizerOptions,
  optimizerStep,
  resolveOptimizer,
} from './optimizers.js';
import { showMat, showVec } from './show.js';

/** The optimizer field of the input: a name or an option object. */
export type OptimizerInput = (typeof OPTIMIZERS)[number] | OptimizerOptions;

/** One layer's buffer as given in `initialState` (in the input's weight layout). */
export interface LayerBufferInput {
  weights: number | number[] | number[][];
  bias?: number | number[] | undefined;
}

/** The parsed `initialState` of optim/mlp-step. */
export type MlpInitialState = { t?: number | undefined } & Partial<
  Record<(typeof STATE_FIELDS)[number], LayerBufferInput[] | undefined>
>;

/**
 * The options of an optimizer given by name (the catalog's defaults), parsed once per name: they depend on the name
 * alone, and parsing the option schema again for every request cost ~8 % of optim/mlp-step. Never mutated (the
 * resolved config is a copy).
 */
const namedOptions = new Map<OptimizerName, OptimizerOptions>();

function defaultOptions(optimizer: OptimizerName): OptimizerOptions {
  let options = namedOptions.get(optimizer);
  if (!options) {
    options = optimizerOptions.parse({ optimizer });
    namedOptions.set(optimizer, options);
  }
  return options;
}

/** The optimizer of the run (`lr` from the optimizer object, else the top-level `lr`). */
export function resolveMlpOptimizer(optimizer: OptimizerInput, lr: number | undefined): OptimizerConfig {
  const options: OptimizerOptions = typeof optimizer === 'object' ? optimizer : defaultOptions(optimizer);
  if (options.lr === undefined && lr === undefined) {
    throw new DnnInputError('lr', 'is required (or give the optimizer object its own lr): the learning rate η');
  }
  return resolveOptimizer(options, lr, 'optimizer');
}

const asRows = (v: number | number[] | number[][]): number[][] =>
  typeof v === 'number' ? [[v]] : Array.isArray(v[0]) ? (v as number[][]) : [v as number[]];

/** Checks one per-layer buffer against the network and flattens it ([out][in] inside). */
function flattenBuffer(
  layers: readonly Layer[],
  given: LayerBufferInput[],
  layout: WeightLayout,
  path: string,
): LayerValues[] {
  if (given.length !== layers.length) {
    throw new DnnInputError(
      path,
      `has ${given.length} entries but there are ${layers.length} layers; give one per layer`,
    );
  }
  return layers.map((ly, l) => {
    const g = given[l] as LayerBufferInput;
    const rows = asRows(g.weights);
    const expected = inLayout(ly.W, layout);
    if (rows.length !== expected.length || rows.some((r) => r.length !== (expected[0]?.length ?? 0))) {
      throw new DnnInputError(
        `${path}[${l}].weights`,
        `must have the shape of layers[${l}].weights (${expected.length}×${expected[0]?.length ?? 0})`,
      );
    }
    const bias = g.bias === undefined ? [] : typeof g.bias === 'number' ? [g.bias] : g.bias;
    if (bias.length !== (ly.hasBias ? ly.b.length : 0)) {
      throw new DnnInputError(
        `${path}[${l}].bias`,
        ly.hasBias
          ? `has ${bias.length} entries but layers[${l}] has ${ly.b.length} units (a bias state for each)`
          : `layers[${l}] has no bias, so its state has none`,
      );
    }
    return { weights: layout === 'in-out' ? transpose(rows) : rows, bias };
  });
}

/** The state the run starts from: defaults, overridden by `initialState` (checked per layer and per optimizer). */
export function mlpInitialState(
  config: OptimizerConfig,
  layers: readonly Layer[],
  given: MlpInitialState | undefined,
  layout: WeightLayout,
): { state: OptimizerState; flat: FlatInitialState | undefined } {
  const params = toParamMap(layers, layerValues(layers));
  if (!given) return { state: resolveInitialState(config, params, undefined, 'initialState'), flat: undefined };
  const flat: FlatInitialState = { t: given.t };
  for (const field of STATE_FIELDS) {
    const buffer = given[field];
    if (buffer === undefined) continue;
    flat[field] = toParamMap(layers, flattenBuffer(layers, buffer, layout, `initialState.${field}`));
  }
  const paths = paramPaths(layers, layout);
  const label = (key: string) => paths[Number(key)] ?? `.${key}`;
  return { state: resolveInitialState(config, params, flat, 'initialState', label), flat };
}

/** A flat state in the per-layer form of the answer (`finalState`), weights in the input's layout. */
export function layerState(
  config: OptimizerConfig,
  layers: readonly Layer[],
  state: OptimizerState,
  layout: WeightLayout,
): Record<string, number | LayerValues[]> {
  const flat = exportState(config, state);
  const out: Record<string, number | LayerValues[]> = {};
  if (flat.t !== undefined) out.t = flat.t;
  for (const field of STATE_FIELDS) {
    const values = flat[field];
    if (values)
      out[field] = fromParamMap(layers, values).map((v) => ({ weights: inLayout(v.weights, layout), bias: v.bias }));
  }
  return out;
}

/** How optimizer quantities are written in steps. */
const QUANTITY_NAMES: Record<string, string> = { mHat: 'm̂', vHat: 'v̂' };

/** The outcome of one update of the network. */
export interface NetworkUpdate {
  layers: Layer[];
  state: OptimizerState;
}

/**
 * One optimizer step on every weight and bias; with `explain`, the update's steps (rule, each quantity per layer,
 * the updated parameters in the input's layout) are appended to it.
 */
export function updateNetwork(
  config: OptimizerConfig,
  layers: readonly Layer[],
  gradients: readonly LayerValues[],
  state: OptimizerState,
  layout: WeightLayout,
  errorPath: string,
  explain?: Step[],
  iteration = 1,
): NetworkUpdate {
  const params = toParamMap(layers, layerValues(layers));
  const result = optimizerStep(config, params, toParamMap(layers, gradients), state);
  const updated = fromParamMap(layers, result.params);
  assertFiniteValues(updated, errorPath, 'an updated parameter');
  if (explain) {
    const from = state.t === 0 && Object.values(state.buffers).every((b) => Object.values(b).every((v) => v === 0));
    const where = iteration === 1 ? (from ? ', first step from zero state' : ', from the given state') : '';
    explain.push(
      step(
        `Update${iteration > 1 ? ` ${iteration}` : ''} (${config.optimizer}, η = ${config.lr}${where})`,
        ruleText(config),
      ),
    );
    const qNames = Object.keys(Object.values(result.detail)[0]?.quantities ?? {});
    const details = Object.values(result.detail);
    const quantities: Record<string, LayerValues[]> = {};
    for (const q of qNames) {
      // detail is keyed 0, 1, … in toParamMap's order, so its values line up with fromParamMap's keys
      quantities[q] = fromParamMap(
        layers,
        details.map((d) => d.quantities[q] as number),
      );
    }
    for (const [l, ly] of layers.entries()) {
      const n = l + 1;
      for (const q of qNames) {
        const values = quantities[q]?.[l] as LayerValues;
        const name = QUANTITY_NAMES[q] ?? q;
        explain.push(
          step(
            `Layer ${n}: ${name}`,
            eq(math(`${name}_W`), showMat(inLayout(values.weights, layout))),
            ...(ly.hasBias ? [eq(math(`${name}_b`), showVec(values.bias))] : []),
          ),
        );
      }
      const u = updated[l] as LayerValues;
      explain.push(step(`Layer ${n}: updated weights`, eq(lsym('W', n), showMat(inLayout(u.weights, layout)))));
      if (u.bias.length) explain.push(step(`Layer ${n}: updated bias`, eq(lsym('b', n), showVec(u.bias))));
    }
  }
  return { layers: withValues(layers, updated), state: result.state };
}

/** The update rule of `config` as a formula (the form the options select); only the chosen rule's text is built. */
function ruleText(config: OptimizerConfig): Tex {
  return math(ruleString(config));
}

function ruleString(config: OptimizerConfig): string {
  const classic = config.momentumForm === 'classic';
  const root = (x: string) => (config.epsPlacement === 'inside' ? `√(${x} + ε)` : `√${x} + ε`);
  const adam = () => {
    const hat = config.biasCorrection ? 'm̂ = m/(1 − β_1^t), v̂ = v/(1 − β_2^t), ' : '';
    const [m, v] = config.biasCorrection ? ['m̂', 'v̂'] : ['m', 'v'];
    return `m = β_1·m + (1 − β_1)g, v = β_2·v + (1 − β_2)g², ${hat}θ ← θ − η·${m}/(${root(v)})`;
  };
  switch (config.optimizer) {
    case 'sgd':
      return 'θ ← θ − η·∂L/∂θ';
    case 'momentum':
      return classic ? 'v = μv − η·g, θ ← θ + v' : 'v = μv + g, θ ← θ − η·v';
    case 'nesterov':
      return classic ? 'v = μv − η·g, θ ← θ + μv − η·g' : 'v = μv + g, θ ← θ − η·(g + μv)';
    case 'adagrad':
      return `G = G + g², θ ← θ − η·g/(${root('G')})`;
    case 'rmsprop':
      return `v = αv + (1 − α)g², θ ← θ − η·g/(${root('v')})`;
    case 'adam':
      return adam();
    case 'adamw':
      return `θ ← θ − η·wd·θ (decoupled decay), then ${adam()}`;
    case 'rprop':
      return 'step ← step·η+ if g keeps the sign of the previous g (step·η− and g taken as 0 if it flips), θ ← θ − sign(g)·step';
  }
}

/** The optimizer's buffers per layer for the v1 `optimizerState` answer (internal buffer names). */
export function optimizerStateTable(layers: readonly Layer[], state: OptimizerState, layout: WeightLayout) {
  const buffers = Object.entries(state.buffers).map(([name, buf]) => [name, fromParamMap(layers, buf)] as const);
  return layers.map((_, l) => ({
    weights: Object.fromEntries(buffers.map(([name, v]) => [name, inLayout((v[l] as LayerValues).weights, layout)])),
    bias: Object.fromEntries(buffers.map(([name, v]) => [name, (v[l] as LayerValues).bias])),
  }));
}
