/**
 * The value-level layer engine of conv/backprop: each layer type is a forward
 * function that returns its output, the steps that explain it, and a backward
 * function that turns ∂L/∂output into ∂L/∂input (and ∂L/∂weight, ∂L/∂bias),
 * with the steps that show each local gradient. Values are flat row-major
 * `Float64Array`s with the shape the answer reports.
 */
import { DnnInputError, eq, matrix, type Step, step, type Tex, tex, vec } from '@dnn/core';
import { arrayOf, numbers, toNested } from './tensor.js';

/** A value between layers: a map [H, W] or [C, H, W], or a vector [N]. */
export interface Value {
  data: Float64Array;
  /** The shape as reported in answers ([H, W] when the problem is one-channel 2-D). */
  shape: number[];
}

/** What the backward function of one layer returns. */
export interface LayerGradients {
  /** ∂L/∂ the layer's input, in the input's shape. */
  input: Float64Array;
  /** ∂L/∂weight (conv and dense layers), in the weight's shape. */
  weight?: Float64Array;
  /** ∂L/∂bias, or undefined for a layer without bias. */
  bias?: Float64Array;
  /** Max pooling: where each output cell's gradient went. */
  routing?: PoolRoute[];
  steps: Step[];
}

/** Where one max-pool output cell's gradient went (indices as in the answer: [row, col] for a [H][W] map). */
export interface PoolRoute {
  /** The output cell, [c, y, x] (or [y, x]). */
  output: number[];
  /** The input cells that receive a share (padded winners left out). */
  inputs: number[][];
  /** The fraction of the output gradient each receives (1, or 1/k at a k-way tie with maxTie "split"). */
  share: number;
  /** Winners that are padded cells: their shares are lost. */
  padded: number;
}

/** A layer's trainable parameters, flat, with the shapes they were given in. */
export interface LayerParams {
  weight: Value;
  /** null for a layer given without bias. */
  bias: Value | null;
}

/** One layer run forward, ready to run backward. */
export interface LayerPass {
  output: Value;
  /** Steps of the forward pass. */
  steps: Step[];
  /** Conventions this layer used (named once in the solution's notes). */
  notes: string[];
  /** Conv and dense layers: their parameters. */
  params?: LayerParams;
  /** ∂L/∂output → gradients, with the steps of the local gradients and their products. */
  backward(gradOutput: Float64Array): LayerGradients;
}

/** Settings every layer may read. */
export interface PassContext {
  /** 1-based layer number for the steps. */
  n: number;
  /** Field path of the layer spec (`layers[2]`). */
  path: string;
  /** ReLU′(0). */
  reluGradAtZero: number;
  /** Max pooling at a tie: the whole gradient to the first maximum, or shared equally. */
  maxTie: 'first' | 'split';
  /**
   * Books the work of this layer (forward plus backward multiply-adds, and the cells it adds to the answer)
   * before it is done; throws an input error past the documented limits.
   */
  charge(macs: number, cells: number): void;
}

/** [C, H, W] of a map value ([H, W] reads as one channel); an input error for a vector. */
export function mapShape(v: Value, path: string, type: string): [number, number, number] {
  if (v.shape.length === 2) return [1, v.shape[0] as number, v.shape[1] as number];
  if (v.shape.length === 3) return v.shape as [number, number, number];
  throw new DnnInputError(
    path,
    `${type} needs a feature map [C][H][W] or [H][W], but its input is a vector of ${v.shape[0]}; put ${type} before the flatten`,
  );
}

/** The nested array of a flat value, −0 written as 0. */
export function nested(data: Float64Array, shape: readonly number[]): unknown {
  const clean = data.map((x) => (x === 0 ? 0 : x));
  return shape.length === 1 ? numbers(clean) : toNested(clean, shape);
}

/**
 * A layer's symbol with its number and an optional index: `W^(2)[0][1]` in text, `W^{(2)}_{0,1}` in LaTeX.
 * `name` is a single letter or a LaTeX-safe word.
 */
export function layerSym(name: string, n: number | null, ...index: number[]): Tex {
  const sup = n === null ? '' : `^(${n})`;
  const supTex = n === null ? '' : `^{(${n})}`;
  // One native join rather than a string per index: symbols are written for every cell of the worked steps.
  const idx = index.length ? `[${index.join('][')}]` : '';
  const idxTex = index.length ? `_{${index.join(',')}}` : '';
  return tex(`${name}${sup}${idx}`, `${name}${supTex}${idxTex}`);
}

/** ∂L/∂ of {@link layerSym}: `∂L/∂W^(2)[0][1]`, `\frac{\partial L}{\partial W^{(2)}_{0,1}}`. */
export function gradSym(name: string, n: number | null, ...index: number[]): Tex {
  const s = layerSym(name, n, ...index);
  return tex(`∂L/∂${s.text}`, `\\frac{\\partial L}{\\partial ${s.latex}}`);
}

/** Most vector entries written out in a step. */
const SHOW_VECTOR = 64;
/** Largest matrix side, and most channels, written out in a step. */
const SHOW_SIDE = 16;
const SHOW_CHANNELS = 8;

const clean = (x: number) => (x === 0 ? 0 : x);

/**
 * Steps that show a value: one matrix per channel of a small map (`name(c)` names channel c, `name(null)` a
 * one-channel [H, W] map), a vector, or a line naming its size when it is too large to read.
 */
export function valueSteps(
  title: string,
  name: (channel: number | null) => Tex,
  data: Float64Array,
  shape: readonly number[],
  channelWords: (channel: number) => string = (ch) => `channel ${ch}`,
): Step[] {
  if (shape.length === 1) {
    if (data.length > SHOW_VECTOR) return [step(`${title}: ${data.length} values (see the answer)`)];
    return [step(title, eq(name(null), vec(arrayOf(data.length, (i) => clean(data[i] as number)))))];
  }
  const [c, h, w] = (shape.length === 2 ? [1, ...shape] : shape) as [number, number, number];
  if (c > SHOW_CHANNELS || h > SHOW_SIDE || w > SHOW_SIDE) {
    return [step(`${title}: ${shape.join('×')} values, too many to show here (see the answer)`)];
  }
  return arrayOf(c, (ch) => {
    const rows = arrayOf(h, (r) => arrayOf(w, (q) => clean(data[(ch * h + r) * w + q] as number)));
    const two = shape.length === 2;
    return step(two ? title : `${title}, ${channelWords(ch)}`, eq(name(two ? null : ch), matrix(rows)));
  });
}
