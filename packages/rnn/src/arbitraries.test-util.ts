/** fast-check generators and small array helpers shared by the rnn/* property tests. */
import fc from 'fast-check';

/** A weight in [−1, 1] (keeps float32 oracles accurate); subnormals become 0 (ml-matrix's SVD mishandles them). */
export const weight = fc.double({ min: -1, max: 1, noNaN: true }).map((v) => (Math.abs(v) < 1e-300 ? 0 : v));

/** A rows×cols matrix of weights. */
export const matrixOf = (rows: number, cols: number) =>
  fc.array(fc.array(weight, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });

/** A length-n vector of weights. */
export const vectorOf = (n: number) => fc.array(weight, { minLength: n, maxLength: n });

/** The transpose of a row-major matrix (Keras stores kernels as [in][out]). */
export const transpose = (m: number[][]) => (m[0] ?? []).map((_, j) => m.map((r) => r[j] as number));
