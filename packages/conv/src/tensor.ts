/**
 * Nested number arrays (matrices, [C][H][W] maps, [Cout][Cin][kH][kW] weights):
 * their input schema, the rectangularity check, and the conversions between
 * nested arrays and flat row-major `Float64Array`s used by the numeric kernels.
 */
import { DnnInputError, describeValue, joinPath } from '@dnn/core';
import * as z from 'zod/mini';

/**
 * `[item(0), …, item(n − 1)]`, what `Array.from({ length: n }, (_, i) => item(i))` gives, by a plain loop: for a
 * `{ length }` object V8 (node 20) takes Array.from's generic array-like path, ≈ 1.4 µs for a 3×3 grid of numbers
 * against ≈ 0.09 µs, and the worked steps build such grids for every map, kernel and gradient they show.
 */
export function arrayOf<T>(n: number, item: (i: number) => T): T[] {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(item(i));
  return out;
}

/** The values of a typed array as a plain array (by {@link arrayOf}: `Array.from(typed)` iterates, ≈ 10× slower). */
export function numbers(data: ArrayLike<number>): number[] {
  return arrayOf(data.length, (i) => data[i] as number);
}

/** A nested number array of rank 1 to 4. */
export type Nested = number | Nested[];

/** A flat row-major tensor with its shape. */
export interface Tensor {
  shape: number[];
  data: Float64Array;
}

const rankNames: Record<number, string> = {
  1: 'a list of numbers',
  2: 'a matrix (list of rows)',
  3: 'a [C][H][W] list of matrices',
  4: 'a [Cout][Cin][kH][kW] list',
};

/**
 * Most output values of one conv/forward, conv/pool or conv/design-kernel request (10⁶, below the catalog's 10⁷
 * output cells). Small inputs fan out (a 100×100 map through 1000 1×1 filters, or a 1×1 map padded by 1580, is 10⁷
 * values), and printing 10⁷ numbers took 1.4–5 s CPU and 0.4–1.1 GB (up to 2 GB as Markdown); batch norm's 2·10⁶
 * values (four answers the size of z) took 2.2–2.5 s and 620 MB.
 */
export const OUTPUT_VALUES = 1e6;

/** Largest length accepted on any axis of a nested input. */
export const MAX_AXIS = 4096;

function nestedSchema(rank: number): z.ZodMiniType {
  let schema: z.ZodMiniType = z.number();
  for (let i = 0; i < rank; i++) schema = z.array(schema).check(z.minLength(1), z.maxLength(MAX_AXIS));
  return schema;
}

/** Depth of the first element chain (`[[1]]` is 2, `5` is 0) and where it meets an empty list. */
function depthOf(x: unknown): { depth: number; empty?: string } {
  let depth = 0;
  let cur = x;
  let where = '';
  while (Array.isArray(cur)) {
    if (cur.length === 0) return { depth, empty: where };
    depth++;
    cur = cur[0];
    where += '[0]';
  }
  return { depth };
}

/** The first problem of a value that should be a nested number array of `rank`: `[1][2] must be a number, not text "x"`. */
function firstProblem(x: unknown, rank: number, where = ''): string | undefined {
  if (rank === 0) {
    if (typeof x === 'number' && Number.isFinite(x)) return undefined;
    return `${where ? `${where} ` : ''}must be a finite number, not ${describeValue(x)}`;
  }
  if (!Array.isArray(x)) return `${where ? `${where} ` : ''}must be a list, not ${describeValue(x)}`;
  if (x.length === 0) return `${where ? `${where} ` : ''}is empty`;
  if (x.length > MAX_AXIS) return `${where ? `${where} ` : ''}has ${x.length} items, more than the limit ${MAX_AXIS}`;
  for (const [i, el] of x.entries()) {
    const problem = firstProblem(el, rank - 1, `${where}[${i}]`);
    if (problem) return problem;
  }
  return undefined;
}

/**
 * Schema of a nested number array whose rank is one of `ranks` (e.g. `[2, 3]`
 * for `[H][W]` or `[C][H][W]`); a single number is accepted as the 1×…×1
 * array of the smallest rank (the catalog's scalar rule). Errors say which
 * element is wrong. Rectangularity is checked later by {@link toTensor}.
 */
export function nestedNumbers(ranks: readonly number[], description: string) {
  const options = ranks.map(nestedSchema);
  const schema =
    options.length === 1 ? (options[0] as z.ZodMiniType) : z.union(options as [z.ZodMiniType, z.ZodMiniType]);
  const expected = `${ranks.map((r) => rankNames[r] ?? `a rank-${r} list`).join(' or ')} (a single number counts as 1×1)`;
  const minRank = Math.min(...ranks);
  const scalar = z.pipe(
    z.number(),
    z.transform((v) => {
      let wrapped: Nested = v;
      for (let i = 0; i < minRank; i++) wrapped = [wrapped];
      return wrapped as Nested[];
    }),
  );
  return z
    .union([schema, scalar], {
      error: (iss) => {
        const { depth, empty } = depthOf(iss.input);
        if (empty !== undefined) return `${empty ? `${empty} ` : ''}is empty`;
        const rank = ranks.includes(depth) ? depth : undefined;
        if (rank !== undefined) return firstProblem(iss.input, rank) ?? `must be ${expected}`;
        return `must be ${expected} (got ${depth === 0 ? describeValue(iss.input) : `${depth} levels of nesting`})`;
      },
    })
    .check(z.describe(description)) as z.ZodMiniType<Nested[]>;
}

/**
 * Flattens a nested array after checking that it is rectangular (a ragged row
 * is an input error at its path, `input[1][2]`) and that no side exceeds
 * `maxSide` (`hint` ends that message).
 */
export function toTensor(x: Nested[], path: string, maxSide = MAX_AXIS, hint = ''): Tensor {
  const shape: number[] = [];
  let cur: Nested = x;
  while (Array.isArray(cur)) {
    shape.push(cur.length);
    cur = cur[0] as Nested;
  }
  if (shape.some((n) => n > maxSide)) {
    throw new DnnInputError(path, `is ${shape.join('×')}; at most ${maxSide} per side is accepted${hint}`);
  }
  const size = shape.reduce((a, b) => a * b, 1);
  const data = new Float64Array(size);
  let k = 0;
  // The indices down to the node being walked: its path (`input[1][2]`) is only spelled out for an error.
  const at: number[] = [];
  const walk = (node: Nested, level: number): void => {
    const want = shape[level] as number;
    if (!Array.isArray(node) || node.length !== want) {
      const got = Array.isArray(node) ? `${node.length} items` : describeValue(node);
      throw new DnnInputError(
        at.reduce<string>((where, i) => joinPath(where, i), path),
        `has ${got} but ${level === 0 ? 'it' : 'the first one at this level'} has ${want}: every row must have the same length`,
      );
    }
    if (level === shape.length - 1) {
      for (let i = 0; i < want; i++) data[k++] = node[i] as number;
      return;
    }
    for (let i = 0; i < want; i++) {
      at.push(i);
      walk(node[i] as Nested, level + 1);
      at.pop();
    }
  };
  walk(x, 0);
  return { shape, data };
}

/** Rebuilds a nested array from flat data and a shape (plain loops: it runs on every answer tensor). */
export function toNested(data: ArrayLike<number>, shape: readonly number[]): Nested[] {
  const build = (level: number, offset: number, stride: number): Nested[] => {
    const n = shape[level] as number;
    const out: Nested[] = [];
    if (level === shape.length - 1) {
      for (let i = 0; i < n; i++) out.push(data[offset + i] as number);
      return out;
    }
    const inner = stride / n;
    for (let i = 0; i < n; i++) out.push(build(level + 1, offset + i * inner, inner));
    return out;
  };
  return build(0, 0, sizeOf(shape));
}

/** Number of elements of a shape. */
export function sizeOf(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/**
 * Rejects results that overflowed (±Infinity or NaN from Infinity − Infinity):
 * answers must be finite, and only input this large can cause it.
 */
export function checkFinite(values: ArrayLike<number>, path: string, what: string): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      throw new DnnInputError(
        path,
        `the numbers are too large: ${what} overflows the largest float (about 1.8e308); scale the values down`,
      );
    }
  }
}
