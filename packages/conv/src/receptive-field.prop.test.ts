import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solve } from './index.js';
import type { FieldRow, ReceptiveFieldAnswer } from './receptive-field.js';

const rf = (layers: Layer[]) => solve('conv/receptive-field', { layers }).answer as unknown as ReceptiveFieldAnswer;
const sizeAndJump = (rows: FieldRow[]) => rows.map((l) => [l.receptiveField, l.jump]);

interface Layer {
  kernel: number;
  stride: number;
  padding: number;
  dilation: number;
}

const layerArb: fc.Arbitrary<Layer> = fc.record({
  kernel: fc.integer({ min: 1, max: 5 }),
  stride: fc.integer({ min: 1, max: 3 }),
  padding: fc.integer({ min: 0, max: 3 }),
  dilation: fc.integer({ min: 1, max: 3 }),
});

/**
 * Brute force: the input positions (on an unbounded input, padding included)
 * that unit `u` of the last layer reads, by propagating index sets backwards:
 * unit x of a layer reads x·s − p + t·d of the layer below, t = 0…k−1.
 */
function inputsOf(layers: Layer[], u: number): number[] {
  let set = new Set([u]);
  for (const l of [...layers].reverse()) {
    const below = new Set<number>();
    for (const x of set) for (let t = 0; t < l.kernel; t++) below.add(x * l.stride - l.padding + t * l.dilation);
    set = below;
  }
  return [...set];
}

describe('conv/receptive-field properties', () => {
  it('field, jump and start equal the brute-force index sets of units 0 and 1 after every layer', () => {
    fc.assert(
      fc.property(fc.array(layerArb, { minLength: 1, maxLength: 5 }), (layers) => {
        const answer = rf(layers);
        layers.forEach((_, k) => {
          const prefix = layers.slice(0, k + 1);
          const first = inputsOf(prefix, 0);
          const second = inputsOf(prefix, 1);
          const lo = Math.min(...first);
          const hi = Math.max(...first);
          expect(answer.layers[k]).toEqual({
            receptiveField: hi - lo + 1,
            jump: Math.min(...second) - lo,
            start: (lo + hi) / 2,
          });
        });
      }),
    );
  });

  it('padding never changes the field size or the jump', () => {
    fc.assert(
      fc.property(fc.array(layerArb, { minLength: 1, maxLength: 5 }), (layers) => {
        const padded = rf(layers);
        const unpadded = rf(layers.map((l) => ({ ...l, padding: 0 })));
        expect(sizeAndJump(padded.layers)).toEqual(sizeAndJump(unpadded.layers));
      }),
    );
  });
});
