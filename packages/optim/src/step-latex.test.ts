/**
 * The worked steps of optim/loss, softmax, divergence, mlp-step and batches:
 * every example's LaTeX is plain ASCII (symbols as commands) with balanced braces,
 * and every step has text.
 */
import { describe, expect, it } from 'vitest';
import { solve, solvers } from './index.js';

const IDS = ['optim/loss', 'optim/softmax', 'optim/divergence', 'optim/mlp-step', 'optim/batches'];

function balanced(latex: string): boolean {
  let depth = 0;
  for (let i = 0; i < latex.length; i++) {
    const c = latex[i];
    if (c === '\\') {
      i++; // skip the escaped character (\{, \}, \\)
      continue;
    }
    if (c === '{') depth++;
    if (c === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

describe.each(IDS)('%s steps', (id) => {
  const solver = solvers.find((s) => s.id === id);
  it('exist for the solver', () => expect(solver).toBeDefined());
  for (const example of solver?.examples ?? []) {
    it(`${example.title}: ASCII LaTeX with balanced braces`, () => {
      const { steps } = solve(id, example.input);
      expect(steps.length).toBeGreaterThan(0);
      for (const st of steps) {
        expect(st.text.length).toBeGreaterThan(0);
        expect(st.latex, st.text).toMatch(/^[\x20-\x7E]*$/);
        expect(balanced(st.latex), st.latex).toBe(true);
      }
    });
  }
});
