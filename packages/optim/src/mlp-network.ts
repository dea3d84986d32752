/**
 * The network of `optim/mlp-step`: layers read from the input in either weight layout, the forward pass with its
 * steps, and the conversions between per-layer values and the flat parameter maps of optimizers.ts.
 */
import {
  add,
  checkLimit,
  DnnInputError,
  eq,
  memoByText,
  mul,
  num,
  pow,
  type Step,
  step,
  type Tex,
  tex,
} from '@dnn/core';
import { type Activation, activate } from './activations.js';
import { type Grid, toRows } from './grid.js';
import { math } from './math-text.js';
import type { ParamMap } from './optimizers.js';
import { assertFinite, showMat, showVec } from './show.js';

/** How a weight matrix is given: `out-in` weights[j][i] connects input i to unit j; `in-out` weights[i][j]. */
export type WeightLayout = 'out-in' | 'in-out';

/** One layer, weights always [out][in] inside. */
export interface Layer {
  W: number[][];
  b: number[];
  act: Activation;
  mask: number[] | null;
  /** False when no bias was given: b is zeros and is neither shown nor trained. */
  hasBias: boolean;
}

/** Weights [out][in] and biases of one layer (values, gradients, buffers). */
export interface LayerValues {
  weights: number[][];
  bias: number[];
}

/** The layer fields of the input, as parsed. */
export interface LayerInput {
  weights: Grid;
  bias?: number | number[] | undefined;
  activation: Activation;
}

/** Replaces −0 (from multiplying by a dropped unit's 0) with 0. */
export const plusZero = (v: number[]): number[] => v.map((x) => (x === 0 ? 0 : x));
/** A scalar as a length-1 vector. */
export const asVector = (v: number | number[]): number[] => (typeof v === 'number' ? [v] : v);
/** `name^(l)`. */
export const lsym = (name: string, l: number | string): Tex => layerSymbol(`${name}^(${l})`);
/**
 * {@link lsym} by its text `name^(l)`, made once per text: the steps write W^(1), a^(0), δ^(2)… dozens of times per
 * solution. The name is the text before its last `^(`.
 */
const layerSymbol = memoByText((text) => {
  const at = text.lastIndexOf('^(');
  return tex(text, `{${math(text.slice(0, at)).latex}}^{${text.slice(at + 1)}}`);
});
/** The transpose of a rectangular matrix. */
export const transpose = <T>(m: readonly (readonly T[])[]): T[][] =>
  (m[0] ?? []).map((_, j) => m.map((row) => row[j] as T));

/** A [out][in] matrix in the given layout. */
export const inLayout = <T>(m: T[][], layout: WeightLayout): T[][] => (layout === 'in-out' ? transpose(m) : m);

/*
 * The optimizer's flat map keys the parameters by their position — every weight of layer 1 row by row, then its
 * biases, then layer 2, … — as integer-like strings, which V8 stores as array elements: maps with string names
 * like "W1[2][3]" fell into slow dictionary mode and made a long run of steps 10× slower.
 */

/** Flattens per-layer values ([out][in] weights, biases of layers that have them) to the optimizer's map. */
export function toParamMap(layers: readonly Layer[], values: readonly LayerValues[]): ParamMap {
  const map: ParamMap = {};
  let k = 0;
  // indexed loops: this runs twice per optimizer step, and entries()/keys() iterators cost more than the copying
  for (let l = 0; l < layers.length; l++) {
    const ly = layers[l] as Layer;
    const v = values[l] as LayerValues;
    for (let i = 0; i < ly.W.length; i++) {
      const row = v.weights[i] as number[];
      const width = (ly.W[i] as number[]).length;
      for (let j = 0; j < width; j++) map[k++] = row[j] as number;
    }
    if (ly.hasBias) for (let i = 0; i < ly.b.length; i++) map[k++] = v.bias[i] as number;
  }
  return map;
}

/**
 * The inverse of {@link toParamMap} ([out][in] weights; bias [] for a layer without bias); `map` may also be the
 * map's values in key order (an array).
 */
export function fromParamMap(layers: readonly Layer[], map: Readonly<Record<number, number>>): LayerValues[] {
  let k = 0;
  // indexed loops, no closure per row and per cell: this runs for every optimizer step (and every shown quantity)
  const out: LayerValues[] = [];
  for (let l = 0; l < layers.length; l++) {
    const ly = layers[l] as Layer;
    const weights: number[][] = [];
    for (let i = 0; i < ly.W.length; i++) {
      const width = (ly.W[i] as number[]).length;
      const row: number[] = [];
      for (let j = 0; j < width; j++) row.push(map[k++] as number);
      weights.push(row);
    }
    const bias: number[] = [];
    if (ly.hasBias) for (let i = 0; i < ly.b.length; i++) bias.push(map[k++] as number);
    out.push({ weights, bias });
  }
  return out;
}

/** The input path below a per-layer buffer of each key of {@link toParamMap}, e.g. `[0].weights[1][0]`. */
export function paramPaths(layers: readonly Layer[], layout: WeightLayout): string[] {
  return layers.flatMap((ly, l) => [
    ...ly.W.flatMap((row, i) =>
      row.map((_, j) => (layout === 'in-out' ? `[${l}].weights[${j}][${i}]` : `[${l}].weights[${i}][${j}]`)),
    ),
    ...(ly.hasBias ? ly.b.map((_, i) => `[${l}].bias[${i}]`) : []),
  ]);
}

/**
 * {@link assertFinite} over every weight, then every bias, layer by layer (the first non-finite value is reported).
 * Loops rather than one flattened copy (`flatMap` of spread rows): this runs twice per optimizer step, and the copy
 * was among the costliest lines of optim/mlp-step.
 */
export function assertFiniteValues(values: readonly LayerValues[], path: string, what: string): void {
  for (let l = 0; l < values.length; l++) {
    const v = values[l] as LayerValues;
    for (let i = 0; i < v.weights.length; i++) {
      const row = v.weights[i] as number[];
      for (let j = 0; j < row.length; j++) if (!Number.isFinite(row[j])) assertFinite(row[j] as number, path, what);
    }
    for (let i = 0; i < v.bias.length; i++)
      if (!Number.isFinite(v.bias[i])) assertFinite(v.bias[i] as number, path, what);
  }
}

/** The layers' own weights and biases as {@link LayerValues}. */
export const layerValues = (layers: readonly Layer[]): LayerValues[] =>
  layers.map((ly) => ({ weights: ly.W, bias: ly.hasBias ? ly.b : [] }));

/** The layers with new weights and biases. */
export const withValues = (layers: readonly Layer[], values: readonly LayerValues[]): Layer[] =>
  layers.map((ly, l) => {
    const v = values[l] as LayerValues;
    return { ...ly, W: v.weights, b: ly.hasBias ? v.bias : ly.b };
  });

/**
 * Reads and checks the layers against each other, the input and the dropout masks; `steps` updates multiply the
 * work checked against the limits.
 */
export function buildLayers(
  specs: readonly LayerInput[],
  masks: readonly (number[] | null)[] | undefined,
  x: readonly number[],
  layout: WeightLayout,
  steps: number,
): Layer[] {
  if (masks && masks.length !== specs.length) {
    throw new DnnInputError(
      'dropoutMasks',
      `has ${masks.length} entries but there are ${specs.length} layers; give one per layer (null for none)`,
    );
  }
  let width = x.length;
  let macs = 0;
  let cells = 0;
  return specs.map((ly, l) => {
    const path = `layers[${l}]`;
    const given = toRows(ly.weights, `${path}.weights`).rows;
    const W = layout === 'in-out' ? transpose(given) : given;
    const cols = W[0]?.length ?? 0;
    if (cols !== width) {
      const other = layout === 'in-out' ? given[0]?.length : given.length;
      const hint =
        other === width
          ? `; its other side has ${width}: give weightLayout "${layout === 'in-out' ? 'out-in' : 'in-out'}" if the matrix is ${layout === 'in-out' ? '[out][in]' : '[in][out] (w_ij from input i to unit j)'}`
          : '';
      throw new DnnInputError(
        `${path}.weights`,
        `has ${cols} ${layout === 'in-out' ? 'row' : 'column'}${cols === 1 ? '' : 's'} (inputs) but ${l === 0 ? 'the input vector has' : `layers[${l - 1}] outputs`} ${width}; weights are ${layout === 'in-out' ? '[in][out] (weightLayout in-out)' : '[out][in]'}${hint}`,
      );
    }
    macs += 3 * W.length * cols * steps;
    cells += 2 * W.length * (cols + 1) * (steps + 1);
    checkLimit(`${path}.weights`, 'multiplyAdds', macs, 'the forward and backward multiply-adds of every step');
    checkLimit(`${path}.weights`, 'outputCells', cells, 'the answer size (gradients and parameters of every step)');
    const b = ly.bias === undefined ? W.map(() => 0) : asVector(ly.bias);
    if (b.length !== W.length) {
      throw new DnnInputError(
        `${path}.bias`,
        `has ${b.length} entries but the layer has ${W.length} units (weight ${layout === 'in-out' ? 'columns' : 'rows'})`,
      );
    }
    const mask = masks?.[l] ?? null;
    if (mask) {
      if (mask.length !== W.length) {
        throw new DnnInputError(
          `dropoutMasks[${l}]`,
          `has ${mask.length} entries but layers[${l}] has ${W.length} units`,
        );
      }
      const bad = mask.findIndex((m) => m !== 0 && m !== 1);
      if (bad >= 0) {
        throw new DnnInputError(`dropoutMasks[${l}][${bad}]`, `must be 0 (dropped) or 1 (kept), got ${mask[bad]}`);
      }
    }
    width = W.length;
    return { W, b, act: ly.activation, mask, hasBias: ly.bias !== undefined };
  });
}

/** The forward pass: pre-activations and (masked) activations of every layer. */
export interface ForwardPass {
  zs: number[][];
  as: number[][];
}

/**
 * Runs the network on `x`; with `explain`, the steps of every layer are appended to it (weights shown in
 * `layout`: z = W·a for out-in, z = Wᵀ·a for in-out).
 */
export function forward(
  layers: readonly Layer[],
  x: readonly number[],
  explain?: Step[],
  layout: WeightLayout = 'out-in',
): ForwardPass {
  const zs: number[][] = [];
  const as: number[][] = [];
  let a: readonly number[] = x;
  for (const [l, ly] of layers.entries()) {
    const zl = ly.W.map((row, i) => row.reduce((acc, w, j) => acc + w * (a[j] as number), ly.b[i] as number));
    assertFinite(zl, `layers[${l}].weights`, `the pre-activation of layer ${l}`);
    const h = activate(ly.act, zl);
    const al = ly.mask ? h.map((v, i) => v * (ly.mask?.[i] as number)) : h;
    explain?.push(...forwardSteps(l, ly, a, zl, al, layout));
    zs.push(zl);
    as.push(al);
    a = al;
  }
  return { zs, as };
}

/** `W` as written in `layout`: W for out-in, Wᵀ for in-out (whose given matrix is the transpose). */
export const weightFactor = (w: Tex, layout: WeightLayout): Tex => (layout === 'in-out' ? pow(w, 'T') : w);

function forwardSteps(
  l: number,
  ly: Layer,
  aPrev: readonly number[],
  zl: number[],
  al: number[],
  layout: WeightLayout,
): Step[] {
  const n = l + 1;
  const steps: Step[] = [];
  const small = ly.W.length * aPrev.length <= 16;
  // A small layer writes every number twice (the layer's vectors, then its unit sums): each is formatted once (num)
  // and the Tex used in both places — number formatting was the costliest part of these steps.
  const Wc: readonly (readonly (number | Tex)[])[] = small ? ly.W.map((row) => row.map(num)) : ly.W;
  const ac: readonly (number | Tex)[] = small ? aPrev.map(num) : aPrev;
  const bc: readonly (number | Tex)[] = small ? ly.b.map(num) : ly.b;
  const zc: readonly (number | Tex)[] = small ? zl.map(num) : zl;
  const W = weightFactor(lsym('W', n), layout);
  const Wn = weightFactor(showMat(inLayout(Wc as (number | Tex)[][], layout)), layout);
  steps.push(
    step(
      `Layer ${n} (${ly.act}), pre-activation`,
      ly.hasBias
        ? eq(
            lsym('z', n),
            add(mul(W, lsym('a', n - 1)), lsym('b', n)),
            add(mul(Wn, showVec(ac)), showVec(bc)),
            showVec(zc),
          )
        : eq(lsym('z', n), mul(W, lsym('a', n - 1)), mul(Wn, showVec(ac)), showVec(zc)),
    ),
  );
  if (small) {
    for (let i = 0; i < Wc.length; i++) {
      const row = Wc[i] as readonly (number | Tex)[];
      const terms: (number | Tex)[] = [];
      for (let j = 0; j < row.length; j++) terms.push(mul(row[j] as Tex, ac[j] as Tex));
      if (ly.hasBias) terms.push(bc[i] as Tex);
      steps.push(step(`Unit ${i + 1} of layer ${n}`, eq(math(`z_${i + 1}`), add(...terms), zc[i] as Tex)));
    }
  }
  const f = ly.act === 'linear' ? 'z' : `${ly.act}(z)`;
  steps.push(
    step(
      `Layer ${n} activation${ly.mask ? ' with dropout mask m (no rescaling)' : ''}`,
      eq(lsym('a', n), math(ly.mask ? `m ∘ ${f}` : f), showVec(al)),
    ),
  );
  return steps;
}
