/**
 * The test's own list of what makes each solver's question non-trivial,
 * written apart from the generators' `nonTrivial` (mostly from the input,
 * where the question's givens decide it), so the two check each other.
 */
type Value = Record<string, unknown>;
type Check = (answer: Value, input: Value) => boolean;

const flat = (v: unknown): number[] =>
  typeof v === 'number'
    ? [v]
    : Array.isArray(v)
      ? v.flatMap(flat)
      : v !== null && typeof v === 'object'
        ? Object.values(v).flatMap(flat)
        : [];
const someNonZero = (v: unknown) => flat(v).some((x) => x !== 0);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Per solver id: true when the question has something to compute. */
export const specNonTrivial: Readonly<Record<string, Check>> = {
  'conv/output-shape': (a) => list(a.outputShape).length > 0 && flat(a.outputShape).every((x) => x >= 1),
  'conv/summary': (a) => list(a.layers).every((l) => flat((l as Value).outputShape).every((x) => x >= 1)),
  'conv/receptive-field': (a) => (a.receptiveField as number) >= 2,
  'conv/forward': (a) => someNonZero(a.output),
  'conv/pool': (a) => someNonZero(a.output),
  'conv/solve-kernel': (a) => Object.keys(a.values as object).length >= 1,
  'conv/kernel-effect': (_, i) => someNonZero(i.kernel),
  // Every feature column of the batch holds two different values.
  'conv/batchnorm': (_, i) => {
    const rows = i.z as number[][];
    return rows[0]!.every((_, j) => new Set(rows.map((r) => r[j])).size > 1);
  },
  'conv/init-variance': (a) => (a.variance as number) > 0,
  'conv/backprop': (a) => someNonZero((list(a.gradients)[0] as Value | undefined)?.weight),
  'conv/design-kernel': (a) => someNonZero(a.kernel),
  'rnn/params': (a) => (a.params as number) >= 1,
  'rnn/solve-hidden-size': (a) => (a.hiddenSize as number) >= 1,
  'rnn/forward': (a) => someNonZero(a.h),
  'rnn/bptt': (a) => a.dWhh !== 0 || a.dWxh !== 0,
  'rnn/lstm-forward': (a) => someNonZero(a.h),
  'rnn/gradient-flow': (_, i) => someNonZero(i.Whh),
  'optim/gradient': (a) => someNonZero(a.gradient),
  'optim/hessian': (a) => someNonZero(a.hessian),
  'optim/step': (a) => {
    const [first, second] = list(a.trajectory) as Value[];
    return second !== undefined && JSON.stringify(first?.params) !== JSON.stringify(second.params);
  },
  'optim/learning-rate': (a) => someNonZero(a.hessianEigenvalues),
  'optim/loss': (a) => (a.loss as number) > 0,
  'optim/softmax': (_, i) => new Set(flat(i.logits)).size > 1,
  'optim/divergence': (a, i) => a.defined === false || JSON.stringify(i.p) !== JSON.stringify(i.q),
  'optim/mlp-step': (a) => (a.loss as number) > 0 && someNonZero(a.gradients),
  'optim/batches': (a) => (a.iterationsPerEpoch as number) >= 1,
  'optim/dropout': (a) => someNonZero(a),
  'optim/regularization': (a) => someNonZero(a.solution ?? a.updated),
  'optim/derivative': (a) => Object.values(a.derivatives as object).some((d) => d !== '0'),
  'optim/critical-points': (a) => list(a.points).length > 0 || (a.complete === true && a.reason !== null),
  'logic/perceptron': (a) => a.separable === false || someNonZero(a.weights),
  'logic/mlp': (a) => list(a.layers).length > 0,
  'logic/perceptron-train': (a) =>
    list(a.epochs).some((e) => list((e as Value).rows).some((r) => (r as Value).updated === true)),
  'logic/xor-parity': (a) => ((a.multiLayer as Value).perceptrons as number) >= 1,
  'logic/region-mlp': (a) => (a.hiddenUnits as number) >= 1,
};

/** The answer with every number 0 and every list empty (strings, booleans and nulls kept). */
export function zeroed(value: unknown): unknown {
  if (typeof value === 'number') return 0;
  if (Array.isArray(value)) return [];
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, zeroed(v)]));
  return value;
}
