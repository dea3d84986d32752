/**
 * Large recurrent problems shorten their vectors in steps (first entries, …, last); every step must still
 * typeset within KaTeX's budget of 1000 macro expansions per formula, which the docs site and the worker use.
 * An LSTM at T = 100, H = 32 used to exceed it in "Unrolled over time" (`\dots` costs several expansions per use).
 */
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { lstmForward } from './lstm-forward.js';

/** A deterministic H×k matrix with entries in [−0.25, 0.25]. */
const matrixOf = (rows: number, cols: number, shift: number) =>
  Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => ((i * 7 + j * 3 + shift) % 11) / 20 - 0.25),
  );

describe('large recurrent steps typeset', () => {
  it('an LSTM at T = 100, H = 32, D = 4: every step renders with maxExpand 1000', () => {
    const [T, H, D] = [100, 32, 4];
    const gates = (cols: number, s: number) => ({
      i: matrixOf(H, cols, s),
      f: matrixOf(H, cols, s + 1),
      g: matrixOf(H, cols, s + 2),
      o: matrixOf(H, cols, s + 3),
    });
    const solution = lstmForward.run({ Wx: gates(D, 0), Wh: gates(H, 5), xs: matrixOf(T, D, 9) });
    const failing = solution.steps
      .filter((s) => s.latex)
      .filter((s) => {
        try {
          katex.renderToString(s.latex as string, { throwOnError: true, strict: 'ignore', maxExpand: 1000 });
          return false;
        } catch {
          return true;
        }
      })
      .map((s) => s.title);
    expect(failing).toEqual([]);
  });
});
