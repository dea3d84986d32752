import { DnnInputError } from '@dnn/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solve } from './index.js';
import type { ReceptiveFieldAnswer } from './receptive-field.js';
import type { SummaryAnswer } from './summary.js';
import { type Spec, tfSummary } from './summary-tf.test-util.js';

/** Runs conv/summary; a network the random layers made impossible (kernel larger than the map) is skipped. */
function summaryOf(input: number[], layers: Spec[]): SummaryAnswer {
  try {
    return solve('conv/summary', { input, layers } as Record<string, unknown>).answer as unknown as SummaryAnswer;
  } catch (e) {
    if (e instanceof DnnInputError && /larger than the padded input|removes the whole output/.test(e.reason))
      fc.pre(false);
    throw e;
  }
}

const small = (max: number) => fc.integer({ min: 1, max });
const pad = fc.oneof(fc.integer({ min: 0, max: 2 }), fc.constantFrom('valid', 'same'));

const convArb: fc.Arbitrary<Spec> = fc.record({
  type: fc.constant('conv2d'),
  outChannels: small(6),
  kernel: fc.oneof(small(4), fc.tuple(small(4), small(4))),
  stride: small(2),
  padding: pad,
  dilation: small(2),
  bias: fc.boolean(),
});
const poolArb: fc.Arbitrary<Spec> = fc
  .record({
    type: fc.constantFrom('maxpool2d', 'avgpool2d'),
    kernel: small(3),
    stride: small(3),
    padding: fc.oneof(fc.constant(0), fc.constant('same')),
    ceilMode: fc.boolean(),
  })
  .map(({ stride, ...rest }) => (stride === 3 ? rest : { ...rest, stride }));
const transposeArb: fc.Arbitrary<Spec> = fc.record({
  type: fc.constant('convtranspose2d'),
  outChannels: small(4),
  kernel: small(4),
  stride: small(2),
  padding: fc.oneof(fc.integer({ min: 0, max: 1 }), fc.constant('same')),
  bias: fc.boolean(),
});
const plainArb: fc.Arbitrary<Spec> = fc.constantFrom<Spec>(
  { type: 'batchnorm' },
  { type: 'relu' },
  { type: 'dropout', p: 0.3 },
);
const imageArb = fc.tuple(small(4), fc.integer({ min: 12, max: 40 }), fc.integer({ min: 12, max: 40 }));
const netArb = fc.tuple(
  imageArb,
  fc.array(fc.oneof(convArb, poolArb, transposeArb, plainArb), { minLength: 1, maxLength: 5 }),
);

const KIND: Record<string, string> = {
  conv2d: 'conv',
  maxpool2d: 'maxpool',
  avgpool2d: 'avgpool',
  convtranspose2d: 'conv-transpose',
};

describe('conv/summary properties', () => {
  it('every conv / pool / conv-transpose output shape equals conv/output-shape’s for that layer', () => {
    fc.assert(
      fc.property(netArb, ([input, layers]) => {
        const a = summaryOf(input, layers);
        layers.forEach((l, i) => {
          const kind = KIND[l.type];
          if (!kind) return;
          const { type: _t, bias: _b, ...fields } = l;
          const inputShape = i === 0 ? input : (a.layers[i - 1]?.outputShape as number[]);
          const expected = solve('conv/output-shape', { inputShape, kind, ...fields } as Record<string, unknown>).answer
            .outputShape;
          expect(a.layers[i]?.outputShape).toEqual(expected);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('params = trainable + non-trainable on every row, and the totals are the column sums', () => {
    fc.assert(
      fc.property(netArb, fc.boolean(), ([input, layers], freeze) => {
        const net = freeze ? layers.map((l, i) => (i === 0 ? { ...l, trainable: false } : l)) : layers;
        const a = summaryOf(input, [...net, { type: 'flatten' }, { type: 'dense', units: 3 }]);
        for (const r of a.layers) expect(r.trainableParams + r.nonTrainableParams).toBe(r.params);
        const sum = (f: (r: SummaryAnswer['layers'][number]) => number) => a.layers.reduce((t, r) => t + f(r), 0);
        expect(a.totalParams).toBe(sum((r) => r.params));
        expect(a.trainableParams).toBe(sum((r) => r.trainableParams));
        expect(a.nonTrainableParams).toBe(sum((r) => r.nonTrainableParams));
        expect(a.totalMacs).toBe(sum((r) => r.macs));
        expect(a.trainableParams + a.nonTrainableParams).toBe(a.totalParams);
      }),
    );
  });

  it('params = Σ sizes of the reported weight and bias shapes (batch norm: twice, for its running mean and variance)', () => {
    const size = (s: number[] | null) => (s ? s.reduce((p, d) => p * d, 1) : 0);
    fc.assert(
      fc.property(netArb, ([input, layers]) => {
        const a = summaryOf(input, [...layers, { type: 'flatten' }, { type: 'dense', units: 2, bias: false }]);
        for (const r of a.layers) {
          const shapes = size(r.weightShape) + size(r.biasShape);
          expect(r.params).toBe(r.type === 'batchnorm' ? 2 * shapes : shapes);
        }
      }),
    );
  });

  it('the receptive field and jump of a square conv / pool stack equal conv/receptive-field’s', () => {
    const layerArb = fc.record({
      type: fc.constantFrom('conv2d', 'maxpool2d'),
      kernel: small(5),
      stride: small(3),
      padding: fc.integer({ min: 0, max: 2 }),
      dilation: small(3),
    });
    fc.assert(
      fc.property(fc.array(layerArb, { minLength: 1, maxLength: 5 }), (layers) => {
        const specs = layers.map(({ type, dilation, ...l }) =>
          type === 'conv2d' ? { type, outChannels: 2, dilation, ...l } : { type, ...l },
        );
        const a = summaryOf([1, 400, 400], specs);
        const plain = layers.map(({ type, dilation, ...l }) => ({ ...l, dilation: type === 'conv2d' ? dilation : 1 }));
        const rf = solve('conv/receptive-field', { layers: plain }).answer as unknown as ReceptiveFieldAnswer;
        expect(a.layers.map((r) => [r.receptiveField, r.jump])).toEqual(
          rf.layers.map((r) => [
            [r.receptiveField, r.receptiveField],
            [r.jump, r.jump],
          ]),
        );
      }),
    );
  });

  it('a transposed convolution’s field is the widest set of inputs one output unit reads (brute force)', () => {
    fc.assert(
      fc.property(small(5), small(4), small(3), fc.integer({ min: 0, max: 2 }), (kernel, stride, dilation, padding) => {
        const a = summaryOf(
          [1, 30, 30],
          [{ type: 'convtranspose2d', outChannels: 1, kernel, stride, dilation, padding }],
        );
        // Output o reads input i when i·s − p + t·d = o for a tap t (unbounded input, as fields are not clipped).
        let widest = 0;
        for (let o = 0; o < 2 * stride * dilation * kernel + 2; o++) {
          const reads: number[] = [];
          for (let t = 0; t < kernel; t++) {
            const x = o + padding - t * dilation;
            if (x % stride === 0) reads.push(x / stride);
          }
          if (reads.length) widest = Math.max(widest, Math.max(...reads) - Math.min(...reads) + 1);
        }
        expect(a.layers[0]?.receptiveField).toEqual([widest, widest]);
        expect(a.layers[0]?.jump).toEqual([1 / stride, 1 / stride]);
      }),
    );
  });

  it('parameter counts equal those of the same tf.layers model, and output shapes those its tensors actually have on random data (TensorFlow.js)', () => {
    const tfConv = convArb.map((l) => ({ ...l, dilation: 1 }));
    // Keras's "valid" conv-transpose pads the output to in·s when k < s; PyTorch's formula (ours) does not.
    const tfTranspose = transposeArb.map((l) => ({
      ...l,
      padding: l.padding === 'same' ? 'same' : 'valid',
      kernel: Math.max(l.kernel as number, l.stride as number),
    }));
    const tfPool = poolArb.map(({ ceilMode: _c, ...l }) => l);
    const layersArb = fc.array(fc.oneof(tfConv, tfPool, tfTranspose, plainArb), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(imageArb, layersArb, (input, layers) => {
        const net = [...layers, { type: 'flatten' }, { type: 'dense', units: 3 }];
        const ours = summaryOf(input, net);
        const rows = ours.layers.map((l) => ({
          outputShape: l.outputShape,
          params: l.params,
          trainable: l.trainableParams,
          nonTrainable: l.nonTrainableParams,
        }));
        expect(rows).toEqual(tfSummary(input, net));
      }),
      { numRuns: 25 },
    );
  });
});
