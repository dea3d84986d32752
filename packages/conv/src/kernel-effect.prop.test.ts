import { runSolver } from '@dnn/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forward } from './forward.js';
import { kernelEffect } from './kernel-effect.js';

type Grid = number[][];
const classify = (kernel: Grid, scale = 1) =>
  runSolver(kernelEffect, { kernel, scale }).answer as {
    effects: string[];
    gain: number;
    bestPatch: Grid;
    bestResponse: number;
  };
const conv = (input: Grid, weight: Grid) => runSolver(forward, { input, weight }).answer.output as Grid;

const kernel = fc
  .record({ h: fc.integer({ min: 1, max: 5 }), w: fc.integer({ min: 1, max: 5 }) })
  .chain(({ h, w }) =>
    fc.array(fc.array(fc.integer({ min: -5, max: 5 }), { minLength: w, maxLength: w }), { minLength: h, maxLength: h }),
  );
/** A − mirror(A) across the vertical centre line: zero-sum and left/right antisymmetric by construction. */
const leftRightAntisymmetric = kernel.map((a) =>
  a.map((row) => row.map((v, j) => v - (row[row.length - 1 - j] as number))),
);
const transpose = (k: Grid) => (k[0] as number[]).map((_, j) => k.map((row) => row[j] as number));

describe('conv/kernel-effect properties', () => {
  it('gain equals the conv/forward response to a flat image of ones', () => {
    fc.assert(
      fc.property(kernel, (k) => {
        const ones = k.map((row) => row.map(() => 1));
        expect(classify(k).gain).toBe(conv(ones, k)[0]?.[0]);
      }),
    );
  });

  it('a vertical-edge kernel gives 0 on any flat image and a non-zero response to a vertical step edge', () => {
    fc.assert(
      fc.property(leftRightAntisymmetric, fc.integer({ min: -9, max: 9 }), (k, level) => {
        const { effects } = classify(k);
        if (!effects.includes('vertical-edge')) return;
        const w = (k[0] as number[]).length;
        const flat = k.map((row) => row.map(() => level));
        expect(conv(flat, k)[0]?.[0]).toBe(0);
        // Step: 0 left of the centre line, 1 right of it, ½ on it (odd widths).
        const stepImage = k.map(() =>
          Array.from({ length: w }, (_, j) => (j > (w - 1) / 2 ? 1 : j === (w - 1) / 2 ? 0.5 : 0)),
        );
        expect(conv(stepImage, k)[0]?.[0]).not.toBe(0);
      }),
    );
  });

  it('transposing the kernel swaps vertical-edge and horizontal-edge and keeps every other effect', () => {
    const swap = (e: string) =>
      e === 'vertical-edge' ? 'horizontal-edge' : e === 'horizontal-edge' ? 'vertical-edge' : e;
    fc.assert(
      fc.property(fc.oneof(kernel, leftRightAntisymmetric), (k) => {
        const a = classify(k).effects.map(swap).sort();
        const b = classify(transpose(k)).effects.sort();
        expect(b).toEqual(a);
      }),
    );
  });

  it('a positive scale keeps every effect except identity and sharpen, which need gain 1', () => {
    fc.assert(
      fc.property(kernel, fc.constantFrom(0.5, 2, 3, 1 / 9), (k, scale) => {
        const before = classify(k).effects;
        // Off gain 1 a sharpen kernel is a template whose offset may be below both tap masses: a detector by
        // definition (the example below); nothing else may change.
        const keep = (e: string[]) =>
          e.filter((x) => x !== 'identity' && x !== 'sharpen' && !(x === 'detector' && before.includes('sharpen')));
        expect(keep(classify(k, scale).effects)).toEqual(keep(before));
      }),
    );
  });

  it('the sharpen column [−2, 4, −1] at scale 0.5 is a detector: offset 0.5 < both tap masses (2 and 1.5)', () => {
    // By hand: K = [−1, 2, −0.5], gain 0.5 ≠ 1 (no sharpen); positive mass 2, negative mass 1.5 > 0.5 (found by
    // the property above, seed −407062337, which failed before it allowed this).
    expect(classify([[-2], [4], [-1]]).effects).toEqual(['sharpen']);
    expect(classify([[-2], [4], [-1]], 0.5).effects).toEqual(['detector']);
  });

  it('no patch with values in [0, 1] responds more than bestPatch (the matched filter)', () => {
    fc.assert(
      fc.property(
        kernel.chain((k) =>
          fc.record({
            k: fc.constant(k),
            patch: fc.array(
              fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
                minLength: (k[0] as number[]).length,
                maxLength: (k[0] as number[]).length,
              }),
              {
                minLength: k.length,
                maxLength: k.length,
              },
            ),
          }),
        ),
        ({ k, patch }) => {
          const { bestPatch, bestResponse } = classify(k);
          expect(conv(bestPatch, k)[0]?.[0]).toBe(bestResponse);
          expect(conv(patch, k)[0]?.[0]).toBeLessThanOrEqual(bestResponse + 1e-9);
        },
      ),
    );
  });
});
