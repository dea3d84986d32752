/**
 * The worst inputs at the documented limits (issue 16), one or more per registered solver:
 * for each limit that bounds a solver's work, an input sitting at it (or as close as the
 * other limits allow), built deterministically.
 */

/** One worst case: a solver, the limit it sits at, and its input. */
export interface LimitCase {
  id: string;
  limit: string;
  format?: 'json' | 'markdown';
  input: () => unknown;
}

/** A deterministic pseudo-random stream (LCG), so every run measures the same inputs. */
function stream(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/** Entries uniform in (−scale, scale), 4 significant digits (so the largest inputs stay under the CLI's 32 MiB cap). */
const matrix = (rows: number, cols: number, next: () => number, scale = 1) =>
  Array.from({ length: rows }, () =>
    Array.from({ length: cols }, () => Number(((next() * 2 - 1) * scale).toPrecision(4))),
  );
const names = (n: number) => Array.from({ length: n }, (_, i) => `x${i + 1}`);
const gates = (rows: number, cols: number, next: () => number) =>
  Object.fromEntries(['i', 'f', 'g', 'o'].map((k) => [k, matrix(rows, cols, next, 0.3)]));
/** Terms joined by " + " while the text stays within `max` characters (the expression limit is 2000). */
const sumWithin = (max: number, term: (i: number) => string) => {
  let text = term(0);
  for (let i = 1; ; i++) {
    const next = `${text} + ${term(i)}`;
    if (next.length > max) return text;
    text = next;
  }
};
/** `f(f(…f(x)…))` nested as deep as `max` characters allow. */
const nested = (max: number, f: string, x: string) => {
  const depth = Math.floor((max - x.length) / (f.length + 2));
  return `${`${f}(`.repeat(depth)}${x}${')'.repeat(depth)}`;
};
const point = (vars: string[], next: () => number) =>
  Object.fromEntries(vars.map((v) => [v, Number((next() * 2 - 1).toPrecision(3))]));

/**
 * The two worst expressions of a solver evaluated at a point: a 2000-character sum of `term`s over 50 variables
 * (`v(i)` names variable i mod 50), and 2000 characters of `f` nested around `x*y`.
 */
const pointCases = (id: string, what: string, term: (v: (i: number) => string, i: number) => string, f: string) => {
  const vars = names(50);
  const v = (i: number) => vars[i % 50] as string;
  return [
    {
      id,
      limit: `2000-character ${what} over 50 variables`,
      input: () => ({ expression: sumWithin(2000, (i) => term(v, i)), at: point(vars, stream(id.length)) }),
    },
    {
      id,
      limit: `2000 characters nested ${f}`,
      input: () => ({ expression: nested(2000, f, 'x*y'), at: { x: 0.5, y: 0.3 } }),
    },
  ];
};

/**
 * conv/solve-kernel near its elimination budget: a k×k kernel of unknowns, a 12×12 input of values in [0, 10) with
 * `decimals` decimals, and the rows × cols outputs a known integer kernel gives (a consistent system).
 */
function kernelSystem(k: number, rows: number, cols: number, decimals: number, next: () => number) {
  const kernel = Array.from({ length: k }, (_, r) => Array.from({ length: k }, (_, c) => `k${r}${c}`));
  const known = Array.from({ length: k }, () => Array.from({ length: k }, () => Math.floor(next() * 19) - 9));
  const input = Array.from({ length: 12 }, () =>
    Array.from({ length: 12 }, () => Number((next() * 10).toFixed(decimals))),
  );
  const output = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => {
      let sum = 0;
      for (let a = 0; a < k; a++)
        for (let b = 0; b < k; b++) sum += (input[i + a]?.[j + b] ?? 0) * (known[a]?.[b] ?? 0);
      return Number(sum.toFixed(decimals));
    }),
  );
  return { input, kernel, output };
}

/** A random truth table over n variables. */
function randomTable(n: number, next: () => number) {
  const inputs = Array.from({ length: 2 ** n }, (_, r) => Array.from({ length: n }, (_, i) => (r >> (n - 1 - i)) & 1));
  return { truthTable: { inputs, outputs: inputs.map(() => (next() < 0.5 ? 1 : 0)) } };
}

/** Probability rows (each summing to 1) and one-hot targets, rows × cols. */
function classification(rows: number, cols: number, next: () => number) {
  const predictions = matrix(rows, cols, next).map((r) => {
    const e = r.map((v) => Math.exp(v));
    const s = e.reduce((a, b) => a + b, 0);
    return e.map((v) => v / s);
  });
  const targets = predictions.map(() => {
    const k = Math.floor(next() * cols);
    return Array.from({ length: cols }, (_, j) => +(j === k));
  });
  return { predictions, targets };
}

const logicCases: LimitCase[] = [
  { id: 'logic/perceptron', limit: '12 variables: AND', input: () => ({ expression: names(12).join(' & ') }) },
  { id: 'logic/perceptron', limit: '12 variables: random table', input: () => randomTable(12, stream(1)) },
  {
    id: 'logic/perceptron',
    limit: '12 variables: (x1|x2)&…&(x11|x12)',
    input: () => ({ expression: [0, 2, 4, 6, 8, 10].map((i) => `(x${i + 1}|x${i + 2})`).join(' & ') }),
  },
  { id: 'logic/mlp', limit: '12 variables: AND', input: () => ({ expression: names(12).join(' & ') }) },
  { id: 'logic/mlp', limit: '12 variables: random table', input: () => randomTable(12, stream(2)) },
  {
    id: 'logic/mlp',
    limit: '12 variables: x1x2 | x3x4 | x5…x12',
    input: () => ({ expression: 'x1&x2 | x3&x4 | x5&x6&x7&x8&x9&x10&x11&x12' }),
  },
  {
    id: 'logic/mlp',
    limit: '12 variables: (x1|x2)&…&(x11|x12)',
    input: () => ({ expression: [0, 2, 4, 6, 8, 10].map((i) => `(x${i + 1}|x${i + 2})`).join(' & ') }),
  },
  { id: 'logic/xor-parity', limit: 'n = 12', input: () => ({ n: 12 }) },
  {
    id: 'logic/perceptron-train',
    limit: '10⁶ table cells (1000 samples, untilConverged, 100 epochs)',
    input: () => {
      const next = stream(3);
      const samples = Array.from({ length: 1000 }, () => ({
        x: [next() < 0.5 ? -1 : 1, next() < 0.5 ? -1 : 1],
        t: next() < 0.5 ? -1 : 1,
      }));
      return { samples, weights: [0, 0], lr: 1, epochs: 100 };
    },
  },
  {
    id: 'logic/region-mlp',
    limit: '50 polygons × 10 vertices (sample-point check ≈ 1.9·10⁸ multiply-adds)',
    input: () => ({
      polygons: Array.from({ length: 50 }, (_, p) =>
        Array.from({ length: 10 }, (_, k) => {
          const t = (2 * Math.PI * k) / 10;
          return [Number((p * 3 + Math.cos(t)).toFixed(6)), Number(Math.sin(t).toFixed(6))];
        }),
      ),
    }),
  },
];

const optimCases: LimitCase[] = [
  ...(['mse', 'bce', 'hinge'] as const).map((kind) => ({
    id: 'optim/loss',
    limit: `1000×1000 ${kind}`,
    input: () => {
      const next = stream(4);
      const predictions = matrix(1000, 1000, next).map((r) => r.map((v) => 0.5 + 0.45 * v));
      const targets = predictions.map((r) => r.map(() => (next() < 0.5 ? (kind === 'hinge' ? -1 : 0) : 1)));
      return { kind, predictions, targets };
    },
  })),
  {
    id: 'optim/loss',
    limit: '1000×1000 cross-entropy',
    input: () => ({ kind: 'cross-entropy', ...classification(1000, 1000, stream(5)) }),
  },
  {
    id: 'optim/loss',
    limit: '500×1000 softmax-cross-entropy (10⁶ output values: gradient and probabilities)',
    input: () => ({ kind: 'softmax-cross-entropy', ...classification(500, 1000, stream(5)) }),
  },
  {
    id: 'optim/divergence',
    limit: '10⁴ outcomes, subnormal q',
    input: () => {
      const p = Array.from({ length: 10_000 }, () => 1e-4);
      const q = p.map((_, i) => (i === 0 ? 5e-324 : 1 / 9999));
      return { p, q, kind: 'kl' };
    },
  },
  {
    id: 'optim/softmax',
    limit: '1000×1000 logits',
    input: () => ({ logits: matrix(1000, 1000, stream(11), 50) }),
  },
  ...pointCases('optim/gradient', 'sum of products', (v, i) => `${v(i)}*${v(i * 7 + 3)}*sigmoid(${v(i + 1)})`, 'tanh'),
  ...pointCases('optim/hessian', 'polynomial', (v, i) => `${v(i)}^2*${v(i * 7 + 3)}`, 'sigmoid'),
  {
    id: 'optim/learning-rate',
    limit: '2000-character quadratic over 50 variables',
    input: () => {
      const vars = names(50);
      return { expression: sumWithin(2000, (i) => `${(i % 9) + 1}*${vars[i % 50]}*${vars[(i * 7 + 3) % 50]}`) };
    },
  },
  {
    id: 'optim/step',
    limit: 'untilConverged within the trace budget, 2000-character objective over 50 parameters',
    input: () => {
      const vars = names(50);
      return {
        optimizer: 'adam',
        lr: 1e-6,
        untilConverged: true,
        objective: sumWithin(2000, (i) => `${vars[i % 50]}^2*${vars[(i * 7 + 3) % 50]}^2`),
        params: point(vars, stream(14)),
      };
    },
  },
  {
    id: 'optim/step',
    limit: '10⁴ adam steps (untilConverged), 50 parameters, quadratic',
    input: () => {
      const vars = names(50);
      return {
        optimizer: 'adam',
        lr: 1e-6,
        untilConverged: true,
        objective: vars.map((v) => `${v}^2`).join(' + '),
        params: point(vars, stream(15)),
      };
    },
  },
  {
    id: 'optim/mlp-step',
    format: 'markdown',
    limit: '10⁵ work units: one adam step, 220 → 220 → 220 → 10 (99,220 parameters), --format markdown',
    input: () => {
      const next = stream(16);
      return {
        layers: [
          { weights: matrix(220, 220, next, 0.05), bias: matrix(1, 220, next)[0], activation: 'relu' },
          { weights: matrix(220, 220, next, 0.05), activation: 'tanh' },
          { weights: matrix(10, 220, next, 0.05), activation: 'softmax' },
        ],
        input: matrix(1, 220, next)[0],
        target: Array.from({ length: 10 }, (_, j) => +(j === 3)),
        loss: 'cross-entropy',
        optimizer: 'adam',
        lr: 0.001,
      };
    },
  },
  {
    id: 'optim/mlp-step',
    limit: '10⁵ work units: 126 rprop steps of a 64-layer 3-wide network (760 parameters)',
    input: () => {
      const next = stream(17);
      return {
        layers: Array.from({ length: 64 }, (_, l) => ({
          weights: matrix(l === 63 ? 1 : 3, 3, next),
          bias: matrix(1, l === 63 ? 1 : 3, next)[0],
          activation: l === 63 ? 'sigmoid' : 'tanh',
        })),
        input: [0.5, -0.2, 0.1],
        target: [1],
        loss: 'bce',
        optimizer: 'rprop',
        lr: 0.01,
        steps: 126,
      };
    },
  },
  {
    id: 'optim/derivative',
    limit: '2000-character expression, order 2, 50 variables',
    input: () => ({
      expression: sumWithin(2000, (i) => `exp(x${(i % 50) + 1}*x${((i * 7 + 3) % 50) + 1})`),
      order: 2,
    }),
  },
  {
    id: 'optim/derivative',
    limit: '2000 characters nested sigmoid, order 2',
    input: () => ({ expression: nested(2000, 'sigmoid', 'x*y'), order: 2 }),
  },
  {
    id: 'optim/critical-points',
    limit: '12 variables, 3¹² critical points (Σ xᵢ⁴ − 2xᵢ²)',
    input: () => ({
      expression: names(12)
        .map((v) => `${v}^4 - 2*${v}^2`)
        .join(' + '),
    }),
  },
  {
    id: 'optim/critical-points',
    limit: '12 variables, non-polynomial (numeric search)',
    input: () => ({
      expression: names(12)
        .map((v, i) => `sin(${v})*cos(x${((i + 1) % 12) + 1})`)
        .join(' + '),
    }),
  },
  {
    id: 'optim/critical-points',
    limit: '2000-character polynomial in 12 variables',
    input: () => ({
      expression: sumWithin(2000, (i) => `${(i % 5) + 1}*x${(i % 12) + 1}^4*x${((i * 5 + 1) % 12) + 1}^3`),
    }),
  },
  {
    id: 'optim/batches',
    limit: '10⁹ samples, batch 1, 10⁶ epochs',
    input: () => ({ samples: 1e9, batchSize: 1, epochs: 1e6 }),
  },
  {
    id: 'optim/dropout',
    limit: '10⁶ activations with a mask',
    input: () => {
      const next = stream(18);
      const activations = matrix(1, 1_000_000, next)[0] as number[];
      return { units: 1_000_000, p: 0.5, activations, mask: activations.map(() => (next() < 0.5 ? 0 : 1)) };
    },
  },
  {
    id: 'optim/regularization',
    limit: '10⁶ weights, l1 quadratic view',
    input: () => {
      const row = matrix(2, 1_000_000, stream(19));
      return { kind: 'l1', alpha: 0.1, hessianDiagonal: row[0]?.map((v) => Math.abs(v) + 0.1), optimum: row[1] };
    },
  },
  {
    id: 'optim/regularization',
    limit: '10⁶ weights, l2 step',
    input: () => {
      const row = matrix(2, 1_000_000, stream(34));
      return { kind: 'l2', alpha: 0.1, weights: row[0], gradient: row[1], lr: 0.1 };
    },
  },
];

/** rnn/lstm-forward over T steps with H = D units, random weights and inputs from `seed`. */
function lstmCase(limit: string, T: number, H: number, seed: number): LimitCase {
  return {
    id: 'rnn/lstm-forward',
    limit,
    input: () => {
      const next = stream(seed);
      return { Wx: gates(H, H, next), Wh: gates(H, H, next), xs: matrix(T, H, next) };
    },
  };
}

const rnnCases: LimitCase[] = [
  lstmCase('10⁶ output values (T = 3333, H = D = 50; 6.7·10⁷ multiply-adds)', 3333, 50, 6),
  lstmCase('10⁸ multiply-adds from the weights (T = 100, H = D = 353)', 100, 353, 10),
  lstmCase('10⁸ multiply-adds from the length (T = 1000, H = D = 111)', 1000, 111, 37),
  {
    id: 'rnn/forward',
    limit: '10⁸ multiply-adds and 10⁶ output values (T = 5000, H = 100, D = 100)',
    input: () => {
      const next = stream(7);
      return { Wxh: matrix(100, 100, next, 0.1), Whh: matrix(100, 100, next, 0.1), xs: matrix(5000, 100, next) };
    },
  },
  {
    id: 'rnn/forward',
    limit: '10⁴ steps, 10⁸ multiply-adds, 10⁶ output values (H = 50, D = 150; 1.5·10⁶ input values)',
    input: () => {
      const next = stream(35);
      return { Wxh: matrix(50, 150, next, 0.1), Whh: matrix(50, 50, next, 0.1), xs: matrix(10_000, 150, next) };
    },
  },
  ...[0.1, 1e308].map((scale) => ({
    id: 'rnn/gradient-flow',
    limit: `Whh 170×170, T = 10⁴ (1.9·10⁸ multiply-adds), entries up to ${scale}`,
    input: () => ({ Whh: matrix(170, 170, stream(8), scale), steps: 10_000 }),
  })),
  {
    id: 'rnn/bptt',
    limit: 'T = 10⁴',
    input: () => ({ Wxh: 0.5, Whh: 0.9, xs: matrix(1, 10_000, stream(20))[0], target: 'y', Why: 2 }),
  },
  {
    id: 'rnn/params',
    limit: '10⁶ units, LSTM',
    input: () => ({
      cell: 'lstm',
      inputSize: 1e6,
      hiddenSize: 1e6,
      projSize: 999_999,
      outputSize: 1e6,
      biasesPerGate: 2,
    }),
  },
  {
    id: 'rnn/solve-hidden-size',
    limit: 'total ≈ 10¹⁵ (H = 17,602,918), GRU',
    input: () => ({ cell: 'gru', inputSize: 1e6, outputSize: 1e6, totalParams: 999999892152926 }),
  },
];

const convCases: LimitCase[] = [
  ...(['json', 'markdown'] as const).map((format) => ({
    id: 'conv/forward',
    limit: `10⁶ output values (100 × 100 × 100), --format ${format}`,
    format,
    input: () => {
      const next = stream(9);
      return { input: [matrix(100, 100, next)], weight: matrix(100, 1, next).map((r) => [[r]]) };
    },
  })),
  {
    id: 'conv/forward',
    limit: 'largest input (1580 × 1580: 2.5·10⁶ input values), 3×3 kernel, stride 2',
    input: () => ({ input: matrix(1580, 1580, stream(21)), weight: matrix(3, 3, stream(22)), stride: 2 }),
  },
  ...(['json', 'markdown'] as const).map((format) => ({
    id: 'conv/pool',
    limit: `10⁶ output values from a 1×1 input (padding 499), --format ${format}`,
    format,
    input: () => ({ input: [[1]], kind: 'avg', kernel: 1, stride: 1, padding: 499 }),
  })),
  {
    id: 'conv/pool',
    limit: '2·10⁸ window reads (1000 × 1000, 14×14 max, stride 1)',
    input: () => ({ input: matrix(1000, 1000, stream(23)), kind: 'max', kernel: 14, stride: 1 }),
  },
  {
    id: 'conv/batchnorm',
    limit: '5·10⁵ values [500][1000] (10⁶ output values), sample variance, --format markdown',
    format: 'markdown',
    input: () => ({ z: matrix(500, 1000, stream(24)), variance: 'sample', eps: 1e-5 }),
  },
  {
    id: 'conv/batchnorm',
    limit: '5·10⁵ values [2][1][500][500] spatial',
    input: () => {
      const next = stream(25);
      return { z: [0, 1].map(() => [matrix(500, 500, next)]) };
    },
  },
  {
    id: 'conv/design-kernel',
    limit: '31×31 pattern on a 486×486 image (2·10⁸ multiply-adds)',
    input: () => ({ pattern: matrix(31, 31, stream(26)), image: matrix(486, 486, stream(27)) }),
  },
  {
    id: 'conv/design-kernel',
    limit: '1×2 pattern on a 1000×1001 image (10⁶ responses), --format markdown',
    format: 'markdown',
    input: () => ({ pattern: [[0, 1]], image: matrix(1000, 1001, stream(28)) }),
  },
  {
    id: 'conv/kernel-effect',
    limit: '31×31 kernel',
    input: () => ({ kernel: matrix(31, 31, stream(29)) }),
  },
  {
    id: 'conv/solve-kernel',
    limit: 'elimination work 25,000: 25 unknowns, 40 equations, integer inputs',
    input: () => kernelSystem(5, 5, 8, 0, stream(30)),
  },
  {
    id: 'conv/solve-kernel',
    limit: 'elimination work ≈ 25,000: 9 unknowns, 40 equations, inputs with 12 decimals',
    input: () => kernelSystem(3, 5, 8, 12, stream(31)),
  },
  {
    id: 'conv/output-shape',
    limit: 'conv-transpose, dimensions 10⁹',
    input: () => ({
      inputShape: [1e9, 1e9, 1e9],
      kind: 'conv-transpose',
      outChannels: 1e9,
      kernel: 1e9,
      stride: 1e9,
      dilation: 1e9,
    }),
  },
  {
    id: 'conv/summary',
    limit: '200 layers',
    input: () => ({
      input: [3, 4096, 4096],
      layers: Array.from({ length: 200 }, (_, l) =>
        l % 2 === 0 ? { type: 'conv2d', outChannels: 64, kernel: 3, padding: 1 } : { type: 'batchnorm' },
      ),
    }),
  },
  {
    id: 'conv/summary',
    limit: '20000 characters of PyTorch code (200 layers)',
    input: () => {
      const lines = ['nn.Sequential('];
      for (let l = 0; l < 100; l++) lines.push(`  nn.Conv2d(8, 8, 3, padding=1), nn.ReLU(),${' '.repeat(150)}`);
      lines.push(')');
      return { input: [8, 224, 224], code: lines.join('\n') };
    },
  },
  {
    id: 'conv/receptive-field',
    limit: '1000 layers, kernel 10⁹, stride 2',
    input: () => ({ layers: Array.from({ length: 1000 }, () => ({ kernel: 1e9 - 1, stride: 1 })) }),
  },
  {
    id: 'conv/init-variance',
    limit: 'fan 10¹²',
    input: () => ({ fanIn: 1e12, fanOut: 1e12, scheme: 'xavier' }),
  },
  {
    id: 'conv/backprop',
    limit: '2.9·10⁶ answer values (3 relu layers on 1 × 540 × 540), --format markdown',
    format: 'markdown',
    input: () => ({
      input: [matrix(540, 540, stream(31))],
      layers: Array.from({ length: 3 }, () => ({ type: 'relu' })),
      gradOutput: [matrix(540, 540, stream(32))],
    }),
  },
  {
    id: 'conv/backprop',
    limit: '2·10⁸ multiply-adds (conv 16 → 16, 7×7, on 16 × 78 × 78, pool, conv, dense)',
    input: () => {
      const next = stream(33);
      const w = Array.from({ length: 16 }, () => Array.from({ length: 16 }, () => matrix(7, 7, next, 0.1)));
      return {
        input: Array.from({ length: 16 }, () => matrix(78, 78, next)),
        layers: [
          { type: 'conv', weight: w, bias: matrix(1, 16, next)[0] },
          { type: 'maxpool', kernel: 4 },
          {
            type: 'conv',
            weight: Array.from({ length: 4 }, () => Array.from({ length: 16 }, () => matrix(3, 3, next, 0.1))),
          },
          { type: 'flatten' },
          { type: 'dense', weights: matrix(1, 4 * 16 * 16, next, 0.01) },
          { type: 'sigmoid' },
        ],
        loss: 'bce',
        target: [1],
        lr: 0.1,
      };
    },
  },
];

/** The worst cases, one or more per registered solver. */
export const LIMIT_CASES: LimitCase[] = [...logicCases, ...optimCases, ...rnnCases, ...convCases];
