import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solve } from './index.js';

const size = fc.integer({ min: 1, max: 300 });
const small = fc.integer({ min: 1, max: 7 });

const shapeOf = (input: Record<string, unknown>) => solve('conv/output-shape', input).answer.outputShape as number[];

/** Brute force: count window start positions that fit in the padded input. */
function countWindows(n: number, k: number, s: number, p: number, d: number): number {
  let count = 0;
  for (let start = 0; start + d * (k - 1) < n + 2 * p; start += s) count++;
  return count;
}

describe('conv/output-shape properties', () => {
  it('output size equals the number of window positions counted by brute force', () => {
    fc.assert(
      fc.property(
        size,
        small,
        small,
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 1, max: 3 }),
        (n, k, st, p, d) => {
          fc.pre(d * (k - 1) + 1 <= n + 2 * p);
          const [h] = shapeOf({ inputShape: [n, n], kernel: k, stride: st, padding: p, dilation: d });
          expect(h).toBe(countWindows(n, k, st, p, d));
        },
      ),
    );
  });

  it('stride-1 "same" keeps the size', () => {
    fc.assert(
      fc.property(size, size, small, fc.integer({ min: 1, max: 3 }), (h, w, k, d) => {
        expect(shapeOf({ inputShape: [3, h, w], outChannels: 4, kernel: k, padding: 'same', dilation: d })).toEqual([
          4,
          h,
          w,
        ]);
      }),
    );
  });

  it('"same" gives ceil(in / stride) for every stride', () => {
    fc.assert(
      fc.property(size, small, small, (n, k, st) => {
        expect(shapeOf({ inputShape: [n, n], kernel: k, stride: st, padding: 'same' })).toEqual([
          Math.ceil(n / st),
          Math.ceil(n / st),
        ]);
      }),
    );
  });

  it('the output never exceeds the padded input', () => {
    fc.assert(
      fc.property(size, small, small, fc.integer({ min: 0, max: 5 }), (n, k, st, p) => {
        fc.pre(k <= n + 2 * p);
        const [h] = shapeOf({ inputShape: [n, n], kernel: k, stride: st, padding: p });
        expect(h).toBeLessThanOrEqual(n + 2 * p);
        expect(h).toBeGreaterThanOrEqual(1);
      }),
    );
  });

  it('conv-transpose of the conv output gives back the input when outputPadding supplies the remainder', () => {
    fc.assert(
      fc.property(size, small, small, fc.integer({ min: 0, max: 3 }), (n, k, st, p) => {
        fc.pre(k <= n + 2 * p);
        const conv = solve('conv/output-shape', {
          inputShape: [2, n, n],
          outChannels: 5,
          kernel: k,
          stride: st,
          padding: p,
        });
        const [, h] = conv.answer.outputShape as number[];
        const remainder = (n + 2 * p - k) % st;
        const back = shapeOf({
          inputShape: [5, h, h],
          kind: 'conv-transpose',
          outChannels: 2,
          kernel: k,
          stride: st,
          padding: p,
          outputPadding: remainder,
        });
        expect(back).toEqual([2, n, n]);
      }),
    );
  });

  it('pooling keeps the channel count; conv sets it to outChannels', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 512 }), fc.integer({ min: 1, max: 512 }), size, small, (c, cout, n, k) => {
        fc.pre(k <= n);
        expect(shapeOf({ inputShape: [c, n, n], kind: 'maxpool', kernel: k })[0]).toBe(c);
        expect(shapeOf({ inputShape: [c, n, n], outChannels: cout, kernel: k })[0]).toBe(cout);
      }),
    );
  });

  it('divisible is true exactly when the stride divides in + 2p − d(k−1) − 1', () => {
    fc.assert(
      fc.property(size, small, small, fc.integer({ min: 0, max: 3 }), (n, k, st, p) => {
        fc.pre(k <= n + 2 * p);
        const { divisible } = solve('conv/output-shape', {
          inputShape: [n, n],
          kernel: k,
          stride: st,
          padding: p,
        }).answer;
        expect(divisible).toBe((n + 2 * p - k) % st === 0);
      }),
    );
  });
});
