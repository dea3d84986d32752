/**
 * optim/mlp-step — training steps of a small fully connected network: forward pass layer by layer, loss,
 * backward pass (δ per layer), and optimizer updates of every weight and bias — one step or several on the same
 * sample (optimizer state carried, or given), or the forward pass alone when no target is given.
 */
import {
  a,
  checkLimit,
  DnnInputError,
  defineSolver,
  describeValue,
  eq,
  formatPath,
  readableCount,
  readableIssue,
  type Step,
  s,
  step,
} from '@dnn/core';
import * as z from 'zod/mini';
import { ACTIVATIONS, type Activation } from './activations.js';
import { GRID_MAX, grid } from './grid.js';
import { logBaseField } from './log-base.js';
import { LOSS_KINDS, lossOptionFields } from './loss-functions.js';
import { math } from './math-text.js';
import { type BackwardPass, backward, type LossOptions } from './mlp-backward.js';
import {
  asVector,
  buildLayers,
  type ForwardPass,
  forward,
  inLayout,
  type Layer,
  type LayerValues,
  layerValues,
  lsym,
  plusZero,
  type WeightLayout,
} from './mlp-network.js';
import {
  layerState,
  type MlpInitialState,
  mlpInitialState,
  optimizerStateTable,
  resolveMlpOptimizer,
  updateNetwork,
} from './mlp-update.js';
import { finalStateAnswer, initialStateNote, initialStateSchema } from './optimizer-state.js';
import { OPTIMIZERS, type OptimizerConfig, optimizerOptions } from './optimizers.js';
import { showMat, showVec } from './show.js';

/** Most layers of a network. */
export const MAX_LAYERS = 64;

/**
 * Most work units of one request, steps × (parameters + {@link STEP_OVERHEAD}): a parameter update costs
 * microseconds of optimizer bookkeeping (per-name buffers) and adds several numbers to the answer (gradients,
 * updated parameters, optimizer state, trajectory), and each step's forward pass and loss about as much as
 * {@link STEP_OVERHEAD} of them. At 5·10⁵ one Adam step of a 5·10⁵-parameter network took 7.2 s of CPU and 1.3 GB;
 * at 10⁵ (a 310 → 310 → 10 network) 1.3–1.6 s and ≤ 420 MB as Markdown (limits bench, issue 16).
 */
export const MAX_PARAMETER_UPDATES = 1e5;
/** The fixed cost of one step (forward pass, loss, bookkeeping) in parameter updates. */
const STEP_OVERHEAD = 30;

/** Iterations worked out in full after the first; later ones are summarised (every number is in the trajectory). */
const SHOWN_ITERATIONS = 5;

const vectorOrScalar = (description: string) =>
  z
    .union([z.number(), z.array(z.number()).check(z.minLength(1), z.maxLength(GRID_MAX))])
    .check(z.describe(description));

const layer = s.object({
  weights: grid(
    'Weight matrix, [out][in] by default (row j holds the weights into unit j); [in][out] with weightLayout "in-out". A number is a 1×1 matrix, a vector one row.',
  ),
  bias: z.optional(vectorOrScalar('Bias vector, one per output unit (default: zeros, i.e. no bias).')),
  activation: s.oneOf(
    ACTIVATIONS,
    'Activation: linear, relu, tanh, sigmoid, softmax, or step (1 for z ≥ 0, else 0; zero gradient).',
  ),
});

/** One layer's optimizer buffer in `initialState`: the shapes of its weights and bias. */
const layerBuffer = s.object({
  weights: grid('One value per weight, in the layout of the layer’s weights.'),
  bias: z.optional(vectorOrScalar('One value per bias (leave out for a layer without bias).')),
});

const input = s.object({
  layers: z.array(layer).check(z.minLength(1), z.maxLength(MAX_LAYERS), z.describe('The layers, input side first.')),
  weightLayout: z.optional(
    s.oneOf(
      ['out-in', 'in-out'],
      'How weights are given: out-in (default) weights[j][i] connects input i to unit j, as PyTorch; in-out weights[i][j], the exams’ w_ij from i to j (as Keras). Answers use the same layout.',
    ),
  ),
  input: vectorOrScalar('The input vector x (a^(0)).'),
  target: z.optional(
    vectorOrScalar(
      'The target t for the network output; leave it out for a forward pass only (no loss, gradients or update).',
    ),
  ),
  loss: z.optional(
    s.oneOf(LOSS_KINDS, 'Loss on the output (kinds as optim/loss); softmax-cross-entropy treats the output as logits.'),
  ),
  reduction: lossOptionFields.reduction,
  logBase: logBaseField('Base of the logarithm for the cross-entropies: "e" (default), 2 or 10.'),
  logZero: lossOptionFields.logZero,
  lr: z
    .optional(z.number().check(z.gt(0), z.maximum(1e6)))
    .check(z.describe('Learning rate η (> 0); an optimizer object’s own lr wins.')),
  optimizer: z
    ._default(
      z.union([s.oneOf(OPTIMIZERS, 'An update rule with its default options.'), optimizerOptions], {
        error: (iss) => optimizerIssue(iss.input),
      }),
      'sgd',
    )
    .check(
      z.describe(
        '"sgd" (default), another optimizer name, or an optim/step option object (its own lr, if given, wins).',
      ),
    ),
  steps: z
    .optional(z.number().check(z.int(), z.minimum(1)))
    .check(
      z.describe(
        'Optimizer steps on the same sample (default 1; at most 10⁴, and steps × (parameters + 30) at most 10⁵, so one step trains at most 99,970 parameters), the optimizer state carried between them.',
      ),
    ),
  initialState: z
    .optional(
      initialStateSchema(
        (description) =>
          z
            .array(layerBuffer)
            .check(z.maxLength(MAX_LAYERS), z.describe(`${description} — one {weights, bias} per layer`)),
        'per layer',
      ),
    )
    .check(
      z.describe(
        'The optimizer state to start from (default: zero buffers, t = 0), e.g. the `finalState` of an earlier run or an exam’s velocity from the update t − 1 → t; fields as optim/step, each a list with one {weights, bias} per layer.',
      ),
    ),
  dropoutMasks: z
    .optional(z.array(z.nullable(z.array(z.number()).check(z.maxLength(GRID_MAX)))).check(z.maxLength(MAX_LAYERS)))
    .check(
      z.describe(
        'One 0/1 vector per layer (null for none), applied to that layer’s output without rescaling; dropped units pass no gradient.',
      ),
    ),
  reluGradAtZero: z
    ._default(z.number().check(z.minimum(0), z.maximum(1)), 0)
    .check(z.describe('ReLU′(0): 0 (default, PyTorch and TF), or e.g. 1 or 0.5.')),
  l2: z
    ._default(z.number().check(z.minimum(0), z.maximum(1e6)), 0)
    .check(
      z.describe('λ of an L2 penalty λ·Σw² on the weights (not the biases) added to the loss; its gradient is 2λw.'),
    ),
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

const gradientTable = (description: string) =>
  a.table(
    a.answer({
      weights: a.matrix('∂L/∂W', 'δ^(l)·a^(l−1)ᵀ (+ 2λW with l2), in the layout of the weights.'),
      bias: a.vector('∂L/∂b', 'δ^(l); [] for a layer given without bias.'),
    }),
    'Gradients',
    description,
  );

const trajectoryEntry = a.answer({
  step: a.count('Step', 'k = 1, 2, …: the k-th update.'),
  loss: a.scalar('Loss L', 'The loss at the parameters before this update.'),
  output: a.vector('Output', 'The network output before this update.'),
  gradients: gradientTable('The gradients this update used, one row per layer.'),
  updated: a.network('Parameters after the update', 'Every layer’s weights (in the input’s layout) and biases.'),
});

const answer = a.answer({
  preactivations: perLayer('z', 'Pre-activations', 'z^(l) = W^(l)·a^(l−1) + b^(l), one entry per layer.'),
  activations: perLayer(
    'a',
    'Activations',
    'a^(l) = mask ∘ f(z^(l)), one entry per layer (the input excluded); the last is the network output.',
  ),
  loss: z.optional(a.scalar('Loss L', 'The loss: data loss + L2 penalty (absent for a forward pass only).')),
  dataLoss: z.optional(a.scalar('Data loss', 'The loss of the output against the target, without the penalty.')),
  penalty: z.optional(a.scalar('L2 penalty', 'λ·Σw² over the weights, biases excluded (0 without l2).')),
  deltas: z.optional(perLayer('δ', 'Deltas δ = ∂L/∂z', 'δ^(l) = ∂L/∂z^(l), one entry per layer.')),
  gradients: z.optional(gradientTable('∂L/∂W and ∂L/∂b of the first step, one row per layer, input side first.')),
  updated: z.optional(
    a.network(
      'Updated weights and biases',
      'Every layer’s weights (in the input’s layout) and biases after the last optimizer step (bias [] for a layer given without bias).',
    ),
  ),
  optimizerState: z.optional(
    a.table(
      a.answer({
        weights: a.map(a.matrix('Buffer', 'One value per weight, in the layout of the weights'), 'Weight buffers'),
        bias: a.map(a.vector('Buffer', 'One value per bias ([] without bias)'), 'Bias buffers'),
      }),
      'Optimizer state',
      'The optimizer’s buffers after the last step, by name (e.g. Adam’s m and v), one row per layer; absent for sgd.',
    ),
  ),
  trajectory: z.optional(
    a.trajectory(
      trajectoryEntry,
      'Trajectory',
      'One entry per update: the loss and gradients before it, the parameters after.',
      {
        columns: ['step', 'loss', 'output', 'gradients', 'updated'],
      },
    ),
  ),
  finalState: z.optional(finalStateAnswer(a.network, 'per layer')),
});

/** The answer of optim/mlp-step. */
export type MlpStepAnswer = z.output<typeof answer>;

/** The range an activation's output can reach (closed), for the target check. */
const RANGE: Partial<Record<Activation, [number, number, string]>> = {
  sigmoid: [0, 1, '(0, 1)'],
  softmax: [0, 1, '(0, 1)'],
  tanh: [-1, 1, '(−1, 1)'],
  relu: [0, Number.POSITIVE_INFINITY, '[0, ∞)'],
  step: [0, 1, '{0, 1}'],
};

/** Notes about how the weights were read: the layout given, or the one assumed for a square matrix. */
function layoutNotes(inp: Input, layers: readonly Layer[]): string[] {
  if (inp.weightLayout === 'in-out') {
    return [
      'weightLayout "in-out": weights[i][j] is the weight from input i to unit j (the exams’ w_ij); gradients, updated weights and optimizer buffers are given in the same layout.',
    ];
  }
  if (inp.weightLayout) return [];
  const square: number[] = [];
  for (let l = 0; l < layers.length; l++) {
    const W = (layers[l] as Layer).W;
    if (W.length > 1 && W.length === W[0]?.length) square.push(l);
  }
  if (!square.length) return [];
  return [
    `${square.map((l) => `layers[${l}].weights`).join(', ')} ${square.length === 1 ? 'is' : 'are'} square, so the shape does not tell the order: read as [out][in] (weights[j][i] connects input i to unit j, PyTorch’s order, the default). If the matrix lists w_ij from input i to unit j, as most exams draw it, give weightLayout "in-out".`,
  ];
}

/** A note when the target cannot be reached by the output activation. */
function targetRangeNote(act: Activation, t: readonly number[]): string[] {
  const range = RANGE[act];
  if (!range) return [];
  const outside = t.filter((v) => v < range[0] || v > range[1]);
  if (!outside.length) return [];
  return [
    `The target ${outside.join(', ')} lies outside the range ${range[2]} of the output activation ${act}: the output can never reach it, the loss never gets to 0, and gradient steps keep pushing the pre-activation towards ${(outside[0] as number) > range[1] ? '+' : '−'}∞ (a poor choice of output activation for this target).`,
  ];
}

/** Fields that only make sense with a target. */
const TRAINING_FIELDS = ['loss', 'lr', 'steps', 'initialState'] as const;

/** The forward-only solution (no target). */
function forwardOnly(inp: Input, layers: readonly Layer[], pass: ForwardPass, steps: Step[], notes: string[]) {
  const given = TRAINING_FIELDS.filter((f) => inp[f] !== undefined);
  if (given.length) {
    throw new DnnInputError(
      'target',
      `is required with ${given.map((f) => `\`${f}\``).join(', ')}: training needs a target (leave ${given.length === 1 ? 'it' : 'them'} out for a forward pass only)`,
    );
  }
  notes.push('Forward pass only: no target was given, so there is no loss, gradient or update.');
  if (layers.some((ly) => ly.mask)) {
    notes.push('Dropout masks multiply the layer outputs without the 1/(1 − p) rescaling of inverted dropout.');
  }
  return {
    answer: { preactivations: pass.zs.map(plusZero), activations: pass.as.map(plusZero) } satisfies MlpStepAnswer,
    steps,
    notes,
  };
}

/** The compact steps of iterations after the first: the new output, loss and gradients. */
function iterationSteps(k: number, pass: ForwardPass, back: BackwardPass, layout: WeightLayout): Step[] {
  const L = pass.as.length;
  return [
    step(
      `Iteration ${k}: forward pass with the updated parameters`,
      eq(lsym('a', L), showVec(pass.as[L - 1] as number[])),
      eq(math('L'), back.loss),
    ),
    ...back.gradients.map((g, l) =>
      step(
        `Iteration ${k}, layer ${l + 1}: gradients`,
        eq(math(`∂L/∂W^(${l + 1})`), showMat(inLayout(g.weights, layout))),
        ...(g.bias.length ? [eq(math(`∂L/∂b^(${l + 1})`), showVec(g.bias))] : []),
      ),
    ),
  ];
}

/** Gradients or parameters in the input's layout, without −0. */
const shown = (values: readonly LayerValues[], layout: WeightLayout): LayerParams[] =>
  values.map((v) => ({ weights: inLayout(v.weights, layout).map(plusZero), bias: plusZero(v.bias) }));

/** optim/mlp-step: forward, loss, backward and optimizer updates of a small MLP. */
export const mlpStep = defineSolver({
  id: 'optim/mlp-step',
  title: 'Training steps of a multilayer perceptron',
  description:
    'Forward pass, loss, backpropagation (δ per layer, ∂L/∂W = δ·aᵀ) and optimizer updates (SGD, momentum, Adam, … as optim/step; one step or several, from a given optimizer state) for a small fully connected network given its weights in either layout, with optional dropout masks, ReLU′(0) and an L2 penalty — or the forward pass alone.',
  input,
  answer,
  solveParsed(inp) {
    const x = asVector(inp.input);
    const layout: WeightLayout = inp.weightLayout ?? 'out-in';
    const total = inp.steps ?? 1;
    checkLimit('steps', 'steps', total, 'the number of optimizer steps');
    let layers = buildLayers(inp.layers, inp.dropoutMasks, x, layout, inp.target === undefined ? 0 : total);
    const steps: Step[] = [];
    const notes: string[] = layoutNotes(inp, layers);
    const first = forward(layers, x, steps, layout);
    if (inp.target === undefined) return forwardOnly(inp, layers, first, steps, notes);
    if (inp.loss === undefined) {
      throw new DnnInputError('loss', 'is required with a target: the loss to train on (kinds as optim/loss)');
    }
    const parameters = layers.reduce((n, ly) => n + ly.W.length * ((ly.W[0]?.length ?? 0) + (ly.hasBias ? 1 : 0)), 0);
    const work = total * (parameters + STEP_OVERHEAD);
    if (work > MAX_PARAMETER_UPDATES) {
      const count = `${total} step${total === 1 ? '' : 's'} × (${readableCount(parameters)} parameters + ${STEP_OVERHEAD} per step) = ${readableCount(work)} work units, above this solver's limit of ${readableCount(MAX_PARAMETER_UPDATES)} per request`;
      throw total === 1
        ? new DnnInputError('layers', `${count}; use a smaller network`)
        : new DnnInputError('steps', `${count}; use fewer steps (or chain runs through finalState → initialState)`);
    }
    const t = asVector(inp.target);
    const L = layers.length;
    const last = layers[L - 1] as Layer;
    if (t.length !== last.W.length) {
      throw new DnnInputError('target', `has ${t.length} entries but the output layer has ${last.W.length} units`);
    }
    notes.push(...targetRangeNote(last.act, t));
    const config = resolveMlpOptimizer(inp.optimizer, inp.lr);
    const start = mlpInitialState(config, layers, inp.initialState as MlpInitialState | undefined, layout);
    // the loss options named, not { ...inp, loss }: a spread of the whole input with an override is V8's slow clone
    const opts: LossOptions = {
      loss: inp.loss,
      reduction: inp.reduction,
      logBase: inp.logBase,
      logZero: inp.logZero,
      l2: inp.l2,
      reluGradAtZero: inp.reluGradAtZero,
    };
    const errorPath = typeof inp.optimizer === 'object' ? 'optimizer' : 'lr';

    let state = start.state;
    let pass = first;
    let firstBack: BackwardPass | undefined;
    const trajectory: NonNullable<MlpStepAnswer['trajectory']> = [];
    for (let k = 1; k <= total; k++) {
      if (k > 1) pass = forward(layers, x);
      const explain = k === 1 || k <= SHOWN_ITERATIONS || k === total;
      const back = backward(opts, layers, x, t, pass, k === 1 ? steps : undefined, layout);
      if (k === 1) firstBack = back;
      else if (explain) steps.push(...iterationSteps(k, pass, back, layout));
      else if (k === SHOWN_ITERATIONS + 1) {
        const range = total - 1 > k ? `Iterations ${k} to ${total - 1} repeat` : `Iteration ${k} repeats`;
        steps.push(step(`${range} the same computation (every number is in the trajectory)`));
      }
      const up = updateNetwork(
        config,
        layers,
        back.gradients,
        state,
        layout,
        errorPath,
        explain ? steps : undefined,
        k,
      );
      layers = up.layers;
      state = up.state;
      trajectory.push({
        step: k,
        loss: back.loss,
        output: plusZero(pass.as[L - 1] as number[]),
        gradients: shown(back.gradients, layout),
        updated: shown(layerValues(layers), layout),
      });
    }
    const back1 = firstBack as BackwardPass;
    notes.push(...back1.notes, ...optimizerNotes(inp, config, total), ...initialStateNote(config, start.flat));
    notes.push(...conventionNotes(inp, layers, first.zs));
    const answer: MlpStepAnswer = {
      preactivations: first.zs.map(plusZero),
      activations: first.as.map(plusZero),
      loss: back1.loss,
      dataLoss: back1.dataLoss,
      penalty: back1.penalty,
      deltas: back1.deltas.map(plusZero),
      gradients: shown(back1.gradients, layout),
      updated: shown(layerValues(layers), layout),
      ...(config.optimizer === 'sgd' ? {} : { optimizerState: optimizerStateTable(layers, state, layout) }),
      trajectory,
      finalState: layerState(config, layers, state, layout),
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
    {
      title: 'Forward pass only: the softmax output layer of exam line 1100 (input [2, 0, 1, 0])',
      source:
        'Exam problem (line 1100): W = [[0.2, 0.3, 0.2, 0.1], [0.1, 0.2, 0.5, 0.1], [0.2, 0.1, 0.1, 0.1]], b = [0.3, 0.1, 0.1], no target. By hand: z = W·x + b = [0.4 + 0.2 + 0.3, 0.2 + 0.5 + 0.1, 0.4 + 0.1 + 0.1] = [0.9, 0.8, 0.6]; softmax = e^z/Σe^z ≈ [0.378, 0.342, 0.280] (the rubric’s [0.38, 0.34, 0.28]).',
      input: {
        layers: [
          {
            weights: [
              [0.2, 0.3, 0.2, 0.1],
              [0.1, 0.2, 0.5, 0.1],
              [0.2, 0.1, 0.1, 0.1],
            ],
            bias: [0.3, 0.1, 0.1],
            activation: 'softmax',
          },
        ],
        input: [2, 0, 1, 0],
      },
      answer: {
        preactivations: [[0.9, 0.8, 0.6]],
        activations: [[0.9, 0.8, 0.6].map((z) => Math.exp(z) / (Math.exp(0.9) + Math.exp(0.8) + Math.exp(0.6)))],
      },
    },
    {
      title: 'Momentum at t + 1 from the update t − 1 → t (exam line 3204): autoencoder 2-1-2, μ = 0.7, η = 0.3',
      source:
        'Exam problem 5 B/C (line 3204; figure not in the seed, weights at t reconstructed from the rubric: w1 = 0 after −0.5 → 0, w3 = 1 after 0.5 → 1; w2 = 0.5 and w4 = −0.5 taken as unchanged). By hand: x = (1, 0), hidden z = 0 → ReLU 0, outputs σ(0) = (0.5, 0.5), BCE summed = 2 ln 2 ≈ 1.386; every gradient is 0 (hidden output 0 for w3, w4; ReLU′(0) = 0 for w1, w2), so classic momentum v = 0.7·Δ − 0.3·0 gives w1 = 0.35, w3 = 1.35 (the rubric’s values), w2 = 0.5, w4 = −0.5.',
      input: {
        layers: [
          { weights: [[0, 0.5]], activation: 'relu' },
          { weights: [[1], [-0.5]], activation: 'sigmoid' },
        ],
        input: [1, 0],
        target: [1, 0],
        loss: 'bce',
        reduction: 'sum',
        lr: 0.3,
        optimizer: { optimizer: 'momentum', momentum: 0.7, momentumForm: 'classic' },
        initialState: { velocity: [{ weights: [[0.5, 0]] }, { weights: [[0.5], [0]] }] },
      },
      answer: {
        loss: 2 * Math.LN2,
        updated: [
          { weights: [[0.35, 0.5]], bias: [] },
          { weights: [[1.35], [-0.5]], bias: [] },
        ],
      },
    },
    {
      title: 'SGD at t, then momentum at t + 1 (exam lines 2153/3696): 2-2-2 net, w_ij from i to j, β = 0.9, η = 0.01',
      source:
        'Exam problem 4 (lines 2153 and 3696; “you can assume the initial weights”: ours are w = [[0.1, 0.2], [0.3, 0.4]] into the ReLU layer and v = [[0.5, 0.6], [0.7, 0.8]] into the sigmoid outputs, w_ij from i to j, no biases; loss BCE summed over the outputs). Two momentum steps answer (c) and (d): the first from zero velocity is the SGD step. By hand for (c): h = [0.4, 0.6], ŷ = σ([0.62, 0.72]), δ = ŷ − (0, 1), ∂L/∂v_ij = h_i·δ_j, ∂L/∂w_ij = x_i·Σ_k v_jk·δ_k (ReLU′ = 1); the second step is checked against tf.train.momentum in the tests.',
      input: {
        weightLayout: 'in-out',
        layers: [
          {
            weights: [
              [0.1, 0.2],
              [0.3, 0.4],
            ],
            activation: 'relu',
          },
          {
            weights: [
              [0.5, 0.6],
              [0.7, 0.8],
            ],
            activation: 'sigmoid',
          },
        ],
        input: [1, 1],
        target: [0, 1],
        loss: 'bce',
        reduction: 'sum',
        lr: 0.01,
        optimizer: { optimizer: 'momentum', momentum: 0.9 },
        steps: 2,
      },
      answer: {
        gradients: (() => {
          const sig = (z: number) => 1 / (1 + Math.exp(-z));
          const d = [sig(0.62), sig(0.72) - 1];
          const dh = [0.5 * (d[0] as number) + 0.6 * (d[1] as number), 0.7 * (d[0] as number) + 0.8 * (d[1] as number)];
          return [
            { weights: [dh, dh], bias: [] },
            { weights: [0.4, 0.6].map((h) => d.map((dj) => h * (dj as number))), bias: [] },
          ];
        })(),
      },
    },
    {
      title: 'A target the output cannot reach (exam line 1768): one sigmoid neuron, x = [0.65, 0.75], target 2.5, SSE',
      source:
        'Exam problem 4(b) (line 1768; the figure’s weights are not in the seed, ours are w = [0.2, 0.3], b = 0.1, η = 0.1). By hand: z = 0.13 + 0.225 + 0.1 = 0.455, ŷ = σ(0.455), SSE = (2.5 − ŷ)²; a sigmoid never exceeds 1, so the loss stays above (2.5 − 1)² = 2.25 and a note says the selection is poor.',
      input: {
        layers: [{ weights: [[0.2, 0.3]], bias: [0.1], activation: 'sigmoid' }],
        input: [0.65, 0.75],
        target: 2.5,
        loss: 'sse',
        lr: 0.1,
      },
      answer: { loss: (2.5 - 1 / (1 + Math.exp(-0.455))) ** 2 },
    },
  ],
});

/** Notes about the optimizer: its settings, the number of steps, an overridden lr. */
function optimizerNotes(inp: Input, config: OptimizerConfig, total: number): string[] {
  const notes: string[] = [];
  if (config.optimizer !== 'sgd' || config.weightDecay > 0) {
    notes.push(
      `${config.optimizer}${config.momentum === undefined ? '' : ` (μ = ${config.momentum}, ${config.momentumForm} form)`}${config.optimizer.startsWith('adam') ? `, β₁ = ${config.beta1}, β₂ = ${config.beta2}, ε = ${config.eps} ${config.epsPlacement} the root, bias correction ${config.biasCorrection ? 'on' : 'off'}` : ''}; rules as optim/step${inp.initialState ? '' : ', from a fresh state (zero buffers, t = 0)'}.`,
    );
  }
  if (total > 1) {
    notes.push(
      `${total} steps on the same sample, the optimizer state carried from one to the next; gradients, deltas and the loss fields are those of the first step, updated the parameters after the last (the trajectory has every step).`,
    );
  }
  const own = typeof inp.optimizer === 'object' ? inp.optimizer.lr : undefined;
  if (own !== undefined && inp.lr !== undefined && own !== inp.lr) {
    notes.push(`The optimizer's own lr = ${own} wins over lr = ${inp.lr}.`);
  }
  return notes;
}

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
  const missing: number[] = [];
  for (let l = 0; l < inp.layers.length; l++) if (inp.layers[l]?.bias === undefined) missing.push(l);
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
