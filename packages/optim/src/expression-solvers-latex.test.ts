/**
 * The worked steps of optim/gradient, hessian, step and learning-rate: LaTeX is
 * plain ASCII (every symbol a command) with balanced braces, and every step has text.
 */
import { describe, expect, it } from 'vitest';
import { solve, solvers } from './index.js';

function balanced(latex: string): boolean {
  let depth = 0;
  for (let i = 0; i < latex.length; i++) {
    const c = latex[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '{') depth++;
    if (c === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

const extra: Record<string, unknown[]> = {
  'optim/gradient': [
    {
      expression: 'max(x, y) + min(x, 2) + abs(x) + sqrt(y) + log2(y) + log10(y) + tan(x) + softplus(x) + x^y + pi',
      at: { x: 1, y: 2 },
    },
    { expression: 'sigmoid(w_1*x) - relu(-x) / cos(x) + sin(x)^3', at: { w_1: 0.5, x: 2 } },
  ],
  'optim/hessian': [{ expression: 'x^2 + y^2 + z^2 + x*y*z', at: { x: 1, y: 2, z: 3 } }],
  'optim/learning-rate': [
    { expression: '4r + 5' },
    { expression: 'x^2 + x*y + y^2 + z^2 + y*z', at: { x: 0, y: 0, z: 0 } },
  ],
  'optim/step': ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam', 'adamw', 'rprop'].flatMap((optimizer) =>
    [{}, { momentumForm: 'classic', epsPlacement: 'inside', biasCorrection: false, weightDecay: 0.1 }].map((o) => ({
      optimizer,
      lr: 0.1,
      ...(optimizer === 'momentum' || optimizer === 'nesterov'
        ? { momentum: 0.9 }
        : { epsPlacement: (o as { epsPlacement?: string }).epsPlacement ?? 'outside' }),
      ...(optimizer === 'momentum' || optimizer === 'nesterov'
        ? { momentumForm: (o as { momentumForm?: string }).momentumForm ?? 'pytorch' }
        : {}),
      ...(optimizer === 'adam' || optimizer === 'adamw'
        ? { biasCorrection: (o as { biasCorrection?: boolean }).biasCorrection ?? true }
        : {}),
      weightDecay: (o as { weightDecay?: number }).weightDecay ?? 0,
      params: { w1: 1, w_2: -2 },
      objective: 'w1^2 + 3*w1*w_2 + w_2^4',
      steps: 3,
    })),
  ),
};

describe.each(Object.keys(extra))('%s steps', (id) => {
  const solver = solvers.find((s) => s.id === id);
  const inputs = [...(solver?.examples ?? []).map((e) => e.input), ...(extra[id] ?? [])];
  it.each(inputs.map((input, i) => [i, input]))(
    'input %i: ASCII LaTeX with balanced braces, text on every step',
    (_, input) => {
      const { steps } = solve(id, input);
      expect(steps.length).toBeGreaterThan(0);
      for (const st of steps) {
        expect(st.text.length).toBeGreaterThan(0);
        expect(st.latex, st.text).toMatch(/^[\x20-\x7e]*$/);
        expect(balanced(st.latex), st.latex).toBe(true);
      }
    },
  );
});
