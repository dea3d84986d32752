/**
 * conv/design-kernel — hand-craft a kernel that detects a pattern (a cross, a
 * corner, a bar): the matched filter, made zero-mean so that flat regions give
 * 0, optionally of unit norm or reduced to its signs (the ±1 form rubrics
 * print); its response on the pattern, the largest response any input in the
 * pattern's value range can give, and its response map on an image.
 */
import {
  a,
  add,
  checkLimit,
  DnnInputError,
  defineSolver,
  eq,
  Fraction,
  frac,
  fractionString,
  matrix,
  mul,
  type Step,
  s,
  sqrt,
  step,
  type Tex,
  tex,
  toFraction,
  vec,
  words,
} from '@dnn/core';
import * as z from 'zod/mini';
import { conv2dReference } from './forward-reference.js';
import { EFFECTS, kernelEffect } from './kernel-effect.js';
import { MAX_AXIS, nestedNumbers, OUTPUT_VALUES, toTensor } from './tensor.js';

/** Largest pattern side accepted (as conv/kernel-effect). */
const MAX_KERNEL = 31;
/** Most cells written out in a step. */
const SHOW_CELLS = 81;

const NORMALIZE = ['zero-mean', 'none', 'unit', 'sign'] as const;

const input = s.object({
  pattern: nestedNumbers(
    [2],
    'The feature to detect, [kH][kW], in image values: e.g. a black cross on white is 0 on the cross and 1 elsewhere.',
  ),
  normalize: z._default(
    s.oneOf(
      NORMALIZE,
      'zero-mean (default): the pattern minus its mean, so flat regions give 0; none: the pattern itself; unit: zero-mean and unit L2 norm; sign: the signs of the zero-mean pattern (±1, 0 where a cell equals the mean) — the form exam rubrics write.',
    ),
    'zero-mean',
  ),
  image: z.optional(
    nestedNumbers(
      [2],
      'Optional image [H][W] to apply the kernel to (valid cross-correlation, stride 1). At most 10⁶ responses and 2·10⁸ multiply-adds per request.',
    ),
  ),
});

const answer = a.answer({
  kernel: a.matrix('Kernel', 'The designed kernel, in cross-correlation orientation (no flip).', {
    axes: ['kH', 'kW'],
  }),
  exactKernel: z.nullable(
    a.list(
      a.list(a.fraction('Tap', 'Exact value'), 'Row', 'One row of taps'),
      'Kernel as fractions',
      'The kernel exactly (e.g. 5/9 and −4/9), when the pattern’s values are short decimals and normalize is not unit; else null.',
    ),
  ),
  mean: a.scalar('Pattern mean', 'The mean of the pattern’s cells (subtracted for zero-mean, unit and sign).'),
  responseOnPattern: a.scalar('Response on the pattern', 'Σ kernel·pattern: the output where the pattern appears.'),
  maxPossibleResponse: a.scalar(
    'Largest possible response',
    'Over every input window with values in the pattern’s range [min, max]: max under positive taps, min under negative ones.',
  ),
  response: z.optional(
    a.matrix('Response map', 'With `image`: the valid cross-correlation of the image with the kernel.', {
      axes: ['H', 'W'],
    }),
  ),
  best: z.optional(
    a.shape(
      'Best position',
      'With `image`: [row, col] of the largest response (the first in row-major order on a tie).',
      {
        axes: ['row', 'col'],
      },
    ),
  ),
  effects: a.list(
    a.text('Effect', 'As conv/kernel-effect.', EFFECTS),
    'Effects',
    'The designed kernel classified by conv/kernel-effect (a zero-mean template is a detector).',
  ),
});

/** The answer of conv/design-kernel. */
export type DesignKernelAnswer = z.output<typeof answer>;

type Grid = number[][];

/** A flat row-major list as rows of `width`. */
function rowsOf<T>(flat: readonly T[], width: number): T[][] {
  const rows: T[][] = [];
  for (let i = 0; i < flat.length; i += width) rows.push(flat.slice(i, i + width));
  return rows;
}

/** A grid shown in a step, or its size when it is too large to list. */
const showGrid = (g: Grid) =>
  g.length * (g[0]?.length ?? 0) <= SHOW_CELLS ? matrix(g) : words(`${g.length}×${g[0]?.length ?? 0} matrix`);

/**
 * The pattern's values as exact fractions when every one is a short decimal or a float of a small fraction
 * (a "1/3" given as text); else null. Computed once: the kernel, the mean and the exact sums all read them.
 */
function exactValues(values: Float64Array): Fraction[] | null {
  const fr: Fraction[] = [];
  for (const v of values) {
    const text = String(v);
    if (/e/i.test(text)) return null;
    const f = toFraction(v);
    if (text.length > 12 && f.d > 10n ** 6n) return null;
    fr.push(f);
  }
  return fr;
}

/** The exact taps of the kernel (null for `unit`, whose norm is irrational in general). */
function exactTaps(fr: Fraction[], mean: Fraction, normalize: (typeof NORMALIZE)[number]): Fraction[] | null {
  if (normalize === 'unit') return null;
  return fr.map((f) => {
    if (normalize === 'none') return f;
    const d = f.sub(mean);
    return normalize === 'sign' ? new Fraction(d.compare(0)) : d;
  });
}

/** A fraction string (`"-4/9"`) as maths: `−4/9`, `-\frac{4}{9}`. */
function fractionTex(f: string): Tex {
  const negative = f.startsWith('-');
  const body = negative ? f.slice(1) : f;
  const [n, d] = body.split('/');
  const latex = d === undefined ? (n as string) : `\\frac{${n}}{${d}}`;
  return tex(
    `${negative ? '−' : ''}${body}`,
    `${negative ? '-' : ''}${latex}`,
    negative ? 'sum' : d ? 'product' : 'atom',
  );
}

/** conv/design-kernel: the matched, zero-mean kernel of a pattern and its responses. */
export const designKernel = defineSolver({
  id: 'conv/design-kernel',
  title: 'Design a kernel that detects a pattern',
  description:
    'Hand-crafts a detector for a pattern (a black cross, a bar, a corner): the matched filter made zero-mean (or of unit norm, or ±1 signs as rubrics write it), its response on the pattern, the largest response any window in the pattern’s value range can give, and the response map and best position on an image.',
  input,
  answer,
  solveParsed(inp) {
    const p = toTensor(inp.pattern, 'pattern', MAX_KERNEL);
    const kW = p.shape[1] as number;
    const n = p.data.length;
    const values = Array.from(p.data);
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    if (!Number.isFinite(values.reduce((acc, v) => acc + Math.abs(v), 0))) {
      throw new DnnInputError('pattern', 'the values are too large to add up; use image values such as 0…1 or 0…255');
    }
    const mean = values.reduce((acc, v) => acc + v, 0) / n;
    const steps: Step[] = [];
    const notes: string[] = [];
    const pGrid: Grid = rowsOf(values, kW);
    if (inp.normalize !== 'none' && hi === lo) {
      throw new DnnInputError(
        'pattern',
        `every cell is ${lo}: a flat pattern looks like any flat region, and its zero-mean kernel is all zeros — nothing to detect`,
      );
    }
    const fr = exactValues(p.data);
    const frMean = fr ? fr.reduce((acc, f) => acc.add(f), new Fraction(0)).div(n) : null;
    const exactTap = fr && frMean ? exactTaps(fr, frMean, inp.normalize) : null;
    const exact = exactTap ? rowsOf(exactTap.map(fractionString), kW) : null;
    const exactMean = frMean ? fractionString(frMean) : null;
    let taps = values.map((v) => (inp.normalize === 'none' ? v : v - mean));
    steps.push(step('The pattern to detect (in image values)', eq('P', showGrid(pGrid))));
    if (inp.normalize !== 'none') {
      steps.push(
        step(
          'Its mean: subtracting it makes the kernel sum to 0, so a flat region of any brightness gives 0',
          eq('μ', n <= 25 ? frac(add(...values), n) : frac(words('∑ P'), n), exactMean ? fractionTex(exactMean) : mean),
        ),
      );
      if (inp.normalize === 'sign') {
        taps = taps.map((v) => (Math.abs(v) <= 1e-12 * Math.max(1, Math.abs(mean)) ? 0 : Math.sign(v)));
      }
    }
    if (inp.normalize === 'unit') {
      const norm = Math.sqrt(taps.reduce((acc, v) => acc + v * v, 0));
      taps = taps.map((v) => v / norm);
      steps.push(
        step(
          'Divide by the L2 norm of P − μ so the kernel has unit length (the response to the pattern is then its distance from flat)',
          eq('‖P − μ‖', sqrt(words('∑ (P − μ)²')), norm),
        ),
      );
    }
    const K: Grid = rowsOf(taps, kW);
    steps.push(
      step(
        {
          'zero-mean':
            'Kernel: the pattern minus its mean — positive where the pattern is bright, negative where it is dark',
          none: 'Kernel: the pattern itself (not zero-mean: brighter windows give larger outputs whatever their shape)',
          unit: 'Kernel: the zero-mean pattern of unit norm',
          sign: 'Kernel: the sign of each cell of P − μ (+1 brighter than the mean, −1 darker)',
        }[inp.normalize],
        eq('K', exact && n <= SHOW_CELLS ? matrix(exact.map((row) => row.map(fractionTex))) : showGrid(K)),
      ),
    );
    const responseOnPattern = taps.reduce((acc, t, i) => acc + t * (values[i] as number), 0);
    const maxPossible = taps.reduce((acc, t) => acc + (t > 0 ? t * hi : t * lo), 0);
    if (![responseOnPattern, maxPossible, ...taps].every(Number.isFinite) || taps.every((t) => t === 0)) {
      throw new DnnInputError(
        'pattern',
        'the responses overflow double precision; use image values such as 0…1 or 0…255',
      );
    }
    // Cells where the pattern is 0 add nothing; the others are written with exact taps when there are any.
    const tap = (i: number) =>
      exact ? fractionTex(exact[Math.floor(i / kW)]?.[i % kW] as string) : (taps[i] as number);
    const exactSum = (weight: (t: Fraction, i: number) => Fraction) =>
      exactTap
        ? fractionTex(fractionString(exactTap.reduce((acc, t, i) => acc.add(weight(t, i)), new Fraction(0))))
        : null;
    const hiF = toFraction(hi);
    const loF = toFraction(lo);
    const exactResponse = exactSum((t, i) => t.mul(fr?.[i] as Fraction));
    const exactMax = exactSum((t) => t.mul(t.compare(0) > 0 ? hiF : loF));
    const products = values.flatMap((v, i) => (v === 0 ? [] : [mul(tap(i), v)]));
    steps.push(
      step(
        'Response where the pattern appears: Σ K·P',
        products.length > 0 && products.length <= 16
          ? eq(words('response'), add(...products), exactResponse ?? responseOnPattern)
          : eq(words('response'), exactResponse ?? responseOnPattern),
      ),
      step(
        `Largest response of any window with values in [${lo}, ${hi}]: the output is linear in each cell, so it takes ${hi} under positive taps and ${lo} under negative ones`,
        eq(
          words('max'),
          add(mul(hi, words('∑ positive taps')), mul(lo, words('∑ negative taps'))),
          exactMax ?? maxPossible,
        ),
      ),
    );
    const reachedBy = Math.abs(maxPossible - responseOnPattern) <= 1e-9 * Math.max(1, Math.abs(maxPossible));
    steps.push(
      step(
        reachedBy
          ? 'The pattern itself reaches it: no window in that range responds more strongly'
          : 'The pattern does not reach it: the strongest window is not the pattern (its cells are not all at the range’s ends, or the kernel is not zero-mean)',
      ),
    );
    const effect = kernelEffect.solveParsed({ kernel: K, scale: 1 });
    const result: DesignKernelAnswer = {
      kernel: K,
      exactKernel: exact,
      mean,
      responseOnPattern,
      maxPossibleResponse: maxPossible,
      effects: effect.answer.effects,
    };
    if (inp.image !== undefined) applyToImage(inp.image, K, result, steps);
    steps.push(step(`Effects of the kernel (conv/kernel-effect): ${effect.answer.effects.join(', ') || 'none'}`));
    notes.push(
      'Cross-correlation orientation (PyTorch, TensorFlow): row 0 of the kernel meets the top row of the window. For a true convolution rotate the kernel by 180°.',
      'Scaling the kernel by a positive factor, or flipping a symmetric pattern, gives the same detector: exam rubrics accept e.g. ±1 entries (normalize: "sign").',
    );
    if (inp.normalize === 'none') {
      notes.push(
        'normalize "none" keeps the mean: a bright flat region can outscore the pattern; zero-mean avoids that.',
      );
    }
    return { answer: result, steps, notes };
  },
  examples: [
    {
      title: 'TUM I2DL: a filter that detects 3×3 black X-crosses (pixels 0 = black … 1 = white)',
      source:
        'Exam problem (exam-problems.txt line 346). By hand: the black X is 0 on the corners and centre, 1 on the four edge-middles; mean 4/9; kernel P − 4/9 = −4/9 on the X, 5/9 elsewhere; response on the pattern 4·5/9 = 20/9; largest over [0, 1] windows also 20/9 (1 under the positive taps, 0 under the negative ones) — the pattern itself.',
      input: {
        pattern: [
          [0, 1, 0],
          [1, 0, 1],
          [0, 1, 0],
        ],
      },
      answer: {
        kernel: [
          [-4 / 9, 5 / 9, -4 / 9],
          [5 / 9, -4 / 9, 5 / 9],
          [-4 / 9, 5 / 9, -4 / 9],
        ],
        exactKernel: [
          ['-4/9', '5/9', '-4/9'],
          ['5/9', '-4/9', '5/9'],
          ['-4/9', '5/9', '-4/9'],
        ],
        responseOnPattern: 20 / 9,
        maxPossibleResponse: 20 / 9,
        effects: ['detector'],
      },
    },
    {
      title: 'The same in the rubric’s ±1 form',
      source:
        'Exam problem (line 346; the rubric prints [[−1, 1, −1], [1, −1, 1], [−1, 1, −1]]). By hand: signs of P − 4/9; response on the pattern 4·1 = 4, the largest over [0, 1] windows (1 under the +1 taps).',
      input: {
        pattern: [
          [0, 1, 0],
          [1, 0, 1],
          [0, 1, 0],
        ],
        normalize: 'sign',
      },
      answer: {
        kernel: [
          [-1, 1, -1],
          [1, -1, 1],
          [-1, 1, -1],
        ],
        responseOnPattern: 4,
        maxPossibleResponse: 4,
        effects: ['detector'],
      },
    },
    {
      title: 'Finding a black plus in a 4×4 image',
      source:
        'By hand: a black + on white (0 on the plus, 1 on the corners), mean 4/9, kernel 5/9 on the corners and −4/9 on the plus. The image holds the plus in rows 1–3, columns 0–2, so the valid response at [1, 0] is 4·5/9 = 20/9, the largest; e.g. at [0, 0] the window [[1,1,1],[1,1,0],[1,0,0]] gives 5/9·(1+1+0+0) − 4/9·(1+1+1+0+0) = −2/9.',
      input: {
        pattern: [
          [1, 0, 1],
          [0, 0, 0],
          [1, 0, 1],
        ],
        image: [
          [1, 1, 1, 1],
          [1, 0, 1, 1],
          [0, 0, 0, 1],
          [1, 0, 1, 1],
        ],
      },
      answer: { best: [1, 0], responseOnPattern: 20 / 9 },
    },
  ],
});

/** The valid cross-correlation of `image` with `K`, and the position of its largest value. */
function applyToImage(image: z.output<typeof input>['image'] & {}, K: Grid, result: DesignKernelAnswer, steps: Step[]) {
  const x = toTensor(image, 'image', MAX_AXIS);
  const [H, W] = x.shape as [number, number];
  const kH = K.length;
  const kW = (K[0] as number[]).length;
  if (H < kH || W < kW) {
    throw new DnnInputError('image', `is ${H}×${W}, smaller than the ${kH}×${kW} pattern: no window fits`);
  }
  const Ho = H - kH + 1;
  const Wo = W - kW + 1;
  checkLimit('image', 'outputCells', Ho * Wo, 'the number of output values', OUTPUT_VALUES);
  checkLimit('image', 'multiplyAdds', Ho * Wo * kH * kW, 'the number of multiply-adds');
  const out = conv2dReference(x.data, [1, H, W], Float64Array.from(K.flat()), [1, 1, kH, kW], null, {
    stride: [1, 1],
    dilation: [1, 1],
    pads: { top: 0, bottom: 0, left: 0, right: 0 },
    flip: false,
  }).data;
  if (!out.every(Number.isFinite)) {
    throw new DnnInputError('image', 'the response overflows double precision; use image values such as 0…1 or 0…255');
  }
  let best = 0;
  for (let i = 1; i < out.length; i++) if ((out[i] as number) > (out[best] as number)) best = i;
  const response: Grid = Array.from({ length: Ho }, (_, i) => Array.from(out.subarray(i * Wo, (i + 1) * Wo)));
  result.response = response;
  result.best = [Math.floor(best / Wo), best % Wo];
  steps.push(
    step(
      `Slide the kernel over the ${H}×${W} image (valid, stride 1): each output is Σ K·window`,
      eq(words('response'), showGrid(response)),
    ),
    step(
      'The largest response marks where the image looks most like the pattern (first in row-major order on a tie)',
      eq(words('best'), vec(result.best)),
      eq(words('response there'), out[best] as number),
    ),
  );
}
