/**
 * Depth and width of a network for conv/summary: the layers with weights
 * (conv, dense, recurrent, embedding) and their largest channel or unit count.
 */
import { eq, type Step, step, tex, words } from '@dnn/core';
import type { LayerSpec } from './layer-specs.js';

const WEIGHTED: Partial<Record<LayerSpec['type'], (l: LayerSpec) => number>> = {
  conv1d: (l) => (l as { outChannels: number }).outChannels,
  conv2d: (l) => (l as { outChannels: number }).outChannels,
  convtranspose2d: (l) => (l as { outChannels: number }).outChannels,
  dense: (l) => (l as { units: number }).units,
  embedding: (l) => (l as { dim: number }).dim,
  rnn: (l) => (l as { hiddenSize: number }).hiddenSize,
  lstm: (l) => (l as { hiddenSize: number }).hiddenSize,
  gru: (l) => (l as { hiddenSize: number }).hiddenSize,
};

/** Depth (layers with weights) and width (their largest channel or unit count), with the step that counts them. */
export function depthAndWidth(layers: LayerSpec[]): { depth: number; width: number; step: Step } {
  const sizes: number[] = [];
  for (const l of layers) {
    const size = WEIGHTED[l.type];
    if (size) sizes.push(size(l));
  }
  const width = sizes.length ? Math.max(...sizes) : 0;
  return {
    depth: sizes.length,
    width,
    step: step(
      'Depth and width',
      eq(words('depth'), sizes.length),
      words('(layers with weights)'),
      eq(
        words('width'),
        sizes.length > 1 ? tex(`max(${sizes.join(', ')})`, `\\max(${sizes.join(', ')})`) : width,
        width,
      ),
    ),
  };
}
