/** Values and first and second derivatives of the built-in functions. */
import type { UnaryFunction } from './ast.js';

/** A function of one variable with its derivatives; `domain` returns why x is outside it. */
export interface UnaryDefinition {
  f: (x: number) => number;
  d1: (x: number) => number;
  d2: (x: number) => number;
  domain?: (x: number) => string | undefined;
}

const sigmoid = (x: number) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));
const positive = (name: string) => (x: number) => (x > 0 ? undefined : `${name} needs a positive argument`);
const log = (base: number): UnaryDefinition => ({
  f: (x) => Math.log(x) / Math.log(base),
  d1: (x) => 1 / (x * Math.log(base)),
  d2: (x) => -1 / (x * x * Math.log(base)),
});

/** The unary built-ins. relu′(0) = 0, abs′(0) = 0, step′ = sign′ = 0 (subgradient conventions). */
export const UNARY: Record<UnaryFunction, UnaryDefinition> = {
  exp: { f: Math.exp, d1: Math.exp, d2: Math.exp },
  log: { ...log(Math.E), domain: positive('log') },
  ln: { ...log(Math.E), domain: positive('ln') },
  log2: { ...log(2), domain: positive('log2') },
  log10: { ...log(10), domain: positive('log10') },
  sqrt: {
    f: Math.sqrt,
    d1: (x) => 1 / (2 * Math.sqrt(x)),
    d2: (x) => -1 / (4 * x * Math.sqrt(x)),
    domain: (x) => (x >= 0 ? undefined : 'sqrt needs a non-negative argument'),
  },
  abs: { f: Math.abs, d1: (x) => Math.sign(x), d2: () => 0 },
  sin: { f: Math.sin, d1: Math.cos, d2: (x) => -Math.sin(x) },
  cos: { f: Math.cos, d1: (x) => -Math.sin(x), d2: (x) => -Math.cos(x) },
  tan: {
    f: Math.tan,
    d1: (x) => 1 + Math.tan(x) ** 2,
    d2: (x) => 2 * Math.tan(x) * (1 + Math.tan(x) ** 2),
  },
  tanh: { f: Math.tanh, d1: (x) => 1 - Math.tanh(x) ** 2, d2: (x) => -2 * Math.tanh(x) * (1 - Math.tanh(x) ** 2) },
  sigmoid: {
    f: sigmoid,
    d1: (x) => sigmoid(x) * (1 - sigmoid(x)),
    d2: (x) => sigmoid(x) * (1 - sigmoid(x)) * (1 - 2 * sigmoid(x)),
  },
  relu: { f: (x) => Math.max(0, x), d1: (x) => (x > 0 ? 1 : 0), d2: () => 0 },
  softplus: {
    f: (x) => (x > 30 ? x : Math.log1p(Math.exp(x))),
    d1: sigmoid,
    d2: (x) => sigmoid(x) * (1 - sigmoid(x)),
  },
  // step(u) = [u > 0] is relu′; step and sign have derivative 0 wherever they are differentiable (u ≠ 0).
  step: { f: (x) => (x > 0 ? 1 : 0), d1: () => 0, d2: () => 0 },
  sign: { f: (x) => Math.sign(x), d1: () => 0, d2: () => 0 },
};
