/**
 * A conv layer's weight and bias as conv/forward and conv/backprop read them: [kH][kW] (one filter on one
 * channel) or [Cout][Cin][kH][kW], one bias per filter, checked against the input's channels.
 */
import { DnnInputError, joinPath } from '@dnn/core';
import { type Nested, type Tensor, toTensor } from './tensor.js';

/** Weight as given, its [Cout, Cin, kH, kW] shape, and the bias (null without one). */
export interface ConvParams {
  w: Tensor;
  wShape: [number, number, number, number];
  bias: Float64Array | null;
}

/**
 * Reads `weight` and `bias` at `path` (`""` at the top level, `layers[0]` inside a network) for an input of
 * `channels` channels; `input` names that input in messages ("the input", "the input of this layer").
 */
export function readConvParams(
  weight: Nested[],
  bias: number | number[] | undefined,
  channels: number,
  path: string,
  input = 'the input',
): ConvParams {
  const wPath = joinPath(path, 'weight');
  const w = toTensor(weight, wPath);
  if (w.shape.length === 2 && channels > 1) {
    throw new DnnInputError(
      wPath,
      `${input} has ${channels} channels, so each filter needs one kernel per channel: write the weight as [Cout][${channels}][kH][kW]`,
    );
  }
  const wShape = (w.shape.length === 2 ? [1, 1, ...w.shape] : w.shape) as ConvParams['wShape'];
  if (wShape[1] !== channels) {
    throw new DnnInputError(
      wPath,
      `each filter has ${wShape[1]} input-channel kernel(s) (weight is [${wShape.join(', ')}]) but ${input} has ${channels} channel(s)`,
    );
  }
  let b: Float64Array | null = null;
  if (bias !== undefined) {
    b = Float64Array.from(typeof bias === 'number' ? [bias] : bias);
    if (b.length !== wShape[0]) {
      throw new DnnInputError(joinPath(path, 'bias'), `needs one number per filter: ${wShape[0]}, got ${b.length}`);
    }
  }
  return { w, wShape, bias: b };
}
