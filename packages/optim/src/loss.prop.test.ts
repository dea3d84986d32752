/**
 * optim/loss against central finite differences and against TensorFlow.js's losses
 * (CPU backend, float32, so 1e-4 relative). Convention mapping:
 * - bce, mean      = tf.losses.logLoss(labels, predictions, undefined, epsilon 0) (mean over all elements)
 * - softmax-ce     = tf.losses.softmaxCrossEntropy(oneHot, logits) (mean over samples)
 * - mse            = tf.losses.meanSquaredError (mean over all elements)
 * - hinge (±1)     = tf.losses.hingeLoss with labels (t + 1)/2 (TF.js maps 0/1 labels to −1/+1 itself)
 * - cross-entropy  = mean of tf.metrics.categoricalCrossentropy when prediction rows sum to 1 (TF.js renormalises)
 */
import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { solve } from './index.js';
import { expectNear } from './input-errors.test-util.js';
import { computeLoss } from './loss-functions.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

type Kind = 'bce' | 'cross-entropy' | 'softmax-cross-entropy' | 'mse' | 'sse' | 'half-sse' | 'hinge' | 'exponential';

interface Case {
  kind: Kind;
  predictions: number[][];
  targets: number[][];
  reduction: 'mean' | 'sum';
}

const dims = fc.record({ rows: fc.integer({ min: 1, max: 3 }), cols: fc.integer({ min: 1, max: 4 }) });
const matrixOf = (rows: number, cols: number, arb: fc.Arbitrary<number>) =>
  fc.array(fc.array(arb, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });
const probabilityRows = (rows: number, cols: number) =>
  matrixOf(rows, cols, fc.double({ min: 0.05, max: 1, noNaN: true })).map((m) =>
    m.map((r) => {
      const s = r.reduce((a, b) => a + b, 0);
      return r.map((x) => x / s);
    }),
  );
const unit = fc.double({ min: 0.02, max: 0.98, noNaN: true });
const real = fc.double({ min: -3, max: 3, noNaN: true });
const sign = fc.constantFrom(-1, 1);

/** Random valid inputs of every kind (away from the hinge kink). */
const cases: fc.Arbitrary<Case> = fc
  .tuple(
    fc.constantFrom<Kind>(
      'bce',
      'cross-entropy',
      'softmax-cross-entropy',
      'mse',
      'sse',
      'half-sse',
      'hinge',
      'exponential',
    ),
    dims,
    fc.constantFrom<'mean' | 'sum'>('mean', 'sum'),
  )
  .chain(([kind, { rows, cols }, reduction]) => {
    const preds = kind === 'bce' || kind === 'cross-entropy' ? matrixOf(rows, cols, unit) : matrixOf(rows, cols, real);
    const targets =
      kind === 'bce'
        ? matrixOf(rows, cols, fc.double({ min: 0, max: 1, noNaN: true }))
        : kind === 'cross-entropy' || kind === 'softmax-cross-entropy'
          ? probabilityRows(rows, cols)
          : kind === 'hinge' || kind === 'exponential'
            ? matrixOf(rows, cols, sign)
            : matrixOf(rows, cols, real);
    return fc.record({ kind: fc.constant(kind), predictions: preds, targets, reduction: fc.constant(reduction) });
  })
  .filter(
    (c) =>
      c.kind !== 'hinge' ||
      c.predictions.every((r, i) => r.every((p, j) => Math.abs(1 - (c.targets[i]?.[j] ?? 0) * p) > 1e-3)),
  );

const lossOf = (c: Case) => solve('optim/loss', c).answer.loss as number;

describe('optim/loss properties', () => {
  it('gradient equals central finite differences of the loss (every kind, both reductions)', () => {
    fc.assert(
      fc.property(cases, (c) => {
        const gradient = solve('optim/loss', c).answer.gradient as number[][];
        const h = 1e-6;
        for (const [i, row] of c.predictions.entries()) {
          for (const [j] of row.entries()) {
            const at = (d: number) => {
              const p = c.predictions.map((r) => [...r]);
              (p[i] as number[])[j] = (row[j] as number) + d;
              return lossOf({ ...c, predictions: p });
            };
            const fd = (at(h) - at(-h)) / (2 * h);
            const g = gradient[i]?.[j] as number;
            expect(Math.abs(g - fd)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(fd)));
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('sum equals mean times N (N = samples for the cross-entropies, elements otherwise)', () => {
    fc.assert(
      fc.property(cases, (c) => {
        fc.pre(c.kind !== 'sse' && c.kind !== 'half-sse');
        const n =
          c.kind.includes('cross-entropy') && c.kind !== 'bce' ? c.predictions.length : c.predictions.flat().length;
        const sum = lossOf({ ...c, reduction: 'sum' });
        const mean = lossOf({ ...c, reduction: 'mean' });
        expect(Math.abs(sum - n * mean)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(sum)));
      }),
    );
  });

  it('changing logBase divides loss and gradient by ln(base)', () => {
    fc.assert(
      fc.property(cases, fc.constantFrom(2, 10), (c, base) => {
        fc.pre(c.kind === 'bce' || c.kind.includes('cross-entropy'));
        const e = solve('optim/loss', c).answer;
        const b = solve('optim/loss', { ...c, logBase: base }).answer;
        expectNear(b.loss, (e.loss as number) / Math.log(base));
        expectNear(
          b.gradient,
          (e.gradient as number[][]).map((r) => r.map((g) => g / Math.log(base))),
        );
      }),
    );
  });

  it('losses are non-negative', () => {
    fc.assert(
      fc.property(cases, (c) => {
        expect(lossOf(c)).toBeGreaterThanOrEqual(-1e-12);
      }),
    );
  });
});

describe('optim/loss against TensorFlow.js losses (float32, 1e-4 relative)', () => {
  const close = (ours: number, theirs: number) =>
    expect(Math.abs(ours - theirs)).toBeLessThanOrEqual(1e-4 * Math.max(1, Math.abs(theirs)));

  it('bce (mean) equals tf.losses.logLoss with epsilon 0', () => {
    fc.assert(
      fc.property(cases, (c) => {
        fc.pre(c.kind === 'bce' && c.reduction === 'mean');
        const theirs = tf.tidy(
          () => tf.losses.logLoss(tf.tensor2d(c.targets), tf.tensor2d(c.predictions), undefined, 0).dataSync()[0],
        ) as number;
        close(lossOf(c), theirs);
      }),
      { numRuns: 50 },
    );
  });

  it('softmax-cross-entropy (mean) and its logit gradient equal tf.losses.softmaxCrossEntropy and tf.grad', () => {
    fc.assert(
      fc.property(cases, (c) => {
        fc.pre(c.kind === 'softmax-cross-entropy' && c.reduction === 'mean');
        const labels = tf.tensor2d(c.targets);
        const f = (z: tf.Tensor) => tf.losses.softmaxCrossEntropy(labels, z as tf.Tensor2D);
        const theirs = tf.tidy(() => f(tf.tensor2d(c.predictions)).dataSync()[0]) as number;
        const theirGrad = tf.tidy(() => tf.grad(f)(tf.tensor2d(c.predictions)).arraySync()) as number[][];
        labels.dispose();
        const ours = solve('optim/loss', c).answer;
        close(ours.loss as number, theirs);
        for (const [i, r] of theirGrad.entries()) {
          for (const [j, g] of r.entries()) close((ours.gradient as number[][])[i]?.[j] as number, g);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('mse (mean) equals tf.losses.meanSquaredError', () => {
    fc.assert(
      fc.property(cases, (c) => {
        fc.pre(c.kind === 'mse' && c.reduction === 'mean');
        const theirs = tf.tidy(
          () => tf.losses.meanSquaredError(tf.tensor2d(c.targets), tf.tensor2d(c.predictions)).dataSync()[0],
        ) as number;
        close(lossOf(c), theirs);
      }),
      { numRuns: 50 },
    );
  });

  it('hinge (mean, ±1 targets) equals tf.losses.hingeLoss on labels (t + 1)/2', () => {
    fc.assert(
      fc.property(cases, (c) => {
        fc.pre(c.kind === 'hinge' && c.reduction === 'mean');
        const labels = c.targets.map((r) => r.map((t) => (t + 1) / 2));
        const theirs = tf.tidy(
          () => tf.losses.hingeLoss(tf.tensor2d(labels), tf.tensor2d(c.predictions)).dataSync()[0],
        ) as number;
        close(lossOf(c), theirs);
      }),
      { numRuns: 50 },
    );
  });

  it('cross-entropy (mean, rows summing to 1) equals the mean of tf.metrics.categoricalCrossentropy', () => {
    fc.assert(
      fc.property(
        dims.chain(({ rows, cols }) => probabilityRows(rows, cols)),
        (predictions) => {
          const cols = predictions[0]?.length ?? 1;
          const targets = predictions.map((_, i) => predictions[0]?.map((__, j) => (j === i % cols ? 1 : 0)) ?? []);
          const theirs = tf.tidy(
            () =>
              tf.metrics.categoricalCrossentropy(tf.tensor2d(targets), tf.tensor2d(predictions)).mean().dataSync()[0],
          ) as number;
          close(lossOf({ kind: 'cross-entropy', predictions, targets, reduction: 'mean' }), theirs);
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('computeLoss without steps', () => {
  it('gives the same numbers and notes as with steps, and no steps (every kind, with and without logits)', () => {
    fc.assert(
      fc.property(cases, fc.boolean(), (c, withLogits) => {
        const logits = withLogits && (c.kind === 'bce' || c.kind === 'cross-entropy');
        const data = {
          predictions: { rows: c.predictions, kind: 'matrix' as const },
          targets: { rows: c.targets, kind: 'matrix' as const },
          paths: { predictions: 'predictions', targets: 'targets' },
          ...(logits ? { logits: c.predictions.map((r) => r.map((p) => Math.log(p / (1 - p)))) } : {}),
        };
        const settings = { kind: c.kind, reduction: c.reduction, logBase: 'e' as const };
        const full = computeLoss(settings, data);
        const bare = computeLoss({ ...settings, explain: false }, data);
        expect(full.steps.length).toBeGreaterThan(0);
        expect(full.gradientSteps.length).toBeGreaterThan(0);
        expect(bare).toEqual({ ...full, steps: [], gradientSteps: [] });
      }),
    );
  });
});
