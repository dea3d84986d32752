/**
 * The loss and the backward pass of `optim/mlp-step`: the output δ (fused a − t for sigmoid + BCE and
 * softmax + cross-entropy), δ layer by layer, ∂L/∂W = δ·aᵀ (+ 2λW) and ∂L/∂b = δ, with their steps.
 */
import { add, DnnInputError, eq, mul, type Step, step, type Tex, tex } from '@dnn/core';
import { activate, activationBackward, DERIVATIVE_TEXT } from './activations.js';
import { computeLoss, type LOSS_KINDS } from './loss-functions.js';
import { math } from './math-text.js';
import {
  assertFiniteValues,
  type ForwardPass,
  inLayout,
  type Layer,
  type LayerValues,
  lsym,
  type WeightLayout,
} from './mlp-network.js';
import { assertFinite, showMat, showVec } from './show.js';

/** The loss options of optim/mlp-step. */
export interface LossOptions {
  loss: (typeof LOSS_KINDS)[number];
  reduction: 'mean' | 'sum';
  logBase: 'e' | 2 | 10;
  logZero?: number | undefined;
  l2: number;
  reluGradAtZero: number;
}

/** Loss, δ per layer and the parameter gradients of one sample. */
export interface BackwardPass {
  loss: number;
  dataLoss: number;
  penalty: number;
  deltas: number[][];
  gradients: LayerValues[];
  notes: string[];
}

/** ∑w² over every weight: per-layer sums added up (that order); loops, not a flattened copy per step. */
function sumSquares(layers: readonly Layer[]): number {
  let acc = 0;
  for (let l = 0; l < layers.length; l++) {
    const W = (layers[l] as Layer).W;
    let s2 = 0;
    for (let i = 0; i < W.length; i++) {
      const row = W[i] as number[];
      for (let j = 0; j < row.length; j++) s2 += (row[j] as number) * (row[j] as number);
    }
    acc += s2;
  }
  return acc;
}

/**
 * The loss of `pass` against `t` and the gradients ([out][in]); with `explain`, the steps are appended to it,
 * matrices shown in `layout` (∂L/∂W = δ·aᵀ for out-in, a·δᵀ for in-out).
 */
export function backward(
  opts: LossOptions,
  layers: readonly Layer[],
  x: readonly number[],
  t: readonly number[],
  pass: ForwardPass,
  explain?: Step[],
  layout: WeightLayout = 'out-in',
): BackwardPass {
  const { zs, as } = pass;
  const L = layers.length;
  const last = layers[L - 1] as Layer;
  const notes: string[] = [];
  const lastMasked = last.mask?.includes(0) ?? false;
  const fused =
    !lastMasked &&
    ((last.act === 'sigmoid' && opts.loss === 'bce') || (last.act === 'softmax' && opts.loss === 'cross-entropy'));
  const output = as[L - 1] as number[];
  const lossResult = computeLoss(
    { kind: opts.loss, reduction: opts.reduction, logBase: opts.logBase, logZero: opts.logZero, explain: !!explain },
    {
      // kind 'scalar': errors about the output name the layer's activation field, without an index.
      predictions: { rows: [output], kind: 'scalar' },
      targets: { rows: [[...t]], kind: 'vector' },
      paths: { predictions: `layers[${L - 1}].activation`, targets: 'target' },
      ...(fused ? { logits: [zs[L - 1] as number[]] } : {}),
    },
  );
  const lossSteps = fused ? lossResult.steps : [...lossResult.steps, ...lossResult.gradientSteps];
  explain?.push(...lossSteps.map((st) => ({ ...st, title: `Loss: ${st.title}`, text: `Loss: ${st.text}` })));
  notes.push(...lossResult.notes);
  const squares = sumSquares(layers);
  const penalty = opts.l2 * squares;
  assertFinite(penalty, 'l2', 'the L2 penalty');
  const loss = lossResult.loss + penalty;
  assertFinite(loss, 'l2', 'the total loss');
  if (opts.l2 > 0) {
    explain?.push(
      step('L2 penalty on the weights', eq(math('λ·∑w²'), mul(opts.l2, squares), penalty)),
      step('Total loss', eq(math('L'), add(lossResult.loss, penalty), loss)),
    );
    notes.push(
      `L2: λ·Σw² over all weights (biases excluded) with λ = ${opts.l2}; its gradient 2λw is added to ∂L/∂W. (PyTorch's weight_decay = wd adds wd·w, i.e. λ = wd/2.)`,
    );
  }

  const deltas: number[][] = new Array(L);
  const gradients: LayerValues[] = new Array(L);
  // δ of a layer is shown twice (its own step, then as the bias gradient): rendered once, for both
  let deltaShown: Tex | undefined;
  let upstream: number[];
  if (fused) {
    const delta = lossResult.logitsGradient?.[0] as number[];
    deltas[L - 1] = delta;
    if (explain) {
      deltaShown = showVec(delta);
      explain.push(
        step(
          `Backward, layer ${L}: ${last.act} with ${opts.loss} combine into δ = a − t (scaled by the reduction${opts.logBase === 'e' ? '' : ' and 1/ln base'})`,
          eq(lsym('δ', L), math('∂L/∂z'), deltaShown),
        ),
      );
    }
    upstream = [];
  } else {
    const g = lossResult.gradient[0] as (number | null)[];
    const bad = g.indexOf(null);
    if (bad >= 0) {
      throw new DnnInputError(
        'target',
        `output ${bad} is exactly ${output[bad]} where log is taken with a non-zero target: log(0) has an infinite derivative, so no gradient step exists`,
      );
    }
    upstream = g as number[];
    explain?.push(
      step(`Backward, layer ${L}: gradient of the loss w.r.t. the output`, eq(math('∂L/∂a'), showVec(upstream))),
    );
  }
  for (let l = L - 1; l >= 0; l--) {
    const ly = layers[l] as Layer;
    const n = l + 1;
    const aPrev = l === 0 ? x : (as[l - 1] as number[]);
    if (!(fused && l === L - 1)) {
      const masked = ly.mask ? upstream.map((g, i) => g * (ly.mask?.[i] as number)) : upstream;
      const z = zs[l] as number[];
      const delta = activationBackward(ly.act, z, activate(ly.act, z), masked, opts.reluGradAtZero);
      deltas[l] = delta;
      const rule =
        ly.act === 'softmax'
          ? 'δ_i = a_i·(g_i − ∑_j a_j·g_j) (softmax Jacobian)'
          : `δ = ∂L/∂a${ly.mask ? ' ∘ m' : ''} ∘ f′(z), f′ = ${DERIVATIVE_TEXT[ly.act]}`;
      if (explain) {
        deltaShown = showVec(delta);
        explain.push(step(`Layer ${n}: δ (${rule})`, eq(lsym('δ', n), deltaShown)));
      }
    }
    const delta = deltas[l] as number[];
    const gW = delta.map((d, i) => aPrev.map((aj, j) => d * aj + 2 * opts.l2 * ((ly.W[i] as number[])[j] as number)));
    gradients[l] = { weights: gW, bias: ly.hasBias ? [...delta] : [] };
    explain?.push(
      step(
        `Layer ${n}: weight gradient${opts.l2 > 0 ? ' (+ 2λW)' : ''}`,
        eq(
          tex(`∂L/∂W^(${n})`, `\\frac{\\partial L}{\\partial W^{(${n})}}`),
          layout === 'in-out'
            ? tex(`a^(${n - 1})·δ^(${n})ᵀ`, `a^{(${n - 1})}\\,{\\delta^{(${n})}}^{\\top}`)
            : tex(`δ^(${n})·a^(${n - 1})ᵀ`, `\\delta^{(${n})}\\,{a^{(${n - 1})}}^{\\top}`),
          showMat(inLayout(gW, layout)),
        ),
      ),
    );
    if (ly.hasBias) {
      explain?.push(
        step(
          `Layer ${n}: bias gradient`,
          eq(tex(`∂L/∂b^(${n})`, `\\frac{\\partial L}{\\partial b^{(${n})}}`), lsym('δ', n), deltaShown as Tex),
        ),
      );
    }
    if (l > 0) {
      upstream = aPrev.map((_, j) => delta.reduce((acc, d, i) => acc + d * ((ly.W[i] as number[])[j] as number), 0));
      explain?.push(
        step(
          `Back to layer ${l}'s output`,
          eq(
            tex(`∂L/∂a^(${l})`, `\\frac{\\partial L}{\\partial a^{(${l})}}`),
            mul(layout === 'in-out' ? lsym('W', n) : tex(`W^(${n})ᵀ`, `{W^{(${n})}}^{\\top}`), lsym('δ', n)),
            showVec(upstream),
          ),
        ),
      );
    }
  }
  assertFiniteValues(gradients, 'layers', 'a gradient');
  return { loss, dataLoss: lossResult.loss, penalty, deltas, gradients, notes };
}
