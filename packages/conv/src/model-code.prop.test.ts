/**
 * Properties of conv/summary's `code` reader: any text gives an answer or an
 * input error (never another exception or a hang), and a random network
 * printed as Keras or PyTorch code (by a printer written here, independent
 * of the reader) summarises exactly like the same layers typed.
 */
import { DnnInputError } from '@dnn/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type SummaryAnswer, summary } from './summary.js';

const run = (input: unknown) => summary.run(input as never).answer as SummaryAnswer;

interface Conv {
  filters: number;
  kernel: number;
  stride: number;
  same: boolean;
  bias: boolean;
  pool: boolean;
}

const convs = fc.array(
  fc.record({
    filters: fc.integer({ min: 1, max: 16 }),
    kernel: fc.integer({ min: 1, max: 3 }),
    stride: fc.integer({ min: 1, max: 2 }),
    same: fc.boolean(),
    bias: fc.boolean(),
    pool: fc.boolean(),
  }),
  { minLength: 1, maxLength: 4 },
);
const net = fc.record({
  size: fc.integer({ min: 4, max: 40 }),
  channels: fc.integer({ min: 1, max: 4 }),
  convs,
  units: fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 3 }),
});

/** The typed layers of a random network. */
function typed(n: { convs: Conv[]; units: number[] }) {
  return [
    ...n.convs.flatMap((c) => [
      {
        type: 'conv2d',
        outChannels: c.filters,
        kernel: c.kernel,
        stride: c.stride,
        padding: c.same ? 'same' : 0,
        bias: c.bias,
      },
      ...(c.pool ? [{ type: 'maxpool2d', kernel: 2 }] : []),
    ]),
    { type: 'flatten' },
    ...n.units.map((u) => ({ type: 'dense', units: u })),
  ];
}

/** Solves, skipping networks whose maps shrink below a kernel. */
function solveOrSkip(input: unknown): SummaryAnswer {
  try {
    return run(input);
  } catch (e) {
    if (e instanceof DnnInputError && /larger than the padded input|removes the whole output/.test(e.reason))
      fc.pre(false);
    throw e;
  }
}

describe('conv/summary code properties', () => {
  it('any text gives an answer or a DnnInputError at code or input', () => {
    const pythonish = fc.string({
      unit: fc.constantFrom(...'()[]{},.=:#\'"\\\n abcxyzDense(Conv2D)nn.Sequential0123456789*+-/_'.split('')),
      maxLength: 120,
    });
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 80 }), pythonish), (code) => {
        try {
          run({ code });
        } catch (e) {
          expect(e).toBeInstanceOf(DnnInputError);
          expect(['code', 'input']).toContain((e as DnnInputError).path);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('a network printed as Keras Sequential code summarises like the same layers typed', () => {
    fc.assert(
      fc.property(net, (n) => {
        const expected = solveOrSkip({ input: [n.channels, n.size, n.size], layers: typed(n) });
        const lines = [
          'model = tf.keras.Sequential()',
          ...n.convs.flatMap((c, i) => [
            `model.add(layers.Conv2D(${c.filters}, (${c.kernel}, ${c.kernel}), strides=${c.stride}, padding='${c.same ? 'same' : 'valid'}', use_bias=${c.bias ? 'True' : 'False'}${i === 0 ? `, input_shape=(${n.size}, ${n.size}, ${n.channels})` : ''}))`,
            ...(c.pool ? ['model.add(layers.MaxPooling2D(pool_size=(2, 2)))'] : []),
          ]),
          'model.add(layers.Flatten())',
          ...n.units.map((u) => `model.add(layers.Dense(units=${u}, activation="relu"))`),
          "model.compile(optimizer='adam', loss='mse')",
        ];
        expect(run({ code: lines.join('\n') })).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('a network printed as PyTorch nn.Sequential code summarises like the same layers typed', () => {
    fc.assert(
      fc.property(net, (n) => {
        // PyTorch accepts padding='same' only with stride 1.
        fc.pre(n.convs.every((c) => !c.same || c.stride === 1));
        const expected = solveOrSkip({ input: [n.channels, n.size, n.size], layers: typed(n) });
        let cin = n.channels;
        const modules = n.convs.flatMap((c) => {
          const pad = c.same ? "'same'" : '0';
          const m = `nn.Conv2d(${cin}, ${c.filters}, ${c.kernel}, stride=${c.stride}, padding=${pad}, bias=${c.bias ? 'True' : 'False'})`;
          cin = c.filters;
          return c.pool ? [m, 'nn.ReLU()', 'nn.MaxPool2d(2)'] : [m];
        });
        let fin = expected.layers.find((l) => l.type === 'flatten')?.outputShape[0] as number;
        const dense = n.units.map((u) => {
          const m = `nn.Linear(${fin}, ${u})`;
          fin = u;
          return m;
        });
        const code = `model = nn.Sequential(\n  ${[...modules, 'nn.Flatten()', ...dense].join(',\n  ')}\n)`;
        const got = run({ code, input: [n.channels, n.size, n.size] });
        // The printed ReLUs add rows without parameters; everything else matches row for row.
        expect({ ...got, layers: got.layers.filter((l) => l.type !== 'relu') }).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });
});
