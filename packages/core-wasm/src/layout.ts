/** Layout helpers between the solvers' nested arrays and the kernels' flat row-major buffers. */

/** Nested number arrays of any depth. */
export type Nested = number | Nested[];

/** Reshapes flat row-major `data` into nested arrays of `shape` (e.g. a conv2d result [1][C][H][W] → data, shape). */
export function toNested(data: ArrayLike<number>, shape: readonly number[]): Nested[] {
  const total = shape.reduce((a, b) => a * b, 1);
  if (data.length !== total) throw new RangeError(`data has ${data.length} numbers, shape needs ${total}`);
  const build = (offset: number, dim: number): Nested[] => {
    const n = shape[dim]!;
    const stride = shape.slice(dim + 1).reduce((a, b) => a * b, 1);
    return Array.from({ length: n }, (_, i) =>
      dim === shape.length - 1 ? data[offset + i]! : build(offset + i * stride, dim + 1),
    );
  };
  return shape.length === 0 ? [] : build(0, 0);
}

/** The four LSTM gates, in the kernels' order. */
export const GATES = ['i', 'f', 'g', 'o'] as const;

/** Per-gate values keyed i, f, g, o. */
export type Gates<T> = { i: T; f: T; g: T; o: T };

/**
 * Packs per-gate matrices {i, f, g, o}, each [H][K] (the `rnn/lstm-forward` layout: Wx [H][D], Wh [H][H]), into the
 * kernels' Keras layout [K][4H] with gate blocks i, f, g, o.
 */
export function packGateMatrices(m: Gates<readonly (readonly number[])[]>, hidden: number, k: number): Float64Array {
  const out = new Float64Array(k * 4 * hidden);
  GATES.forEach((gate, gi) => {
    const w = m[gate];
    if (w.length !== hidden) throw new RangeError(`${gate} has ${w.length} rows, expected ${hidden}`);
    for (let j = 0; j < hidden; j++) {
      const row = w[j]!;
      if (row.length !== k) throw new RangeError(`${gate}[${j}] has ${row.length} numbers, expected ${k}`);
      for (let q = 0; q < k; q++) out[q * 4 * hidden + gi * hidden + j] = row[q]!;
    }
  });
  return out;
}

/** Packs per-gate bias vectors {i, f, g, o} (each [H]) into [4H]. */
export function packGateVectors(b: Gates<readonly number[]>, hidden: number): Float64Array {
  const out = new Float64Array(4 * hidden);
  GATES.forEach((gate, gi) => {
    if (b[gate].length !== hidden) throw new RangeError(`${gate} has ${b[gate].length} numbers, expected ${hidden}`);
    out.set(b[gate], gi * hidden);
  });
  return out;
}

/** Splits one row of gate values [4H] (i, f, g, o blocks) at `offset` into {i, f, g, o}. */
export function splitGates(gates: ArrayLike<number>, hidden: number, offset = 0): Gates<number[]> {
  const part = (gi: number) => Array.from({ length: hidden }, (_, j) => gates[offset + gi * hidden + j]!);
  return { i: part(0), f: part(1), g: part(2), o: part(3) };
}
