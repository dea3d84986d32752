/**
 * conv/batchnorm — a batch-normalisation layer's forward pass in training
 * mode: per-feature (or, for [N][C][H][W], per-channel) mean and standard
 * deviation of the batch, the normalised values, and γ·z_norm + β.
 */
import {
  a,
  add,
  checkLimit,
  DnnInputError,
  defineSolver,
  eq,
  frac,
  matrix,
  mul,
  pow,
  type Step,
  s,
  sqrt,
  step,
  sub,
  sym,
  type Tex,
  tex,
  vec,
} from '@dnn/core';
import * as z from 'zod/mini';
import { checkFinite, MAX_AXIS, nestedNumbers, OUTPUT_VALUES, sizeOf, toNested, toTensor } from './tensor.js';

/** Groups with at most this many values list them in the mean and variance steps. */
const MAX_LISTED = 8;
/** Features (channels) worked out one by one; the rest are summarised. */
const MAX_FEATURES = 6;

const perFeature = (what: string, fallback: number) =>
  z
    ._default(z.union([z.number(), z.array(z.number()).check(z.minLength(1), z.maxLength(MAX_AXIS))]), fallback)
    .check(
      z.describe(
        `${what}: one number per feature (per channel for [N][C][H][W]), or one number for all. Default ${fallback}.`,
      ),
    );

const input = s.object({
  z: nestedNumbers(
    [2, 4],
    'Pre-normalisation values: [batch][features] (a fully-connected layer), or [N][C][H][W] (spatial batch norm, statistics per channel over N, H and W). At most 5·10⁵ values (10⁶ output values: zNorm and y) per request.',
  ),
  gamma: perFeature('Scale γ', 1),
  beta: perFeature('Shift β', 0),
  eps: z
    ._default(z.number().check(z.minimum(0), z.maximum(1e6)), 0)
    .check(z.describe('ε added to the variance under the square root: σ = √(var + ε). Default 0, as the exam.')),
  variance: z._default(
    s.oneOf(
      ['population', 'sample'],
      'population (default, the exam and what PyTorch/Keras use to normalise during training): divide by m; sample: divide by m − 1.',
    ),
    'population',
  ),
});

/** Values of the shape of z: a matrix [batch][features], or [N][C][H][W] as one [C][H][W] tensor per sample. */
const likeZ = (title: string, description: string) =>
  a.field(
    'matrix',
    z.union([
      a.matrix(title, '[batch][features].', { axes: ['batch', 'feature'] }),
      a.list(
        a.tensor('Sample', 'One sample’s [C][H][W] values.', { axes: ['C', 'H', 'W'] }),
        title,
        '[N][C][H][W]: one [C][H][W] tensor per sample.',
      ),
    ]),
    title,
    `${description} Same shape as z: [batch][features], or [N][C][H][W].`,
    { axes: ['batch', 'feature'] },
  );

const answer = a.answer({
  mean: a.vector('Mean', 'μ per feature (per channel for [N][C][H][W]) over the batch.'),
  var: a.vector(
    'Variance',
    'Variance per feature (channel), without ε: divided by m (population, default) or m − 1 (sample).',
  ),
  std: a.vector('Standard deviation', 'σ = √(var + ε) per feature (channel).'),
  zNorm: likeZ('Normalised', 'z_norm = (z − μ)/σ; 0 for a feature whose σ is 0.'),
  y: likeZ('Output', 'y = γ·z_norm + β.'),
});

/** The answer of conv/batchnorm. */
export type BatchnormAnswer = z.output<typeof answer>;

/** `μ[j]` in text, `\mu_{j}` in LaTeX. */
function greek(letter: string, latex: string, j: number): Tex {
  return tex(`${letter}[${j}]`, `${latex}_{${j}}`);
}

/** Expands γ or β to one value per feature. */
function perFeatureValues(v: number | number[], n: number, path: string, unit: string): Float64Array {
  if (typeof v === 'number') return new Float64Array(n).fill(v);
  if (v.length === 1) return new Float64Array(n).fill(v[0] as number);
  if (v.length !== n) throw new DnnInputError(path, `needs one value per ${unit}: ${n}, got ${v.length}`);
  return Float64Array.from(v);
}

/** Layout of z: `groups` features, each with `m` values; `index(j, i)` is the flat index of value i of feature j. */
interface Layout {
  groups: number;
  m: number;
  index: (j: number, i: number) => number;
  spatial: boolean;
}

function layoutOf(shape: number[]): Layout {
  if (shape.length === 2) {
    const [B, F] = shape as [number, number];
    return { groups: F, m: B, index: (j, i) => i * F + j, spatial: false };
  }
  const [N, C, H, W] = shape as [number, number, number, number];
  const hw = H * W;
  return {
    groups: C,
    m: N * hw,
    index: (j, i) => (Math.floor(i / hw) * C + j) * hw + (i % hw),
    spatial: true,
  };
}

/** Mean, variance (population or sample) and σ of every feature; a constant feature has variance exactly 0. */
function statistics(data: Float64Array, L: Layout, sample: boolean, eps: number) {
  const mean = new Float64Array(L.groups);
  const variance = new Float64Array(L.groups);
  for (let j = 0; j < L.groups; j++) {
    let sum = 0;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < L.m; i++) {
      const v = data[L.index(j, i)] as number;
      sum += v;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    if (min === max) {
      mean[j] = min;
      continue;
    }
    const mu = sum / L.m;
    let sq = 0;
    for (let i = 0; i < L.m; i++) sq += ((data[L.index(j, i)] as number) - mu) ** 2;
    mean[j] = mu;
    variance[j] = sq / (sample ? L.m - 1 : L.m);
  }
  const std = variance.map((v) => Math.sqrt(v + eps));
  return { mean, variance, std };
}

/** Steps for one feature: μ, the variance and σ with the numbers substituted. */
function featureSteps(
  data: Float64Array,
  L: Layout,
  j: number,
  stats: ReturnType<typeof statistics>,
  sample: boolean,
  eps: number,
): Step[] {
  const values = Array.from({ length: L.m }, (_, i) => data[L.index(j, i)] as number);
  const mu = stats.mean[j] as number;
  const divisor = sample ? L.m - 1 : L.m;
  const what = L.spatial ? `channel ${j} (all ${L.m} values of N, H, W)` : `feature ${j}`;
  const listed = L.m <= MAX_LISTED;
  const sum = values.reduce((a, b) => a + b, 0);
  const squares = values.reduce((a, v) => a + (v - mu) ** 2, 0);
  const meanStep = step(`Mean of ${what}`, eq(greek('μ', '\\mu', j), frac(listed ? add(...values) : sum, L.m), mu));
  const varStep = step(
    `${sample ? 'Sample' : 'Population'} variance of ${what} (divide by ${sample ? 'm − 1' : 'm'})`,
    eq(
      greek('σ²', '\\sigma^2', j),
      frac(listed ? add(...values.map((v) => pow(sub(v, mu), 2))) : squares, divisor),
      stats.variance[j] as number,
    ),
  );
  const varJ = stats.variance[j] as number;
  const stdStep = step(
    `Standard deviation of ${what}`,
    eq(greek('σ', '\\sigma', j), eps > 0 ? sqrt(add(varJ, eps)) : sqrt(varJ), stats.std[j] as number),
  );
  return [meanStep, varStep, stdStep];
}

/** The exam's batch: b = 4 samples of n = 3 pre-batch-norm neurons. */
const EXAM_BATCH = [
  [12, 0, -5],
  [14, 10, 5],
  [14, 10, 5],
  [12, 0, -5],
];

/** conv/batchnorm: batch statistics, normalised values and the affine output. */
export const batchnorm = defineSolver({
  id: 'conv/batchnorm',
  title: 'Batch normalisation by hand',
  description:
    'Batch-norm forward pass in training mode: per-feature (or per-channel for [N][C][H][W]) mean and standard deviation, z_norm = (z − μ)/σ and y = γ·z_norm + β, with population or sample variance and ε.',
  input,
  answer,
  solveParsed(inp) {
    const t = toTensor(inp.z, 'z');
    checkLimit(
      'z',
      'outputCells',
      2 * sizeOf(t.shape),
      'the number of output values (zNorm and y: two per value of z)',
      OUTPUT_VALUES,
    );
    const L = layoutOf(t.shape);
    const unit = L.spatial ? 'channel' : 'feature';
    const gamma = perFeatureValues(inp.gamma, L.groups, 'gamma', unit);
    const beta = perFeatureValues(inp.beta, L.groups, 'beta', unit);
    const sample = inp.variance === 'sample';
    if (sample && L.m < 2) {
      throw new DnnInputError(
        'variance',
        `the sample variance divides by m − 1 and needs at least 2 values per ${unit}; this batch has ${L.m}`,
      );
    }
    const stats = statistics(t.data, L, sample, inp.eps);
    const zNorm = new Float64Array(t.data.length);
    const y = new Float64Array(t.data.length);
    for (let j = 0; j < L.groups; j++) {
      const sd = stats.std[j] as number;
      for (let i = 0; i < L.m; i++) {
        const k = L.index(j, i);
        const zn = sd === 0 ? 0 : ((t.data[k] as number) - (stats.mean[j] as number)) / sd;
        zNorm[k] = zn;
        y[k] = (gamma[j] as number) * zn + (beta[j] as number);
      }
    }

    checkFinite(stats.mean, 'z', 'a mean');
    checkFinite(stats.std, 'z', 'a variance');
    checkFinite(zNorm, 'z', 'a difference z − μ');
    checkFinite(y, 'gamma', 'an output γ·z_norm + β');
    const steps: Step[] = [
      step(
        L.spatial
          ? `Spatial batch norm: statistics per channel over the N·H·W = ${L.m} values of that channel`
          : `Statistics per feature over the batch of m = ${L.m}`,
        eq(sym('μ'), frac(sym('∑ z'), 'm')),
        eq(sym('σ'), sqrt(add(frac(sym('∑ (z − μ)^2'), sample ? sym('m − 1') : 'm'), sym('ε')))),
      ),
    ];
    const shown = Math.min(L.groups, MAX_FEATURES);
    for (let j = 0; j < shown; j++) steps.push(...featureSteps(t.data, L, j, stats, sample, inp.eps));
    if (shown < L.groups) steps.push(step(`The other ${L.groups - shown} ${unit}s are computed the same way`));
    steps.push(
      step('Means and standard deviations', eq(sym('μ'), vec([...stats.mean])), eq(sym('σ'), vec([...stats.std]))),
    );
    steps.push(
      step(
        'Normalise and scale',
        eq('z_norm', frac(sym('z − μ'), sym('σ'))),
        eq('y', add(mul(sym('γ'), 'z_norm'), sym('β'))),
      ),
    );
    const firstIndex = L.index(0, 0);
    const sd0 = stats.std[0] as number;
    steps.push(
      step(
        `First value, ${unit} 0`,
        eq(
          'z_norm',
          sd0 === 0 ? 0 : frac(sub(t.data[firstIndex] as number, stats.mean[0] as number), sd0),
          zNorm[firstIndex] as number,
        ),
        eq('y', add(mul(gamma[0] as number, zNorm[firstIndex] as number), beta[0] as number), y[firstIndex] as number),
      ),
    );
    const [rows, cols] = t.shape as [number, number];
    if (!L.spatial && rows <= 16 && cols <= 16) {
      const asRows = (d: Float64Array) =>
        Array.from({ length: rows }, (_, i) => Array.from(d.subarray(i * cols, (i + 1) * cols)));
      steps.push(step('Normalised values', eq('z_norm', matrix(asRows(zNorm)))));
      steps.push(step('Output', eq('y', matrix(asRows(y)))));
    }

    const notes: string[] = [
      sample
        ? 'Sample variance (divide by m − 1). Batch-norm layers normalise with the population variance (divide by m) in training; the m − 1 version is what PyTorch stores in running_var.'
        : 'Population variance (divide by m), as the exam and as PyTorch/Keras batch norm in training mode.',
    ];
    if (inp.eps > 0) notes.push(`σ = √(var + ε) with ε = ${inp.eps}.`);
    else notes.push('ε = 0, as the exam; PyTorch uses ε = 1e-5 and Keras 1e-3 (set eps).');
    if (L.spatial)
      notes.push('Spatial batch norm (BatchNorm2d): one μ and σ per channel, over the batch and all positions.');
    const flat = [...stats.std.entries()].filter(([, v]) => v === 0).map(([j]) => j);
    if (flat.length > 0) {
      notes.push(
        `${unit[0]?.toUpperCase()}${unit.slice(1)}(s) ${flat.join(', ')} have σ = 0 (all values equal and ε = 0): (z − μ)/σ is 0/0, so z_norm is set to 0 and y = β there.`,
      );
    }
    /** Values nested like z (rank 2 or 4, as the schema's two alternatives). */
    const likeInput = (d: Float64Array) => toNested(d, t.shape) as BatchnormAnswer['zNorm'];
    return {
      answer: {
        mean: [...stats.mean],
        var: [...stats.variance],
        std: [...stats.std],
        zNorm: likeInput(zNorm),
        y: likeInput(y),
      } satisfies BatchnormAnswer,
      steps,
      notes,
    };
  },
  examples: [
    {
      title: 'TUM I2DL: batch of 4, 3 neurons; γ = (1, 1, 1), β = (0, −10, 10)',
      source:
        'Exam problem (batch normalization, b and c). By hand: μ = (12+14+14+12)/4 = 13, (0+10+10+0)/4 = 5, (−5+5+5−5)/4 = 0; σ² = (1+1+1+1)/4 = 1, (25·4)/4 = 25, 25 → σ = [1, 5, 5]; z_norm = ±1; y = z_norm + β.',
      input: {
        z: EXAM_BATCH,
        gamma: [1, 1, 1],
        beta: [0, -10, 10],
      },
      answer: {
        mean: [13, 5, 0],
        std: [1, 5, 5],
        zNorm: [
          [-1, -1, -1],
          [1, 1, 1],
          [1, 1, 1],
          [-1, -1, -1],
        ],
        y: [
          [-1, -11, 9],
          [1, -9, 11],
          [1, -9, 11],
          [-1, -11, 9],
        ],
      },
    },
    {
      title: 'The same batch with the sample variance (divide by m − 1 = 3)',
      source:
        'By hand: σ² = 4/3, 100/3, 100/3 → σ = √(4/3) ≈ 1.1547005, √(100/3) ≈ 5.7735027; z_norm of the first row = −1/√(4/3) = −√3/2 ≈ −0.8660254.',
      input: {
        z: EXAM_BATCH,
        variance: 'sample',
      },
      answer: {
        mean: [13, 5, 0],
        std: [Math.sqrt(4 / 3), Math.sqrt(100 / 3), Math.sqrt(100 / 3)],
        zNorm: [
          [-Math.sqrt(3) / 2, -Math.sqrt(3) / 2, -Math.sqrt(3) / 2],
          [Math.sqrt(3) / 2, Math.sqrt(3) / 2, Math.sqrt(3) / 2],
          [Math.sqrt(3) / 2, Math.sqrt(3) / 2, Math.sqrt(3) / 2],
          [-Math.sqrt(3) / 2, -Math.sqrt(3) / 2, -Math.sqrt(3) / 2],
        ],
      },
    },
    {
      title: 'Spatial batch norm: N = 2, C = 2, 2×2 maps; channel 1 is constant',
      source:
        'By hand: channel 0 holds 1…8: μ = 36/8 = 4.5, σ² = 2·(3.5² + 2.5² + 1.5² + 0.5²)/8 = 42/8 = 5.25, σ = √5.25; channel 1 is all 3: μ = 3, σ = 0 → z_norm 0, y = β = 0.',
      input: {
        z: [
          [
            [
              [1, 2],
              [3, 4],
            ],
            [
              [3, 3],
              [3, 3],
            ],
          ],
          [
            [
              [5, 6],
              [7, 8],
            ],
            [
              [3, 3],
              [3, 3],
            ],
          ],
        ],
      },
      answer: { mean: [4.5, 3], std: [Math.sqrt(5.25), 0] },
    },
  ],
});
