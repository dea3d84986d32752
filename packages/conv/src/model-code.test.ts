/**
 * conv/summary `code`: the exams' Keras and PyTorch code, parsed (never run),
 * must give the same layers and numbers as typing the layers. Expected
 * counts are derived by hand in the comments (never copied from a rubric).
 */
import { DnnInputError } from '@dnn/core';
import { describe, expect, it } from 'vitest';
import { type InputErrorCase, itRejects } from './assertions.test-util.js';
import { type SummaryAnswer, summary } from './summary.js';

const run = (input: unknown) => summary.run(input as never);
const answer = (input: unknown) => run(input).answer as SummaryAnswer;

/** Exam line 1377 (seed lines 1366–1399), pasted with its Markdown fences and comments. */
const EXAM_1377 = `\`\`\`
import tensorflow as tf
from tensorflow.keras.models import Sequential
from tensorflow.keras.layers import Conv2D, MaxPooling2D, Flatten, Dense

model = Sequential()
\`\`\`

\`\`\`

# Convolutional layers
model.add(Conv2D(32, (5, 5), activation='relu', input_shape=(128, 128, 3)))
model.add(MaxPooling2D((2, 2)))

model.add(Conv2D(64, (5, 5), activation='relu'))
model.add(MaxPooling2D((2, 2)))

model.add(Conv2D(128, (5, 5), activation='relu'))
model.add(MaxPooling2D((2, 2)))

model.add(Conv2D(256, (5, 5), activation='relu'))
model.add(MaxPooling2D((2, 2)))

# Fully connected layers
model.add(Flatten())
model.add(Dense(1024, activation='relu'))
model.add(Dense(512, activation='relu'))

# Output layer
model.add(Dense(2, activation='softmax')) # Assuming binary classification

model.summary()
\`\`\``;

/** Exam line 2909 (seed lines 2916–2937), with the blanks filled as the rubric's A–D: (768,), 10, "softmax". */
const EXAM_2909 = `
# Input Layer
inputs = keras.Input(shape=(768,))

# Layer 1
x = layers.Dense(30, activation="relu", use_bias=False)(inputs)

# Layer 2
x = layers.Dense(60, activation="relu")(x)

# Layer 3
x = layers.Dense(120, activation="relu", use_bias=False)(x)

# Output Layer
outputs = layers.Dense(10, activation="softmax")(x)

model = keras.Model(inputs=inputs, outputs=outputs,
name="model")
model.compile(optimizer = 'adam', loss = 'categorical_crossentropy',
metrics=['accuracy'])
`;

/** Exam lines 2099 and 3558 (seed lines 2084–2097 / 3544–3556), as printed (Sequential under layers, one add of ten layers). */
const EXAM_2099 = `net = tf.keras.layers.Sequential()
net.add(
 tf.keras.layers.InputLayer(input_shape = ((256*256*3),)),
 tf.keras.layers.Dense(1048, activation='relu'),
 tf.keras.layers.Dense(512, activation='relu'),
 tf.keras.layers.Dropout(0.4),
 tf.keras.layers.Dense(256, activation='relu'),
 tf.keras.layers.Dense(128, activation='relu'),
 tf.keras.layers.Dense(64, activation='relu'),
 tf.keras.layers.Dropout(0.6),
 tf.keras.layers.Dense(32, activation='relu'),
 tf.keras.layers.Dense(16, activation='relu'),
 tf.keras.layers.Dense(8, activation='softmax'))
cb = tf.keras.callbacks.EarlyStopping(monitor='loss', patience=7)
history = net.fit(epochs=200, batch_size=32, callbacks=[cb])`;

describe('Keras code from the exams gives the same layers as typing them', () => {
  it('exam line 1377: four conv 5×5 + max-pool blocks, dense 1024, 512, 2 on (128, 128, 3)', () => {
    const typed = answer({
      input: [3, 128, 128],
      layers: [
        ...[32, 64, 128, 256].flatMap((c) => [
          { type: 'conv2d', outChannels: c, kernel: 5, activation: 'relu' },
          { type: 'maxpool2d', kernel: 2 },
        ]),
        { type: 'flatten' },
        { type: 'dense', units: 1024 },
        { type: 'dense', units: 512 },
        { type: 'dense', units: 2 },
      ],
    });
    const sol = run({ code: EXAM_1377 });
    expect(sol.answer).toEqual(typed);
    // By hand: 128 → 124 → 62 → 58 → 29 → 25 → 12 → 8 → 4; (75 + 1)·32 = 2432, (800 + 1)·64 = 51264,
    // (1600 + 1)·128 = 204928, (3200 + 1)·256 = 819456, (4096 + 1)·1024 = 4195328, (1024 + 1)·512 = 524800, (512 + 1)·2 = 1026.
    expect(sol.answer.totalParams).toBe(2432 + 51264 + 204928 + 819456 + 4195328 + 524800 + 1026);
    expect(sol.steps[0]?.text).toMatch(/line 12: Conv2D → conv2d/);
    expect(sol.notes.join(' ')).toMatch(/skipped/);
  });

  it('exam line 1377 in Keras order: layout channels-last answers (124, 124, 32) …', () => {
    const a = answer({ code: EXAM_1377, layout: 'channels-last' });
    expect(a.layers[0]?.outputShape).toEqual([124, 124, 32]);
    expect(a.layers[7]?.outputShape).toEqual([4, 4, 256]);
  });

  it('exam line 2909: functional model 768 → 30 (no bias) → 60 → 120 (no bias) → 10 = 33,310', () => {
    // 768·30 + (30 + 1)·60 + 60·120 + (120 + 1)·10 = 23040 + 1860 + 7200 + 1210.
    const a = answer({ code: EXAM_2909 });
    expect(a.totalParams).toBe(23040 + 1860 + 7200 + 1210);
    expect(a).toEqual(
      answer({
        input: [768],
        layers: [
          { type: 'dense', units: 30, bias: false },
          { type: 'dense', units: 60 },
          { type: 'dense', units: 120, bias: false },
          { type: 'dense', units: 10 },
        ],
      }),
    );
  });

  it('exam lines 2099 / 3558: depth 8, width 1048 from the printed code', () => {
    const a = answer({ code: EXAM_2099 });
    expect([a.depth, a.width]).toEqual([8, 1048]);
    const units = [1048, 512, 256, 128, 64, 32, 16, 8];
    const hand = units.reduce((t, u, i) => t + ((i === 0 ? 256 * 256 * 3 : (units[i - 1] as number)) + 1) * u, 0);
    expect(a.totalParams).toBe(hand);
    expect(hand).toBe(206758544);
  });

  it('exam line 1279: Embedding(input_dim=20000, output_dim=128), LSTM(128, dropout=0.2), Dense(1) with input [80]', () => {
    const code = `model = keras.models.Sequential()
model.add(keras.layers.Embedding(input_dim = 20000, output_dim = 128))
model.add(keras.layers.LSTM(128, dropout = 0.2))
model.add(keras.layers.Dense(1, activation='sigmoid'))
model.summary()`;
    // 20000·128 + 4·(128·128 + 128·128 + 128) + (128 + 1) = 2560000 + 131584 + 129.
    expect(answer({ code, input: [80] }).totalParams).toBe(2560000 + 131584 + 129);
  });

  it('activation given as a function (tf.nn.relu) and an Activation layer by function name', () => {
    const a = answer({
      code: 'Sequential([Dense(4, activation=tf.nn.relu, input_shape=(3,)), Activation(tf.nn.softmax)])',
    });
    expect(a.layers.map((l) => l.type)).toEqual(['dense', 'softmax']);
    expect(a.totalParams).toBe((3 + 1) * 4);
  });

  it('BatchNormalization, Dropout, GlobalAveragePooling2D and strides/padding keywords', () => {
    const code = `model = keras.Sequential([
  layers.Conv2D(filters=16, kernel_size=3, strides=2, padding="same", input_shape=(32, 32, 3)),
  layers.BatchNormalization(),
  layers.Activation("relu"),
  layers.GlobalAveragePooling2D(),
  layers.Dropout(0.5),
  layers.Dense(10),
])`;
    // conv (27 + 1)·16 = 448, out ⌈32/2⌉ = 16; BN 2·16 + 2·16; dense (16 + 1)·10 = 170.
    const a = answer({ code });
    expect(a.layers.map((l) => l.type)).toEqual(['conv2d', 'batchnorm', 'relu', 'globalavgpool', 'dropout', 'dense']);
    expect(a.layers[0]?.outputShape).toEqual([16, 16, 16]);
    expect([a.trainableParams, a.nonTrainableParams]).toEqual([448 + 32 + 170, 32]);
  });
});

describe('PyTorch nn.Sequential', () => {
  const code = `import torch.nn as nn
model = nn.Sequential(
    nn.Conv2d(3, 64, 3, padding=1),
    nn.ReLU(),
    nn.MaxPool2d(2),
    nn.Conv2d(64, 128, kernel_size=3, padding=1),
    nn.BatchNorm2d(128),
    nn.ReLU(inplace=True),
    nn.AdaptiveAvgPool2d((1, 1)),
    nn.Flatten(),
    nn.Linear(128, 10),
)`;

  it('reads the modules and checks each in_channels / in_features against the shape that reaches it', () => {
    // (27 + 1)·64 = 1792, (576 + 1)·128 = 73856, BN 2·128 (+ 2·128 buffers), (128 + 1)·10 = 1290.
    const a = answer({ code, input: [3, 32, 32] });
    expect(a.trainableParams).toBe(1792 + 73856 + 256 + 1290);
    expect(a.nonTrainableParams).toBe(256);
    expect(a.layers[2]?.outputShape).toEqual([64, 16, 16]);
  });

  it('nn.Sequential(OrderedDict([...])) keeps the layer names', () => {
    const a = answer({
      code: "nn.Sequential(OrderedDict([('fc1', nn.Linear(4, 3)), ('act', nn.ReLU()), ('fc2', nn.Linear(3, 1))]))",
    });
    expect(a.layers.map((l) => l.name)).toEqual(['fc1', 'act', 'fc2']);
    expect(a.totalParams).toBe((4 + 1) * 3 + (3 + 1) * 1);
  });

  it('nn.Linear first: the input is its in_features', () => {
    const a = answer({ code: 'nn.Sequential(nn.Linear(4, 3), nn.Tanh(), nn.Linear(3, 1))' });
    expect(a.totalParams).toBe((4 + 1) * 3 + (3 + 1) * 1);
  });

  it('pasted from a REPL inside an indented fence (>>> and ... prompts, a bare ..., CRLF): read as the plain code', () => {
    const plain = 'nn.Sequential(\n  nn.Linear(4, 3),\n  nn.Tanh(),\n  nn.Linear(3, 1),\n)';
    const pasted =
      '  ```python\r\n>>> nn.Sequential(\r\n...   nn.Linear(4, 3),\r\n...\r\n...   nn.Tanh(),\r\n...   nn.Linear(3, 1),\r\n... )\r\n  ```';
    expect(answer({ code: pasted })).toEqual(answer({ code: plain }));
  });

  it('a prompt or fence line still counts as a line: errors name the line of the pasted text', () => {
    expect(() => run({ code: '```\n>>> x = 1\n>>> inputs = keras.Input(shape=(##A##))' })).toThrow(
      /: line 3 `>>> inputs = keras.Input\(shape=\(##A##\)\)`: \( is never closed/,
    );
  });

  const errors: InputErrorCase[] = [
    ['conv without an input shape', { code }, 'input', /PyTorch code has no input size/],
    [
      'in_channels that do not match',
      { code, input: [1, 32, 32] },
      'code',
      /line 3 `nn.Conv2d\(3, 64, 3, padding=1\),`: in_channels is 3, but .* has 1/,
    ],
    [
      'in_features that do not match',
      { code: 'nn.Sequential(nn.Flatten(), nn.Linear(10, 2))', input: [3, 4, 4] },
      'code',
      /in_features is 10, but .* has 48/,
    ],
  ];
  itRejects(run, errors);
});

describe('code that cannot be read is an input error quoting the line', () => {
  const cases: InputErrorCase[] = [
    [
      'prose in the code (OCR without #)',
      { code: 'Define the CNN model\nmodel = models.Sequential()' },
      'code',
      /^line 1 `Define the CNN model`: unexpected "the" \(words in a row are not Python; a comment starts with #\)/,
    ],
    [
      'an unfilled exam blank ##A## comments out the closing brackets',
      { code: 'inputs = keras.Input(shape=(##A##))\nx = layers.Dense(30)(inputs)' },
      'code',
      /^line 1 `inputs = keras.Input\(shape=\(##A##\)\)`: \( is never closed/,
    ],
    [
      'an unknown layer',
      { code: 'model = Sequential([Conv3D(8, 3, input_shape=(8, 8, 8, 1))])' },
      'code',
      /line 1 .*Conv3D is not a layer/,
    ],
    [
      'a name every object inherits (nn.constructor) is not a PyTorch module',
      { code: 'model = nn.Sequential(nn.constructor(3))', input: [3, 8, 8] },
      'code',
      /^line 1 `model = nn\.Sequential\(nn\.constructor\(3\)\)`: nn\.constructor is not a layer this reader counts/,
    ],
    [
      'a name every object inherits (layers.constructor) is not a Keras layer',
      { code: 'model = Sequential([layers.constructor(3)])', input: [3, 8, 8] },
      'code',
      /^line 1 `model = Sequential\(\[layers\.constructor\(3\)\]\)`: layers\.constructor is not a layer this reader counts/,
    ],
    [
      'a name every object inherits, called on its own line (nn.constructor), is not a whole network either',
      { code: 'nn.constructor(3)', input: [3, 8, 8] },
      'code',
      /^line 1 `nn\.constructor\(3\)`: this line is not a layer, a model or a line this reader skips/,
    ],
    [
      'a whole network by its class name points to its preset',
      { code: 'model = VGG16()' },
      'code',
      /^line 1 `model = VGG16\(\)`: VGG16 is a whole network: use preset "vgg16" instead of code/,
    ],
    [
      'code that tries to run something',
      { code: "__import__('os').system('rm -rf /')" },
      'code',
      /line 1 .*not a layer, a model/,
    ],
    [
      'a def block',
      { code: 'def build():\n    return Sequential()' },
      'code',
      /line 1 `def build\(\):`: `def` blocks are not read/,
    ],
    [
      'an argument that changes counts',
      { code: 'Sequential([Conv2D(8, 3, groups=2, input_shape=(8, 8, 4))])' },
      'code',
      /grouped convolutions/,
    ],
    [
      'an unknown keyword',
      { code: 'Sequential([Dense(8, units2=3, input_shape=(4,))])' },
      'code',
      /units2= of Dense is not read/,
    ],
    [
      'a variable as an argument',
      { code: 'Sequential([Dense(n, input_shape=(4,))])' },
      'code',
      /the variable n is not read here; write its value/,
    ],
    ['no model at all', { code: 'import keras' }, 'code', /no model found/],
    [
      'more than 200 layers',
      { code: `nn.Sequential(nn.Linear(2, 2), ${'nn.ReLU(), '.repeat(200)})` },
      'code',
      /201 layers; conv\/summary reads at most 200/,
    ],
    ['Keras input missing', { code: 'Sequential([Dense(3)])' }, 'input', /declares no input shape/],
    ['a bad layer value', { code: 'Sequential([Dense(0, input_shape=(4,))])' }, 'code', /^line 1 .*units: /],
    [
      'mixed frameworks',
      { code: 'Sequential([Dense(3, input_shape=(4,)), nn.Linear(3, 2)])' },
      'code',
      /mixes Keras layers and PyTorch/,
    ],
    ['code and layers together', { code: 'Sequential([Dense(3)])', layers: [{ type: 'flatten' }] }, 'code', /one of/],
    [
      'a kernel larger than the map',
      { code: 'Sequential([Conv2D(8, 5, input_shape=(3, 3, 1))])' },
      'code',
      /^line 1 `Sequential.*kernel/,
    ],
    ['VGG16() by name', { code: 'model = VGG16()' }, 'code', /use preset "vgg16"/],
    [
      'input that disagrees with input_shape',
      { code: 'Sequential([Dense(3, input_shape=(4,))])', input: [5] },
      'input',
      /gives \[4\]/,
    ],
  ];
  itRejects(run, cases);

  it('deeply nested brackets are refused, not a stack overflow', () => {
    expect(() => run({ code: `x = ${'('.repeat(5000)}1${')'.repeat(5000)}` })).toThrow(DnnInputError);
    expect(() => run({ code: `x = ${'-'.repeat(5000)}1` })).toThrow(DnnInputError);
  });
});
