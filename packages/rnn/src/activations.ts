/** Activation functions of the recurrent solvers, their derivatives, and how steps write them. */
import { call, s, type Tex, type TexLike } from '@dnn/core';
import * as z from 'zod/mini';
import { col } from './show.js';

/** Element-wise activations of a recurrent state. */
export const STATE_ACTIVATIONS = ['tanh', 'relu', 'sigmoid', 'linear'] as const;
/** Activations of an output layer (softmax acts on the whole vector). */
export const OUTPUT_ACTIVATIONS = ['linear', 'relu', 'sigmoid', 'tanh', 'softmax'] as const;

/** A state activation. */
export type StateActivation = (typeof STATE_ACTIVATIONS)[number];
/** An output activation. */
export type OutputActivation = (typeof OUTPUT_ACTIVATIONS)[number];

/** Schema of a state `activation` field (default tanh, the vanilla RNN). */
export const stateActivationField = z._default(
  s.oneOf(STATE_ACTIVATIONS, 'Activation of the hidden state: tanh (vanilla RNN, default), relu, sigmoid or linear.'),
  'tanh',
);

/** Schema of an `outputActivation` field (default linear). */
export const outputActivationField = z._default(
  s.oneOf(
    OUTPUT_ACTIVATIONS,
    'Activation of the output layer y_t = act(Why·h_t + by): linear (default), relu, sigmoid, tanh or softmax.',
  ),
  'linear',
);

/** The logistic sigmoid 1/(1 + e^(−x)). */
export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** Applies an activation to a vector (softmax over the whole vector, the others element-wise). */
export function activate(name: OutputActivation, z: readonly number[]): number[] {
  switch (name) {
    case 'tanh':
      return z.map(Math.tanh);
    case 'relu':
      return z.map((v) => Math.max(v, 0));
    case 'sigmoid':
      return z.map(sigmoid);
    case 'linear':
      return [...z];
    case 'softmax': {
      const m = Math.max(...z);
      const e = z.map((v) => Math.exp(v - m));
      const total = e.reduce((a, b) => a + b, 0);
      return e.map((v) => v / total);
    }
  }
}

/** The derivative act′(z) of a state activation; `reluGradAtZero` is ReLU′(0). */
export function derivative(name: StateActivation, z: number, reluGradAtZero: number): number {
  switch (name) {
    case 'tanh': {
      const t = Math.tanh(z);
      return 1 - t * t;
    }
    case 'relu':
      return z > 0 ? 1 : z < 0 ? 0 : reluGradAtZero;
    case 'sigmoid': {
      const y = sigmoid(z);
      return y * (1 - y);
    }
    case 'linear':
      return 1;
  }
}

/** `act(x)` as maths: `tanh(x)`, `σ(x)`, `ReLU(x)`, `softmax(x)`; linear is the argument itself. */
export function applyTex(name: OutputActivation, x: TexLike): TexLike {
  switch (name) {
    case 'sigmoid':
      return call('σ', [x], '\\sigma');
    case 'relu':
      return call('ReLU', [x]);
    case 'linear':
      return x;
    default:
      return call(name, [x]);
  }
}

/** The formula of act′ as maths, for the BPTT steps. */
export function derivativeTex(name: StateActivation, zSym: string): string {
  switch (name) {
    case 'tanh':
      return `1 − tanh(${zSym})^2`;
    case 'sigmoid':
      return `σ(${zSym})·(1 − σ(${zSym}))`;
    case 'relu':
      return `[${zSym} > 0]`;
    case 'linear':
      return '1';
  }
}

/** `act(expr) = act(substituted) = … = result`: wraps each link of an affine chain in the activation, then the value. */
export function activationChain(name: OutputActivation, chain: readonly Tex[], value: readonly number[]): TexLike[] {
  const wrapped = chain.map((c) => applyTex(name, c));
  return name === 'linear' ? wrapped : [...wrapped, col(value)];
}
