/**
 * Test helpers of @dnn/logic-nets: bad-input tables, LaTeX sanity, and
 * independent oracles (network evaluation, brute-force separability).
 */
import { type AnySolver, DnnInputError, type Solution } from '@dnn/core';
import { describe, expect, it } from 'vitest';
import { solve } from './index.js';

/** `solve` with the answer typed as `A`. */
export function solveAs<A>(id: string, input: unknown): Solution<A> {
  return solve(id, input) as unknown as Solution<A>;
}

/**
 * One test per example: the answer contains the example's answer (`compare`,
 * default toMatchObject) and the LaTeX is KaTeX-safe ASCII.
 */
export function exampleSuite(solver: AnySolver, compare?: (actual: unknown, expected: unknown) => void): void {
  describe(`${solver.id}: exam cases (derived by hand in each example source)`, () => {
    for (const example of solver.examples) {
      it(example.title, () => {
        const sol = solve(solver.id, example.input);
        if (compare) compare(sol.answer, example.answer);
        else expect(sol.answer).toMatchObject(example.answer);
        expectAsciiLatex(sol);
      });
    }
  });
}

/** Runs each case `[name, input, path, message]` and expects a DnnInputError at `path` whose reason matches. */
export function badInputSuite(id: string, cases: [string, unknown, string, RegExp][]): void {
  describe(`${id}: bad input is a DnnInputError naming the field`, () => {
    for (const [name, input, path, message] of cases) {
      it(name, () => {
        let caught: unknown;
        try {
          solve(id, input);
        } catch (e) {
          caught = e;
        }
        expect(caught).toBeInstanceOf(DnnInputError);
        expect((caught as DnnInputError).path).toBe(path);
        expect((caught as DnnInputError).reason).toMatch(message);
      });
    }
  });
}

/** Every step's LaTeX is ASCII outside \text{…} (sym() converted the Unicode operators). */
export function expectAsciiLatex(solution: Solution<unknown>): void {
  for (const st of solution.steps) {
    const outsideText = st.latex.replace(/\\text\{(?:[^{}]|\{[^{}]*\})*\}/g, '');
    expect(outsideText, st.latex).not.toMatch(/[^\x20-\x7E]/);
  }
}

/** Independent evaluation of a layered threshold network (not the package's runNetwork). */
export function evalNetwork(
  layers: { weights: number[][]; bias: number[] }[],
  x: number[],
  fireWhen: '>0' | '>=0',
  bipolar: boolean,
): number {
  let a = x;
  for (const layer of layers) {
    a = layer.weights.map((w, k) => {
      let z = layer.bias[k] as number;
      for (let i = 0; i < w.length; i++) z += (w[i] as number) * (a[i] as number);
      const on = fireWhen === '>0' ? z > 0 : z >= 0;
      return on ? 1 : bipolar ? -1 : 0;
    });
  }
  return a[0] as number;
}

/** The bits of row r, first variable most significant. */
export function bits(r: number, n: number): number[] {
  return Array.from({ length: n }, (_, i) => (r >> (n - 1 - i)) & 1);
}

/**
 * A truth-table input listing the rows of `values` that are not −1, encoded (0/1 or ±1). The rows left out are
 * don't-cares (`unlisted: "dont-care"`) unless `unlisted` is false: then they are false.
 */
export function tableInput(
  n: number,
  values: readonly number[],
  enc: 'binary' | 'bipolar',
  unlisted: false | 'dont-care' = 'dont-care',
) {
  const e = (b: number) => (enc === 'bipolar' ? 2 * b - 1 : b);
  const rows = values.flatMap((v, r) => (v < 0 ? [] : [r]));
  return {
    truthTable: {
      inputs: rows.map((r) => bits(r, n).map(e)),
      outputs: rows.map((r) => e(values[r] as number)),
      ...(unlisted === false ? {} : { unlisted }),
    },
    encoding: enc,
  };
}

/**
 * Brute force: integer weights in [−K, K]ⁿ and biases in steps of ½ over
 * [−nK − 1, nK + 1] that reproduce every specified row (values: 1, 0, −1 = don't care).
 */
export function bruteForceSeparates(values: readonly number[], n: number, K: number): boolean {
  const weights = Array.from({ length: 2 * K + 1 }, (_, i) => i - K);
  const vectors: number[][] = [[]];
  for (let i = 0; i < n; i++) {
    const next: number[][] = [];
    for (const v of vectors) for (const w of weights) next.push([...v, w]);
    vectors.splice(0, vectors.length, ...next);
  }
  for (const w of vectors) {
    for (let b2 = -2 * (n * K + 1); b2 <= 2 * (n * K + 1); b2++) {
      const ok = values.every((v, r) => {
        if (v < 0) return true;
        const z = bits(r, n).reduce((s, x, i) => s + x * (w[i] as number), b2 / 2);
        return z > 0 === (v === 1);
      });
      if (ok) return true;
    }
  }
  return false;
}
