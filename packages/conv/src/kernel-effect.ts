/**
 * conv/kernel-effect — what a hand-made 2-D kernel does to an image, from
 * principles: gain (sum of weights), zero sum, sign structure, symmetry
 * across the axes and diagonals, and the response to step edges.
 */
import { a, add, DnnInputError, defineSolver, eq, matrix, mul, num, type Step, s, step, sym } from '@dnn/core';
import * as z from 'zod/mini';
import { nestedNumbers, toTensor } from './tensor.js';

/** Largest kernel side accepted. */
const MAX_KERNEL = 31;

/** Effects in the catalog's order. */
export const EFFECTS = [
  'identity',
  'blur',
  'sharpen',
  'vertical-edge',
  'horizontal-edge',
  'diagonal-edge',
  'edge',
  'invert',
  'detector',
] as const;

/** One of the catalog's kernel effects. */
export type KernelEffect = (typeof EFFECTS)[number];

const input = s.object({
  kernel: nestedNumbers([2], 'Kernel [kH][kW] (cross-correlation orientation: row 0 is the top, column 0 the left).'),
  scale: z
    ._default(z.number().check(z.refine((v) => v !== 0, { message: 'must not be 0' })), 1)
    .check(z.describe('Factor in front of the matrix, e.g. 1/9 for a 3×3 box blur written as ones. Default 1.')),
});

const answer = a.answer({
  effects: a.list(
    a.text(
      'Effect',
      'identity: one tap of weight 1 at the centre; blur: taps of one sign spread over several cells; sharpen: identity plus a zero-sum high-pass (gain 1); vertical-, horizontal-, diagonal-edge: zero-sum and antisymmetric across that axis; edge: zero-sum, responds in all directions (Laplacian-like: centre against surround); invert: negative gain (not for detectors); detector: a zero-mean template (zero sum, or an offset smaller than both the positive and the negative taps) with no edge effect, responding most to the non-trivial pattern in `pattern`.',
      EFFECTS,
    ),
    'Effects',
    'Detected effects, in the catalog’s order; empty when none applies.',
  ),
  gain: a.scalar('Gain', 'Sum of the (scaled) weights: the response to a flat image of ones.'),
  zeroSum: a.flag('Zero sum', 'True when the weights sum to 0 (to within 1e-9 relative to Σ|w|): flat regions give 0.'),
  bestPatch: a.matrix(
    'Best patch',
    'The [0, 1] patch with the strongest response (matched filter): 1 under positive taps, 0 elsewhere.',
    { axes: ['kH', 'kW'] },
  ),
  bestResponse: a.scalar('Best response', 'The response to the best patch: the sum of the positive taps.'),
  pattern: z.optional(
    a.matrix(
      'Detected pattern',
      'detector only: the [0, 1] pattern it responds to most (1 under positive taps, 0 under negative ones; cells under zero taps do not matter and show 0).',
      { axes: ['kH', 'kW'] },
    ),
  ),
});

/** The answer of conv/kernel-effect. */
export type KernelEffectAnswer = z.output<typeof answer>;

type Grid = number[][];

/** A number as the steps print it (`−2`, trimmed float noise). */
const show = (x: number) => num(x).text;

const sumOf = (g: Grid, weight: (i: number, j: number) => number) =>
  g.reduce((acc, row, i) => row.reduce((a, v, j) => a + v * weight(i, j), acc), 0);

/** Weight of a pixel in a step image that is 0 on one side of a line, 1 on the other and ½ on it. */
const side = (d: number) => (d > 0 ? 1 : d === 0 ? 0.5 : 0);

interface Mirror {
  effect: 'vertical-edge' | 'horizontal-edge' | 'diagonal-edge';
  /** How the mirror is described in the step. */
  axis: string;
  /** The mirrored position of (i, j). */
  map: (i: number, j: number) => [number, number];
  /** Signed distance of (i, j) from the mirror line: the step edge is bright where it is > 0. */
  distance: (i: number, j: number) => number;
  /** The step edge it is tested with. */
  edge: string;
}

function mirrors(kH: number, kW: number): Mirror[] {
  const list: Mirror[] = [
    {
      effect: 'vertical-edge',
      axis: 'left ↔ right (across the vertical centre line)',
      map: (i, j) => [i, kW - 1 - j],
      distance: (_, j) => j - (kW - 1) / 2,
      edge: 'a vertical step edge (0 on the left, 1 on the right)',
    },
    {
      effect: 'horizontal-edge',
      axis: 'top ↔ bottom (across the horizontal centre line)',
      map: (i, j) => [kH - 1 - i, j],
      distance: (i) => i - (kH - 1) / 2,
      edge: 'a horizontal step edge (0 above, 1 below)',
    },
  ];
  if (kH === kW) {
    list.push(
      {
        effect: 'diagonal-edge',
        axis: 'across the main diagonal (transpose)',
        map: (i, j) => [j, i],
        distance: (i, j) => j - i,
        edge: 'a diagonal step edge along the main diagonal (1 above it, 0 below)',
      },
      {
        effect: 'diagonal-edge',
        axis: 'across the anti-diagonal',
        map: (i, j) => [kW - 1 - j, kH - 1 - i],
        distance: (i, j) => i + j - (kH - 1),
        edge: 'a diagonal step edge along the anti-diagonal (1 below it, 0 above)',
      },
    );
  }
  return list;
}

/** conv/kernel-effect: classify a kernel's effect on an image, each effect explained in a step. */
export const kernelEffect = defineSolver({
  id: 'conv/kernel-effect',
  title: 'What does this kernel do?',
  description:
    'Classifies a 2-D kernel (identity, blur, sharpen, vertical/horizontal/diagonal edge, Laplacian-like edge, invert, pattern detector) from its gain, zero sum, sign structure, antisymmetry and step-edge response, each effect justified in a step.',
  input,
  answer,
  solveParsed(inp) {
    const t = toTensor(inp.kernel, 'kernel', MAX_KERNEL);
    const [kH, kW] = t.shape as [number, number];
    const K: Grid = Array.from({ length: kH }, (_, i) =>
      Array.from({ length: kW }, (_, j) => inp.scale * (t.data[i * kW + j] as number)),
    );
    const flat = K.flat();
    const magnitude = flat.reduce((a, v) => a + Math.abs(v), 0);
    if (!Number.isFinite(magnitude)) throw new DnnInputError('kernel', 'the scaled weights are too large to add up');
    const tol = 1e-9 * Math.max(1, magnitude);
    const gain = flat.reduce((a, v) => a + v, 0);
    const zeroSum = Math.abs(gain) <= tol;
    const positives = flat.filter((v) => v > tol);
    const negatives = flat.filter((v) => v < -tol);
    const nonZero = positives.length + negatives.length;
    const centre = kH % 2 === 1 && kW % 2 === 1 ? ([(kH - 1) / 2, (kW - 1) / 2] as const) : null;
    const centreValue = centre ? (K[centre[0]]?.[centre[1]] as number) : 0;
    const effects = new Set<KernelEffect>();
    const steps: Step[] = [];
    const notes: string[] = [];

    const weights = inp.scale === 1 ? add(...flat) : mul(inp.scale, add(...t.data));
    steps.push(
      step('Gain: the sum of the weights, i.e. the response to a flat image of ones', eq('gain', weights, gain)),
    );
    const bestPatch = K.map((row) => row.map((v) => (v > tol ? 1 : 0)));
    const bestResponse = positives.reduce((a, v) => a + v, 0);

    if (nonZero === 0) {
      steps.push(step('Every weight is 0: the output is 0 everywhere, whatever the image'));
      return {
        answer: { effects: [], gain, zeroSum: true, bestPatch, bestResponse } satisfies KernelEffectAnswer,
        steps,
        notes: ['An all-zero kernel has no effect to classify.'],
      };
    }
    steps.push(
      step(
        `Sign structure: ${positives.length} positive tap(s) summing to ${show(bestResponse)}, ${negatives.length} negative tap(s) summing to ${show(negatives.reduce((a, v) => a + v, 0))}`,
      ),
    );

    if (nonZero === 1 && centre && Math.abs(centreValue - 1) <= tol) {
      effects.add('identity');
      steps.push(
        step('identity: the only non-zero tap is the centre and it is 1, so each output equals its input pixel'),
      );
    } else if (nonZero === 1) {
      steps.push(
        step(
          'A single non-zero tap: the image is copied (scaled by that weight, and shifted when the tap is off-centre)',
        ),
      );
    }
    if (nonZero >= 2 && (positives.length === 0 || negatives.length === 0)) {
      effects.add('blur');
      steps.push(
        step(
          `blur: all ${nonZero} non-zero taps have the same sign, so each output is a weighted average of a neighbourhood (times the gain ${show(gain)}): neighbouring pixels are mixed and details smoothed`,
        ),
      );
    }
    if (centre && Math.abs(gain - 1) <= tol && centreValue > 1 && negatives.length > 0 && positives.length === 1) {
      effects.add('sharpen');
      const high = K.map((row, i) => row.map((v, j) => (i === centre[0] && j === centre[1] ? v - 1 : v)));
      steps.push(
        step(
          'sharpen: gain 1 and the kernel is the identity plus a zero-sum high-pass H = K − identity with positive centre and negative surround, so the image keeps its brightness and its details are amplified',
          eq('H', matrix(high)),
        ),
      );
    }

    if (zeroSum) {
      steps.push(step('Zero sum: flat regions give 0, so the kernel responds only to changes in intensity'));
      for (const m of mirrors(kH, kW)) {
        const anti = K.every((row, i) =>
          row.every((v, j) => {
            const [p, q] = m.map(i, j);
            return Math.abs((K[p]?.[q] as number) + v) <= tol;
          }),
        );
        if (!anti) continue;
        const response = sumOf(K, (i, j) => side(m.distance(i, j)));
        if (Math.abs(response) <= tol) {
          steps.push(
            step(
              `Antisymmetric ${m.axis}, but the response to ${m.edge} is 0: it reacts to corners or lines, not to a straight edge of that orientation`,
            ),
          );
          continue;
        }
        effects.add(m.effect);
        steps.push(
          step(
            `${m.effect}: zero sum and antisymmetric ${m.axis} (mirrored weights have opposite signs); its response to ${m.edge} is ${show(response)} ≠ 0, so it detects intensity changes across that line`,
          ),
        );
      }
      const directional =
        effects.has('vertical-edge') || effects.has('horizontal-edge') || effects.has('diagonal-edge');
      const [ci, cj] = [(kH - 1) / 2, (kW - 1) / 2];
      const mxx = sumOf(K, (_, j) => (j - cj) ** 2);
      const myy = sumOf(K, (i) => (i - ci) ** 2);
      // Laplacian-like: the centre against a surround of the opposite sign (a zero-mean cross or X template is not).
      const centreSurround =
        centre !== null &&
        Math.abs(centreValue) > tol &&
        K.every((row, i) =>
          row.every(
            (v, j) =>
              (i === centre[0] && j === centre[1]) || Math.abs(v) <= tol || Math.sign(v) !== Math.sign(centreValue),
          ),
        );
      if (
        !directional &&
        centreSurround &&
        Math.abs(mxx) > tol &&
        Math.abs(myy) > tol &&
        Math.sign(mxx) === Math.sign(myy)
      ) {
        effects.add('edge');
        steps.push(
          step(
            'edge: zero sum, no antisymmetry (no preferred direction), the centre against a surround of the opposite sign, and second moments of the same sign along both axes: a Laplacian-like second derivative that responds to edges in every direction',
            eq(sym('M_xx'), sym('∑ w·(j − c_j)^2'), mxx),
            eq(sym('M_yy'), sym('∑ w·(i − c_i)^2'), myy),
          ),
        );
      }
      if (!directional && !effects.has('edge')) {
        const gx = sumOf(K, (_, j) => j - cj);
        const gy = sumOf(K, (i) => i - ci);
        steps.push(
          step(
            'Zero sum but neither antisymmetric across an axis nor Laplacian-like: no edge effect of the catalog; its response to a unit ramp to the right and downward is',
            eq(sym('g_x'), gx),
            eq(sym('g_y'), gy),
          ),
        );
      }
    }
    const negativeMass = -negatives.reduce((a, v) => a + v, 0);
    const edgeLike = [...effects].some((e) => e.endsWith('edge')) || effects.has('sharpen') || effects.has('identity');
    if (
      positives.length > 0 &&
      negatives.length > 0 &&
      !edgeLike &&
      Math.abs(gain) < Math.min(bestResponse, negativeMass) - tol
    ) {
      effects.add('detector');
      steps.push(
        step(
          zeroSum
            ? 'detector: a zero-mean template with no edge structure: flat regions give 0 and the output is largest where the window matches the pattern (bright under the positive taps, dark under the negative ones)'
            : `detector: a template whose offset (gain ${show(gain)}) is smaller than both its positive (${show(bestResponse)}) and its negative (${show(-negativeMass)}) taps, with no edge structure: the output is driven by how well the window matches the pattern, not by its brightness (flat regions are only offset to ${show(gain)}·v, so this is not an inversion)`,
          eq('pattern', matrix(bestPatch)),
        ),
      );
    }
    if (gain < -tol && !effects.has('detector')) {
      effects.add('invert');
      steps.push(
        step(
          `invert: the gain is negative, so a flat region of brightness v becomes ${show(gain)}·v: bright becomes dark (for images in [0, 1] or [0, 255] the output is ≤ 0, i.e. black)`,
        ),
      );
    }
    if (!zeroSum && gain > tol && Math.abs(gain - 1) > tol && !effects.has('sharpen')) {
      steps.push(
        step(
          `The gain ${show(gain)} is not 1: flat regions are ${gain > 1 ? 'brightened' : 'darkened'} by that factor`,
        ),
      );
    }
    steps.push(
      step(
        'Pattern it detects best (matched filter): with pixels in [0, 1], the output is largest when the pixels are 1 under the positive taps and 0 elsewhere',
        eq('P', matrix(bestPatch)),
        positives.length > 1 && positives.length <= 25
          ? eq('response', add(...positives), bestResponse)
          : eq('response', bestResponse),
      ),
    );
    if (effects.size === 0)
      notes.push('No effect of the catalog applies; the steps describe what the kernel responds to.');
    notes.push(
      'Orientation as in cross-correlation (no flip): row 0 is the top of the window, column 0 its left. Effects are judged with a tolerance of 1e-9 relative to the sum of |weights|.',
    );
    return {
      answer: {
        effects: EFFECTS.filter((e) => effects.has(e)),
        gain,
        zeroSum,
        bestPatch,
        bestResponse,
        ...(effects.has('detector') ? { pattern: bestPatch } : {}),
      } satisfies KernelEffectAnswer,
      steps,
      notes,
    };
  },
  examples: [
    {
      title: 'TUM I2DL C1: 1/9 · ones(3×3)',
      source:
        'Exam problem (rubric: box blur/smoothing). By the definitions: nine taps of one sign → blur; gain 9·1/9 = 1 keeps the brightness; not zero-sum, so no edge.',
      input: {
        kernel: [
          [1, 1, 1],
          [1, 1, 1],
          [1, 1, 1],
        ],
        scale: 1 / 9,
      },
      answer: { effects: ['blur'] },
    },
    {
      title: 'TUM I2DL C2: [[1, −1], [1, −1]]',
      source:
        'Exam problem (rubric: vertical edge detector). By the definitions: gain 0; mirrored left ↔ right the weights change sign; a vertical step (0 left, 1 right) gives −1 − 1 = −2 ≠ 0 → vertical-edge.',
      input: {
        kernel: [
          [1, -1],
          [1, -1],
        ],
      },
      answer: { effects: ['vertical-edge'], gain: 0 },
    },
    {
      title: 'Exam: the 3×3 vertical edge filter [[1, 0, −1]] × 3',
      source:
        'Exam problem (rubric: vertical edge detector). By the definitions: gain 0, antisymmetric left ↔ right, vertical step response −3 ≠ 0.',
      input: {
        kernel: [
          [1, 0, -1],
          [1, 0, -1],
          [1, 0, -1],
        ],
      },
      answer: { effects: ['vertical-edge'], gain: 0 },
    },
    {
      title: 'Exam: [[0, −1, 0], [−1, −4, −1], [0, −1, 0]]',
      source:
        'Exam problem (rubric: invert and blur; not edge detection, not sharpening). By the definitions: all five non-zero taps negative → blur; gain −8 < 0 → invert; not zero-sum → no edge.',
      input: {
        kernel: [
          [0, -1, 0],
          [-1, -4, -1],
          [0, -1, 0],
        ],
      },
      answer: { effects: ['blur', 'invert'], gain: -8 },
    },
    {
      title: 'Exam: the 3×3 black-cross detector [[−1, 1, −1], [1, −1, 1], [−1, 1, −1]]',
      source:
        'Exam problem (exam-problems.txt line 346, the rubric’s hand-crafted filter for black X-shaped crosses). By the definitions: mixed signs, gain −1 smaller in size than the positive taps (4) and the negative taps (5), no antisymmetry and no centre-surround → detector, not invert; the matched-filter patch is 1 on the four edge-middle cells and 0 on the corners and centre: a dark X on white, response 4.',
      input: {
        kernel: [
          [-1, 1, -1],
          [1, -1, 1],
          [-1, 1, -1],
        ],
      },
      answer: {
        effects: ['detector'],
        gain: -1,
        bestPatch: [
          [0, 1, 0],
          [1, 0, 1],
          [0, 1, 0],
        ],
        bestResponse: 4,
        pattern: [
          [0, 1, 0],
          [1, 0, 1],
          [0, 1, 0],
        ],
      },
    },
  ],
});
