/**
 * Catalog v2: "Every number field of every solver also accepts an exact fraction string such as "1/9" or "-7/6"
 * (answers stay JSON numbers; `exact` maps keep the fraction)" — through the registry, as `dnn solve` and
 * `dnn batch` call it. Expected values are derived by hand in each test.
 */
import { DnnInputError } from '@dnn/core';
import { describe, expect, it } from 'vitest';
import { registry } from './registry.js';

/** Typed per id; the input is `unknown` because fraction strings are accepted where the types say number. */
const solve = <Id extends Parameters<typeof registry.get>[0]>(id: Id, input: unknown) => registry.solve(id, input);
const ones = [
  [1, 1, 1],
  [1, 1, 1],
  [1, 1, 1],
];

describe('fraction strings in number fields', () => {
  it('conv/kernel-effect "scale": "1/9" (exam line 10, C₁ = 1/9 · ones(3×3)) is the same as 1/9', () => {
    // By hand: nine taps of one sign → blur; gain 9 · 1/9 = 1.
    const text = solve('conv/kernel-effect', { kernel: ones, scale: '1/9' });
    const number = solve('conv/kernel-effect', { kernel: ones, scale: 1 / 9 });
    expect(text.answer).toEqual(number.answer);
    expect(text.answer.effects).toEqual(['blur']);
    expect(text.answer.gain).toBeCloseTo(1, 12);
  });

  it('an expression field keeps "1/9" as text while a number field beside it is converted', () => {
    // f = 1/9, a constant: value 1/9, ∂f/∂x = 0 at x = 1/2.
    const sol = solve('optim/gradient', { expression: '1/9', at: { x: '1/2' } });
    expect(sol.answer.value).toBe(1 / 9);
    expect(sol.answer.gradient).toEqual({ x: 0 });
    // f = x/9 at x = "-7/6": f = −7/54, ∂f/∂x = 1/9.
    const g = solve('optim/gradient', { expression: 'x/9', at: { x: '-7/6' } });
    expect(g.answer.value).toBeCloseTo(-7 / 54, 15);
    expect(g.answer.gradient.x).toBeCloseTo(1 / 9, 15);
  });

  it('"1/0" is an input error naming the field', () => {
    let caught: unknown;
    try {
      solve('optim/step', { optimizer: 'sgd', lr: '1/0', params: { w: 1 }, gradients: { w: 1 } });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(DnnInputError);
    expect((caught as DnnInputError).path).toBe('lr');
    expect((caught as DnnInputError).reason).toMatch(/"1\/0" divides by zero/);
  });

  it('conv/solve-kernel: a known tap "1/3" stays exact (exact map "1/3", not a 16-digit decimal)', () => {
    // By hand: input [3, 9], kernel [1/3, x], output 4 → 3·(1/3) + 9x = 4 → x = 3/9 = 1/3.
    const sol = solve('conv/solve-kernel', { input: [[3, 9]], kernel: [['1/3', 'x']], output: [['4']] });
    expect(sol.answer.exact).toEqual({ x: '1/3' });
    expect(sol.answer.values.x).toBe(1 / 3);
    expect(() => solve('conv/solve-kernel', { input: [[3, 9]], kernel: [['1/0', 'x']], output: [[4]] })).toThrow(
      /kernel\[0\]\[0\].*divides by zero/,
    );
  });

  it('conv/design-kernel: a pattern of fraction strings is read as numbers', () => {
    // By hand: mean of 1/3, 2/3, 2/3, 1/3 is 1/2; P − 1/2 = [[−1/6, 1/6], [1/6, −1/6]].
    const sol = solve('conv/design-kernel', {
      pattern: [
        ['1/3', '2/3'],
        ['2/3', '1/3'],
      ],
    });
    const K = sol.answer.kernel as number[][];
    [
      [-1 / 6, 1 / 6],
      [1 / 6, -1 / 6],
    ].forEach((row, i) => {
      row.forEach((v, j) => {
        expect(K[i]?.[j]).toBeCloseTo(v, 15);
      });
    });
    // The fractions stay exact: the taps are the hand-derived ±1/6.
    expect(sol.answer.exactKernel).toEqual([
      ['-1/6', '1/6'],
      ['1/6', '-1/6'],
    ]);
  });
});
