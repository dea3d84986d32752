/**
 * optim/mlp-step — one training step of a small fully connected network:
 * forward pass layer by layer, loss, backward pass (δ per layer), and one
 * optimizer update of every weight and bias.
 */
import {
  a,
  add,
  checkLimit,
  DnnInputError,
  defineSolver,
  describeValue,
  eq,
  formatPath,
  mul,
  readableIssue,
  type Step,
  s,
  step,
  type Tex,
  tex,
  z,
} from '@dnn/core';
import { ACTIVATIONS, type Activation, activate, activationBackward, DERIVATIVE_TEXT } from './activations.js';
import { GRID_MAX, grid, toRows } from './grid.js';
import { logBaseField } from './log-base.js';
import { computeLoss, LOSS_KINDS, lossOptionFields } from './loss-functions.js';
import { math } from './math-text.js';
import {
  initialState,
  OPTIMIZERS,
  type OptimizerConfig,
  type OptimizerOptions,
  optimizerOptions,
  optimizerStep,
  type ParamMap,
  type ParamStepDetail,
  resolveOptimizer,
} from './optimizers.js';
import { assertFinite, showMat, showVec } from './show.js';

/** Most layers of a network. */
export const MAX_LAYERS = 64;

const vectorOrScalar = (description: string) =>
  z.union([z.number(), z.array(z.number()).min(1).max(GRID_MAX)]).describe(description);

const layer = s.object({
  weights: grid(
    'Weight matrix [out][in]: row i holds the weights into unit i (a number is a 1×1 matrix, a vector one row).',
  ),
  bias: vectorOrScalar('Bias vector, one per output unit (default: zeros, i.e. no bias).').optional(),
  activation: s.oneOf(
    ACTIVATIONS,
    'Activation: linear, relu, tanh, sigmoid, softmax, or step (1 for z ≥ 0, else 0; zero gradient).',
  ),
});

const input = s.object({
  layers: z.array(layer).min(1).max(MAX_LAYERS).describe('The layers, input side first.'),
  input: vectorOrScalar('The input vector x (a^(0)).'),
  target: vectorOrScalar('The target t for the network output.'),
  loss: s.oneOf(
    LOSS_KINDS,
    'Loss on the output (kinds as optim/loss); softmax-cross-entropy treats the output as logits.',
  ),
  reduction: lossOptionFields.reduction,
  logBase: logBaseField('Base of the logarithm for the cross-entropies: "e" (default), 2 or 10.'),
  logZero: lossOptionFields.logZero,
  lr: z.number().gt(0).max(1e6).optional().describe('Learning rate η (> 0); an optimizer object’s own lr wins.'),
  optimizer: z
    .union([s.oneOf(OPTIMIZERS, 'An update rule with its default options.'), optimizerOptions], {
      error: (iss) => optimizerIssue(iss.input),
    })
    .default('sgd')
    .describe('"sgd" (default), another optimizer name, or an optim/step option object (its own lr, if given, wins).'),
  dropoutMasks: z
    .array(z.array(z.number()).max(GRID_MAX).nullable())
    .max(MAX_LAYERS)
    .optional()
    .describe(
      'One 0/1 vector per layer (null for none), applied to that layer’s output without rescaling; dropped units pass no gradient.',
    ),
  reluGradAtZero: z
    .number()
    .min(0)
    .max(1)
    .default(0)
    .describe('ReLU′(0): 0 (default, PyTorch and TF), or e.g. 1 or 0.5.'),
  l2: z
    .number()
    .min(0)
    .max(1e6)
    .default(0)
    .describe('λ of an L2 penalty λ·Σw² on the weights (not the biases) added to the loss; its gradient is 2λw.'),
});

type Input = z.output<typeof input>;

/** The message of a bad `optimizer`: the first problem inside an option object, or the accepted forms. */
function optimizerIssue(value: unknown): string {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const r = optimizerOptions.safeParse(value, { reportInput: true, error: readableIssue });
    const issue = r.success ? undefined : r.error.issues[0];
    if (issue) {
      const key = issue.code === 'unrecognized_keys' ? issue.keys[0] : formatPath(issue.path);
      return `field "${key}" ${issue.message}`;
    }
  }
  return `must be an optimizer name (${OPTIMIZERS.join(', ')}) or an optim/step option object (got ${describeValue(value)})`;
}

/** Weights and bias of one layer (values, gradients or updated values). */
export type LayerParams = z.output<typeof a.layer>;

/** One vector per layer, `name^(l)` for layer l = 1, 2, …. */
const perLayer = (name: string, title: string, description: string) =>
  a.list(a.vector(`${name}^(l)`, `${title} of layer l, one per unit`), title, description);

const answer = a.answer({
  preactivations: perLayer('z', 'Pre-activations', 'z^(l) = W^(l)·a^(l−1) + b^(l), one entry per layer.'),
  activations: perLayer(
    'a',
    'Activations',
    'a^(l) = mask ∘ f(z^(l)), one entry per layer (the input excluded); the last is the network output.',
  ),
  loss: a.scalar('Loss L', 'The loss: data loss + L2 penalty.'),
  dataLoss: a.scalar('Data loss', 'The loss of the output against the target, without the penalty.'),
  penalty: a.scalar('L2 penalty', 'λ·Σw² over the weights, biases excluded (0 without l2).'),
  deltas: perLayer('δ', 'Deltas δ = ∂L/∂z', 'δ^(l) = ∂L/∂z^(l), one entry per layer.'),
  gradients: a.table(
    a.answer({
      weights: a.matrix('∂L/∂W', 'δ^(l)·a^(l−1)ᵀ (+ 2λW with l2), [unit][input] like the weights.'),
      bias: a.vector('∂L/∂b', 'δ^(l); [] for a layer given without bias.'),
    }),
    'Gradients',
    '∂L/∂W and ∂L/∂b, one row per layer, input side first.',
  ),
  updated: a.network(
    'Updated weights and biases',
    'Every layer’s weights [unit][input] and biases after the optimizer step (bias [] for a layer given without bias).',
  ),
  optimizerState: a
    .table(
      a.answer({
        weights: a.map(a.matrix('Buffer', 'One value per weight, [unit][input]'), 'Weight buffers'),
        bias: a.map(a.vector('Buffer', 'One value per bias ([] without bias)'), 'Bias buffers'),
      }),
      'Optimizer state',
      'The optimizer’s buffers after the step, by name (e.g. Adam’s m and v), one row per layer; absent for sgd.',
    )
    .optional(),
});

/** The answer of optim/mlp-step. */
export type MlpStepAnswer = z.output<typeof answer>;

interface Layer {
  W: number[][];
  b: number[];
  act: Activation;
  mask: number[] | null;
  /** False when no bias was given: b is zeros and is neither shown nor trained. */
  hasBias: boolean;
}

/** Replaces −0 (from multiplying by a dropped unit's 0) with 0. */
const plusZero = (v: number[]): number[] => v.map((x) => (x === 0 ? 0 : x));
const asVector = (v: number | number[]): number[] => (typeof v === 'number' ? [v] : v);
const lsym = (name: string, l: number | string): Tex => tex(`${name}^(${l})`, `{${math(name).latex}}^{(${l})}`);

/** Normalises and checks the layers against each other, the input and the masks. */
function buildLayers(inp: Input, x: number[]): Layer[] {
  if (inp.dropoutMasks && inp.dropoutMasks.length !== inp.layers.length) {
    throw new DnnInputError(
      'dropoutMasks',
      `has ${inp.dropoutMasks.length} entries but there are ${inp.layers.length} layers; give one per layer (null for none)`,
    );
  }
  let width = x.length;
  let macs = 0;
  let cells = 0;
  return inp.layers.map((ly, l) => {
    const path = `layers[${l}]`;
    const W = toRows(ly.weights, `${path}.weights`).rows;
    const cols = W[0]?.length ?? 0;
    if (cols !== width) {
      throw new DnnInputError(
        `${path}.weights`,
        `has ${cols} column${cols === 1 ? '' : 's'} (inputs) but ${l === 0 ? 'the input vector has' : `layers[${l - 1}] outputs`} ${width}; weights are [out][in]`,
      );
    }
    macs += 3 * W.length * cols;
    cells += 2 * W.length * (cols + 1);
    checkLimit(`${path}.weights`, 'multiplyAdds', macs, 'the forward and backward multiply-adds');
    checkLimit(`${path}.weights`, 'outputCells', cells, 'the answer size (gradients and updated parameters)');
    const b = ly.bias === undefined ? W.map(() => 0) : asVector(ly.bias);
    if (b.length !== W.length) {
      throw new DnnInputError(
        `${path}.bias`,
        `has ${b.length} entries but the layer has ${W.length} units (weight rows)`,
      );
    }
    const mask = inp.dropoutMasks?.[l] ?? null;
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

function forwardSteps(l: number, ly: Layer, aPrev: number[], zl: number[], al: number[]): Step[] {
  const n = l + 1;
  const steps: Step[] = [];
  const small = ly.W.length * aPrev.length <= 16;
  steps.push(
    step(
      `Layer ${n} (${ly.act}), pre-activation`,
      ly.hasBias
        ? eq(
            lsym('z', n),
            add(mul(lsym('W', n), lsym('a', n - 1)), lsym('b', n)),
            add(mul(showMat(ly.W), showVec(aPrev)), showVec(ly.b)),
            showVec(zl),
          )
        : eq(lsym('z', n), mul(lsym('W', n), lsym('a', n - 1)), mul(showMat(ly.W), showVec(aPrev)), showVec(zl)),
    ),
  );
  if (small) {
    for (const [i, row] of ly.W.entries()) {
      const products = row.map((w, j) => mul(w, aPrev[j] as number));
      steps.push(
        step(
          `Unit ${i + 1} of layer ${n}`,
          eq(math(`z_${i + 1}`), add(...products, ...(ly.hasBias ? [ly.b[i] as number] : [])), zl[i] as number),
        ),
      );
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

/** Parameter key of weight (i, j) or bias i of layer l in the optimizer's flat map. */
const wKey = (l: number, i: number, j: number) => `W${l + 1}[${i + 1}][${j + 1}]`;
const bKey = (l: number, i: number) => `b${l + 1}[${i + 1}]`;

/** optim/mlp-step: forward, loss, backward and one update of a small MLP. */
export const mlpStep = defineSolver({
  id: 'optim/mlp-step',
  title: 'One training step of a multilayer perceptron',
  description:
    'Forward pass, loss, backpropagation (δ per layer, ∂L/∂W = δ·aᵀ) and one optimizer update (SGD, momentum, Adam, … as optim/step) for a small fully connected network given its weights, with optional dropout masks, ReLU′(0) and an L2 penalty.',
  input,
  answer,
  solve(inp) {
    const x = asVector(inp.input);
    const t = asVector(inp.target);
    const layers = buildLayers(inp, x);
    const L = layers.length;
    const last = layers[L - 1] as Layer;
    if (t.length !== last.W.length) {
      throw new DnnInputError('target', `has ${t.length} entries but the output layer has ${last.W.length} units`);
    }
    const steps: Step[] = [];
    const notes: string[] = [];

    // Forward pass.
    const zs: number[][] = [];
    const as: number[][] = [];
    let a = x;
    for (const [l, ly] of layers.entries()) {
      const zl = ly.W.map((row, i) => row.reduce((acc, w, j) => acc + w * (a[j] as number), ly.b[i] as number));
      assertFinite(zl, `layers[${l}].weights`, `the pre-activation of layer ${l}`);
      const h = activate(ly.act, zl);
      const al = ly.mask ? h.map((v, i) => v * (ly.mask?.[i] as number)) : h;
      steps.push(...forwardSteps(l, ly, a, zl, al));
      zs.push(zl);
      as.push(al);
      a = al;
    }

    // Loss, and δ of the output layer.
    const lastMasked = last.mask?.includes(0) ?? false;
    const fused =
      !lastMasked &&
      ((last.act === 'sigmoid' && inp.loss === 'bce') || (last.act === 'softmax' && inp.loss === 'cross-entropy'));
    const output = as[L - 1] as number[];
    const lossResult = computeLoss(
      { kind: inp.loss, reduction: inp.reduction, logBase: inp.logBase, logZero: inp.logZero },
      {
        // kind 'scalar': errors about the output name the layer's activation field, without an index.
        predictions: { rows: [output], kind: 'scalar' },
        targets: { rows: [t], kind: 'vector' },
        paths: { predictions: `layers[${L - 1}].activation`, targets: 'target' },
        ...(fused ? { logits: [zs[L - 1] as number[]] } : {}),
      },
    );
    const lossSteps = fused ? lossResult.steps : [...lossResult.steps, ...lossResult.gradientSteps];
    for (const st of lossSteps) steps.push({ ...st, title: `Loss: ${st.title}`, text: `Loss: ${st.text}` });
    notes.push(...lossResult.notes);
    const penalty = inp.l2 * layers.reduce((acc, ly) => acc + ly.W.flat().reduce((s2, w) => s2 + w * w, 0), 0);
    assertFinite(penalty, 'l2', 'the L2 penalty');
    const loss = lossResult.loss + penalty;
    assertFinite(loss, 'l2', 'the total loss');
    if (inp.l2 > 0) {
      steps.push(
        step(
          'L2 penalty on the weights',
          eq(
            math('λ·∑w²'),
            mul(
              inp.l2,
              layers.reduce((acc, ly) => acc + ly.W.flat().reduce((s2, w) => s2 + w * w, 0), 0),
            ),
            penalty,
          ),
        ),
      );
      steps.push(step('Total loss', eq(math('L'), add(lossResult.loss, penalty), loss)));
      notes.push(
        `L2: λ·Σw² over all weights (biases excluded) with λ = ${inp.l2}; its gradient 2λw is added to ∂L/∂W. (PyTorch's weight_decay = wd adds wd·w, i.e. λ = wd/2.)`,
      );
    }

    // Backward pass.
    const deltas: number[][] = new Array(L);
    const gradients: LayerParams[] = new Array(L);
    let upstream: number[];
    if (fused) {
      const delta = lossResult.logitsGradient?.[0] as number[];
      deltas[L - 1] = delta;
      steps.push(
        step(
          `Backward, layer ${L}: ${last.act} with ${inp.loss} combine into δ = a − t (scaled by the reduction${inp.logBase === 'e' ? '' : ' and 1/ln base'})`,
          eq(lsym('δ', L), math('∂L/∂z'), showVec(delta)),
        ),
      );
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
      steps.push(
        step(`Backward, layer ${L}: gradient of the loss w.r.t. the output`, eq(math('∂L/∂a'), showVec(upstream))),
      );
    }
    for (let l = L - 1; l >= 0; l--) {
      const ly = layers[l] as Layer;
      const n = l + 1;
      const aPrev = l === 0 ? x : (as[l - 1] as number[]);
      if (!(fused && l === L - 1)) {
        const masked = ly.mask ? upstream.map((g, i) => g * (ly.mask?.[i] as number)) : upstream;
        const delta = activationBackward(
          ly.act,
          zs[l] as number[],
          activate(ly.act, zs[l] as number[]),
          masked,
          inp.reluGradAtZero,
        );
        deltas[l] = delta;
        const rule =
          ly.act === 'softmax'
            ? 'δ_i = a_i·(g_i − ∑_j a_j·g_j) (softmax Jacobian)'
            : `δ = ∂L/∂a${ly.mask ? ' ∘ m' : ''} ∘ f′(z), f′ = ${DERIVATIVE_TEXT[ly.act]}`;
        steps.push(step(`Layer ${n}: δ (${rule})`, eq(lsym('δ', n), showVec(delta))));
      }
      const delta = deltas[l] as number[];
      const gW = delta.map((d, i) => aPrev.map((aj, j) => d * aj + 2 * inp.l2 * ((ly.W[i] as number[])[j] as number)));
      gradients[l] = { weights: gW, bias: ly.hasBias ? [...delta] : [] };
      steps.push(
        step(
          `Layer ${n}: weight gradient${inp.l2 > 0 ? ' (+ 2λW)' : ''}`,
          eq(
            tex(`∂L/∂W^(${n})`, `\\frac{\\partial L}{\\partial W^{(${n})}}`),
            tex(`δ^(${n})·a^(${n - 1})ᵀ`, `\\delta^{(${n})}\\,{a^{(${n - 1})}}^{\\top}`),
            showMat(gW),
          ),
        ),
      );
      if (ly.hasBias) {
        steps.push(
          step(
            `Layer ${n}: bias gradient`,
            eq(tex(`∂L/∂b^(${n})`, `\\frac{\\partial L}{\\partial b^{(${n})}}`), lsym('δ', n), showVec(delta)),
          ),
        );
      }
      if (l > 0) {
        upstream = aPrev.map((_, j) => delta.reduce((acc, d, i) => acc + d * ((ly.W[i] as number[])[j] as number), 0));
        steps.push(
          step(
            `Back to layer ${l}'s output`,
            eq(
              tex(`∂L/∂a^(${l})`, `\\frac{\\partial L}{\\partial a^{(${l})}}`),
              mul(tex(`W^(${n})ᵀ`, `{W^{(${n})}}^{\\top}`), lsym('δ', n)),
              showVec(upstream),
            ),
          ),
        );
      }
    }
    assertFinite(
      gradients.flatMap((g) => [...g.weights.flat(), ...g.bias]),
      'layers',
      'a gradient',
    );

    // Update.
    const update = applyUpdate(inp, layers, gradients);
    steps.push(...update.steps);
    notes.push(...update.notes, ...conventionNotes(inp, layers, zs));
    const answer: MlpStepAnswer = {
      preactivations: zs.map(plusZero),
      activations: as.map(plusZero),
      loss,
      dataLoss: lossResult.loss,
      penalty,
      deltas: deltas.map(plusZero),
      gradients: gradients.map((g) => ({ weights: g.weights.map(plusZero), bias: plusZero(g.bias) })),
      updated: update.updated,
      ...(update.state ? { optimizerState: update.state } : {}),
    };
    return { answer, steps, notes };
  },
  examples: [
    {
      title: 'BITS exam: 1-2-1 sigmoid net, x = 0.75, target 1.25, half squared error, SGD η = 0.1',
      source:
        'Exam problem (w1 = 0.5, w2 = −0.6, b1 = 0.1, b2 = −0.2, w3 = 0.7, w4 = −0.8, b3 = 0.3). By hand: z¹ = [0.475, −0.65], a¹ = [σ(0.475), σ(−0.65)] ≈ [0.616567, 0.342990], z² = 0.7·0.616567 − 0.8·0.342990 + 0.3 ≈ 0.457205, ŷ = σ(z²) ≈ 0.612351, L = ½(1.25 − ŷ)² ≈ 0.203298. The exam gives no learning rate; η = 0.1 is ours. Gradients checked against central finite differences of an independent script and tf.grad in the tests.',
      input: {
        layers: [
          { weights: [[0.5], [-0.6]], bias: [0.1, -0.2], activation: 'sigmoid' },
          { weights: [[0.7, -0.8]], bias: [0.3], activation: 'sigmoid' },
        ],
        input: 0.75,
        target: 1.25,
        loss: 'half-sse',
        lr: 0.1,
      },
      answer: {
        activations: [[1 / (1 + Math.exp(-0.475)), 1 / (1 + Math.exp(0.65))], [0.6123508971681262]],
        loss: 0.20329818917114678,
      },
    },
    {
      title: 'The same net with the exam’s L2 term λ‖w‖², λ = 0.01',
      source:
        'Exam problem, part 2 (λ is not given in the exam; 0.01 is ours). By hand: Σw² = 0.25 + 0.36 + 0.49 + 0.64 = 1.74, penalty 0.0174, L ≈ 0.203298 + 0.0174 = 0.220698; each weight gradient gains 2λw (biases unchanged).',
      input: {
        layers: [
          { weights: [[0.5], [-0.6]], bias: [0.1, -0.2], activation: 'sigmoid' },
          { weights: [[0.7, -0.8]], bias: [0.3], activation: 'sigmoid' },
        ],
        input: 0.75,
        target: 1.25,
        loss: 'half-sse',
        lr: 0.1,
        l2: 0.01,
      },
      answer: { penalty: 0.0174, loss: 0.20329818917114678 + 0.0174 },
    },
    {
      title: 'BITS exam: one Adam step of a sigmoid neuron with BCE (x = 3.5, y = 0.5, w = b = −2)',
      source:
        'Exam problem (η = 0.1, β1 = 0.9, β2 = 0.99, ε = 1e-8, bias correction). By hand: z = −2·3.5 − 2 = −9, ŷ = σ(−9) ≈ 1.2339e-4 (the rubric’s 0.0180 is wrong), L = −[0.5 ln ŷ + 0.5 ln(1 − ŷ)] ≈ 4.500123; g_w = (ŷ − y)·x ≈ −1.749568, g_b ≈ −0.499877; s = 0.1·g, r = 0.01·g² (the rubric uses 1 − β2 = 0.001 and flips the sign of s), ŝ = g, r̂ = g², so each parameter moves by η·g/(|g| + ε) ≈ +0.1: w ≈ b ≈ −1.9.',
      input: {
        layers: [{ weights: [[-2]], bias: [-2], activation: 'sigmoid' }],
        input: 3.5,
        target: 0.5,
        loss: 'bce',
        optimizer: { optimizer: 'adam', lr: 0.1, beta1: 0.9, beta2: 0.99, eps: 1e-8 },
      },
      answer: {
        loss: 4.500123402189724,
        updated: [{ weights: [[-1.9000000005715696]], bias: [-1.9000000020004937] }],
      },
    },
    {
      title: 'BITS exam: ReLU → tanh → softmax network, cross-entropy, η = 1, no biases (weights reconstructed)',
      source:
        'Exam problem; its figure is not in the seed, so the weights are reconstructed from the rubric: x = [0.5, 0.5], w1 = 0.5, h¹ = [0.35, 0.35], h² pre-activations 0.245, w5·w7 = 0.21, w6·w9 = 0.24, w7 + w9 = 1.3. By hand: a² = tanh(0.245) ≈ 0.240213 each, z³ = 1.3·a² for both classes, y = [0.5, 0.5], L = ln 2; δ³ = y − d = [−0.5, 0.5] (the rubric’s dL/dz2 = 0 is wrong), ∂L/∂a² = [−0.1, 0.1], δ² = ±0.1·(1 − tanh²0.245), ∂L/∂a¹ = [0.01, −0.01]·(1 − tanh²0.245), ∂L/∂w1 = 0.5·0.01·(1 − tanh²0.245) ≈ 0.0047115, so w1 → 0.4952885 (the rubric’s 0.6057 follows from its errors); checked by finite differences.',
      input: {
        layers: [
          {
            weights: [
              [0.5, 0.2],
              [0.4, 0.3],
            ],
            activation: 'relu',
          },
          {
            weights: [
              [0.3, 0.4],
              [0.4, 0.3],
            ],
            activation: 'tanh',
          },
          {
            weights: [
              [0.7, 0.6],
              [0.5, 0.8],
            ],
            activation: 'softmax',
          },
        ],
        input: [0.5, 0.5],
        target: [1, 0],
        loss: 'cross-entropy',
        lr: 1,
      },
      answer: {
        loss: Math.LN2,
        activations: [
          [0.35, 0.35],
          [Math.tanh(0.245), Math.tanh(0.245)],
          [0.5, 0.5],
        ],
      },
    },
  ],
});

/** Runs the optimizer on every weight and bias (fresh state: this is step 1). */
function applyUpdate(
  inp: Input,
  layers: Layer[],
  gradients: LayerParams[],
): { updated: LayerParams[]; state?: MlpStepAnswer['optimizerState']; steps: Step[]; notes: string[] } {
  const isObject = typeof inp.optimizer === 'object';
  const options: OptimizerOptions =
    typeof inp.optimizer === 'object' ? inp.optimizer : optimizerOptions.parse({ optimizer: inp.optimizer });
  if (options.lr === undefined && inp.lr === undefined) {
    throw new DnnInputError('lr', 'is required (or give the optimizer object its own lr): the learning rate η');
  }
  const config: OptimizerConfig = resolveOptimizer(options, inp.lr, 'optimizer');
  const params: ParamMap = {};
  const grads: ParamMap = {};
  for (const [l, ly] of layers.entries()) {
    const gl = gradients[l] as LayerParams;
    for (const [i, row] of ly.W.entries()) {
      for (const [j, w] of row.entries()) {
        params[wKey(l, i, j)] = w;
        grads[wKey(l, i, j)] = (gl.weights[i] as number[])[j] as number;
      }
      if (!ly.hasBias) continue;
      params[bKey(l, i)] = ly.b[i] as number;
      grads[bKey(l, i)] = gl.bias[i] as number;
    }
  }
  const result = optimizerStep(config, params, grads, initialState(config, params));
  const updated = layers.map((ly, l) => ({
    weights: ly.W.map((row, i) => row.map((_, j) => result.params[wKey(l, i, j)] as number)),
    bias: ly.hasBias ? ly.b.map((_, i) => result.params[bKey(l, i)] as number) : [],
  }));
  assertFinite(
    updated.flatMap((u) => [...u.weights.flat(), ...u.bias]),
    isObject ? 'optimizer' : 'lr',
    'an updated parameter',
  );
  const steps: Step[] = [];
  const notes: string[] = [];
  const quantity = (l: number, name: keyof ParamStepDetail | string) => {
    const pick = (key: string) => {
      const d = result.detail[key] as ParamStepDetail;
      return name in d ? (d[name as keyof ParamStepDetail] as number) : (d.quantities[name] as number);
    };
    const ly = layers[l] as Layer;
    return {
      weights: ly.W.map((row, i) => row.map((_, j) => pick(wKey(l, i, j)))),
      bias: ly.hasBias ? ly.b.map((_, i) => pick(bKey(l, i))) : [],
    };
  };
  const rule = ruleText(config);
  steps.push(step(`Update (${config.optimizer}, η = ${config.lr}, first step from zero state)`, rule));
  const qNames = Object.keys(Object.values(result.detail)[0]?.quantities ?? {});
  for (const [l] of layers.entries()) {
    const n = l + 1;
    for (const q of qNames) {
      const v = quantity(l, q);
      const ly = layers[l] as Layer;
      const name = QUANTITY_NAMES[q] ?? q;
      const shown = [
        eq(math(`${name}_W`), showMat(v.weights)),
        ...(ly.hasBias ? [eq(math(`${name}_b`), showVec(v.bias))] : []),
      ];
      steps.push(step(`Layer ${n}: ${name}`, ...shown));
    }
    const u = updated[l] as LayerParams;
    steps.push(step(`Layer ${n}: updated weights`, eq(lsym('W', n), showMat(u.weights))));
    if (u.bias.length) steps.push(step(`Layer ${n}: updated bias`, eq(lsym('b', n), showVec(u.bias))));
  }
  if (config.optimizer !== 'sgd' || config.weightDecay > 0) {
    notes.push(
      `${config.optimizer}: one step from a fresh state (zero buffers, t = 1)${config.optimizer.startsWith('adam') ? `, β₁ = ${config.beta1}, β₂ = ${config.beta2}, ε = ${config.eps} ${config.epsPlacement} the root, bias correction ${config.biasCorrection ? 'on' : 'off'}` : ''}; rules as optim/step.`,
    );
  }
  if (
    isObject &&
    typeof inp.optimizer === 'object' &&
    inp.optimizer.lr !== undefined &&
    inp.lr !== undefined &&
    inp.optimizer.lr !== inp.lr
  ) {
    notes.push(`The optimizer's own lr = ${inp.optimizer.lr} wins over lr = ${inp.lr}.`);
  }
  if (config.optimizer === 'sgd') return { updated, steps, notes };
  const state = layers.map((ly, l) => {
    const weights: Record<string, number[][]> = {};
    const bias: Record<string, number[]> = {};
    for (const [name, buf] of Object.entries(result.state.buffers)) {
      weights[name] = ly.W.map((row, i) => row.map((_, j) => buf[wKey(l, i, j)] as number));
      bias[name] = ly.hasBias ? ly.b.map((_, i) => buf[bKey(l, i)] as number) : [];
    }
    return { weights, bias };
  });
  return { updated, state, steps, notes };
}

/** The update rule of `config` as a formula (the form the options select). */
function ruleText(config: OptimizerConfig): Tex {
  const classic = config.momentumForm === 'classic';
  const root = (x: string) => (config.epsPlacement === 'inside' ? `√(${x} + ε)` : `√${x} + ε`);
  const hat = config.biasCorrection ? 'm̂ = m/(1 − β_1^t), v̂ = v/(1 − β_2^t), ' : '';
  const [m, v] = config.biasCorrection ? ['m̂', 'v̂'] : ['m', 'v'];
  const adam = `m = β_1·m + (1 − β_1)g, v = β_2·v + (1 − β_2)g², ${hat}θ ← θ − η·${m}/(${root(v)})`;
  const rules: Record<OptimizerConfig['optimizer'], string> = {
    sgd: 'θ ← θ − η·∂L/∂θ',
    momentum: classic ? 'v = μv − η·g, θ ← θ + v' : 'v = μv + g, θ ← θ − η·v',
    nesterov: classic ? 'v = μv − η·g, θ ← θ + μv − η·g' : 'v = μv + g, θ ← θ − η·(g + μv)',
    adagrad: `G = G + g², θ ← θ − η·g/(${root('G')})`,
    rmsprop: `v = αv + (1 − α)g², θ ← θ − η·g/(${root('v')})`,
    adam,
    adamw: `θ ← θ − η·wd·θ (decoupled decay), then ${adam}`,
    rprop:
      'step ← step·η+ if g keeps the sign of the previous g (step·η− and g taken as 0 if it flips), θ ← θ − sign(g)·step',
  };
  return math(rules[config.optimizer]);
}

/** How optimizer quantities are written in steps. */
const QUANTITY_NAMES: Record<string, string> = { mHat: 'm̂', vHat: 'v̂' };

function conventionNotes(inp: Input, layers: Layer[], zs: number[][]): string[] {
  const notes: string[] = [];
  if (layers.some((ly) => ly.act === 'step')) {
    notes.push(
      'step activation: its derivative is 0 everywhere it exists (and undefined at 0), so no gradient passes through a step layer; the forward pass is exact, gradient training is not possible through it (perceptron rules are used instead).',
    );
  }
  const reluZero = layers.some((ly, l) => ly.act === 'relu' && (zs[l] as number[]).includes(0));
  if (reluZero)
    notes.push(`A ReLU input is exactly 0: ReLU′(0) = ${inp.reluGradAtZero} is used (PyTorch and TF use 0).`);
  if (layers.some((ly) => ly.mask)) {
    notes.push(
      'Dropout masks multiply the layer outputs without the 1/(1 − p) rescaling of inverted dropout; dropped units output 0 and pass no gradient, so the weights into them get zero gradient.',
    );
  }
  if (layers.some((ly) => ly.act === 'softmax' && ly.mask?.includes(0))) {
    notes.push(
      'A dropout mask on a softmax layer zeroes the dropped outputs, but their z still enters the normalisation of the kept ones, so the weights into a dropped softmax unit can still get a (small) gradient.',
    );
  }
  const missing = inp.layers.flatMap((ly, l) => (ly.bias === undefined ? [l] : []));
  if (missing.length) {
    notes.push(
      `${missing.map((l) => `layers[${l}]`).join(', ')} ${missing.length === 1 ? 'has' : 'have'} no bias (none given): it stays absent, so its bias is [] in gradients and updated.`,
    );
  }
  const last = layers[layers.length - 1] as Layer;
  if (last.act === 'softmax' && inp.loss === 'softmax-cross-entropy') {
    notes.push(
      'The output layer already applies softmax and softmax-cross-entropy applies another one: use cross-entropy on a softmax output, or a linear output with softmax-cross-entropy.',
    );
  }
  notes.push('Gradients are for one sample; ∂L/∂W^(l) = δ^(l)·a^(l−1)ᵀ, ∂L/∂b^(l) = δ^(l).');
  return notes;
}
