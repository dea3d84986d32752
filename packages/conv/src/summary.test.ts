import { describe, expect, it } from 'vitest';
import { type InputErrorCase, itRejects } from './assertions.test-util.js';
import { solve } from './index.js';
import type { SummaryAnswer } from './summary.js';
import { summary } from './summary.js';
import { type Spec, tfSummary } from './summary-tf.test-util.js';

const run = (input: unknown) => solve('conv/summary', input).answer as unknown as SummaryAnswer;
const column = (a: SummaryAnswer, key: 'params' | 'macs' | 'outputShape' | 'receptiveField') =>
  a.layers.map((l) => l[key]);

describe('conv/summary: exam networks (derived by hand in each example source)', () => {
  for (const example of summary.examples) {
    it(example.title, () => {
      expect(run(example.input)).toMatchObject(example.answer);
    });
  }
});

describe('conv/summary: exam networks layer by layer', () => {
  it('mountains vs airplanes: every row of the rubric’s Keras table', () => {
    // Hand-derived (see the example's source); the rubric's Keras summary agrees on every row.
    const a = run(summary.examples[0]?.input);
    expect(column(a, 'params')).toEqual([832, 0, 25632, 0, 51264, 0, 102464, 0, 0, 8224, 66]);
    expect(column(a, 'outputShape')).toEqual([
      [32, 96, 96],
      [32, 48, 48],
      [32, 44, 44],
      [32, 22, 22],
      [64, 18, 18],
      [64, 9, 9],
      [64, 5, 5],
      [64, 2, 2],
      [256],
      [32],
      [2],
    ]);
  });

  it('128×128×3 model: conv params 2432, 51264, 204928, 819456 and flatten 4096', () => {
    const a = run(summary.examples[1]?.input);
    expect(column(a, 'params').filter((_, i) => i < 8 && i % 2 === 0)).toEqual([2432, 51264, 204928, 819456]);
    expect(a.layers[8]?.outputShape).toEqual([4096]);
  });

  it('bottleneck: the rubric’s total 236875000 is an addition slip; 25000000 + 234375000 = 259375000', () => {
    // Rubric: "50×50×50×200 = 2.5×10^7" (right) and "234375000" (right), then total 236,875,000 —
    // it added 2.5×10^6. Our derivation: 2.5×10^7 + 2.34375×10^8 = 2.59375×10^8.
    expect(run(summary.examples[4]?.input).totalMacs).toBe(259375000);
  });

  it('1-D CNN: the rubric’s 6400 dense inputs assume the length stays 100 ("same"); Keras’s default "valid" gives 98', () => {
    const valid = run(summary.examples[6]?.input);
    expect(valid.layers[0]?.outputShape).toEqual([64, 98]);
    expect(valid.layers[1]).toMatchObject({ params: 256, trainableParams: 128, nonTrainableParams: 128 });
    expect(valid.layers[3]?.params).toBe(802944); // (64·98 + 1)·128
  });

  it('30 → 7×8 → binary: 689 (one output) or 698 (two softmax outputs), not the rubric’s 761 / 772', () => {
    // Seven hidden layers: one 30→8 block, six 8→8 blocks, one 8→out block.
    // The rubric writes (30+1)·8 + (8+1)·8·7 + (8+1)·1 = 761, i.e. seven 8→8 blocks (eight hidden layers),
    // and for two outputs (8+2)·2 instead of (8+1)·2. By hand: 248 + 6·72 + 9 = 689; + 9 more for two outputs = 698.
    const hidden = Array.from({ length: 7 }, () => ({ type: 'dense', units: 8 }));
    expect(run({ input: [30], layers: [...hidden, { type: 'dense', units: 1 }] }).totalParams).toBe(689);
    expect(
      run({ input: [30], layers: [...hidden, { type: 'dense', units: 2 }, { type: 'softmax' }] }).totalParams,
    ).toBe(698);
  });

  it('LeNet: maxpool1 sees 6×6, f1 sees the whole 32×32 input', () => {
    const a = run(summary.examples[3]?.input);
    expect(a.layers[1]?.receptiveField).toEqual([6, 6]);
    expect(a.layers[5]?.receptiveField).toEqual([32, 32]);
  });
});

describe('conv/summary: parameter counts equal TensorFlow.js (tf.layers, countParams), output shapes those of its tensors on random data', () => {
  const nets: [string, number[], Spec[]][] = [
    ...summary.examples
      .slice(0, 2)
      .map((e) => [e.title, e.input.input, e.input.layers as Spec[]] as [string, number[], Spec[]]),
    ...summary.examples
      .slice(5, 11)
      .map((e) => [e.title, e.input.input, e.input.layers as Spec[]] as [string, number[], Spec[]]),
    [
      'padded, strided, dilated convs; same pools; batch norm; global pooling',
      [3, 33, 31],
      [
        { type: 'conv2d', outChannels: 8, kernel: 3, padding: 1, stride: 2 },
        { type: 'batchnorm' },
        { type: 'relu' },
        { type: 'conv2d', outChannels: 5, kernel: 3, dilation: 2, bias: false },
        { type: 'avgpool2d', kernel: 3, stride: 2, padding: 'same' },
        { type: 'maxpool2d', kernel: 2, padding: 'same' },
        { type: 'conv2d', outChannels: 4, kernel: 3, stride: 2, padding: 'same' },
        { type: 'globalavgpool' },
        { type: 'dense', units: 3 },
        { type: 'softmax' },
      ],
    ],
    [
      'transposed convolutions',
      [16, 8, 8],
      [
        { type: 'convtranspose2d', outChannels: 8, kernel: 4, stride: 2, padding: 'same' },
        { type: 'convtranspose2d', outChannels: 3, kernel: 3, stride: 1 },
        { type: 'flatten' },
      ],
    ],
    [
      'embedding, conv1d, max-pool 1-D, GRU and simple RNN',
      [50],
      [
        { type: 'embedding', numEmbeddings: 1000, dim: 16 },
        { type: 'conv1d', outChannels: 12, kernel: 5, padding: 'same' },
        { type: 'maxpool1d', kernel: 2 },
        { type: 'gru', hiddenSize: 10, returnSequences: true },
        { type: 'rnn', hiddenSize: 7 },
        { type: 'dense', units: 1, bias: false },
      ],
    ],
    ['lstm on a [L, D] input', [15, 3], [{ type: 'lstm', hiddenSize: 5, returnSequences: true }, { type: 'flatten' }]],
  ];
  for (const [name, input, layers] of nets) {
    it(name, () => {
      const ours = run({ input, layers });
      const theirs = tfSummary(input, layers);
      expect(
        ours.layers.map((l) => ({
          outputShape: l.outputShape,
          params: l.params,
          trainable: l.trainableParams,
          nonTrainable: l.nonTrainableParams,
        })),
      ).toEqual(theirs);
    });
  }
});

describe('conv/summary: conventions', () => {
  it('biasesPerGate 2 (PyTorch) adds G·H biases', () => {
    const one = run({ input: [10, 4], layers: [{ type: 'gru', hiddenSize: 6 }] });
    const two = run({ input: [10, 4], layers: [{ type: 'gru', hiddenSize: 6, biasesPerGate: 2 }] });
    expect(two.totalParams - one.totalParams).toBe(3 * 6);
    expect(one.totalParams).toBe(3 * (6 * 4 + 6 * 6 + 6)); // 3·(HD + HH + H) = 198
  });

  it('trainable: false moves a layer’s parameters to non-trainable', () => {
    const a = run({
      input: [8],
      layers: [
        { type: 'dense', units: 4, trainable: false },
        { type: 'dense', units: 2 },
      ],
    });
    expect(a).toMatchObject({ totalParams: 36 + 10, trainableParams: 10, nonTrainableParams: 36 });
  });

  it('weight and bias shapes follow PyTorch', () => {
    const a = run({
      input: [3, 8, 8],
      layers: [
        { type: 'conv2d', outChannels: 4, kernel: [3, 2] },
        { type: 'convtranspose2d', outChannels: 2, kernel: 2, bias: false },
        { type: 'batchnorm' },
        { type: 'flatten' },
        { type: 'dense', units: 5 },
      ],
    });
    expect(a.layers.map((l) => [l.weightShape, l.biasShape])).toEqual([
      [[4, 3, 3, 2], [4]],
      [[4, 2, 2, 2], null],
      [[2], [2]],
      [null, null],
      [[5, 2 * 7 * 8], [5]],
    ]);
  });

  it('adaptive average pooling uses PyTorch windows; uneven ones are noted', () => {
    // 7 → 3: windows [0,3), [2,5), [4,7): sizes 3, 3, 3; field 3, jump 7/3.
    const sol = solve('conv/summary', {
      input: [2, 7, 8],
      layers: [{ type: 'adaptiveavgpool2d', outputSize: [3, 4] }],
    });
    const a = sol.answer as unknown as SummaryAnswer;
    expect(a.layers[0]).toMatchObject({ outputShape: [2, 3, 4], receptiveField: [3, 2], jump: [7 / 3, 2] });
    expect(sol.notes.join(' ')).toMatch(/windows overlap or differ/);
  });

  it('a [C, L] input feeds conv1d; the same shape before an lstm is [L, D]', () => {
    expect(
      run({ input: [2, 30], layers: [{ type: 'conv1d', outChannels: 4, kernel: 3 }] }).layers[0]?.outputShape,
    ).toEqual([4, 28]);
    expect(run({ input: [2, 30], layers: [{ type: 'lstm', hiddenSize: 4 }] }).layers[0]?.macs).toBe(
      2 * 4 * 4 * (30 + 4),
    );
  });

  it('steps: one per layer with formulas and numbers, a table, totals; LaTeX is KaTeX-safe', () => {
    const sol = solve('conv/summary', summary.examples[0]?.input);
    const text = sol.steps.map((s) => s.text).join('\n');
    expect(text).toContain('H_out = ⌊(100 + 2·0 − (5 − 1) − 1)/1⌋ + 1 = ⌊95/1⌋ + 1 = 96');
    expect(text).toContain('params = (5·5·1 + 1)·32 = 832');
    expect(text).toContain('params = (256 + 1)·32 = 8224');
    expect(text).toContain('total params = 832 + 25632 + 51264 + 102464 + 8224 + 66 = 188482');
    expect(sol.steps).toHaveLength(1 + 11 + 3); // input, 11 layers, table, totals, depth and width
    const exotic = solve('conv/summary', {
      input: [3, 9, 8],
      layers: [
        { type: 'conv2d', outChannels: 2, kernel: [3, 2], padding: 'same', stride: 2, name: 'a_b&c' },
        { type: 'convtranspose2d', outChannels: 2, kernel: 3, stride: 2, dilation: 2 },
        { type: 'adaptiveavgpool2d', outputSize: 3 },
        { type: 'batchnorm', trainable: false },
        { type: 'globalavgpool' },
        { type: 'dropout' },
      ],
    });
    for (const st of [...sol.steps, ...exotic.steps]) expect(st.latex).not.toMatch(/[·−⌊⌋⌈⌉…×γβ′]/);
  });

  it('transposed-convolution and adaptive-pooling fields are shown with their numbers', () => {
    const text = solve('conv/summary', {
      input: [1, 5, 5],
      layers: [
        { type: 'conv2d', outChannels: 1, kernel: 3, stride: 2 },
        { type: 'convtranspose2d', outChannels: 1, kernel: 3, stride: 2 },
        { type: 'adaptiveavgpool2d', outputSize: 2 },
      ],
    })
      .steps.map((s) => s.text)
      .join('\n');
    // conv: r = 3, j = 2; conv-transpose: ⌈3/2⌉ = 2 taps, r = 3 + 1·2 = 5, j = 2/2 = 1;
    // adaptive 5 → 2: windows [0, 3), [2, 5), r = 5 + 2·1 = 7, j = 5/2.
    expect(text).toContain('r_2 = 3 + (⌈3/2⌉ − 1)·2 = 5');
    expect(text).toContain('j_2 = 2/2 = 1');
    expect(text).toContain('r_3 = 5 + (3 − 1)·1 = 7');
  });
});

describe('conv/summary: bad input is a DnnInputError naming the field', () => {
  const cases: InputErrorCase[] = [
    [
      'dense after a feature map without flatten',
      {
        input: [1, 28, 28],
        layers: [
          { type: 'conv2d', outChannels: 4, kernel: 3 },
          { type: 'dense', units: 10 },
        ],
      },
      'layers[1]',
      /add a \{"type": "flatten"\} layer before it \(it gives \[2704\]\)/,
    ],
    [
      'kernel larger than the input',
      { input: [1, 4, 4], layers: [{ type: 'conv2d', outChannels: 1, kernel: 5 }] },
      'layers[0].kernel',
      /kernel 5 is larger than the padded input 4/,
    ],
    [
      'shrinking to nothing after a few pools',
      {
        input: [1, 8, 8],
        layers: [
          { type: 'maxpool2d', kernel: 2 },
          { type: 'maxpool2d', kernel: 2 },
          { type: 'maxpool2d', kernel: 2 },
          { type: 'maxpool2d', kernel: 2 },
        ],
      },
      'layers[3].kernel',
      /larger than the padded input 1/,
    ],
    [
      'unknown layer type',
      { input: [4], layers: [{ type: 'dense2', units: 3 }] },
      'layers[0].type',
      /not a layer type; use one of conv1d/,
    ],
    ['missing layer type', { input: [4], layers: [{ units: 3 }] }, 'layers[0].type', /is required; use one of/],
    [
      'misspelt layer field',
      { input: [4], layers: [{ type: 'dense', units: 3, bais: false }] },
      'layers[0].bais',
      /not a field/,
    ],
    [
      'conv2d on a vector',
      { input: [10], layers: [{ type: 'conv2d', outChannels: 1, kernel: 1 }] },
      'layers[0]',
      /needs a \[C, H, W\] feature map/,
    ],
    [
      'conv1d on an image',
      { input: [3, 8, 8], layers: [{ type: 'conv1d', outChannels: 1, kernel: 1 }] },
      'layers[0]',
      /\[C, L\] feature map or a \[L, D\] sequence/,
    ],
    [
      'lstm on a vector',
      { input: [10], layers: [{ type: 'lstm', hiddenSize: 3 }] },
      'layers[0]',
      /needs a sequence \[L, D\]/,
    ],
    [
      'embedding not first',
      {
        input: [10],
        layers: [
          { type: 'dense', units: 3 },
          { type: 'embedding', numEmbeddings: 5, dim: 2 },
        ],
      },
      'layers[1]',
      /put it first/,
    ],
    ['dropout p = 1', { input: [10], layers: [{ type: 'dropout', p: 1 }] }, 'layers[0].p', /less than 1/],
    ['rank-4 input', { input: [1, 1, 8, 8], layers: [{ type: 'flatten' }] }, 'input', /at most 3/],
    ['no layers', { input: [4], layers: [] }, 'layers', /at least 1/],
    [
      'biasesPerGate 3',
      { input: [4, 2], layers: [{ type: 'rnn', hiddenSize: 2, biasesPerGate: 3 }] },
      'layers[0].biasesPerGate',
      /at most 2/,
    ],
    [
      'outputPadding not below the stride',
      {
        input: [1, 4, 4],
        layers: [{ type: 'convtranspose2d', outChannels: 1, kernel: 3, stride: 2, outputPadding: 2 }],
      },
      'layers[0].outputPadding',
      /smaller than the stride/,
    ],
    [
      'counts beyond 2^53',
      { input: [1e9, 1e9, 1e9], layers: [{ type: 'conv2d', outChannels: 1e9, kernel: 1 }] },
      'layers[0]',
      /beyond 2\^53/,
    ],
  ];
  itRejects((input) => solve('conv/summary', input), cases);
});
