import { parseExpression, traceGradient } from '@dnn/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectClose } from './checks.test-util.js';
import { solve } from './index.js';

const value = fc.double({ min: -2, max: 2, noNaN: true });
const activation = fc.constantFrom('tanh', 'relu', 'sigmoid', 'linear');
const scalarRnn = fc.record({
  Wxh: value,
  Whh: value,
  h0: value,
  xs: fc.array(value, { minLength: 1, maxLength: 6 }),
  activation,
  Why: value,
  target: fc.constantFrom('h', 'y'),
});
type Case = typeof scalarRnn extends fc.Arbitrary<infer T> ? T : never;

const act: Record<string, (z: number) => number> = {
  tanh: Math.tanh,
  relu: (z) => Math.max(z, 0),
  sigmoid: (z) => 1 / (1 + Math.exp(-z)),
  linear: (z) => z,
};

/** The target computed directly, for finite differences. */
function target(c: Case): number {
  let h = c.h0;
  for (const x of c.xs) h = (act[c.activation] as (z: number) => number)(c.Whh * h + c.Wxh * x);
  return c.target === 'y' ? c.Why * h : h;
}

/** Smallest |z_t| of the forward pass: finite differences are only valid away from ReLU's kink. */
function kinkDistance(c: Case): number {
  let h = c.h0;
  let min = Number.POSITIVE_INFINITY;
  for (const x of c.xs) {
    const z = c.Whh * h + c.Wxh * x;
    min = Math.min(min, Math.abs(z));
    h = (act[c.activation] as (z: number) => number)(z);
  }
  return min;
}

const central = (f: (e: number) => number, eps = 1e-6) => (f(eps) - f(-eps)) / (2 * eps);

describe('rnn/bptt properties', () => {
  it('equals central finite differences (away from ReLU kinks)', () => {
    fc.assert(
      fc.property(scalarRnn, (c) => {
        fc.pre(c.activation !== 'relu' || kinkDistance(c) > 1e-3);
        const { answer } = solve('rnn/bptt', c);
        const tol = 1e-5;
        expectClose(
          answer.dWhh,
          central((e) => target({ ...c, Whh: c.Whh + e })),
          tol,
        );
        expectClose(
          answer.dWxh,
          central((e) => target({ ...c, Wxh: c.Wxh + e })),
          tol,
        );
        expectClose(
          answer.dh0,
          central((e) => target({ ...c, h0: c.h0 + e })),
          tol,
        );
        c.xs.forEach((_, t) => {
          const fd = central((e) => target({ ...c, xs: c.xs.map((x, k) => (k === t ? x + e : x)) }));
          expectClose((answer.dx as number[])[t], fd, tol);
        });
      }),
    );
  });

  it("equals @dnn/core's reverse-mode autodiff of the unrolled expression", () => {
    fc.assert(
      fc.property(scalarRnn, (c) => {
        let h = 'h0';
        c.xs.forEach((_, t) => {
          const z = `Whh*(${h}) + Wxh*x${t + 1}`;
          h = c.activation === 'linear' ? z : `${c.activation}(${z})`;
        });
        const expr = parseExpression(c.target === 'y' ? `Why*(${h})` : h);
        const at: Record<string, number> = { Whh: c.Whh, Wxh: c.Wxh, h0: c.h0, Why: c.Why };
        c.xs.forEach((x, t) => {
          at[`x${t + 1}`] = x;
        });
        const { gradient, value: v } = traceGradient(expr, at);
        const { answer } = solve('rnn/bptt', c);
        const hT = (answer.h as number[]).at(-1) as number;
        expectClose(c.target === 'y' ? answer.y : hT, v, 1e-12);
        expectClose(answer.dWhh, gradient.Whh ?? 0, 1e-9);
        expectClose(answer.dWxh, gradient.Wxh ?? 0, 1e-9);
        expectClose(answer.dh0, gradient.h0 ?? 0, 1e-9);
        expectClose(
          answer.dx,
          c.xs.map((_, t) => gradient[`x${t + 1}`] ?? 0),
          1e-9,
        );
      }),
    );
  });

  it('a dead step zeroes every gradient that must pass through it', () => {
    fc.assert(
      fc.property(scalarRnn, (c) => {
        const { answer } = solve('rnn/bptt', { ...c, activation: 'relu' });
        const dead = answer.deadSteps as number[];
        const last = dead.at(-1);
        if (last === undefined) return;
        expect(answer.dh0).toBe(0);
        for (let t = 1; t <= last; t++) expect((answer.dx as number[])[t - 1]).toBe(0);
      }),
    );
  });
});
