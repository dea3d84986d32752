/**
 * Channels-first (PyTorch: [C, H, W], [C, L]) and channels-last (Keras:
 * [H, W, C], [L, C]) shapes: the `layout` option of conv/output-shape and
 * conv/summary, the conversions, and the note for a channels-first shape
 * that looks like Keras's order.
 */
import { s } from '@dnn/core';
import * as z from 'zod/mini';

/** The two orders of a feature-map shape. */
export type ShapeOrder = 'channels-first' | 'channels-last';

/** Schema of `layout`, default channels-first (the v1 answer). */
export const layoutField = z._default(
  s.oneOf(
    ['channels-first', 'channels-last'],
    'Axis order of the shapes: "channels-first" (PyTorch [C, H, W] / [C, L], default) or "channels-last" (Keras [H, W, C] / [L, C]); the answer uses the same order.',
  ),
  'channels-first',
);

/** [H, W, C] → [C, H, W]; [L, C] → [C, L]; a vector is unchanged. */
export function toChannelsFirst(shape: readonly number[]): number[] {
  return shape.length < 2 ? [...shape] : [shape[shape.length - 1] as number, ...shape.slice(0, -1)];
}

/** [C, H, W] → [H, W, C]; [C, L] → [L, C]; a vector is unchanged. */
export function toChannelsLast(shape: readonly number[]): number[] {
  return shape.length < 2 ? [...shape] : [...shape.slice(1), shape[0] as number];
}

/**
 * True when a channels-first shape reads like Keras's channels-last one: its
 * last axis is at most 4 while its first is more than 4× larger ([256, 256, 3]).
 */
export function looksChannelsLast(shape: readonly number[]): boolean {
  if (shape.length < 2) return false;
  const first = shape[0] as number;
  const last = shape[shape.length - 1] as number;
  return last <= 4 && first > 4 * last;
}

/** The note for a shape that {@link looksChannelsLast}: how it was read, and how to say the other. */
export function channelsLastWarning(field: string, shape: readonly number[]): string {
  const text = `[${shape.join(', ')}]`;
  const read =
    shape.length === 3
      ? `C = ${shape[0]} channels of ${shape[1]}×${shape[2]}`
      : `C = ${shape[0]} channels of length ${shape[1]}`;
  const keras = shape.length === 3 ? '[H, W, C]' : '[L, C]';
  return `${field} ${text} looks like Keras's channels-last order ${keras}; it was read in PyTorch's order as ${read}. If it is ${keras}, set layout: "channels-last" (or write [${toChannelsFirst(shape).join(', ')}]).`;
}

/** The note of an answer in Keras's order. */
export const CHANNELS_LAST_NOTE =
  'layout "channels-last": shapes are read and answered in Keras’s order ([H, W, C] maps, [L, C] 1-D maps); the steps compute in PyTorch’s order [C, H, W] and convert.';
