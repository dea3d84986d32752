/**
 * The exam networks of conv/summary, each with numbers derived by hand (the
 * `source` shows how) and cross-checked against @tensorflow/tfjs in
 * summary.test.ts.
 */
import type { SolverExample, z } from '@dnn/core';
import type { summaryInput } from './layer-specs.js';

const conv = (outChannels: number, kernel: number, extra: Record<string, unknown> = {}) =>
  ({ type: 'conv2d', outChannels, kernel, ...extra }) as const;
const pool = (kernel: number) => ({ type: 'maxpool2d', kernel }) as const;
const dense = (units: number, extra: Record<string, unknown> = {}) => ({ type: 'dense', units, ...extra }) as const;
const flatten = { type: 'flatten' } as const;

/** Hand-derived exam examples of conv/summary. */
export const SUMMARY_EXAMPLES: SolverExample<z.input<typeof summaryInput>>[] = [
  {
    title: 'Mountains vs airplanes: 100×100×1, 4×(conv 5×5 + max-pool 2), dense 32, dense 2',
    source:
      'Exam problem (Keras model.summary() in the rubric); by hand: 100 → 96 → 48 → 44 → 22 → 18 → 9 → 5 → 2; params (25·1 + 1)·32 = 832, (25·32 + 1)·32 = 25632, (25·32 + 1)·64 = 51264, (25·64 + 1)·64 = 102464, flatten 2·2·64 = 256, (256 + 1)·32 = 8224, (32 + 1)·2 = 66; total 188482 (= the rubric). MACs 32·96²·25 + 32·44²·32·25 + 64·18²·32·25 + 64·5²·64·25 + 256·32 + 32·2 = 76091456.',
    input: {
      input: [1, 100, 100],
      layers: [
        conv(32, 5),
        pool(2),
        conv(32, 5),
        pool(2),
        conv(64, 5),
        pool(2),
        conv(64, 5),
        pool(2),
        flatten,
        dense(32),
        dense(2),
      ],
    },
    answer: { totalParams: 188482, trainableParams: 188482, nonTrainableParams: 0, totalMacs: 76091456 },
  },
  {
    title: '128×128×3, four conv 5×5 layers (32, 64, 128, 256) each with max-pool 2, dense 1024, 512, 2',
    source:
      'Exam problem (rubric computes the conv layers only); by hand: 128 → 124 → 62 → 58 → 29 → 25 → 12 → 8 → 4, flatten 4·4·256 = 4096; conv params (75 + 1)·32 = 2432, (800 + 1)·64 = 51264, (1600 + 1)·128 = 204928, (3200 + 1)·256 = 819456 (= the rubric); dense (4096 + 1)·1024 = 4195328, (1024 + 1)·512 = 524800, (512 + 1)·2 = 1026; total 5799234.',
    input: {
      input: [3, 128, 128],
      layers: [
        conv(32, 5),
        pool(2),
        conv(64, 5),
        pool(2),
        conv(128, 5),
        pool(2),
        conv(256, 5),
        pool(2),
        flatten,
        dense(1024),
        dense(512),
        dense(2),
      ],
    },
    answer: { totalParams: 5799234, trainableParams: 5799234 },
  },
  {
    title: 'AlexNet-like first layers: 256×256 RGB, conv 96×11×11 s4, max-pool 3×3 s2, conv 5×5 (p = (f − 1)/2)',
    source:
      'Exam problem (conv2 has 256 filters as in AlexNet; the figure is missing); by hand: ⌊(256 + 10 − 11)/4⌋ + 1 = 64, ⌊(64 + 2 − 3)/2⌋ + 1 = 32, 32 + 4 − 5 + 1 = 32; conv1 params (11·11·3 + 1)·96 = 34944 (= the rubric); fields 11, 11 + 2·4 = 19, 19 + 4·8 = 51 (= the rubric). The rubric’s (256 − 11)/4 + 1 drops the padding and is not whole; with p = 5 it is ⌊255/4⌋ + 1 = 64.',
    input: {
      input: [3, 256, 256],
      layers: [
        conv(96, 11, { stride: 4, padding: 5, name: 'conv1' }),
        { type: 'maxpool2d', kernel: 3, stride: 2, padding: 1, name: 'maxpool1' },
        conv(256, 5, { padding: 2, name: 'conv2' }),
      ],
    },
    answer: {
      layers: [
        { outputShape: [96, 64, 64], params: 34944, receptiveField: [11, 11], jump: [4, 4] },
        { outputShape: [96, 32, 32], params: 0, receptiveField: [19, 19], jump: [8, 8] },
        { outputShape: [256, 32, 32], params: 614656, receptiveField: [51, 51], jump: [8, 8] },
      ],
    },
  },
  {
    title: 'LeNet-5: 32×32, conv1 6×5×5, maxpool1, conv2 16×5×5, maxpool2, f1 120, f2 84, 10',
    source:
      'Exam problem (stride 1, no padding, conv1 output 6×28×28); by hand: fields 5, 5 + 1 = 6 (maxpool1 sees 6×6), 6 + 4·2 = 14, 14 + 1·2 = 16; f1 sees the whole 32×32; params 156 + 2416 + (400 + 1)·120 + (120 + 1)·84 + (84 + 1)·10 = 61706.',
    input: {
      input: [1, 32, 32],
      layers: [
        conv(6, 5, { name: 'conv1' }),
        { type: 'maxpool2d', kernel: 2, name: 'maxpool1' },
        conv(16, 5, { name: 'conv2' }),
        { type: 'maxpool2d', kernel: 2, name: 'maxpool2' },
        flatten,
        dense(120, { name: 'f1' }),
        dense(84, { name: 'f2' }),
        dense(10),
      ],
    },
    answer: {
      layers: [
        { outputShape: [6, 28, 28], receptiveField: [5, 5] },
        { outputShape: [6, 14, 14], receptiveField: [6, 6] },
        { outputShape: [16, 10, 10], receptiveField: [14, 14] },
        { outputShape: [16, 5, 5], receptiveField: [16, 16] },
        { outputShape: [400], receptiveField: [32, 32] },
        { outputShape: [120], receptiveField: [32, 32], params: 48120 },
        { outputShape: [84] },
        { outputShape: [10] },
      ],
      totalParams: 61706,
    },
  },
  {
    title: 'Bottleneck: 1×1 conv 200 → 50 then 5×5 conv 50 → 75 on 50×50 maps: multiplications',
    source:
      'Exam problem; by hand: 1×1: 50·50·50·200 = 25000000; 5×5 (padding 2 keeps 50×50): 75·50·50·50·5·5 = 234375000; total 259375000. The rubric adds 2.5×10⁶ instead of 2.5×10⁷ and prints 236875000.',
    input: {
      input: [200, 50, 50],
      layers: [conv(50, 1), conv(75, 5, { padding: 2 })],
    },
    answer: {
      layers: [
        { outputShape: [50, 50, 50], macs: 25000000 },
        { outputShape: [75, 50, 50], macs: 234375000 },
      ],
      totalMacs: 259375000,
    },
  },
  {
    title: '1-D CNN with batch norm, as the rubric: length 100, conv1d 64×3 keeping the length, batch norm, dense 128',
    source:
      'Exam problem; the rubric’s 6400 = 64·100 inputs to the dense layer keep the length, i.e. padding "same": conv (3·1 + 1)·64 = 256, batch norm 2·64 = 128 trainable + 2·64 = 128 non-trainable, dense (6400 + 1)·128 = 819328; trainable 819712, non-trainable 128 (= the rubric). With Keras’s default padding "valid" see the next example.',
    input: {
      input: [1, 100],
      layers: [
        { type: 'conv1d', outChannels: 64, kernel: 3, padding: 'same' },
        { type: 'batchnorm' },
        flatten,
        dense(128),
      ],
    },
    answer: { trainableParams: 819712, nonTrainableParams: 128, totalParams: 819840 },
  },
  {
    title: 'The same 1-D CNN with Keras’s default padding "valid"',
    source:
      'By hand: length 100 − 3 + 1 = 98, flatten 64·98 = 6272, dense (6272 + 1)·128 = 802944; trainable 256 + 128 + 802944 = 803328, non-trainable 128. The rubric’s 819712 assumes the length stays 100.',
    input: {
      input: [1, 100],
      layers: [{ type: 'conv1d', outChannels: 64, kernel: 3 }, { type: 'batchnorm' }, flatten, dense(128)],
    },
    answer: { trainableParams: 803328, nonTrainableParams: 128, totalParams: 803456 },
  },
  {
    title: 'Dense 20 → 5 hidden layers of 10 → 1',
    source: 'Exam problem; by hand: (20 + 1)·10 + 4·(10 + 1)·10 + (10 + 1)·1 = 210 + 440 + 11 = 661 (= the rubric).',
    input: { input: [20], layers: [dense(10), dense(10), dense(10), dense(10), dense(10), dense(1)] },
    answer: { totalParams: 661 },
  },
  {
    title: 'Dense 30 → 7 hidden layers of 8 → 1 (binary output)',
    source:
      'Exam problem; by hand: (30 + 1)·8 + 6·(8 + 1)·8 + (8 + 1)·1 = 248 + 432 + 9 = 689 (one sigmoid output unit). Seven hidden layers have six hidden-to-hidden blocks; the rubric’s (8 + 1)·8·7 counts seven and gets 761 (its 2-output variant (8 + 2)·2 should be (8 + 1)·2: 698).',
    input: { input: [30], layers: [...Array.from({ length: 7 }, () => dense(8)), dense(1)] },
    answer: { totalParams: 689 },
  },
  {
    title: '16×16×3 images flattened to 768 → 30 (no bias) → 60 → 120 (no bias) → 10',
    source:
      'Exam problem (Keras functional model); by hand: 768·30 = 23040, (30 + 1)·60 = 1860, 60·120 = 7200, (120 + 1)·10 = 1210; total 33310 (= the rubric). Dropout after layer 2 adds nothing.',
    input: {
      input: [768],
      layers: [
        dense(30, { bias: false }),
        dense(60),
        { type: 'dropout', p: 0.4 },
        dense(120, { bias: false }),
        dense(10),
      ],
    },
    answer: { totalParams: 33310 },
  },
  {
    title: 'Keras: Embedding(20000, 128) + LSTM(128) + Dense(1), sequences of 80 tokens',
    source:
      'Exam problem (code snippet with model.summary()); by hand: 20000·128 = 2560000, LSTM 4·(128·128 + 128·128 + 128) = 131584, dense 128 + 1 = 129; total 2691713 (the sequence length, here 80, changes no parameter).',
    input: {
      input: [80],
      layers: [
        { type: 'embedding', numEmbeddings: 20000, dim: 128 },
        { type: 'lstm', hiddenSize: 128 },
        dense(1),
        { type: 'sigmoid' },
      ],
    },
    answer: {
      layers: [
        { outputShape: [80, 128], params: 2560000 },
        { outputShape: [128], params: 131584, receptiveField: null },
        { outputShape: [1], params: 129, receptiveField: [80] },
        { outputShape: [1] },
      ],
      totalParams: 2691713,
    },
  },
  {
    title: 'VGG16 by name (torchvision’s vgg16, 224×224 RGB)',
    source:
      'Exam lines 1110–1126 start from Keras’s VGG16 (same layers and counts as torchvision’s); by hand: 13 convs 3×3 (3·9 + 1)·64 + (64·9 + 1)·64 + (64·9 + 1)·128 + (128·9 + 1)·128 + (128·9 + 1)·256 + 2·(256·9 + 1)·256 + (256·9 + 1)·512 + 5·(512·9 + 1)·512 = 14714688, dense (25088 + 1)·4096 + (4096 + 1)·4096 + (4096 + 1)·1000 = 123642856; total 138357544; 16 layers with weights, widest 4096.',
    input: { preset: 'vgg16' },
    answer: { totalParams: 138357544, trainableParams: 138357544, depth: 16, width: 4096 },
  },
  {
    title: 'VGG16 with batch norm after every conv (exam: additional γ, β and running statistics)',
    source:
      'Exam lines 1124 and 1126; by hand: 13 batch-norm layers over 2·64 + 2·128 + 3·256 + 6·512 = 4224 channels: 2·4224 = 8448 more trainable (γ, β) → 138357544 + 8448 = 138365992, and 8448 non-trainable (mean, variance); the first three hold 2·(64 + 64 + 128) = 512 of them.',
    input: { preset: 'vgg16-bn' },
    answer: { trainableParams: 138365992, nonTrainableParams: 8448, totalParams: 138374440 },
  },
  {
    title: 'Keras order: Conv2D(64, (5, 5)), Conv2D(128, (5, 5)), MaxPooling2D((2, 2)) on (256, 256, 3)',
    source:
      'Exam lines 1644–1650 (shapes asked as H × W × C); by hand: 256 − 5 + 1 = 252, 252 − 5 + 1 = 248, 248/2 = 124 → (252, 252, 64), (248, 248, 128), (124, 124, 128); params (5·5·3 + 1)·64 = 4864 and (5·5·64 + 1)·128 = 204928.',
    input: {
      input: [256, 256, 3],
      layout: 'channels-last',
      layers: [conv(64, 5), conv(128, 5), pool(2)],
    },
    answer: {
      layers: [
        { outputShape: [252, 252, 64], params: 4864 },
        { outputShape: [248, 248, 128], params: 204928 },
        { outputShape: [124, 124, 128], params: 0 },
      ],
      totalParams: 209792,
    },
  },
  {
    title: 'Keras code pasted as printed: the 128×128×3 model (four Conv2D 5×5 + MaxPooling2D, Dense 1024, 512, 2)',
    source:
      'Exam line 1377 (seed lines 1366–1399); the code is parsed, not run, into the same layers as the second example above, so by hand: total 5799234 (2432 + 51264 + 204928 + 819456 + 4195328 + 524800 + 1026); 7 layers with weights, widest 1024.',
    input: {
      code: [
        'from tensorflow.keras.models import Sequential',
        'from tensorflow.keras.layers import Conv2D, MaxPooling2D, Flatten, Dense',
        'model = Sequential()',
        "model.add(Conv2D(32, (5, 5), activation='relu', input_shape=(128, 128, 3)))",
        'model.add(MaxPooling2D((2, 2)))',
        "model.add(Conv2D(64, (5, 5), activation='relu'))",
        'model.add(MaxPooling2D((2, 2)))',
        "model.add(Conv2D(128, (5, 5), activation='relu'))",
        'model.add(MaxPooling2D((2, 2)))',
        "model.add(Conv2D(256, (5, 5), activation='relu'))",
        'model.add(MaxPooling2D((2, 2)))',
        'model.add(Flatten())',
        "model.add(Dense(1024, activation='relu'))",
        "model.add(Dense(512, activation='relu'))",
        "model.add(Dense(2, activation='softmax'))  # Assuming binary classification",
        'model.summary()',
      ].join('\n'),
    },
    answer: { totalParams: 5799234, depth: 7, width: 1024 },
  },
  {
    title: 'How deep and wide? Keras Dense 1048 → 512 → 256 → 128 → 64 → 32 → 16 → 8 on 256·256·3 inputs',
    source:
      'Exam lines 2099 and 3558 (code as printed, one add() of ten layers); by hand: 8 Dense layers (the two Dropouts have no weights) → depth 8, largest 1048 units → width 1048; params (196608 + 1)·1048 + (1048 + 1)·512 + (512 + 1)·256 + (256 + 1)·128 + (128 + 1)·64 + (64 + 1)·32 + (32 + 1)·16 + (16 + 1)·8 = 206758544.',
    input: {
      code: [
        'net = tf.keras.layers.Sequential()',
        'net.add(',
        ' tf.keras.layers.InputLayer(input_shape = ((256*256*3),)),',
        " tf.keras.layers.Dense(1048, activation='relu'),",
        " tf.keras.layers.Dense(512, activation='relu'),",
        ' tf.keras.layers.Dropout(0.4),',
        " tf.keras.layers.Dense(256, activation='relu'),",
        " tf.keras.layers.Dense(128, activation='relu'),",
        " tf.keras.layers.Dense(64, activation='relu'),",
        ' tf.keras.layers.Dropout(0.6),',
        " tf.keras.layers.Dense(32, activation='relu'),",
        " tf.keras.layers.Dense(16, activation='relu'),",
        " tf.keras.layers.Dense(8, activation='softmax'))",
      ].join('\n'),
    },
    answer: { depth: 8, width: 1048, totalParams: 206758544 },
  },
  {
    title: 'PyTorch nn.Sequential: conv 3→64 3×3 p1, ReLU, max-pool 2, flatten, linear on 32×32 RGB',
    source:
      'By hand: (3·9 + 1)·64 = 1792, 32 → 32 → 16, flatten 64·16·16 = 16384, (16384 + 1)·10 = 163850; total 165642. nn.Linear’s in_features 16384 is checked against the flattened size.',
    input: {
      input: [3, 32, 32],
      code: 'model = nn.Sequential(\n  nn.Conv2d(3, 64, 3, padding=1),\n  nn.ReLU(),\n  nn.MaxPool2d(2),\n  nn.Flatten(),\n  nn.Linear(64 * 16 * 16, 10),\n)',
    },
    answer: { totalParams: 165642, depth: 2, width: 64 },
  },
];
