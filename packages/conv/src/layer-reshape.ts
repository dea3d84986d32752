/**
 * conv/summary rule of the reshape layer: the same numbers in a new shape
 * (Keras `Reshape`, PyTorch `view`/`Unflatten`), one axis may be −1.
 */
import { DnnInputError, eq, mul, vec, words } from '@dnn/core';
import type { SpecOf } from './layer-specs.js';
import { describeShape, type LayerOutcome, type LayerState, type Layout, product, wholeField } from './layer-state.js';

const RECURRENT = new Set(['rnn', 'lstm', 'gru']);

/** How a reshaped tensor is read: rank 3 a map, rank 2 a sequence before a recurrent layer (else a 1-D map), rank 1 a vector. */
export function reshapedLayout(rank: number, nextType: string | undefined): Layout {
  if (rank === 3) return 'map2d';
  if (rank === 2) return nextType !== undefined && RECURRENT.has(nextType) ? 'sequence' : 'map1d';
  return 'vector';
}

/** The target shape with its −1 resolved, or an input error when the sizes do not match. */
export function resolveReshape(target: readonly number[], size: number, path: string, from: string): number[] {
  const free = target.filter((d) => d === -1).length;
  if (free > 1) throw new DnnInputError(path, 'at most one axis may be −1 (the one inferred from the others)');
  const known = product(target.filter((d) => d !== -1));
  if (free === 1) {
    if (size % known !== 0) {
      throw new DnnInputError(path, `${from} has ${size} values, not divisible by ${known}; no size fits the −1 axis`);
    }
    return target.map((d) => (d === -1 ? size / known : d));
  }
  if (known !== size) {
    throw new DnnInputError(path, `${from} has ${size} values but [${target.join(', ')}] holds ${known}`);
  }
  return [...target];
}

/** reshape: same values, new shape; no parameters. `nextType` decides how a rank-2 result is read. */
export function reshapeLayer(
  spec: SpecOf<'reshape'>,
  st: LayerState,
  path: string,
  nextType: string | undefined,
): LayerOutcome {
  const size = product(st.shape);
  const shape = resolveReshape(spec.shape, size, `${path}.shape`, describeShape(st));
  const layout = reshapedLayout(shape.length, nextType);
  return {
    shape,
    layout,
    field: st.field === null ? null : wholeField(st.extent),
    weightShape: null,
    biasShape: null,
    params: 0,
    buffers: 0,
    macs: 0,
    what: `to [${shape.join(', ')}]`,
    maths: [
      eq('values', st.shape.length > 1 ? mul(...st.shape) : size, size),
      eq('output', vec(shape)),
      eq('params', 0),
      words('(the same values, regrouped)'),
    ],
    notes: [
      `${path}: a reshape regroups the values, so a unit after it is no longer a window of the input; its receptive field is counted as the whole input.`,
    ],
  };
}
