/**
 * conv/backprop against independent oracles: TensorFlow.js `tf.grads` (CPU backend, float32) on random
 * conv → pool → activation → flatten → dense networks with four losses, central finite differences of the
 * solver's own loss (float64) on smooth networks, and gradient conservation through max pooling at ties.
 */
import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { backprop } from './backprop.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

type Nested = number | Nested[];
const run = (input: unknown) => backprop.run(input as never);
const flat = (x: unknown): number[] => (Array.isArray(x) ? x.flatMap(flat) : [x as number]);
const shaped = (values: number[], shape: number[]): Nested[] => {
  if (shape.length === 1) return values.slice(0, shape[0]);
  const inner = shape.slice(1).reduce((p, d) => p * d, 1);
  return Array.from({ length: shape[0] as number }, (_, i) =>
    shaped(values.slice(i * inner, (i + 1) * inner), shape.slice(1)),
  );
};

/** |a − b| ≤ tol·max(1, |b|) for every element, with the first offending index in the message. */
function expectNear(actual: number[], expected: ArrayLike<number>, tol: number, what: string) {
  expect(actual.length, what).toBe(expected.length);
  actual.forEach((v, i) => {
    const e = expected[i] as number;
    if (Math.abs(v - e) > tol * Math.max(1, Math.abs(e))) {
      expect.fail(`${what}[${i}]: ${v} vs oracle ${e}`);
    }
  });
}

/** Multiples of 1/16 in [−2, 2]: exact in float32 (the oracle), so ReLU kinks and max-pool ties are the same on both sides. */
const value = fc.integer({ min: -32, max: 32 }).map((k) => k / 16);
const values = (n: number) => fc.array(value, { minLength: n, maxLength: n });

/** A random network spec with its parameter values. */
const networks = fc
  .record({
    c: fc.integer({ min: 1, max: 3 }),
    h: fc.integer({ min: 3, max: 7 }),
    w: fc.integer({ min: 3, max: 7 }),
    cout: fc.integer({ min: 1, max: 3 }),
    k: fc.integer({ min: 1, max: 3 }),
    convStride: fc.integer({ min: 1, max: 2 }),
    convPad: fc.integer({ min: 0, max: 1 }),
    pool: fc.constantFrom('maxpool', 'avgpool'),
    poolK: fc.integer({ min: 1, max: 2 }),
    poolStride: fc.integer({ min: 1, max: 2 }),
    poolPad: fc.integer({ min: 0, max: 1 }),
    act: fc.constantFrom('relu', 'sigmoid', 'tanh'),
    units: fc.integer({ min: 1, max: 4 }),
    loss: fc.constantFrom('mse', 'half-sse', 'bce', 'softmax-cross-entropy'),
  })
  .filter((s) => s.poolPad < s.poolK || s.poolPad === 0)
  .chain((s) => {
    const ho = Math.floor((s.h + 2 * s.convPad - s.k) / s.convStride) + 1;
    const wo = Math.floor((s.w + 2 * s.convPad - s.k) / s.convStride) + 1;
    const hp = Math.floor((ho + 2 * s.poolPad - s.poolK) / s.poolStride) + 1;
    const wp = Math.floor((wo + 2 * s.poolPad - s.poolK) / s.poolStride) + 1;
    const n = s.cout * hp * wp;
    return fc.record({
      s: fc.constant({ ...s, ho, wo, hp, wp, n }),
      x: values(s.c * s.h * s.w),
      w1: values(s.cout * s.c * s.k * s.k),
      b1: values(s.cout),
      w2: values(s.units * n),
      b2: values(s.units),
      t: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: s.units, maxLength: s.units }),
      cls: fc.integer({ min: 0, max: s.units - 1 }),
    });
  })
  .filter((net) => net.s.ho >= 1 && net.s.wo >= 1 && net.s.hp >= 1 && net.s.wp >= 1);

type Net = typeof networks extends fc.Arbitrary<infer T> ? T : never;

/** The solver's input for a random network. */
function solverInput({ s, x, w1, b1, w2, b2, t, cls }: Net) {
  const layers: unknown[] = [
    { type: 'conv', weight: shaped(w1, [s.cout, s.c, s.k, s.k]), bias: b1, stride: s.convStride, padding: s.convPad },
    { type: s.pool, kernel: s.poolK, stride: s.poolStride, padding: s.poolPad },
    { type: s.act },
    { type: 'flatten' },
    { type: 'dense', weights: shaped(w2, [s.units, s.n]), bias: b2 },
  ];
  if (s.loss === 'bce') layers.push({ type: 'sigmoid' });
  const target = s.loss === 'softmax-cross-entropy' ? t.map((_, i) => (i === cls ? 1 : 0)) : t;
  return { input: shaped(x, [s.c, s.h, s.w]), layers, loss: s.loss, target };
}

/** The same network in TensorFlow.js (NHWC), its loss and tf.grads w.r.t. input and parameters, back in our layouts. */
function tfOracle(net: Net, target: number[]) {
  const { s } = net;
  return tf.tidy(() => {
    const x = tf.tensor(net.x, [1, s.c, s.h, s.w]).transpose([0, 2, 3, 1]);
    const w1 = tf.tensor(net.w1, [s.cout, s.c, s.k, s.k]).transpose([2, 3, 1, 0]);
    const b1 = tf.tensor(net.b1, [s.cout]);
    const w2 = tf.tensor(net.w2, [s.units, s.n]);
    const b2 = tf.tensor(net.b2, [s.units]);
    const t = tf.tensor(target, [1, s.units]);
    const f = (xv: tf.Tensor, w1v: tf.Tensor, b1v: tf.Tensor, w2v: tf.Tensor, b2v: tf.Tensor) => {
      const p = s.convPad;
      const xp = tf.pad(xv as tf.Tensor4D, [
        [0, 0],
        [p, p],
        [p, p],
        [0, 0],
      ]);
      let y: tf.Tensor4D = tf.conv2d(xp, w1v as tf.Tensor4D, s.convStride, 'valid').add(b1v);
      const q = s.poolPad;
      // padValue "zero": padded cells are real zeros of the pooled map.
      y = tf.pad(y, [
        [0, 0],
        [q, q],
        [q, q],
        [0, 0],
      ]);
      y =
        s.pool === 'maxpool'
          ? tf.maxPool(y, s.poolK, s.poolStride, 'valid')
          : tf.avgPool(y, s.poolK, s.poolStride, 'valid');
      const a = s.act === 'relu' ? tf.relu(y) : s.act === 'sigmoid' ? tf.sigmoid(y) : tf.tanh(y);
      const flatA = a.transpose([0, 3, 1, 2]).reshape([1, s.n]);
      const out = tf.matMul(flatA, w2v as tf.Tensor2D, false, true).add(b2v);
      switch (s.loss) {
        case 'mse':
          return tf.mean(tf.square(out.sub(t))) as tf.Scalar;
        case 'half-sse':
          return tf.sum(tf.square(out.sub(t))).mul(0.5) as tf.Scalar;
        case 'bce':
          // −[t·ln σ(z) + (1 − t)·ln(1 − σ(z))] = softplus(z) − t·z: the same loss, kept accurate in float32.
          return tf.mean(tf.softplus(out).sub(t.mul(out))) as tf.Scalar;
        default:
          return tf.neg(tf.sum(t.mul(tf.logSoftmax(out)))) as tf.Scalar;
      }
    };
    const { value, grads } = tf.valueAndGrads(f)([x, w1, b1, w2, b2]);
    const [gx, gw1, gb1, gw2, gb2] = grads as tf.Tensor[];
    return {
      loss: value.dataSync()[0] as number,
      x: Array.from((gx as tf.Tensor).transpose([0, 3, 1, 2]).dataSync()),
      w1: Array.from((gw1 as tf.Tensor).transpose([3, 2, 0, 1]).dataSync()),
      b1: Array.from((gb1 as tf.Tensor).dataSync()),
      w2: Array.from((gw2 as tf.Tensor).dataSync()),
      b2: Array.from((gb2 as tf.Tensor).dataSync()),
    };
  });
}

describe('conv/backprop properties', () => {
  it('loss, ∂L/∂input, ∂L/∂W and ∂L/∂b equal TensorFlow.js tf.grads on random conv → pool → activation → dense networks', () => {
    fc.assert(
      fc.property(networks, (net) => {
        const input = solverInput(net);
        const { answer } = run(input);
        const oracle = tfOracle(net, input.target);
        const tol = 2e-4; // float32 oracle
        expect(Math.abs((answer.loss as number) - oracle.loss)).toBeLessThanOrEqual(tol * Math.max(1, oracle.loss));
        const [conv, , , , dense] = answer.gradients;
        expectNear(flat(conv?.input), oracle.x, tol, '∂L/∂x');
        expectNear(flat(conv?.weight), oracle.w1, tol, '∂L/∂W1');
        expectNear(flat(conv?.bias), oracle.b1, tol, '∂L/∂b1');
        expectNear(flat(dense?.weight), oracle.w2, tol, '∂L/∂W2');
        expectNear(flat(dense?.bias), oracle.b2, tol, '∂L/∂b2');
      }),
      { numRuns: 60 },
    );
  });

  it('∂L/∂input and ∂L/∂W of the conv layer equal central finite differences of the solver’s own loss (smooth layers, float64)', () => {
    const smooth = networks.filter((n) => n.s.pool === 'avgpool' && n.s.act !== 'relu');
    fc.assert(
      fc.property(smooth, fc.nat(), (net, pick) => {
        const input = solverInput(net);
        const { answer } = run(input);
        const loss = (inp: typeof input) => run(inp).answer.loss as number;
        const h = 1e-6;
        const fd = (perturb: (d: number) => typeof input) => (loss(perturb(h)) - loss(perturb(-h))) / (2 * h);
        // one input value, one conv weight and one dense weight, chosen by `pick`
        const i = pick % net.x.length;
        const dx = fd((d) => ({
          ...input,
          input: shaped(
            net.x.map((v, j) => (j === i ? v + d : v)),
            [net.s.c, net.s.h, net.s.w],
          ),
        }));
        const j = pick % net.w1.length;
        const w1At = (d: number) =>
          shaped(
            net.w1.map((v, q) => (q === j ? v + d : v)),
            [net.s.cout, net.s.c, net.s.k, net.s.k],
          );
        const dw1 = fd((d) => ({
          ...input,
          layers: [{ ...(input.layers[0] as object), weight: w1At(d) }, ...input.layers.slice(1)],
        }));
        const g = answer.gradients;
        expect(Math.abs((flat(g[0]?.input)[i] as number) - dx)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(dx)));
        expect(Math.abs((flat(g[0]?.weight)[j] as number) - dw1)).toBeLessThanOrEqual(
          1e-5 * Math.max(1, Math.abs(dw1)),
        );
      }),
      { numRuns: 40 },
    );
  });

  it('pooling with padding "same" and padValue "ignore" gives TensorFlow.js "same" pooling: its values, the max-pool gradient of tf.grad, the average’s exact differences (padding never wins, never counted)', () => {
    const cases = fc
      .record({
        c: fc.integer({ min: 1, max: 2 }),
        h: fc.integer({ min: 1, max: 6 }),
        w: fc.integer({ min: 1, max: 6 }),
        k: fc.integer({ min: 1, max: 3 }),
        s: fc.integer({ min: 1, max: 3 }),
        kind: fc.constantFrom('maxpool', 'avgpool'),
      })
      .chain((m) => fc.record({ m: fc.constant(m), x: values(m.c * m.h * m.w), seed: fc.nat() }));
    fc.assert(
      fc.property(cases, ({ m, x, seed }) => {
        const ho = Math.ceil(m.h / m.s);
        const wo = Math.ceil(m.w / m.s);
        const g = Array.from({ length: m.c * ho * wo }, (_, i) => (((seed + 7 * i) % 17) - 8) / 8);
        const { answer } = run({
          input: shaped(x, [m.c, m.h, m.w]),
          layers: [{ type: m.kind, kernel: m.k, stride: m.s, padding: 'same', padValue: 'ignore' }],
          gradOutput: shaped(g, [m.c, ho, wo]),
        });
        const want = tf.tidy(() => {
          const xt = tf.tensor(x, [1, m.c, m.h, m.w]).transpose([0, 2, 3, 1]) as tf.Tensor4D;
          const gt = tf.tensor(g, [1, m.c, ho, wo]).transpose([0, 2, 3, 1]);
          const f = (v: tf.Tensor) =>
            m.kind === 'maxpool'
              ? tf.maxPool(v as tf.Tensor4D, m.k, m.s, 'same')
              : tf.avgPool(v as tf.Tensor4D, m.k, m.s, 'same');
          const dx = tf.grad((v: tf.Tensor) => tf.sum(f(v).mul(gt)))(xt);
          return {
            y: Array.from(f(xt).transpose([0, 3, 1, 2]).dataSync()),
            dx: Array.from(dx.transpose([0, 3, 1, 2]).dataSync()),
          };
        });
        expectNear(flat(answer.activations[0]), want.y, 1e-6, 'Y');
        if (m.kind === 'maxpool') {
          expectNear(flat(answer.gradients[0]?.input), want.dx, 1e-6, '∂L/∂X');
          return;
        }
        // tfjs's avgPool gradient under "same" divides by the whole window although its forward divides by the real
        // cells (1×1 input, 2×2 window: y = x, yet tfjs gives ∂y/∂x = 1/4). Average pooling is linear, so the oracle
        // here is the exact difference of the solver's own forward: ∂(Σ Y·G)/∂x_i = Σ Y(x + e_i)·G − Σ Y(x)·G.
        const F = (xs: number[]) => {
          const y = flat(
            run({
              input: shaped(xs, [m.c, m.h, m.w]),
              layers: [{ type: 'avgpool', kernel: m.k, stride: m.s, padding: 'same', padValue: 'ignore' }],
              gradOutput: shaped(g, [m.c, ho, wo]),
            }).answer.activations[0],
          );
          return y.reduce((acc, v, i) => acc + v * (g[i] as number), 0);
        };
        const base = F(x);
        expectNear(
          flat(answer.gradients[0]?.input),
          x.map((_, i) => F(x.map((v, j) => (j === i ? v + 1 : v))) - base),
          1e-9,
          '∂L/∂X',
        );
      }),
      { numRuns: 100 },
    );
  });

  it('max pooling without padding passes on all of the output gradient, with ties (small integers) under either maxTie', () => {
    const maps = fc
      .record({
        c: fc.integer({ min: 1, max: 2 }),
        h: fc.integer({ min: 2, max: 6 }),
        w: fc.integer({ min: 2, max: 6 }),
        k: fc.integer({ min: 2, max: 3 }),
        s: fc.integer({ min: 1, max: 3 }),
        tie: fc.constantFrom('first', 'split'),
      })
      .filter((m) => m.k <= m.h && m.k <= m.w)
      .chain((m) => {
        const ho = Math.floor((m.h - m.k) / m.s) + 1;
        const wo = Math.floor((m.w - m.k) / m.s) + 1;
        const small = fc.integer({ min: 0, max: 2 });
        return fc.record({
          m: fc.constant(m),
          x: fc.array(small, { minLength: m.c * m.h * m.w, maxLength: m.c * m.h * m.w }),
          g: fc.array(fc.integer({ min: -8, max: 8 }), { minLength: m.c * ho * wo, maxLength: m.c * ho * wo }),
          ho: fc.constant(ho),
          wo: fc.constant(wo),
        });
      });
    fc.assert(
      fc.property(maps, ({ m, x, g, ho, wo }) => {
        const { answer } = run({
          input: shaped(x, [m.c, m.h, m.w]),
          layers: [{ type: 'maxpool', kernel: m.k, stride: m.s }],
          gradOutput: shaped(g, [m.c, ho, wo]),
          maxTie: m.tie,
        });
        const sum = (v: number[]) => v.reduce((p, q) => p + q, 0);
        expect(sum(flat(answer.gradients[0]?.input))).toBeCloseTo(sum(g), 9);
      }),
      { numRuns: 200 },
    );
  });
});
