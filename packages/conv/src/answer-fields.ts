/** Answer fields shared by the conv/* solvers that compute a feature map by hand (conv/forward, conv/pool). */
import { a } from '@dnn/core';
import * as z from 'zod/mini';
import { toNested } from './tensor.js';

/**
 * An output feature map of the input's rank: a matrix [H_out][W_out] for a
 * one-channel [H][W] problem, else a tensor [C][H_out][W_out]; `rank2` says
 * which (the field is drawn by the alternative its value matches).
 */
export const featureMap = (rank2: string, description: string) =>
  a.field(
    'tensor',
    z.union([
      a.matrix('Output', `[H_out][W_out], when ${rank2}.`, { axes: ['H', 'W'] }),
      a.tensor('Output', '[C][H_out][W_out]: one matrix per output channel.', { axes: ['C', 'H', 'W'] }),
    ]),
    'Output',
    `${description} [H_out][W_out] when ${rank2}, else [C][H_out][W_out].`,
    { axes: ['C', 'H', 'W'] },
  );

/** The shape of the output feature map. */
export const featureMapShape = (rank2: string) =>
  a.shape('Output shape', `Shape of the output: [H_out, W_out] when ${rank2}, else [C, H_out, W_out].`, {
    axes: ['C', 'H', 'W'],
  });

/** A feature map's value: flat data nested by its shape ([H, W] gives a matrix, [C, H, W] a tensor). */
export const featureMapValue = (data: ArrayLike<number>, shape: [number, number] | [number, number, number]) =>
  toNested(data, shape) as number[][] | number[][][];
