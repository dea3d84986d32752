/**
 * conv/output-shape at extreme field values: every shape it returns is the exact integer of the
 * size formula (checked in BigInt arithmetic), and where the formula leaves the exact float64
 * integers (2⁵³) the request is an input error naming a field — never an inexact shape.
 */
import { DnnInputError } from '@dnn/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solve } from './index.js';

const EXACT = 2n ** 53n;
/** Small values, values near 2⁵³ / 2 and just below 2⁵³ (schema integers stop at 2⁵³ − 1). */
const extreme = (min: number) =>
  fc.oneof(
    fc.integer({ min, max: 9 }),
    fc.integer({ min: 2 ** 40, max: 2 ** 52 }),
    fc.integer({ min: 2 ** 53 - 1000, max: 2 ** 53 - 1 }),
  );

type Problem = {
  kind: 'conv' | 'conv-transpose';
  size: number;
  kernel: number;
  stride: number;
  padding: number;
  dilation: number;
  outputPadding: number;
};

const problem: fc.Arbitrary<Problem> = fc.record({
  kind: fc.constantFrom('conv' as const, 'conv-transpose' as const),
  size: fc.oneof(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1e8, max: 1e9 })),
  kernel: extreme(1),
  stride: extreme(1),
  padding: extreme(0),
  dilation: fc.oneof(fc.constant(1), extreme(1)),
  outputPadding: fc.integer({ min: 0, max: 3 }),
});

/** The size formula in BigInt, and the largest intermediate quantity it passes through. */
function oracle(p: Problem): { out: bigint; largest: bigint } {
  const [n, k, s, pad, d, op] = [p.size, p.kernel, p.stride, p.padding, p.dilation, p.outputPadding].map(BigInt) as [
    bigint,
    bigint,
    bigint,
    bigint,
    bigint,
    bigint,
  ];
  const spread = d * (k - 1n);
  if (p.kind === 'conv') {
    const numerator = n + 2n * pad - spread - 1n;
    return { out: numerator / s + 1n, largest: [n + 2n * pad + spread, n * s + spread, k, s].reduce(max) };
  }
  const out = (n - 1n) * s - 2n * pad + spread + op + 1n;
  return { out, largest: [n + 2n * pad + spread, n * s + spread, (n - 1n) * s + spread + op + 1n, k, s].reduce(max) };
}
const max = (a: bigint, b: bigint) => (a > b ? a : b);

describe('conv/output-shape: exact integers only', () => {
  it('a returned shape equals the BigInt size formula; an error beyond 2⁵³ names a field', () => {
    fc.assert(
      fc.property(problem, (p) => {
        const input = {
          inputShape: [p.size, p.size],
          kind: p.kind,
          kernel: p.kernel,
          stride: p.stride,
          padding: p.padding,
          dilation: p.dilation,
          ...(p.kind === 'conv-transpose' ? { outputPadding: p.outputPadding } : {}),
        };
        const { out, largest } = oracle(p);
        let shape: number[] | undefined;
        try {
          shape = solve('conv/output-shape', input).answer.outputShape as number[];
        } catch (e) {
          expect(e).toBeInstanceOf(DnnInputError);
          const err = e as DnnInputError;
          if (/2\^53/.test(err.message)) {
            expect(largest >= EXACT).toBe(true);
            expect(['kernel', 'stride', 'dilation', 'padding', 'outputPadding']).toContain(err.path);
          }
          return;
        }
        // Solved: every quantity stayed exact, and the answer is the formula's integer.
        expect(largest < EXACT).toBe(true);
        expect(shape.map(BigInt)).toEqual([out, out]);
      }),
      { numRuns: 400 },
    );
  });

  it('the issue-16 case: stride near 2⁵⁴ / 2 on a transposed convolution is an input error, not 18014398509481988', () => {
    expect(() =>
      solve('conv/output-shape', { inputShape: [3, 3], kind: 'conv-transpose', kernel: 3, stride: 2 ** 53 - 1 }),
    ).toThrow(/stride: the size formula along H reaches .*beyond 2\^53/);
  });
});
