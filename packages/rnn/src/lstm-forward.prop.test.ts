import { KERNEL_THRESHOLD } from '@dnn/core-wasm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matrixOf, transpose, vectorOf } from './arbitraries.test-util.js';
import { expectClose } from './checks.test-util.js';
import { solve } from './index.js';
import { f64Oracle, lstmProblem, lstmWork } from './lstm-forward-kernel.test-util.js';
import { tf } from './tf-oracle.test-util.js';

const gatesOf = <T>(arb: fc.Arbitrary<T>) => fc.record({ i: arb, f: arb, g: arb, o: arb });

/** A random small LSTM: H, D ≤ 4, T ≤ 5. */
const lstmCase = fc
  .record({ H: fc.integer({ min: 1, max: 4 }), D: fc.integer({ min: 1, max: 4 }), T: fc.integer({ min: 1, max: 5 }) })
  .chain(({ H, D, T }) =>
    fc.record({
      Wx: gatesOf(matrixOf(H, D)),
      Wh: gatesOf(matrixOf(H, H)),
      b: gatesOf(vectorOf(H)),
      h0: vectorOf(H),
      c0: vectorOf(H),
      xs: matrixOf(T, D),
    }),
  );
type LstmCase = typeof lstmCase extends fc.Arbitrary<infer T> ? T : never;

/** Keras layout: the four gates side by side in the order i, f, c (= g), o, each transposed. */
const kerasStack = (m: Record<'i' | 'f' | 'g' | 'o', number[][]>) => transpose([...m.i, ...m.f, ...m.g, ...m.o]);

/** TF.js tf.layers.lstm with sigmoid gates (its default is a hard sigmoid) and `activation` for candidate and cell. */
function tfLstm(c: LstmCase, activation: 'tanh' | 'sigmoid'): { h: number[][]; c: number[][] } {
  return tf.tidy(() => {
    const H = c.h0.length;
    const layer = tf.layers.lstm({
      units: H,
      activation,
      recurrentActivation: 'sigmoid',
      returnSequences: true,
      kernelInitializer: 'zeros',
      recurrentInitializer: 'zeros',
    });
    const x = tf.tensor3d([c.xs]);
    const initialState = [tf.tensor2d([c.h0]), tf.tensor2d([c.c0])];
    layer.apply(x, { initialState });
    layer.setWeights([
      tf.tensor2d(kerasStack(c.Wx)),
      tf.tensor2d(kerasStack(c.Wh)),
      tf.tensor1d([...c.b.i, ...c.b.f, ...c.b.g, ...c.b.o]),
    ]);
    const h = layer.apply(x, { initialState }) as tf.Tensor3D;
    // The cell state of the last step: run once more with returnState on the same weights.
    const last = tf.layers.lstm({ units: H, activation, recurrentActivation: 'sigmoid', returnState: true });
    last.apply(x, { initialState });
    last.setWeights(layer.getWeights());
    const [, , cT] = last.apply(x, { initialState }) as tf.Tensor2D[];
    return {
      h: (h.arraySync() as number[][][])[0] ?? [],
      c: (cT?.arraySync() as number[][]) ?? [],
    };
  });
}

describe('rnn/lstm-forward properties', () => {
  it('equals tf.layers.lstm with the same weights (Keras gate order i, f, c, o; float32: within 1e-6·(1 + |v|))', () => {
    fc.assert(
      fc.property(lstmCase, fc.constantFrom('tanh' as const, 'sigmoid' as const), (c, act) => {
        const { answer } = solve('rnn/lstm-forward', { ...c, candidateActivation: act, cellActivation: act });
        const oracle = tfLstm(c, act);
        expectClose(answer.h, oracle.h, 1e-6);
        expectClose((answer.c as number[][]).slice(-1), oracle.c, 1e-6);
      }),
      { numRuns: 40 },
    );
  });

  it('c_t = f∘c_{t−1} + i∘g and h_t = o∘act(c_t) hold for the reported gates in every variant', () => {
    fc.assert(
      fc.property(
        lstmCase,
        fc.constantFrom('tanh', 'sigmoid'),
        fc.constantFrom('tanh', 'sigmoid', 'linear'),
        (c, cand, cell) => {
          const { answer } = solve('rnn/lstm-forward', { ...c, candidateActivation: cand, cellActivation: cell });
          const act = { tanh: Math.tanh, sigmoid: (v: number) => 1 / (1 + Math.exp(-v)), linear: (v: number) => v }[
            cell
          ];
          let prev = c.c0;
          (answer.gates as { i: number[]; f: number[]; g: number[]; o: number[] }[]).forEach((g, t) => {
            const ct = (answer.c as number[][])[t] ?? [];
            expectClose(
              ct,
              prev.map((p, k) => (g.f[k] ?? 0) * p + (g.i[k] ?? 0) * (g.g[k] ?? 0)),
              1e-12,
            );
            expectClose(
              (answer.h as number[][])[t],
              ct.map((v, k) => (g.o[k] ?? 0) * act(v)),
              1e-12,
            );
            if (cand === 'sigmoid') for (const v of g.g) expect(v).toBeGreaterThan(0);
            prev = ct;
          });
        },
      ),
    );
  });
});

/** A random LSTM whose work T·4H·(D+H) lies around KERNEL_THRESHOLD (T chosen a few steps either side; H ≥ 4 keeps T ≤ 820). */
const nearThreshold = fc
  .record({
    H: fc.integer({ min: 4, max: 16 }),
    D: fc.integer({ min: 1, max: 16 }),
    stepsOff: fc.integer({ min: -2, max: 2 }),
    seed: fc.integer({ min: 1, max: 1 << 20 }),
    cand: fc.constantFrom('tanh' as const, 'sigmoid' as const),
    cell: fc.constantFrom('tanh' as const, 'sigmoid' as const, 'linear' as const),
  })
  .map(({ H, D, stepsOff, seed, cand, cell }) => {
    const T = Math.max(1, Math.round(KERNEL_THRESHOLD / (4 * H * (D + H))) + stepsOff);
    return { p: lstmProblem(H, D, T, seed), cand, cell };
  });

describe('rnn/lstm-forward around KERNEL_THRESHOLD', () => {
  it('double never takes the kernel and equals an independent float64 LSTM; single is float32 above the threshold only', () => {
    const backend = /WASM SIMD kernel|TypeScript reference kernel/;
    fc.assert(
      fc.property(nearThreshold, ({ p, cand, cell }) => {
        const input = { ...p, candidateActivation: cand, cellActivation: cell };
        const double = solve('rnn/lstm-forward', input);
        expect(double.notes.some((n) => backend.test(n))).toBe(false);
        const ref = f64Oracle(p, cand, cell);
        expectClose(double.answer.h, ref.h, 1e-12);
        expectClose(double.answer.c, ref.c, 1e-12);
        expectClose(double.answer.gates, ref.gates, 1e-12);
        const single = solve('rnn/lstm-forward', { ...input, precision: 'single' });
        if (lstmWork(p) < KERNEL_THRESHOLD) {
          expect(single).toEqual(double);
        } else {
          expect(single.notes.filter((n) => backend.test(n))).toEqual([
            expect.stringMatching(/computed in single precision \(float32\) by the WASM SIMD kernel/),
          ]);
          expectClose(single.answer.h, double.answer.h, 1e-5);
          expectClose(single.answer.c, double.answer.c, 1e-5);
        }
      }),
      { numRuns: 30 },
    );
  });
});

const sigma = (z: number) => 1 / (1 + Math.exp(-z));
const matVec = (M: number[][], v: number[]) => M.map((row) => row.reduce((acc, w, j) => acc + w * (v[j] as number), 0));

/** A random LSTM with a projection: H cells ≤ 4, P < H hidden units, D ≤ 3 features, T ≤ 4 steps. */
const projCase = fc
  .record({ H: fc.integer({ min: 2, max: 4 }), D: fc.integer({ min: 1, max: 3 }), T: fc.integer({ min: 1, max: 4 }) })
  .chain(({ H, D, T }) =>
    fc.integer({ min: 1, max: H - 1 }).chain((P) =>
      fc.record({
        Wx: gatesOf(matrixOf(H, D)),
        Wh: gatesOf(matrixOf(H, P)),
        b: gatesOf(vectorOf(H)),
        Whr: matrixOf(P, H),
        h0: vectorOf(P),
        c0: vectorOf(H),
        xs: matrixOf(T, D),
        projSize: fc.constant(P),
      }),
    ),
  );

describe('rnn/lstm-forward: weightsPerStep and projSize', () => {
  it('weightsPerStep with the same weight set at every step equals the plain run (answer bit for bit)', () => {
    fc.assert(
      fc.property(lstmCase, (c) => {
        const { Wx, Wh, b, ...rest } = c;
        const plain = solve('rnn/lstm-forward', c).answer;
        const perStep = solve('rnn/lstm-forward', { ...rest, weightsPerStep: c.xs.map(() => ({ Wx, Wh, b })) }).answer;
        expect(perStep).toEqual(plain);
      }),
      { numRuns: 80 },
    );
  });

  it('with projSize, h and c equal a direct matrix computation: gates on [x; h], c = f∘c + i∘g, h = W_hr·(o∘tanh(c))', () => {
    fc.assert(
      fc.property(projCase, (p) => {
        const { answer } = solve('rnn/lstm-forward', p);
        let h = p.h0;
        let c = p.c0;
        p.xs.forEach((x, t) => {
          const pre = (k: 'i' | 'f' | 'g' | 'o') =>
            matVec(p.Wx[k], x).map((v, r) => v + (matVec(p.Wh[k], h)[r] as number) + (p.b[k][r] as number));
          const [i, f, o] = (['i', 'f', 'o'] as const).map((k) => pre(k).map(sigma)) as [number[], number[], number[]];
          const g = pre('g').map(Math.tanh);
          c = c.map((cv, r) => (f[r] as number) * cv + (i[r] as number) * (g[r] as number));
          h = matVec(
            p.Whr,
            c.map((cv, r) => (o[r] as number) * Math.tanh(cv)),
          );
          expectClose(answer.c[t], c, 1e-12);
          expectClose(answer.h[t], h, 1e-12);
        });
        expect(answer.h[0]).toHaveLength(p.projSize);
      }),
      { numRuns: 100 },
    );
  });
});
