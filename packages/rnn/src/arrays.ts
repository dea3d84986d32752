/**
 * Numeric input fields of the recurrent solvers: a scalar is accepted wherever
 * a 1×1 matrix or a length-1 vector is, and every shape is checked against the
 * sizes the network implies, with an error that names the field and the shape.
 */
import { DnnInputError, describeValue, LIMITS } from '@dnn/core';
import * as z from 'zod/mini';

/** Largest side of a weight matrix or length of a state vector. */
export const MAX_SIZE = 1024;

function firstBadNumber(value: unknown, depth: number, at = ''): string | undefined {
  if (depth === 0) {
    if (typeof value === 'number' && Number.isFinite(value)) return undefined;
    return `${at ? `${at} ` : ''}must be a finite number, not ${describeValue(value)}`;
  }
  if (!Array.isArray(value)) return `${at ? `${at} ` : ''}must be a list, not ${describeValue(value)}`;
  if (value.length > MAX_SIZE) return `${at ? `${at} ` : ''}has too many items (at most ${MAX_SIZE})`;
  for (const [i, v] of value.entries()) {
    const bad = firstBadNumber(v, depth - 1, `${at}[${i}]`);
    if (bad) return bad;
  }
  return undefined;
}

function numberOrNested<T extends z.ZodMiniType>(nested: T, depth: number, form: string, description: string) {
  return z
    .union([z.number(), nested], {
      error: (iss) => {
        const input = iss.input;
        if (input === undefined) return 'is required';
        if (typeof input !== 'number' && !Array.isArray(input)) {
          return `must be a number or ${form}, not ${describeValue(input)}`;
        }
        if (depth === 2 && Array.isArray(input) && input.length > 0 && input.every((v) => typeof v === 'number')) {
          return 'is a flat list; write a matrix as a list of rows, e.g. [[0.2], [0.3]] for one column or [[0.2, 0.3]] for one row';
        }
        return firstBadNumber(input, typeof input === 'number' ? 0 : depth) ?? `must be a number or ${form}`;
      },
    })
    .check(z.describe(description));
}

/** A vector, or a single number standing for a length-1 vector. */
export function scalarOrVector(description: string) {
  return numberOrNested(z.array(z.number()).check(z.maxLength(MAX_SIZE)), 1, 'a list of numbers', description);
}

/** A row-major matrix, or a single number standing for a 1×1 matrix. */
export function scalarOrMatrix(description: string) {
  return numberOrNested(
    z.array(z.array(z.number()).check(z.maxLength(MAX_SIZE))).check(z.maxLength(MAX_SIZE)),
    2,
    'a matrix (a list of rows)',
    description,
  );
}

/** An input sequence: one scalar or vector per time step, at least one step. */
export function sequence(description: string) {
  return z
    .array(scalarOrVector('One time step: a number (one feature) or a vector of features.'))
    .check(z.minLength(1), z.maxLength(LIMITS.steps), z.describe(description));
}

/** A parsed vector-or-scalar field. */
export type VectorInput = number | number[];
/** A parsed matrix-or-scalar field. */
export type MatrixInput = number | number[][];

const plural = (n: number, what: string, many = `${what}s`) => `${n} ${n === 1 ? what : many}`;

/** The input vectors of a sequence as `[T][D]`, checking every step has the same length D ≥ 1. */
export function toSequence(xs: VectorInput[], path = 'xs'): number[][] {
  const rows = xs.map((x) => (typeof x === 'number' ? [x] : x));
  const d = rows[0]?.length ?? 0;
  rows.forEach((row, t) => {
    if (row.length === 0) throw new DnnInputError(`${path}[${t}]`, 'is an empty vector; every time step needs a value');
    if (row.length !== d) {
      throw new DnnInputError(
        `${path}[${t}]`,
        `has ${plural(row.length, 'feature')} but ${path}[0] has ${d}; every time step must have the same size`,
      );
    }
  });
  return rows;
}

/** A vector field of length `n` (`what` says where n comes from); a scalar is a length-1 vector. */
export function toVector(value: VectorInput, path: string, n: number, what: string): number[] {
  const v = typeof value === 'number' ? [value] : value;
  if (v.length !== n) {
    throw new DnnInputError(path, `must have ${plural(n, 'entry', 'entries')} (${what}), but has ${v.length}`);
  }
  return v;
}

/** The number of rows of a matrix field (1 for a scalar); an empty matrix is an input error. */
export function rowCount(value: MatrixInput, path: string): number {
  if (typeof value === 'number') return 1;
  if (value.length === 0) throw new DnnInputError(path, 'is an empty matrix');
  return value.length;
}

/** A matrix field of shape `[rows][cols]` (`shape` names it, e.g. "[H][D] = [2][3]"); a scalar is a 1×1 matrix. */
export function toMatrix(value: MatrixInput, path: string, rows: number, cols: number, shape: string): number[][] {
  const m = typeof value === 'number' ? [[value]] : value;
  const expected = `must be ${shape} = ${rows}×${cols}`;
  if (m.length !== rows) throw new DnnInputError(path, `${expected}, but has ${plural(m.length, 'row')}`);
  m.forEach((row, i) => {
    if (row.length !== cols) {
      throw new DnnInputError(`${path}[${i}]`, `has ${plural(row.length, 'column')}, but ${path} ${expected}`);
    }
  });
  return m;
}

/** Throws an input error when a computed value left the float64 range. */
export function assertFinite(values: readonly number[], path: string, what: string): void {
  if (values.some((v) => !Number.isFinite(v))) {
    throw new DnnInputError(
      path,
      `${what} overflows the float64 range here; the weights or inputs are too large to give a finite answer`,
    );
  }
}

/** A per-hidden-unit vector field (h0, c0, biases): zeros when absent, else checked to have H entries. */
export function hiddenVector(value: VectorInput | undefined, path: string, hidden: number, from: string): number[] {
  if (value === undefined) return new Array<number>(hidden).fill(0);
  return toVector(value, path, hidden, `one per hidden unit; H = ${hidden} from ${from}`);
}

/** A square matrix field [n][n] (n read from its rows; a scalar is 1×1). */
export function squareMatrix(value: MatrixInput, path: string): number[][] {
  const n = rowCount(value, path);
  return toMatrix(value, path, n, n, '[H][H] (square)');
}
