/**
 * optim/dropout — dropout arithmetic: active units while training and testing,
 * the train/test scaling of the inverted (PyTorch, Keras) and standard
 * (Srivastava et al. 2014) variants, a layer's output under a mask or at test
 * time, its training expectation, and the number of thinned sub-networks.
 */
import {
  a,
  checkLimit,
  DnnInputError,
  defineSolver,
  eq,
  frac,
  mul,
  pow,
  type Step,
  s,
  step,
  sub,
  words,
} from '@dnn/core';
import * as z from 'zod/mini';
import { showVec } from './show.js';

/** 2^d is a finite double up to d = 1023. */
const MAX_EXPONENT = 1023;

const unitCount = (description: string) =>
  z.number().check(z.int(), z.minimum(0), z.maximum(1e9), z.describe(description));

const input = s.object({
  units: z
    .number()
    .check(
      z.int(),
      z.minimum(1),
      z.maximum(1e9),
      z.describe('Width n of the layer dropout is applied to (its units).'),
    ),
  p: z
    .number()
    .check(
      z.minimum(0, 'must be a probability, at least 0'),
      z.lt(1, 'must be below 1 (p = 1 would drop every unit)'),
      z.describe('Drop probability p (Keras Dropout(rate), PyTorch nn.Dropout(p)): each unit is zeroed with it.'),
    ),
  variant: z._default(
    s.oneOf(
      ['inverted', 'standard'],
      'inverted (default; PyTorch and Keras): kept units are scaled by 1/(1−p) while training, nothing happens at test time. standard (the original paper): no scaling while training, every output multiplied by (1−p) at test time.',
    ),
    'inverted',
  ),
  activations: z
    .optional(z.array(z.number()).check(z.minLength(1)))
    .check(z.describe('Optional: the layer’s outputs before dropout, one per unit (length `units`).')),
  mask: z
    .optional(z.array(z.union([z.literal(0), z.literal(1)], { error: () => 'must be 0 (dropped) or 1 (kept)' })))
    .check(z.describe('Optional, with `activations`: the training mask, 1 = kept, 0 = dropped, one per unit.')),
  training: z
    .optional(z.boolean())
    .check(
      z.describe(
        'Optional, with `activations`: false gives the test-time output (dropout off). Without `mask` and without `training: false` only the expectation is computed.',
      ),
    ),
  droppableUnits: z.optional(
    unitCount(
      'Units dropout may remove, over every layer it is applied to, for the sub-network count 2^d. Default: the sum of `layerUnits`, else `units`.',
    ),
  ),
  layerUnits: z
    .optional(z.array(z.number().check(z.int(), z.minimum(1), z.maximum(1e9))).check(z.minLength(1), z.maxLength(1000)))
    .check(
      z.describe(
        'Optional: the widths of every layer dropout is applied to (e.g. [2, 2] for two hidden layers of 2). Adds the count of sub-networks that keep exactly n·(1−p) units of each layer.',
      ),
    ),
});

const answer = a.answer({
  expectedActiveTraining: a.scalar(
    'Expected active units while training',
    'n·(1−p): each unit is kept independently with probability 1−p, so the count is Binomial(n, 1−p).',
  ),
  activeTesting: a.count('Active units at test time', 'n: dropout is switched off at test time.'),
  trainScale: a.scalar(
    'Training scale of kept units',
    'Factor on a kept unit’s output while training: 1/(1−p) for inverted dropout, 1 for standard.',
  ),
  testScale: a.scalar(
    'Test-time scale',
    'Factor on every output at test time: 1 for inverted dropout, 1−p for standard (the weights scaled by 1−p).',
  ),
  output: z.optional(
    a.vector(
      'Output',
      'With `activations`: mask·a·trainScale for a training mask, or a·testScale at test time; absent otherwise.',
    ),
  ),
  expectedOutput: z.optional(
    a.vector(
      'Expected training output',
      'With `activations`: E[output] over the masks while training, (1−p)·trainScale·a — equal to the test-time output in both variants.',
    ),
  ),
  subnetworks: z.nullable(
    a.scalar(
      'Thinned sub-networks',
      '2^d for d droppable units: each subset of kept units is one sub-network (the empty one included); null beyond 2^1023.',
    ),
  ),
  reason: z.nullable(a.text('Why there is no sub-network count', 'Why `subnetworks` is null, else null.')),
  subnetworksAtExpectedSize: z.optional(
    z.nullable(
      a.scalar(
        'Sub-networks keeping exactly n·(1−p) units per layer',
        'With `layerUnits`: ∏ C(nₗ, nₗ·(1−p)); null when some nₗ·(1−p) is not a whole number or the count exceeds 2^1023.',
      ),
    ),
  ),
  exact: a.record(
    {
      expectedActiveTraining: a.fraction('n·(1−p)', 'As a fraction.'),
      subnetworks: z.nullable(a.fraction('2^d', 'As a whole number, for d ≤ 1023; else null.')),
    },
    'Exact values',
    'The expected active count and the sub-network count, exactly.',
  ),
  paramsChange: a.count('Change in parameters', '0: dropout has no weights, so the parameter count does not change.'),
});

/** The answer of optim/dropout. */
export type DropoutAnswer = z.output<typeof answer>;

/** C(n, k) exactly, or null when it exceeds 2^1023. */
function binomial(n: number, k: number): bigint | null {
  const kk = Math.min(k, n - k);
  const limit = 1n << BigInt(MAX_EXPONENT);
  let c = 1n;
  for (let i = 1; i <= kk; i++) {
    c = (c * BigInt(n - kk + i)) / BigInt(i);
    if (c > limit) return null;
  }
  return c;
}

/** n·(1−p) as an exact fraction string and as a number; p as a fraction from its decimal. */
function keptFraction(n: number, p: number): { text: string; value: number } {
  const digits = String(p);
  if (/e/i.test(digits) || digits.length > 12) return { text: String(n * (1 - p)), value: n * (1 - p) };
  const [whole = '0', decimals = ''] = digits.split('.');
  const scale = 10n ** BigInt(decimals.length);
  const num = BigInt(n) * (scale - BigInt(whole + decimals));
  const g = gcd(num, scale);
  const text = scale / g === 1n ? `${num / g}` : `${num / g}/${scale / g}`;
  return { text, value: Number(num) / Number(scale) };
}

function gcd(x: bigint, y: bigint): bigint {
  let [u, v] = [x < 0n ? -x : x, y];
  while (v) [u, v] = [v, u % v];
  return u || 1n;
}

/** optim/dropout: dropout counts, scaling and outputs, each explained in a step. */
export const dropout = defineSolver({
  id: 'optim/dropout',
  title: 'Dropout: active units, scaling and sub-networks',
  description:
    'Dropout arithmetic for a layer of n units with drop probability p: expected active units while training and at test time, the train/test scaling of inverted and standard dropout, the layer’s output under a mask or at test time with its training expectation, the number of thinned sub-networks, and the (unchanged) parameter count.',
  input,
  answer,
  solveParsed(inp) {
    const { units: n, p, variant } = inp;
    const steps: Step[] = [];
    const notes: string[] = [];
    const keep = 1 - p;
    const kept = keptFraction(n, p);
    steps.push(
      step(
        'While training each unit is kept independently with probability 1 − p, so the number of active units is Binomial(n, 1 − p) with mean',
        eq(words('E[active]'), mul(n, sub(1, p)), kept.value),
      ),
      step('At test time dropout is switched off: every unit is active', eq(words('active'), n)),
    );
    const trainScale = variant === 'inverted' ? 1 / keep : 1;
    const testScale = variant === 'inverted' ? 1 : keep;
    steps.push(
      variant === 'inverted'
        ? step(
            'Inverted dropout: kept outputs are divided by 1 − p while training, so their expectation equals the plain output and nothing changes at test time',
            eq(words('train scale'), frac(1, sub(1, p)), trainScale),
            eq(words('test scale'), 1),
          )
        : step(
            'Standard dropout: kept outputs are not rescaled while training; at test time every output (equivalently every outgoing weight) is multiplied by 1 − p to match the training expectation',
            eq(words('train scale'), 1),
            eq(words('test scale'), sub(1, p), testScale),
          ),
    );
    const result: DropoutAnswer = {
      expectedActiveTraining: kept.value,
      activeTesting: n,
      trainScale,
      testScale,
      subnetworks: null,
      reason: null,
      exact: { expectedActiveTraining: kept.text, subnetworks: null },
      paramsChange: 0,
    };
    outputs(inp, trainScale, testScale, keep, result, steps);
    subnetworks(inp, result, steps, notes);
    steps.push(
      step(
        'Dropout has no weights: it only zeroes (and rescales) outputs, so the parameter count is unchanged',
        eq(words('Δ params'), 0),
      ),
    );
    notes.push(
      variant === 'inverted'
        ? 'Inverted dropout (PyTorch nn.Dropout, Keras Dropout): kept units ×1/(1−p) while training, nothing at test time. The original paper’s standard dropout instead multiplies by (1−p) at test time (variant: "standard").'
        : 'Standard dropout (Srivastava et al. 2014): no scaling while training, outputs ×(1−p) at test time. PyTorch and Keras use inverted dropout instead (×1/(1−p) while training).',
      'p is the drop probability (Keras rate, PyTorch p); some texts give the keep probability 1 − p instead.',
    );
    return { answer: result, steps, notes };
  },
  examples: [
    {
      title: 'BITS midsem (Regular) Q1B: Dropout(0.4) after a Dense(60) layer',
      source:
        'Exam problem (exam-problems.txt line 2944). By hand: training 60·(1 − 0.4) = 36 active units on average, testing 60; dropout has no weights, so the parameter count does not change.',
      input: { units: 60, p: 0.4 },
      answer: { expectedActiveTraining: 36, activeTesting: 60, paramsChange: 0, trainScale: 1 / 0.6, testScale: 1 },
    },
    {
      title: 'BITS midsem (Makeup) Q5B: 50% dropout on two hidden layers of 2 units',
      source:
        'Exam problem (exam-problems.txt line 3086; the network has two hidden layers of two units). By hand: 4 droppable units give 2^4 = 16 thinned networks; keeping exactly one unit per layer (the expected n·(1−p) = 1) gives C(2,1)·C(2,1) = 4 — the rubric’s count of "unique paths".',
      input: { units: 2, p: 0.5, layerUnits: [2, 2] },
      answer: { expectedActiveTraining: 1, subnetworks: 16, subnetworksAtExpectedSize: 4 },
    },
    {
      title: 'A layer’s output under a mask, inverted dropout p = 0.5',
      source:
        'By hand: kept units ×1/(1 − 0.5) = ×2, so [1, 2, 3, 4] with mask [1, 0, 1, 0] gives [2, 0, 6, 0]; the training expectation (1 − 0.5)·2·a = a.',
      input: { units: 4, p: 0.5, activations: [1, 2, 3, 4], mask: [1, 0, 1, 0] },
      answer: { output: [2, 0, 6, 0], expectedOutput: [1, 2, 3, 4] },
    },
    {
      title: 'Standard dropout at test time, p = 0.2',
      source: 'By hand: test-time outputs ×(1 − 0.2) = ×0.8: [5, −10] → [4, −8].',
      input: { units: 2, p: 0.2, variant: 'standard', activations: [5, -10], training: false },
      answer: { output: [4, -8], testScale: 0.8, trainScale: 1 },
    },
  ],
});

/** The masked or test-time output and the training expectation, when activations are given. */
function outputs(
  inp: z.output<typeof input>,
  trainScale: number,
  testScale: number,
  keep: number,
  result: DropoutAnswer,
  steps: Step[],
): void {
  const { activations, mask, training, units: n } = inp;
  if (!activations) {
    if (mask) throw new DnnInputError('mask', 'a mask needs the layer’s `activations` to apply it to');
    if (training !== undefined) throw new DnnInputError('training', '`training` needs the layer’s `activations`');
    return;
  }
  checkLimit('activations', 'outputCells', activations.length, 'the number of activations');
  if (activations.length !== n) {
    throw new DnnInputError('activations', `has ${activations.length} values; the layer has units = ${n}`);
  }
  if (mask && mask.length !== n) {
    throw new DnnInputError('mask', `has ${mask.length} entries; the layer has units = ${n}`);
  }
  if (mask && training === false) {
    throw new DnnInputError('training', 'a mask is used while training; leave `mask` out for the test-time output');
  }
  const expected = activations.map((v) => keep * trainScale * v);
  if (!expected.every(Number.isFinite)) {
    throw new DnnInputError('activations', 'the scaled activations overflow double precision; use smaller numbers');
  }
  if (mask) {
    result.output = activations.map((v, i) => (mask[i] === 1 ? v * trainScale : 0));
    steps.push(
      step(
        `Training output: dropped units give 0, kept units their activation × ${trainScale === 1 ? '1' : '1/(1 − p)'} (${mask.filter((m) => m === 1).length} of ${n} kept)`,
        eq(words('y'), showVec(result.output)),
      ),
    );
  } else if (training === false) {
    result.output = activations.map((v) => v * testScale);
    steps.push(
      step(
        `Test-time output: every unit is active${testScale === 1 ? ' and unscaled' : ', multiplied by 1 − p'}`,
        eq(words('y'), showVec(result.output)),
      ),
    );
  }
  result.expectedOutput = expected;
  steps.push(
    step(
      'Expected training output: each unit is kept with probability 1 − p and then scaled, so E[y] = (1 − p)·scale·a, which equals the test-time output',
      eq(words('E[y]'), showVec(expected)),
    ),
  );
}

/** 2^d thinned networks, and the count that keeps exactly n(1 − p) units per layer. */
function subnetworks(inp: z.output<typeof input>, result: DropoutAnswer, steps: Step[], notes: string[]): void {
  const d = inp.droppableUnits ?? inp.layerUnits?.reduce((x, y) => x + y, 0) ?? inp.units;
  if (d <= MAX_EXPONENT) {
    const count = 1n << BigInt(d);
    result.subnetworks = Number(count);
    result.exact.subnetworks = count.toString();
    steps.push(
      step(
        'Thinned sub-networks: each droppable unit is either kept or dropped, and every subset of kept units is a different network (sharing weights)',
        d <= 53 ? eq(words('sub-networks'), pow(2, d), Number(count)) : eq(words('sub-networks'), pow(2, d)),
      ),
    );
  } else {
    result.reason = `2^${d} exceeds 2^1023, the largest power of two a double holds`;
    steps.push(step('Thinned sub-networks: one per subset of droppable units', eq(words('sub-networks'), pow(2, d))));
  }
  if (inp.layerUnits) {
    const sizes = inp.layerUnits.map((w) => w * (1 - inp.p));
    const whole = sizes.map((k) => Math.round(k));
    if (sizes.some((k, i) => Math.abs(k - (whole[i] as number)) > 1e-9 * Math.max(1, k))) {
      result.subnetworksAtExpectedSize = null;
      notes.push('Some layer’s n·(1−p) is not a whole number, so no sub-network keeps exactly the expected count.');
      return;
    }
    let product: bigint | null = 1n;
    for (const [i, w] of inp.layerUnits.entries()) {
      const c = binomial(w, whole[i] as number);
      product = c === null || product === null ? null : product * c;
      if (product !== null && product > 1n << BigInt(MAX_EXPONENT)) product = null;
    }
    result.subnetworksAtExpectedSize = product === null ? null : Number(product);
    if (inp.layerUnits.length <= 16) {
      steps.push(
        step(
          'Sub-networks that keep exactly the expected n·(1 − p) units of each layer: choose which units stay in each layer',
          eq(
            words('count'),
            mul(...inp.layerUnits.map((w, i) => words(`C(${w}, ${whole[i]})`))),
            product === null ? words('more than 2^1023') : Number(product),
          ),
        ),
      );
    }
    notes.push(
      'Exams that count "unique paths" under dropout often mean the sub-networks that keep exactly n·(1−p) units per layer (subnetworksAtExpectedSize); the count of all thinned networks, 2^d, includes every other subset.',
    );
  }
}
