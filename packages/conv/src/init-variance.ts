/**
 * conv/init-variance — the weight variance of Xavier (the lecture's 1/fanIn),
 * Glorot and He initialisation, with the ReLU doubling, the standard deviation
 * and the bound of the equivalent uniform distribution.
 */
import {
  a,
  DnnInputError,
  defineSolver,
  eq,
  type Fraction,
  frac,
  fractionString,
  mul,
  type Step,
  s,
  sqrt,
  step,
  toFraction,
} from '@dnn/core';
import * as z from 'zod/mini';

const fan = (what: string) => s.positiveInt(what).check(z.maximum(1e12));

const input = s.object({
  fanIn: fan('Fan-in: inputs of one unit (dense: input size; conv: Cin·kH·kW).'),
  fanOut: z.optional(fan('Fan-out: outputs fed by one input (dense: units; conv: Cout·kH·kW). Required for glorot.')),
  scheme: z._default(
    s.oneOf(
      ['xavier', 'glorot', 'he'],
      'xavier = 1/fanIn (the lecture rule, also called LeCun), glorot = 2/(fanIn + fanOut), he = 2/fanIn whatever the activation.',
    ),
    'xavier',
  ),
  activation: z._default(
    s.oneOf(
      ['linear', 'tanh', 'sigmoid', 'relu'],
      'Activation after the layer; for xavier and glorot, relu doubles the variance, the others leave it.',
    ),
    'linear',
  ),
});

const answer = a.answer({
  variance: a.scalar(
    'Variance',
    'Var(w) of the initial weights: the scheme’s rule, doubled for a ReLU under xavier and glorot.',
  ),
  std: a.scalar('Standard deviation', '√variance: σ of a zero-mean normal initialiser.'),
  uniformBound: a.scalar('Uniform bound', 'a of the uniform U(−a, a) with the same variance: √(3·variance).'),
  exact: a.record(
    { variance: a.fraction('Variance', 'The variance as a fraction in lowest terms, e.g. `"1/2500"`.') },
    'Exact',
    'The variance as an exact fraction.',
  ),
});

/** The answer of conv/init-variance. */
export type InitVarianceAnswer = z.output<typeof answer>;

/** PyTorch's `torch.nn.init.calculate_gain` squared, per activation. */
const TORCH_GAIN_SQUARED: Record<string, [number, string]> = {
  linear: [1, '1'],
  sigmoid: [1, '1'],
  tanh: [25 / 9, '25/9'],
  relu: [2, '2'],
};

/** conv/init-variance: Var(w) by scheme and activation, with std and uniform bound. */
export const initVariance = defineSolver({
  id: 'conv/init-variance',
  title: 'Weight initialisation variance (Xavier, Glorot, He)',
  description:
    'Variance, standard deviation and uniform bound of the initial weights for Xavier (1/fanIn, the lecture rule), Glorot (2/(fanIn + fanOut)) or He (2/fanIn) initialisation; for Xavier and Glorot a ReLU doubles the variance.',
  input,
  answer,
  solveParsed(inp) {
    const { fanIn, fanOut, scheme, activation } = inp;
    if (scheme === 'glorot' && fanOut === undefined) {
      throw new DnnInputError('fanOut', 'is required for the glorot scheme: its variance is 2/(fanIn + fanOut)');
    }
    const steps: Step[] = [];
    let base: Fraction;
    if (scheme === 'xavier') {
      base = toFraction(1).div(fanIn);
      steps.push(step('Xavier (lecture rule): variance 1/fan_in', eq('Var(w)', frac(1, 'n_in'), frac(1, fanIn))));
    } else if (scheme === 'glorot') {
      const out = fanOut as number;
      base = toFraction(2).div(fanIn + out);
      steps.push(
        step(
          'Glorot: variance 2/(fan_in + fan_out), the average of the forward and backward conditions',
          eq('Var(w)', frac(2, 'n_in + n_out'), frac(2, `${fanIn} + ${out}`), ...reduced(2, fanIn + out, base)),
        ),
      );
    } else {
      base = toFraction(2).div(fanIn);
      steps.push(step('He: variance 2/fan_in', eq('Var(w)', frac(2, 'n_in'), ...reduced(2, fanIn, base))));
    }
    const doubled = scheme !== 'he' && activation === 'relu';
    const variance = doubled ? base.mul(2) : base;
    if (doubled) {
      steps.push(
        step(
          'ReLU zeroes half of its inputs, so the variance is doubled to keep the signal’s variance',
          eq('Var(w)', mul(2, fracOf(base)), fracOf(variance)),
        ),
      );
    }
    const v = variance.valueOf();
    steps.push(step('Variance', eq('Var(w)', fracOf(variance), v)));
    const std = Math.sqrt(v);
    const uniformBound = Math.sqrt(3 * v);
    steps.push(step('Standard deviation of a normal initialiser', eq('σ', sqrt('Var(w)'), sqrt(v), std)));
    steps.push(
      step(
        'Bound a of the uniform U(−a, a) with the same variance (its variance is a²/3)',
        eq('a', sqrt(mul(3, 'Var(w)')), sqrt(mul(3, v)), uniformBound),
      ),
    );
    return {
      answer: {
        variance: v,
        std,
        uniformBound,
        exact: { variance: fractionString(variance) },
      } satisfies InitVarianceAnswer,
      steps,
      notes: notesFor(inp, v),
    };
  },
  examples: [
    {
      title: '50×50 image into a dense layer of 1024 tanh units (Xavier, lecture rule)',
      source: 'Exam problem; by hand: fan_in = 50·50 = 2500, Var = 1/2500 = 0.0004, σ = 0.02; tanh leaves it.',
      input: { fanIn: 2500, fanOut: 1024, activation: 'tanh' },
      answer: { variance: 0.0004, std: 0.02, exact: { variance: '1/2500' } },
    },
    {
      title: 'The same layer with ReLU: the variance doubles',
      source: 'Exam problem; by hand: 2·1/2500 = 1/1250 = 0.0008.',
      input: { fanIn: 2500, fanOut: 1024, activation: 'relu' },
      answer: { variance: 0.0008, exact: { variance: '1/1250' } },
    },
    {
      title: 'Glorot for a 256 → 256 dense layer',
      source: 'By hand: 2/(256 + 256) = 1/256, σ = 1/16 = 0.0625, a = √(3/256) = √3/16.',
      input: { fanIn: 256, fanOut: 256, scheme: 'glorot' },
      answer: { variance: 1 / 256, std: 0.0625, uniformBound: Math.sqrt(3) / 16, exact: { variance: '1/256' } },
    },
    {
      title: 'He for a 3×3 conv with 64 input channels',
      source: 'By hand: fan_in = 64·3·3 = 576, Var = 2/576 = 1/288.',
      input: { fanIn: 576, scheme: 'he', activation: 'relu' },
      answer: { variance: 1 / 288, exact: { variance: '1/288' } },
    },
  ],
});

/** `p/q`, followed by its lowest terms when they differ. */
function reduced(p: number, q: number, f: Fraction) {
  const lowest = fracOf(f);
  return fractionString(f) === `${p}/${q}` ? [frac(p, q)] : [frac(p, q), lowest];
}

/** The fraction as `p/q` maths (an integer stays whole). */
function fracOf(f: Fraction) {
  const [n, d] = fractionString(f).split('/');
  return d === undefined ? Number(n) : frac(Number(n), Number(d));
}

function notesFor(inp: z.output<typeof input>, v: number): string[] {
  const { fanIn, fanOut, scheme, activation } = inp;
  const notes = [
    'Conventions: "xavier" here is the lecture rule Var = 1/fan_in (LeCun’s initialisation); Glorot & Bengio’s own rule is "glorot", 2/(fan_in + fan_out); "he" is 2/fan_in whatever the activation.',
  ];
  if (scheme === 'he' && activation !== 'relu') {
    notes.push(`He’s rule is derived for ReLU; it gives 2/fan_in for ${activation} too, as asked.`);
  }
  if (scheme !== 'he' && (activation === 'tanh' || activation === 'sigmoid')) {
    notes.push(`${activation} is treated as linear near 0, so the variance is not changed.`);
  }
  const [g2, g2Text] = TORCH_GAIN_SQUARED[activation] ?? [1, '1'];
  const torch =
    scheme === 'he'
      ? `kaiming_normal_(nonlinearity="${activation}") gives gain²/fan_in with gain² = ${g2Text}: ${g2Text}/${fanIn} = ${g2 / fanIn}`
      : fanOut === undefined
        ? `xavier_normal_(gain) gives gain²·2/(fan_in + fan_out) (give fanOut to see the number)`
        : `xavier_normal_(gain=calculate_gain("${activation}")) gives gain²·2/(fan_in + fan_out) with gain² = ${g2Text}: ${g2Text}·2/${fanIn + fanOut} = ${(g2 * 2) / (fanIn + fanOut)}`;
  notes.push(
    `PyTorch’s gains (torch.nn.init.calculate_gain): linear 1, sigmoid 1, tanh 5/3, relu √2; variance scales with gain². Here ${torch}; this solver’s answer is ${v}.`,
  );
  notes.push('Keras’s glorot_uniform uses the bound √(6/(fan_in + fan_out)) = √(3·Var) of the glorot variance.');
  return notes;
}
