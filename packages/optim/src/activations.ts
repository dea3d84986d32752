/**
 * Activation functions and their derivatives, written to stay finite for any
 * finite input (stable sigmoid, max-subtracted softmax, log-sum-exp).
 */

/** Activations of optim/mlp-step. */
export const ACTIVATIONS = ['linear', 'relu', 'tanh', 'sigmoid', 'softmax', 'step'] as const;

/** One of {@link ACTIVATIONS}. */
export type Activation = (typeof ACTIVATIONS)[number];

/** σ(z) = 1/(1 + e^(−z)), computed without overflow for any z. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** softplus(z) = ln(1 + e^z) without overflow; −ln σ(z) = softplus(−z). */
export function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/** ln Σ e^(z_i), with the maximum subtracted first so nothing overflows. */
export function logSumExp(z: readonly number[]): number {
  const m = Math.max(...z);
  let s = 0;
  for (const x of z) s += Math.exp(x - m);
  return m + Math.log(s);
}

/** The max-subtracted, temperature-scaled pieces of a softmax, kept for the worked steps. */
export interface SoftmaxParts {
  /** max of the logits. */
  max: number;
  /** (z_i − max)/T, all ≤ 0. */
  shifted: number[];
  /** e^((z_i − max)/T), all in (0, 1], the largest exactly 1. */
  exps: number[];
  /** Σ exps, in [1, n]. */
  sum: number;
  /** exps / sum. */
  probabilities: number[];
  /** ln p_i = shifted_i − ln(sum), finite even where p_i underflows to 0. */
  logProbabilities: number[];
}

/** softmax(z/T) with the max subtracted first: no overflow for any finite logits and T > 0. */
export function softmaxParts(z: readonly number[], temperature = 1): SoftmaxParts {
  const max = Math.max(...z);
  // (z − max)/T rather than z/T − max/T: z/T alone may overflow for tiny T.
  const shifted = z.map((x) => (x - max) / temperature);
  const exps = shifted.map(Math.exp);
  const sum = exps.reduce((a, b) => a + b, 0);
  const lnSum = Math.log(sum);
  return {
    max,
    shifted,
    exps,
    sum,
    probabilities: exps.map((e) => e / sum),
    logProbabilities: shifted.map((s) => s - lnSum),
  };
}

/** softmax(z) (temperature 1). */
export function softmax(z: readonly number[]): number[] {
  return softmaxParts(z).probabilities;
}

/** Applies an activation to a layer's pre-activations. `step(z)` is 1 for z ≥ 0, else 0. */
export function activate(kind: Activation, z: readonly number[]): number[] {
  switch (kind) {
    case 'linear':
      return [...z];
    case 'relu':
      return z.map((x) => Math.max(x, 0));
    case 'tanh':
      return z.map((x) => Math.tanh(x));
    case 'sigmoid':
      return z.map(sigmoid);
    case 'softmax':
      return softmax(z);
    case 'step':
      return z.map((x) => (x >= 0 ? 1 : 0));
  }
}

/**
 * Back through an activation: given ∂L/∂a (upstream) at pre-activations z with
 * outputs a, returns ∂L/∂z. Element-wise activations multiply by f′(z); softmax
 * uses its Jacobian, ∂L/∂z_i = a_i·(g_i − Σ_j a_j·g_j). ReLU′(0) is `reluGradAtZero`;
 * step′ is 0 everywhere (its derivative at 0 does not exist; 0 is used).
 */
export function activationBackward(
  kind: Activation,
  z: readonly number[],
  a: readonly number[],
  upstream: readonly number[],
  reluGradAtZero: number,
): number[] {
  if (kind === 'softmax') {
    let dot = 0;
    for (const [j, aj] of a.entries()) dot += aj * (upstream[j] as number);
    return a.map((ai, i) => ai * ((upstream[i] as number) - dot));
  }
  return upstream.map((g, i) => g * activationDerivative(kind, z[i] as number, a[i] as number, reluGradAtZero));
}

/** f′(z) of an element-wise activation, from z and a = f(z). */
export function activationDerivative(
  kind: Exclude<Activation, 'softmax'>,
  z: number,
  a: number,
  reluGradAtZero: number,
): number {
  switch (kind) {
    case 'linear':
      return 1;
    case 'relu':
      return z > 0 ? 1 : z < 0 ? 0 : reluGradAtZero;
    case 'tanh':
      return 1 - a * a;
    case 'sigmoid':
      return a * (1 - a);
    case 'step':
      return 0;
  }
}

/** Plain-text formula of f′ for the worked steps. */
export const DERIVATIVE_TEXT: Record<Exclude<Activation, 'softmax'>, string> = {
  linear: '1',
  relu: '1 if z > 0, 0 if z < 0',
  tanh: '1 − a²',
  sigmoid: 'a·(1 − a)',
  step: '0',
};
