/**
 * Test helper: random smooth expressions as source text, as a plain-number
 * function and as a TF.js function, built from the same tree (an independent oracle).
 */
import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';

/** Variables the generated expressions use. */
export const VARS = ['x', 'y', 'z'] as const;

/** A generated expression: its source, a float64 evaluator and a TF.js evaluator. */
export interface RandomExpr {
  src: string;
  js: (v: Record<string, number>) => number;
  tf: (v: Record<string, tf.Scalar>) => tf.Scalar;
}

const leaf: fc.Arbitrary<RandomExpr> = fc.oneof(
  fc
    .constantFrom(...VARS)
    .map((name): RandomExpr => ({ src: name, js: (v) => v[name] as number, tf: (v) => v[name] as tf.Scalar })),
  fc.integer({ min: -3, max: 3 }).map((c): RandomExpr => ({ src: `(${c})`, js: () => c, tf: () => tf.scalar(c) })),
);

type Un = [string, (a: number) => number, (a: tf.Scalar) => tf.Scalar];
const UNARY: Un[] = [
  ['tanh', Math.tanh, (a) => tf.tanh(a)],
  ['sigmoid', (a) => 1 / (1 + Math.exp(-a)), (a) => tf.sigmoid(a)],
  ['sin', Math.sin, (a) => tf.sin(a)],
  ['cos', Math.cos, (a) => tf.cos(a)],
  ['softplus', (a) => Math.log1p(Math.exp(a)), (a) => tf.softplus(a)],
];

/** Random smooth expressions of bounded depth (every value and derivative stays moderate on [−2, 2]³). */
export const randomExpr: fc.Arbitrary<RandomExpr> = fc
  .letrec<{ e: RandomExpr }>((tie) => ({
    e: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc
        .tuple(
          tie('e') as fc.Arbitrary<RandomExpr>,
          tie('e') as fc.Arbitrary<RandomExpr>,
          fc.constantFrom('+', '-', '*'),
        )
        .map(
          ([a, b, op]): RandomExpr => ({
            src: `(${a.src} ${op} ${b.src})`,
            js: (v) => (op === '+' ? a.js(v) + b.js(v) : op === '-' ? a.js(v) - b.js(v) : a.js(v) * b.js(v)),
            tf: (v) =>
              op === '+' ? tf.add(a.tf(v), b.tf(v)) : op === '-' ? tf.sub(a.tf(v), b.tf(v)) : tf.mul(a.tf(v), b.tf(v)),
          }),
        ),
      fc.tuple(tie('e') as fc.Arbitrary<RandomExpr>, tie('e') as fc.Arbitrary<RandomExpr>).map(
        ([a, b]): RandomExpr => ({
          src: `(${a.src} / (1 + ${b.src}^2))`,
          js: (v) => a.js(v) / (1 + b.js(v) ** 2),
          tf: (v) => tf.div(a.tf(v), tf.add(1, tf.square(b.tf(v)))),
        }),
      ),
      fc.tuple(tie('e') as fc.Arbitrary<RandomExpr>, fc.constantFrom(...UNARY)).map(
        ([a, [name, f, g]]): RandomExpr => ({
          src: `${name}(${a.src})`,
          js: (v) => f(a.js(v)),
          tf: (v) => g(a.tf(v)) as tf.Scalar,
        }),
      ),
    ),
  }))
  .e.filter((e) => e.src.length < 400);

/** A random point in [−2, 2]³. */
export const randomPoint = fc.record({
  x: fc.double({ min: -2, max: 2, noNaN: true }),
  y: fc.double({ min: -2, max: 2, noNaN: true }),
  z: fc.double({ min: -2, max: 2, noNaN: true }),
});

/** Central finite difference ∂f/∂name with step h. */
export function centralDifference(
  f: (v: Record<string, number>) => number,
  at: Record<string, number>,
  name: string,
  h = 1e-5,
): number {
  const plus = { ...at, [name]: (at[name] as number) + h };
  const minus = { ...at, [name]: (at[name] as number) - h };
  return (f(plus) - f(minus)) / (2 * h);
}
