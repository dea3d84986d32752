/**
 * conv/summary and conv/output-shape, catalog v2 options: `layout`, `preset`,
 * layer type `reshape`, and the `depth` / `width` answer fields. Every expected
 * number is derived by hand in the comment beside it (never copied from a rubric).
 */
import { describe, expect, it } from 'vitest';
import { type InputErrorCase, itRejects } from './assertions.test-util.js';
import { outputShape } from './output-shape.js';
import { type SummaryAnswer, summary } from './summary.js';

const run = (input: unknown) => summary.run(input as never).answer as SummaryAnswer;
const solution = (input: unknown) => summary.run(input as never);
const shapeOf = (input: unknown) => outputShape.run(input as never);

/** conv params (k·k·cin + 1)·cout. */
const conv = (k: number, cin: number, cout: number) => (k * k * cin + 1) * cout;
/** dense params (in + 1)·out. */
const dense = (n: number, u: number) => (n + 1) * u;

describe('presets: torchvision layer lists, totals derived from the definitions by hand', () => {
  // VGG16 (configuration D): 3×3 convs 64, 64 | 128, 128 | 256 ×3 | 512 ×3 | 512 ×3, classifier 25088 → 4096 → 4096 → 1000.
  const vgg16Convs =
    conv(3, 3, 64) +
    conv(3, 64, 64) +
    conv(3, 64, 128) +
    conv(3, 128, 128) +
    conv(3, 128, 256) +
    2 * conv(3, 256, 256) +
    conv(3, 256, 512) +
    5 * conv(3, 512, 512);
  const classifier = dense(512 * 7 * 7, 4096) + dense(4096, 4096) + dense(4096, 1000);

  it('vgg16: 14,714,688 conv + 123,642,856 dense = 138,357,544 (exam lines 1124/1126, the model they modify)', () => {
    expect(vgg16Convs).toBe(14714688);
    expect(classifier).toBe(123642856);
    const a = run({ preset: 'vgg16' });
    expect(a.totalParams).toBe(138357544);
    expect(a.depth).toBe(16);
    expect(a.width).toBe(4096);
    expect(a.layers.find((l) => l.type === 'adaptiveavgpool2d')?.outputShape).toEqual([512, 7, 7]);
  });

  it('vgg16-bn, exam line 1124 a): 13 BN layers add 2·(2·64 + 2·128 + 3·256 + 6·512) = 8,448 trainable γ, β', () => {
    const plain = run({ preset: 'vgg16' });
    const bn = run({ preset: 'vgg16-bn' });
    expect(2 * (2 * 64 + 2 * 128 + 3 * 256 + 6 * 512)).toBe(8448);
    expect(bn.trainableParams - plain.trainableParams).toBe(8448);
    expect(bn.trainableParams).toBe(138365992);
    expect(bn.nonTrainableParams).toBe(8448); // running mean and variance
    expect(bn.depth).toBe(16); // batch norm is not counted
  });

  it('vgg16-bn, exam line 1126 b): the first 3 BN layers hold 2·(64 + 64 + 128) = 512 running statistics', () => {
    const bn = run({ preset: 'vgg16-bn' }).layers.filter((l) => l.type === 'batchnorm');
    expect(bn).toHaveLength(13);
    expect(bn.slice(0, 3).reduce((t, l) => t + l.nonTrainableParams, 0)).toBe(512);
  });

  it('vgg11 = 132,863,336 and vgg19 = 143,667,240 (configurations A and E)', () => {
    const vgg11 =
      conv(3, 3, 64) +
      conv(3, 64, 128) +
      conv(3, 128, 256) +
      conv(3, 256, 256) +
      conv(3, 256, 512) +
      3 * conv(3, 512, 512);
    const vgg19 = vgg16Convs + conv(3, 256, 256) + 2 * conv(3, 512, 512);
    expect(run({ preset: 'vgg11' }).totalParams).toBe(vgg11 + classifier);
    expect(vgg11 + classifier).toBe(132863336);
    expect(run({ preset: 'vgg19' }).totalParams).toBe(vgg19 + classifier);
    expect(vgg19 + classifier).toBe(143667240);
  });

  it('alexnet: 61,100,840 (torchvision: 64–192–384–256–256 filters, 256·6·6 → 4096 → 4096 → 1000)', () => {
    const total =
      conv(11, 3, 64) +
      conv(5, 64, 192) +
      conv(3, 192, 384) +
      conv(3, 384, 256) +
      conv(3, 256, 256) +
      dense(256 * 6 * 6, 4096) +
      dense(4096, 4096) +
      dense(4096, 1000);
    expect(total).toBe(61100840);
    const a = run({ preset: 'alexnet' });
    expect(a.totalParams).toBe(total);
    // 224 → ⌊(224 + 4 − 11)/4⌋ + 1 = 55 → ⌊(55 − 3)/2⌋ + 1 = 27 → 27 → 13 → 13 → 6.
    expect(a.layers[0]?.outputShape).toEqual([64, 55, 55]);
    expect(a.layers[12]?.outputShape).toEqual([256, 6, 6]);
  });

  it('lenet5: 156 + 2416 + 48120 + 10164 + 850 = 61,706 on [1, 32, 32]', () => {
    const a = run({ preset: 'lenet5' });
    expect(a.totalParams).toBe(conv(5, 1, 6) + conv(5, 6, 16) + conv(5, 16, 120) + dense(120, 84) + dense(84, 10));
    expect(a.totalParams).toBe(61706);
    expect(a.depth).toBe(5);
    expect(a.width).toBe(120);
  });

  it('a preset with `input` uses it: vgg16 on [3, 32, 32] keeps every parameter (adaptive pooling to 7×7)', () => {
    const a = run({ preset: 'vgg16', input: [3, 32, 32] });
    expect(a.totalParams).toBe(138357544);
    expect(a.layers.at(-1)?.outputShape).toEqual([1000]);
  });
});

describe('layout: Keras order [H, W, C]', () => {
  it('conv/output-shape: [256, 256, 3] with the default layout still answers [96, 64, 1], with a note', () => {
    const sol = shapeOf({ inputShape: [256, 256, 3], outChannels: 96, kernel: 11, stride: 4, padding: 5 });
    expect(sol.answer.outputShape).toEqual([96, 64, 1]); // W = ⌊(3 + 10 − 11)/4⌋ + 1 = 1
    expect(sol.notes.join(' ')).toMatch(/looks like Keras's channels-last order \[H, W, C\]/);
  });

  it('conv/output-shape: channels-last gives (64, 64, 96) (exam line 383: ⌊255/4⌋ + 1 = 64)', () => {
    const sol = shapeOf({
      inputShape: [256, 256, 3],
      layout: 'channels-last',
      outChannels: 96,
      kernel: 11,
      stride: 4,
      padding: 5,
    });
    expect(sol.answer.outputShape).toEqual([64, 64, 96]);
    expect(sol.notes.join(' ')).toMatch(/channels-last/);
    expect(sol.notes.join(' ')).not.toMatch(/looks like/);
  });

  it('conv/output-shape: no note for a PyTorch-order shape', () => {
    const sol = shapeOf({ inputShape: [3, 256, 256], outChannels: 96, kernel: 11, stride: 4, padding: 5 });
    expect(sol.notes.join(' ')).not.toMatch(/looks like/);
  });

  it('conv/summary: channels-last answers every map in [H, W, C], the same counts as channels-first', () => {
    // Exam line 1644: Conv2D(64, (5, 5)) on (256, 256, 3), Conv2D(128, (5, 5)), MaxPooling2D((2, 2)):
    // 256 − 4 = 252, 252 − 4 = 248, 248 / 2 = 124; params (75 + 1)·64 = 4864, (1600 + 1)·128 = 204928.
    const layers = [
      { type: 'conv2d', outChannels: 64, kernel: 5 },
      { type: 'conv2d', outChannels: 128, kernel: 5 },
      { type: 'maxpool2d', kernel: 2 },
    ];
    const keras = run({ input: [256, 256, 3], layout: 'channels-last', layers });
    const torch = run({ input: [3, 256, 256], layers });
    expect(keras.layers.map((l) => l.outputShape)).toEqual([
      [252, 252, 64],
      [248, 248, 128],
      [124, 124, 128],
    ]);
    expect(keras.layers.map((l) => l.params)).toEqual([4864, 204928, 0]);
    expect(keras.totalParams).toBe(torch.totalParams);
    expect(torch.layers[2]?.outputShape).toEqual([128, 124, 124]);
  });

  it('conv/summary: a Keras-looking input with the default layout gets a note, never a silent answer', () => {
    const sol = solution({ input: [256, 256, 3], layers: [{ type: 'conv2d', outChannels: 8, kernel: 3 }] });
    expect(sol.notes.join(' ')).toMatch(/input \[256, 256, 3\] looks like Keras's channels-last order/);
  });

  it('conv/summary: a sequence [L, D] is the same in both layouts (no transpose, no note)', () => {
    const a = solution({ input: [80, 3], layers: [{ type: 'lstm', hiddenSize: 4 }] });
    const b = solution({ input: [80, 3], layout: 'channels-last', layers: [{ type: 'lstm', hiddenSize: 4 }] });
    expect(a.answer.totalParams).toBe(4 * (4 * 3 + 4 * 4 + 4));
    expect(b.answer).toEqual(a.answer);
    expect(a.notes.join(' ')).not.toMatch(/looks like/);
  });

  it('conv/summary: Keras [L, C] before a Conv1D is read as [C, L]', () => {
    // (100, 1) → [1, 100]; Conv1D(64, 3): 100 − 2 = 98 → (98, 64); params (3·1 + 1)·64 = 256.
    const a = run({
      input: [100, 1],
      layout: 'channels-last',
      layers: [{ type: 'conv1d', outChannels: 64, kernel: 3 }],
    });
    expect(a.layers[0]?.outputShape).toEqual([98, 64]);
    expect(a.totalParams).toBe(256);
  });
});

describe('depth and width', () => {
  it('exam lines 2099 / 3558: 8 dense layers (dropout not counted), widest 1048', () => {
    // InputLayer((256·256·3,)), Dense 1048, 512, Dropout, 256, 128, 64, Dropout, 32, 16, 8.
    const units = [1048, 512, 256, 128, 64, 32, 16, 8];
    const layers = units.flatMap((u) => [
      { type: 'dense', units: u, activation: 'relu' },
      ...(u === 512 ? [{ type: 'dropout', p: 0.4 }] : u === 64 ? [{ type: 'dropout', p: 0.6 }] : []),
    ]);
    const a = run({ input: [256 * 256 * 3], layers });
    expect(a.depth).toBe(8);
    expect(a.width).toBe(1048);
  });

  it('pooling-only networks have depth 0 and width 0', () => {
    const a = run({ input: [1, 4, 4], layers: [{ type: 'maxpool2d', kernel: 2 }] });
    expect([a.depth, a.width]).toEqual([0, 0]);
  });
});

describe('reshape', () => {
  it('dense 400 → reshape [16, 5, 5] → conv 5×5: 16·5·5 = 400 values, then 1×1 maps', () => {
    const a = run({
      input: [10],
      layers: [
        { type: 'dense', units: 400 },
        { type: 'reshape', shape: [16, -1, 5] },
        { type: 'conv2d', outChannels: 2, kernel: 5 },
      ],
    });
    expect(a.layers[1]?.outputShape).toEqual([16, 5, 5]);
    expect(a.layers[1]?.params).toBe(0);
    expect(a.layers[2]).toMatchObject({ outputShape: [2, 1, 1], params: conv(5, 16, 2) });
  });

  it('reshape in Keras order: Reshape((5, 5, 16)) is [16, 5, 5] in PyTorch order', () => {
    const a = run({
      input: [400],
      layout: 'channels-last',
      layers: [
        { type: 'reshape', shape: [5, 5, 16] },
        { type: 'conv2d', outChannels: 2, kernel: 3 },
      ],
    });
    expect(a.layers.map((l) => l.outputShape)).toEqual([
      [5, 5, 16],
      [3, 3, 2],
    ]);
    expect(a.layers[1]?.params).toBe(conv(3, 16, 2));
  });

  it('a rank-2 reshape before an LSTM is a sequence [L, D]', () => {
    const a = run({
      input: [12],
      layers: [
        { type: 'reshape', shape: [4, 3] },
        { type: 'lstm', hiddenSize: 2 },
      ],
    });
    expect(a.layers[1]?.params).toBe(4 * (2 * 3 + 2 * 2 + 2));
  });
});

describe('bad input', () => {
  const cases: InputErrorCase[] = [
    ['no layers, preset or code', { input: [3, 8, 8] }, 'layers', /give the layers, a preset/],
    [
      'layers and preset together',
      { input: [3, 8, 8], preset: 'vgg16', layers: [{ type: 'flatten' }] },
      'preset',
      /one of/,
    ],
    ['layers without input', { layers: [{ type: 'flatten' }] }, 'input', /is required with layers/],
    ['unknown preset', { preset: 'resnet50' }, 'preset', /./],
    [
      'reshape to the wrong size',
      { input: [10], layers: [{ type: 'reshape', shape: [3, 3] }] },
      'layers[0].shape',
      /has 10 values but \[3, 3\] holds 9/,
    ],
    [
      'reshape with two −1',
      { input: [12], layers: [{ type: 'reshape', shape: [-1, -1] }] },
      'layers[0].shape',
      /at most one axis/,
    ],
    [
      'reshape −1 that does not divide',
      { input: [10], layers: [{ type: 'reshape', shape: [-1, 3] }] },
      'layers[0].shape',
      /not divisible by 3/,
    ],
    // 8 → 4 → 2 → 1 after the third pool; the fourth 2×2 pool (layer 24) does not fit a 1×1 map.
    [
      'a too-small input for a preset',
      { preset: 'vgg16', input: [3, 8, 8] },
      'preset',
      /^layer 24 \(maxpool2d\): kernel: /,
    ],
  ];
  itRejects(solution, cases);
});
