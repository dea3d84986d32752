/** Questions for optim/divergence: KL or Jensen–Shannon divergence of two small distributions. */
import { defineGenerator } from '../generator.js';
import { defineRubric } from '../rubric.js';
import { nonZero } from './non-trivial.js';
import { byDifficulty, distribution, show } from './numbers.js';

/** Generator of optim/divergence questions: quarters and bits at `easy`; uncovered support (KL undefined) now and then. */
export const optimDivergenceGenerator = defineGenerator({
  id: 'optim/divergence',
  generate(rng, difficulty) {
    const k = rng.int(2, byDifficulty(difficulty, 4, 5, 6));
    const denominator = byDifficulty(difficulty, rng.pick([4, 8]), 10, 100);
    const p = distribution(rng, k, Math.max(denominator, k), difficulty === 'easy' ? 1 : 0);
    const q = distribution(rng, k, Math.max(denominator, k), difficulty === 'easy' || rng.chance(0.7) ? 1 : 0);
    const kind = rng.pick(['kl', 'js'] as const);
    const base = byDifficulty(difficulty, 2, rng.pick(['e', 2] as const), rng.pick(['e', 2, 10] as const));
    const name = kind === 'kl' ? 'KL(P‖Q)' : 'the Jensen–Shannon divergence JS(P‖Q)';
    return {
      question: `Compute ${name} for P = ${show(p)} and Q = ${show(q)}, with logarithms in base ${base}. Is it defined?`,
      input: { p, q, kind, base },
    };
  },
  /** Non-trivial: P and Q differ (the divergence is not 0), or it is undefined. */
  nonTrivial: (a) => a.defined === false || nonZero(a.value),
});

/** An undefined KL divergence (Q misses part of P's support) is +∞, which a student may write instead of null. */
function infinityForms(expected: unknown): unknown[] {
  return expected === null ? ['∞', '+∞', 'inf', '+inf', 'infinity', '+infinity'] : [];
}

/** Grading weights of optim/divergence: the value (null or ∞ when undefined), then whether it is defined. */
export const optimDivergenceRubric = defineRubric({
  id: 'optim/divergence',
  fields: [
    { path: 'value', points: 3, equivalents: infinityForms },
    { path: 'defined', points: 1 },
  ],
});
