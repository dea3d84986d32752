import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { solve } from './index.js';
import { centralDifference, randomExpr, randomPoint, VARS } from './random-expression.test-util.js';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const gradientOf = (src: string, at: Record<string, number>) =>
  solve('optim/gradient', { expression: src, at }).answer as { value: number; gradient: Record<string, number> };

describe('optim/gradient properties', () => {
  it('value equals a plain float64 evaluation of the same tree', () => {
    fc.assert(
      fc.property(randomExpr, randomPoint, (e, at) => {
        const { value } = gradientOf(e.src, at);
        expect(Math.abs(value - e.js(at))).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(value)));
      }),
      { numRuns: 200 },
    );
  });

  it('gradient equals central finite differences (1e-6 relative)', () => {
    fc.assert(
      fc.property(randomExpr, randomPoint, (e, at) => {
        const { gradient } = gradientOf(e.src, at);
        for (const name of VARS) {
          const fd = centralDifference(e.js, at, name);
          expect(Math.abs((gradient[name] as number) - fd)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(fd)));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('gradient equals tf.grads of the same function (float32, 1e-3 relative)', () => {
    fc.assert(
      fc.property(randomExpr, randomPoint, (e, at) => {
        const { gradient } = gradientOf(e.src, at);
        const grads = tf.tidy(() =>
          tf
            // + 0·(x + y + z) keeps every input connected when the expression does not use it.
            .grads((x: tf.Tensor, y: tf.Tensor, z: tf.Tensor) =>
              tf.add(e.tf({ x, y, z } as Record<string, tf.Scalar>), tf.mul(0, tf.add(tf.add(x, y), z))),
            )(VARS.map((n) => tf.scalar(at[n] as number)))
            .map((g) => g.dataSync()[0] as number),
        );
        VARS.forEach((name, i) => {
          const theirs = grads[i] as number;
          expect(Math.abs((gradient[name] as number) - theirs)).toBeLessThanOrEqual(
            1e-3 * Math.max(1, Math.abs(theirs)),
          );
        });
      }),
      { numRuns: 100 },
    );
  });

  it('the graph’s variable nodes carry the gradient and the output node carries grad 1', () => {
    fc.assert(
      fc.property(randomExpr, randomPoint, (e, at) => {
        const { answer } = solve('optim/gradient', { expression: e.src, at });
        const graph = answer.graph as { op: string; label: string; grad: number }[];
        expect(graph.at(-1)?.grad).toBe(1);
        const g = answer.gradient as Record<string, number>;
        for (const n of graph) if (n.op === 'var') expect(n.grad).toBe(g[n.label]);
      }),
      { numRuns: 100 },
    );
  });
});
