/**
 * Properties of `layout`: a Keras-order shape answers exactly the transposed
 * PyTorch-order answer, in conv/output-shape and conv/summary alike.
 */
import { DnnInputError } from '@dnn/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toChannelsFirst, toChannelsLast } from './layout.js';
import { outputShape } from './output-shape.js';
import { summary } from './summary.js';

/** Runs `f`, skipping cases the random numbers made impossible (kernel larger than the map). */
function orSkip<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof DnnInputError) fc.pre(false);
    throw e;
  }
}

const dims = fc.tuple(fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 8 }));

describe('layout properties', () => {
  it('toChannelsLast undoes toChannelsFirst', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 99 }), { minLength: 1, maxLength: 3 }), (s) => {
        expect(toChannelsLast(toChannelsFirst(s))).toEqual(s);
      }),
    );
  });

  it('conv/output-shape: channels-last [H, W, C] answers the channels-first answer of [C, H, W], transposed', () => {
    fc.assert(
      fc.property(dims, fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 3 }), ([h, w, c], k, s) => {
        const base = { outChannels: 7, kernel: k, stride: s, padding: 'same' as const };
        const first = orSkip(() => outputShape.run({ ...base, inputShape: [c, h, w] }));
        const last = outputShape.run({ ...base, inputShape: [h, w, c], layout: 'channels-last' });
        expect(last.answer.outputShape).toEqual(toChannelsLast(first.answer.outputShape));
        expect(last.answer.padding).toEqual(first.answer.padding);
      }),
    );
  });

  it('conv/summary: channels-last gives the same counts and the transposed map shapes', () => {
    fc.assert(
      fc.property(dims, fc.integer({ min: 1, max: 4 }), ([h, w, c], k) => {
        const layers = [
          { type: 'conv2d', outChannels: 5, kernel: k },
          { type: 'maxpool2d', kernel: 2, ceilMode: true },
          { type: 'flatten' },
          { type: 'dense', units: 3 },
        ];
        const first = orSkip(() => summary.run({ input: [c, h, w], layers } as never).answer);
        const last = summary.run({ input: [h, w, c], layout: 'channels-last', layers } as never).answer;
        expect(last.totalParams).toBe(first.totalParams);
        expect(last.totalMacs).toBe(first.totalMacs);
        expect(last.layers.map((l) => l.outputShape)).toEqual(
          first.layers.map((l) => (l.outputShape.length === 3 ? toChannelsLast(l.outputShape) : l.outputShape)),
        );
      }),
    );
  });
});
