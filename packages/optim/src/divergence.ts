/**
 * optim/divergence — Kullback–Leibler and Jensen–Shannon divergences of two
 * discrete distributions, term by term, in base e, 2 or 10.
 */
import { a, add, DnnInputError, defineSolver, eq, frac, mul, type Step, s, step, tex } from '@dnn/core';
import * as z from 'zod/mini';
import { type LogBase, lnOfBase, logBaseField, logCall, logName, logUnit } from './log-base.js';
import { math } from './math-text.js';
import { showVec } from './show.js';

/** Probabilities must sum to 1 within this. */
export const SUM_TOLERANCE = 1e-9;

const distribution = (description: string) =>
  z
    .array(z.number().check(z.minimum(0, 'must be a probability, at least 0'), z.maximum(1)))
    .check(z.minLength(1), z.maxLength(10_000), z.describe(description));

const input = s.object({
  p: distribution('Distribution P: non-negative probabilities summing to 1.'),
  q: distribution('Distribution Q over the same outcomes, in the same order.'),
  kind: s.oneOf(['kl', 'js'], 'kl: KL(P‖Q) = Σ p·log(p/q); js: Jensen–Shannon ½KL(P‖M) + ½KL(Q‖M), M = (P + Q)/2.'),
  base: logBaseField('Base of the logarithm: "e" (nats, default), 2 (bits) or 10.'),
});

const answer = a.answer({
  value: z.nullable(
    a.scalar(
      'Divergence',
      'KL(P‖Q) or JS(P‖Q) in the unit of `base` (nats, bits or bans); null when undefined (infinite).',
    ),
  ),
  defined: a.flag('Defined', 'False when KL(P‖Q) is infinite because Q is 0 where P is not.'),
  reason: z.nullable(a.text('Why it is undefined', 'Why the value is undefined, else null.')),
  mixture: z.optional(a.vector('Mixture M', 'js only: the mixture M = (P + Q)/2.')),
  klPM: z.optional(a.scalar('KL(P‖M)', 'js only: KL(P‖M), in the unit of `base`.')),
  klQM: z.optional(a.scalar('KL(Q‖M)', 'js only: KL(Q‖M), in the unit of `base`.')),
});

/** The answer of optim/divergence. */
export type DivergenceAnswer = z.output<typeof answer>;

function checkSum(values: number[], path: string): void {
  const sum = values.reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 1) > SUM_TOLERANCE) {
    throw new DnnInputError(path, `the probabilities must sum to 1 (within ${SUM_TOLERANCE}), these sum to ${sum}`);
  }
}

interface KlResult {
  value: number | null;
  /** First index where p > 0 and q = 0. */
  uncovered: number;
  terms: number[];
  steps: Step[];
}

/**
 * KL(A‖B) in `base`, with 0·log(0/q) = 0; undefined where a > 0 = b. Names: A, B as written in steps.
 * Each term is a·(log a − log b), in log space: the ratio a/b overflows for a subnormal b (5e-324)
 * although its logarithm (≈ 744.4) and the divergence are finite. Cost: O(outcomes).
 */
function kl(a: number[], b: number[], base: LogBase, A: string, B: string): KlResult {
  const ln = lnOfBase(base);
  const terms = a.map((ai, i) => (ai === 0 ? 0 : (ai * (Math.log(ai) - Math.log(b[i] as number))) / ln));
  const uncovered = a.findIndex((ai, i) => ai > 0 && b[i] === 0);
  const steps: Step[] = [];
  const L = logName(base);
  steps.push(
    step(
      `KL(${A}‖${B}) = ∑ ${A.toLowerCase()}·${L}(${A.toLowerCase()}/${B.toLowerCase()}), terms with ${A.toLowerCase()} = 0 count 0`,
    ),
  );
  if (a.length <= 24) {
    for (const [i, ai] of a.entries()) {
      const bi = b[i] as number;
      if (ai === 0) steps.push(step(`x_${i + 1}: ${A.toLowerCase()} = 0, the term is 0`));
      else if (bi === 0)
        steps.push(step(`x_${i + 1}: ${B.toLowerCase()} = 0 while ${A.toLowerCase()} = ${ai}: the term is +∞`));
      else steps.push(step(`x_${i + 1}`, eq(mul(ai, logCall(base, frac(ai, bi))), terms[i] as number)));
    }
  } else {
    steps.push(step('Terms', eq(math('t'), showVec(terms))));
  }
  const value = uncovered >= 0 ? null : terms.reduce((x, y) => x + y, 0);
  if (value !== null) {
    steps.push(step(`KL(${A}‖${B})`, eq(math(`KL(${A}‖${B})`), a.length <= 24 ? add(...terms) : math('∑ t'), value)));
  }
  return { value, uncovered, terms, steps };
}

/** optim/divergence: KL or JS divergence. */
export const divergence = defineSolver({
  id: 'optim/divergence',
  title: 'KL and Jensen–Shannon divergence',
  description:
    'Kullback–Leibler KL(P‖Q) or Jensen–Shannon divergence of two discrete distributions, term by term, in base e, 2 or 10; KL is reported undefined when Q is 0 where P is not.',
  input,
  answer,
  solveParsed(inp) {
    const { p, q, base } = inp;
    if (q.length !== p.length) {
      throw new DnnInputError(
        'q',
        `has ${q.length} probabilities but p has ${p.length}; they must describe the same outcomes`,
      );
    }
    checkSum(p, 'p');
    checkSum(q, 'q');
    const notes = [
      `Logarithms in base ${base} (${logUnit(base)}).`,
      '0·log(0/q) counts 0 (the limit of x·log x as x → 0).',
    ];
    if (inp.kind === 'kl') {
      const r = kl(p, q, base, 'P', 'Q');
      const defined = r.value !== null;
      const reason = defined
        ? null
        : `Q does not cover the support of P: P(x_${r.uncovered + 1}) = ${p[r.uncovered]} > 0 but Q(x_${r.uncovered + 1}) = 0, so the term ${p[r.uncovered]}·log(${p[r.uncovered]}/0) is infinite and KL(P‖Q) is undefined (+∞)`;
      if (!defined)
        notes.push(
          'KL is not symmetric: KL(Q‖P) needs P > 0 wherever Q > 0 (swap p and q to compute it); JS is always defined.',
        );
      return {
        answer: { value: r.value, defined, reason } satisfies DivergenceAnswer,
        steps: defined ? r.steps : [...r.steps, step(reason ?? '')],
        notes,
      };
    }
    const m = p.map((pi, i) => (pi + (q[i] as number)) / 2);
    const steps: Step[] = [step('Mixture M = (P + Q)/2', eq(math('M'), showVec(m)))];
    const pm = kl(p, m, base, 'P', 'M');
    const qm = kl(q, m, base, 'Q', 'M');
    steps.push(...pm.steps, ...qm.steps);
    const klPM = pm.value ?? 0;
    const klQM = qm.value ?? 0;
    const value = (klPM + klQM) / 2;
    steps.push(
      step(
        'Jensen–Shannon divergence',
        eq(
          math('JS(P‖Q)'),
          tex('½(KL(P‖M) + KL(Q‖M))', '\\frac{1}{2}\\left(KL(P\\|M) + KL(Q\\|M)\\right)'),
          frac(add(klPM, klQM), 2),
          value,
        ),
      ),
    );
    notes.push(
      `JS is symmetric and at most ${logName(base)}(2) = ${Math.LN2 / lnOfBase(base)}; it is defined even where P or Q is 0, since M > 0 wherever either is.`,
    );
    return {
      answer: { value, defined: true, reason: null, mixture: m, klPM, klQM } satisfies DivergenceAnswer,
      steps,
      notes,
    };
  },
  examples: [
    {
      title: 'BITS exam: JS divergence of the P, Q table, base 10',
      source:
        'Exam table P = [0, 0, 0.2, 0.3, 0.1, 0.4], Q = [0.3, 0.1, 0.2, 0.1, 0.3, 0]; by hand M = [0.15, 0.05, 0.2, 0.2, 0.2, 0.2], KL(P‖M) = 0.3·log(1.5) + 0.1·log(0.5) + 0.4·log(2) ≈ 0.1431364, KL(Q‖M) = 0.3·log 2 + 0.1·log 2 + 0.1·log 0.5 + 0.3·log 1.5 ≈ 0.1431364, JS = ½(sum) ≈ 0.1431364. The two KL columns happen to be equal here, so JS equals each; the rubric’s 0.14313638 agrees.',
      input: {
        p: [0, 0, 0.2, 0.3, 0.1, 0.4],
        q: [0.3, 0.1, 0.2, 0.1, 0.3, 0],
        kind: 'js',
        base: 10,
      },
      answer: { defined: true, value: 0.3 * Math.log10(1.5) + 0.1 * Math.log10(0.5) + 0.4 * Math.log10(2) },
    },
    {
      title: 'BITS exam: KL(P‖Q) of the same table is undefined',
      source: 'By hand: P(x₆) = 0.4 > 0 while Q(x₆) = 0, so the term 0.4·log(0.4/0) is infinite.',
      input: {
        p: [0, 0, 0.2, 0.3, 0.1, 0.4],
        q: [0.3, 0.1, 0.2, 0.1, 0.3, 0],
        kind: 'kl',
      },
      answer: { defined: false, value: null },
    },
    {
      title: 'KL of a fair coin from a 3:1 coin, in bits',
      source: 'By hand: ½·log₂(0.5/0.75) + ½·log₂(0.5/0.25) = ½(log₂(2/3) + 1) = 1 − ½·log₂ 3 ≈ 0.2075.',
      input: { p: [0.5, 0.5], q: [0.75, 0.25], kind: 'kl', base: 2 },
      answer: { defined: true, value: 1 - 0.5 * Math.log2(3) },
    },
  ],
});
