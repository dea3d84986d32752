/**
 * The layers of conv/backprop that do not slide a window: element-wise
 * activations (relu, sigmoid, tanh — the functions and derivatives of
 * optim/mlp-step), flatten, and dense (y = W·x + b, ∂L/∂x = Wᵀ·g,
 * ∂L/∂W = g·xᵀ, ∂L/∂b = g).
 */
import { add, DnnInputError, eq, mul, type Step, step, tex } from '@dnn/core';
import { activate, activationDerivative, DERIVATIVE_TEXT } from '@dnn/optim';
import { gradSym, type LayerPass, layerSym, type PassContext, type Value, valueSteps } from './layer-pass.js';
import { arrayOf, checkFinite, type Nested, numbers, toTensor } from './tensor.js';

/** The element-wise activations of conv/backprop. */
export type ActivationType = 'relu' | 'sigmoid' | 'tanh';

/** Most products written out per unit in a dense layer's steps. */
const MAX_UNIT_TERMS = 8;
/** Most units written out one by one. */
const MAX_UNITS = 8;

const mapName =
  (name: string, n: number, shape: readonly number[], grad = false) =>
  (c: number | null) => {
    const make = grad ? gradSym : layerSym;
    return c === null || shape.length !== 3 ? make(name, n) : make(name, n, c);
  };

/** relu, sigmoid or tanh, element by element, on a map or a vector. */
export function activationPass(type: ActivationType, x: Value, ctx: PassContext): LayerPass {
  const { n } = ctx;
  const size = x.data.length;
  ctx.charge(3 * size, 3 * size);
  const y = Float64Array.from(activate(type, numbers(x.data)));
  const steps: Step[] = [
    step(`Layer ${n} (${type}), applied to each value`),
    ...valueSteps(`Layer ${n} output ${type}(X)`, mapName('Y', n, x.shape), y, x.shape),
  ];
  return {
    output: { data: y, shape: x.shape },
    steps,
    notes: [],
    backward(gy) {
      const local = x.data.map((v, i) => activationDerivative(type, v, y[i] as number, ctx.reluGradAtZero));
      const gx = gy.map((gv, i) => gv * (local[i] as number));
      checkFinite(gx, ctx.path, `an input gradient of layer ${n}`);
      const rule =
        type === 'relu'
          ? `1 if x > 0, 0 if x < 0, ReLU′(0) = ${ctx.reluGradAtZero}`
          : `${DERIVATIVE_TEXT[type]} with a = ${type}(x)`;
      return {
        input: gx,
        steps: [
          step(`Layer ${n} (${type}), local gradient f′(x) = ${rule}, element by element`),
          ...valueSteps(
            `Layer ${n}: local gradient`,
            (c) => {
              const s = mapName('Y', n, x.shape)(c);
              return tex(`f′(${s.text})`, `f'(${s.latex})`);
            },
            local,
            x.shape,
          ),
          step(
            `Layer ${n}: the output gradient times the local gradient`,
            eq(gradSym('X', n), tex(`∂L/∂Y^(${n}) ∘ f′`, `\\frac{\\partial L}{\\partial Y^{(${n})}} \\circ f'`)),
          ),
          ...valueSteps(`Layer ${n}: gradient sent back to its input`, mapName('X', n, x.shape, true), gx, x.shape),
        ],
      };
    },
  };
}

/** flatten: a map [C][H][W] becomes a vector in row-major (C, H, W) order, PyTorch's; backward reshapes back. */
export function flattenPass(x: Value, ctx: PassContext): LayerPass {
  const { n } = ctx;
  const size = x.data.length;
  ctx.charge(size, 2 * size);
  const order = x.shape.length === 3 ? 'channel by channel, each row by row' : 'row by row';
  return {
    output: { data: x.data, shape: [size] },
    steps: [
      step(`Layer ${n} (flatten): [${x.shape.join(', ')}] → [${size}], ${order}`),
      ...valueSteps(`Layer ${n} output`, () => layerSym('Y', n), x.data, [size]),
    ],
    notes:
      x.shape.length === 3
        ? [
            'flatten reads [C][H][W] channel by channel (PyTorch order); Keras flattens channels-last [H][W][C], which orders the same values differently.',
          ]
        : [],
    backward(gy) {
      return {
        input: gy,
        steps: [
          step(
            `Layer ${n} (flatten), local gradient: the identity, so the gradient is reshaped back to [${x.shape.join(', ')}]`,
          ),
          ...valueSteps(`Layer ${n}: gradient sent back to its input`, mapName('X', n, x.shape, true), gy, x.shape),
        ],
      };
    },
  };
}

/** A validated dense layer spec. */
export interface DenseLayerSpec {
  weights: Nested[];
  bias?: number | number[] | undefined;
}

/** dense on a vector: weights [out][in] (a vector is one unit's row). */
export function densePass(spec: DenseLayerSpec, x: Value, ctx: PassContext): LayerPass {
  const { n, path } = ctx;
  if (x.shape.length !== 1) {
    throw new DnnInputError(
      path,
      `dense needs a vector input, but its input is a [${x.shape.join(', ')}] feature map; add a {"type": "flatten"} layer before it (it gives [${x.data.length}])`,
    );
  }
  const t = toTensor(spec.weights, `${path}.weights`);
  const [units, cols] = (t.shape.length === 1 ? [1, t.shape[0]] : t.shape) as [number, number];
  if (cols !== x.data.length) {
    throw new DnnInputError(
      `${path}.weights`,
      `has ${cols} column(s) (inputs) but its input has ${x.data.length} values; weights are [out][in]`,
    );
  }
  let bias: Float64Array | null = null;
  if (spec.bias !== undefined) {
    bias = Float64Array.from(typeof spec.bias === 'number' ? [spec.bias] : spec.bias);
    if (bias.length !== units) {
      throw new DnnInputError(
        `${path}.bias`,
        `has ${bias.length} entries but the layer has ${units} units (weight rows)`,
      );
    }
  }
  ctx.charge(3 * units * cols, 2 * units + cols + 2 * (units * cols + units));
  const W = t.data;
  const y = new Float64Array(units);
  for (let i = 0; i < units; i++) {
    let acc = bias ? (bias[i] as number) : 0;
    for (let j = 0; j < cols; j++) acc += (W[i * cols + j] as number) * (x.data[j] as number);
    y[i] = acc;
  }
  checkFinite(y, `${path}.weights`, `an output of layer ${n}`);
  const steps: Step[] = [
    step(
      `Layer ${n} (dense): ${units} unit(s) on ${cols} input(s)`,
      eq(
        layerSym('Y', n),
        bias ? add(mul(layerSym('W', n), layerSym('X', n)), layerSym('b', n)) : mul(layerSym('W', n), layerSym('X', n)),
      ),
    ),
  ];
  if (units <= MAX_UNITS && cols <= MAX_UNIT_TERMS) {
    for (let i = 0; i < units; i++) {
      const terms = arrayOf(cols, (j) => mul(W[i * cols + j] as number, x.data[j] as number));
      steps.push(
        step(
          `Unit ${i} of layer ${n}`,
          eq(layerSym('Y', n, i), add(...terms, ...(bias ? [bias[i] as number] : [])), y[i] as number),
        ),
      );
    }
  }
  steps.push(...valueSteps(`Layer ${n} output`, () => layerSym('Y', n), y, [units]));
  return {
    output: { data: y, shape: [units] },
    steps,
    notes: [],
    params: {
      weight: { data: W, shape: t.shape.length === 1 ? [1, cols] : t.shape },
      bias: bias ? { data: bias, shape: [units] } : null,
    },
    backward(gy) {
      const gw = new Float64Array(units * cols);
      const gx = new Float64Array(cols);
      for (let i = 0; i < units; i++) {
        const d = gy[i] as number;
        for (let j = 0; j < cols; j++) {
          gw[i * cols + j] = d * (x.data[j] as number);
          gx[j] = (gx[j] as number) + d * (W[i * cols + j] as number);
        }
      }
      checkFinite(gw, `${path}.weights`, `a weight gradient of layer ${n}`);
      checkFinite(gx, `${path}.weights`, `an input gradient of layer ${n}`);
      const steps: Step[] = [
        step(
          `Layer ${n} (dense), local gradients: ∂Y[i]/∂W[i][j] = X[j], ∂Y[i]/∂b[i] = 1, ∂Y[i]/∂X[j] = W[i][j]`,
          eq(
            gradSym('W', n),
            tex(`∂L/∂Y^(${n}) · X^(${n})ᵀ`, `\\frac{\\partial L}{\\partial Y^{(${n})}}\\, {X^{(${n})}}^{\\top}`),
          ),
          ...(bias ? [eq(gradSym('b', n), gradSym('Y', n))] : []),
          eq(
            gradSym('X', n),
            tex(`W^(${n})ᵀ · ∂L/∂Y^(${n})`, `{W^{(${n})}}^{\\top} \\frac{\\partial L}{\\partial Y^{(${n})}}`),
          ),
        ),
        ...valueSteps(`Layer ${n}: weight gradient`, () => gradSym('W', n), gw, [units, cols]),
        ...(bias ? valueSteps(`Layer ${n}: bias gradient`, () => gradSym('b', n), gy, [units]) : []),
        ...valueSteps(`Layer ${n}: gradient sent back to its input`, () => gradSym('X', n), gx, [cols]),
      ];
      return { input: gx, weight: gw, ...(bias ? { bias: Float64Array.from(gy) } : {}), steps };
    },
  };
}
