/**
 * What flows between the layers of conv/summary: the tensor shape with its
 * layout, the receptive field per spatial axis of the network input, and the
 * per-layer result each layer rule returns.
 */
import { DnnInputError, type Tex, vec } from '@dnn/core';
import type { Field } from './layer-field.js';

/**
 * How a shape is read: `map2d` [C, H, W], `map1d` [C, L], `sequence` [L, D]
 * (time, features), `vector` [N], `ids` [L] token ids (network input of an embedding).
 */
export type Layout = 'map2d' | 'map1d' | 'sequence' | 'vector' | 'ids';

/** A shape with its layout. */
export interface Shaped {
  shape: number[];
  layout: Layout;
}

/** The state between two layers. */
export interface LayerState extends Shaped {
  /** Receptive field per spatial axis of the network input; `null` once a recurrent layer mixed time. */
  field: Field[] | null;
  /** Spatial extent of the network input ([H, W], [L] or [N]): the field after flatten, dense, global pooling. */
  extent: number[];
}

/** What one layer rule computes. */
export interface LayerOutcome extends Shaped {
  field: Field[] | null;
  weightShape: number[] | null;
  biasShape: number[] | null;
  /** All parameters (trainable or not, before `trainable: false`). */
  params: number;
  /** Of `params`, those that are never trained (batch norm running statistics). */
  buffers: number;
  macs: number;
  /** A short description: "32 filters 5×5, stride 1". */
  what: string;
  /** The layer's formulas with numbers. */
  maths: Tex[];
  notes: string[];
}

/** A spatial view of a feature map: channels plus sliding axes. */
export interface SpatialView {
  channels: number;
  sizes: number[];
  names: string[];
  /** Rebuilds a shape of the same layout from channels and new sizes. */
  rebuild: (channels: number, sizes: number[]) => number[];
}

/** Human name of a shape for error messages: `[64, 5, 5] (a [C, H, W] feature map)`. */
export function describeShape(t: Shaped): string {
  const kinds: Record<Layout, string> = {
    map2d: 'a [C, H, W] feature map',
    map1d: 'a [C, L] feature map',
    sequence: 'a [L, D] sequence',
    vector: 'a vector',
    ids: 'a list of token ids',
  };
  return `[${t.shape.join(', ')}] (${kinds[t.layout]})`;
}

/** The spatial view a 1-D (`rank` 1) or 2-D (`rank` 2) sliding layer needs, or an input error. */
export function spatialView(t: Shaped, rank: 1 | 2, path: string, type: string): SpatialView {
  const [a = 1, b = 1, c = 1] = t.shape;
  if (rank === 2 && t.layout === 'map2d') {
    return { channels: a, sizes: [b, c], names: ['H', 'W'], rebuild: (ch, [h = 1, w = 1]) => [ch, h, w] };
  }
  if (rank === 1 && t.layout === 'map1d') {
    return { channels: a, sizes: [b], names: ['L'], rebuild: (ch, [l = 1]) => [ch, l] };
  }
  if (rank === 1 && t.layout === 'sequence') {
    return { channels: b, sizes: [a], names: ['L'], rebuild: (ch, [l = 1]) => [l, ch] };
  }
  const wanted =
    rank === 2
      ? 'a [C, H, W] feature map (write [1, H, W] for one channel)'
      : 'a [C, L] feature map or a [L, D] sequence';
  throw new DnnInputError(path, `${type} needs ${wanted}, but its input is ${describeShape(t)}`);
}

/** The field of every unit after a layer that sees the whole input (flatten, dense, global pooling): jump 0. */
export function wholeField(extent: number[]): Field[] {
  return extent.map((e) => ({ r: e, j: 0, start: (e - 1) / 2 }));
}

/** `output = [32, 96, 96]`. */
export function shapeTex(shape: number[]): Tex {
  return vec(shape);
}

/** Product of a list (1 for an empty one). */
export function product(xs: readonly number[]): number {
  return xs.reduce((p, x) => p * x, 1);
}
