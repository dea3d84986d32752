import { DnnInputError, runSolver } from '@dnn/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forward } from './forward.js';
import { solveKernel } from './solve-kernel.js';

const small = fc.integer({ min: -5, max: 5 });
const grid = (h: number, w: number) =>
  fc.array(fc.array(small, { minLength: w, maxLength: w }), { minLength: h, maxLength: h });

/** Random image and kernel, a random subset of kernel taps hidden, stride and padding. */
const problem = fc
  .record({
    kh: fc.integer({ min: 1, max: 3 }),
    kw: fc.integer({ min: 1, max: 3 }),
    extra: fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 })),
    stride: fc.integer({ min: 1, max: 2 }),
    padding: fc.integer({ min: 0, max: 1 }),
    flip: fc.boolean(),
  })
  .chain((p) =>
    fc.record({
      p: fc.constant(p),
      image: grid(p.kh + p.extra[0], p.kw + p.extra[1]),
      kernel: grid(p.kh, p.kw),
      hidden: fc.array(fc.boolean(), { minLength: p.kh * p.kw, maxLength: p.kh * p.kw }),
    }),
  )
  .filter(({ hidden }) => hidden.some(Boolean));

/** The same problems with the image drawn from ±10^6. */
const withLargeImage = problem.chain((q) =>
  fc.record({
    p: fc.constant(q.p),
    kernel: fc.constant(q.kernel),
    hidden: fc.constant(q.hidden),
    image: fc.array(
      fc.array(fc.integer({ min: -1e6, max: 1e6 }), {
        minLength: q.p.kw + q.p.extra[1],
        maxLength: q.p.kw + q.p.extra[1],
      }),
      { minLength: q.p.kh + q.p.extra[0], maxLength: q.p.kh + q.p.extra[0] },
    ),
  }),
);

describe('conv/solve-kernel properties', () => {
  it('hidden kernel entries are recovered exactly, or reported free — never a wrong value or a contradiction', () => {
    fc.assert(
      fc.property(problem, ({ p, image, kernel, hidden }) => {
        const opts = { stride: p.stride, padding: p.padding, flip: p.flip };
        const output = runSolver(forward, { input: image, weight: kernel, ...opts }).answer.output;
        const names: string[] = [];
        const masked = kernel.map((row, i) =>
          row.map((v, j) => {
            if (!hidden[i * p.kw + j]) return v;
            names.push(`k${i}${j}`);
            return `k${i}${j}`;
          }),
        );
        try {
          const { exact } = runSolver(solveKernel, { input: image, kernel: masked, output, ...opts }).answer;
          kernel.forEach((row, i) => {
            row.forEach((v, j) => {
              if (hidden[i * p.kw + j]) expect(exact[`k${i}${j}`]).toBe(String(v));
            });
          });
        } catch (e) {
          expect(e).toBeInstanceOf(DnnInputError);
          expect((e as DnnInputError).reason).toMatch(/is free|are free|can take any value/);
        }
      }),
    );
  });

  it('with a random image of large integers and at least as many outputs as taps, every hidden entry is recovered', () => {
    // Sliding windows of a random image are linearly independent except on a set of measure zero; with
    // entries in ±10^6 the chance of a singular system is below 9/(2·10^6) per run (Schwartz–Zippel).
    fc.assert(
      fc.property(withLargeImage, ({ p, kernel, hidden, image }) => {
        fc.pre((p.extra[0] + 1) * (p.extra[1] + 1) >= p.kh * p.kw);
        const output = runSolver(forward, { input: image, weight: kernel }).answer.output;
        const masked = kernel.map((row, i) => row.map((v, j) => (hidden[i * p.kw + j] ? `k${i}${j}` : v)));
        const { exact } = runSolver(solveKernel, { input: image, kernel: masked, output }).answer;
        kernel.forEach((row, i) => {
          row.forEach((v, j) => {
            if (hidden[i * p.kw + j]) expect(exact[`k${i}${j}`]).toBe(String(v));
          });
        });
      }),
    );
  });
});
