/** conv/design-kernel against a direct cross-correlation loop and brute force over {min, max}^(k×k) windows. */
import { runSolver } from '@dnn/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { designKernel } from './design-kernel.js';

type Grid = number[][];
const solve = (input: unknown) => runSolver(designKernel, input);

const grid = (hMax: number, wMax: number, values: fc.Arbitrary<number>) =>
  fc
    .record({ h: fc.integer({ min: 1, max: hMax }), w: fc.integer({ min: 1, max: wMax }) })
    .chain(({ h, w }) => fc.array(fc.array(values, { minLength: w, maxLength: w }), { minLength: h, maxLength: h }));
/** Small non-flat patterns (brute force visits 2^(kH·kW) windows: at most 3×3). */
const pattern = grid(3, 3, fc.integer({ min: 0, max: 4 })).filter((p) => new Set(p.flat()).size > 1);
const normalize = fc.constantFrom('zero-mean', 'none', 'unit', 'sign');

describe('conv/design-kernel properties', () => {
  it('maxPossibleResponse equals the largest response over every window in {min, max}^(kH×kW)', () => {
    fc.assert(
      fc.property(pattern, normalize, (p, norm) => {
        const { kernel, maxPossibleResponse } = solve({ pattern: p, normalize: norm }).answer;
        const k = kernel.flat();
        const lo = Math.min(...p.flat());
        const hi = Math.max(...p.flat());
        let best = -Infinity;
        for (let bits = 0; bits < 1 << k.length; bits++) {
          let r = 0;
          for (let i = 0; i < k.length; i++) r += (k[i] as number) * ((bits >> i) & 1 ? hi : lo);
          best = Math.max(best, r);
        }
        expect(Math.abs(maxPossibleResponse - best)).toBeLessThan(1e-9 * Math.max(1, Math.abs(best)));
      }),
    );
  });

  it('a zero-mean kernel is maximised by its own two-level pattern and gives 0 on any flat window', () => {
    fc.assert(
      fc.property(
        grid(3, 3, fc.constantFrom(0, 1)).filter((p) => new Set(p.flat()).size > 1),
        fc.integer({ min: -5, max: 5 }),
        (p, level) => {
          const a = solve({ pattern: p }).answer;
          expect(Math.abs(a.responseOnPattern - a.maxPossibleResponse)).toBeLessThan(1e-12);
          const flat = a.kernel.flat().reduce((s, v) => s + v * level, 0);
          expect(Math.abs(flat)).toBeLessThan(1e-12);
          expect(a.effects).not.toContain('invert');
        },
      ),
    );
  });

  it('the response map equals a direct valid cross-correlation loop, and best is its first largest cell', () => {
    fc.assert(
      fc.property(pattern, grid(7, 7, fc.integer({ min: 0, max: 9 })), normalize, (p, image, norm) => {
        const kH = p.length;
        const kW = (p[0] as number[]).length;
        if (image.length < kH || (image[0] as number[]).length < kW) return;
        const a = solve({ pattern: p, image, normalize: norm }).answer;
        const K = a.kernel;
        const expected: Grid = [];
        for (let y = 0; y + kH <= image.length; y++) {
          const row: number[] = [];
          for (let x = 0; x + kW <= (image[0] as number[]).length; x++) {
            let acc = 0;
            for (let i = 0; i < kH; i++)
              for (let j = 0; j < kW; j++) acc += (K[i]?.[j] as number) * (image[y + i]?.[x + j] as number);
            row.push(acc);
          }
          expected.push(row);
        }
        const got = a.response as Grid;
        expect(got.length).toBe(expected.length);
        for (const [y, row] of expected.entries())
          for (const [x, v] of row.entries()) expect(Math.abs((got[y]?.[x] as number) - v)).toBeLessThan(1e-9);
        const [by, bx] = a.best as [number, number];
        const max = Math.max(...expected.flat());
        expect(got[by]?.[bx]).toBe(Math.max(...got.flat()));
        expect(Math.abs((expected[by]?.[bx] as number) - max)).toBeLessThan(1e-9);
        const first = got.flat().indexOf(Math.max(...got.flat()));
        expect(by * (got[0] as number[]).length + bx).toBe(first);
      }),
    );
  });
});
