/**
 * Numbers that may come as a scalar, a vector or a matrix (rows = samples):
 * one schema, one normal form (rows), and the way back to the input's shape.
 */
import { DnnInputError, describeValue } from '@dnn/core';
import * as z from 'zod/mini';

/** Largest number of rows, and of columns, in a grid input. */
export const GRID_MAX = 1000;

/** A scalar, a vector or a row-major matrix of finite numbers. */
export type Grid = number | number[] | number[][];

function firstBadCell(input: unknown): string | undefined {
  if (input === undefined) return 'is required';
  if (!Array.isArray(input))
    return `must be a number, a list of numbers or a list of rows (got ${describeValue(input)})`;
  if (input.length > GRID_MAX) return `has too many items (at most ${GRID_MAX}, got ${input.length})`;
  const rows = input.some(Array.isArray);
  for (const [i, row] of input.entries()) {
    if (rows) {
      if (!Array.isArray(row))
        return `[${i}] must be a row (a list of numbers) like the others, not ${describeValue(row)}`;
      if (row.length > GRID_MAX) return `[${i}] has too many items (at most ${GRID_MAX}, got ${row.length})`;
      for (const [j, x] of row.entries()) {
        if (typeof x !== 'number' || !Number.isFinite(x))
          return `[${i}][${j}] must be a finite number, not ${describeValue(x)}`;
      }
    } else if (typeof row !== 'number' || !Number.isFinite(row)) {
      return `[${i}] must be a finite number, not ${describeValue(row)}`;
    }
  }
  return undefined;
}

/** Schema of a {@link Grid} (at most {@link GRID_MAX} rows and columns). */
export function grid(description: string) {
  return z
    .union(
      [
        z.number(),
        z.array(z.number()).check(z.maxLength(GRID_MAX)),
        z.array(z.array(z.number()).check(z.maxLength(GRID_MAX))).check(z.maxLength(GRID_MAX)),
      ],
      {
        error: (iss) => firstBadCell(iss.input),
      },
    )
    .check(z.describe(description));
}

/** A grid in normal form: rows of equal length, plus how the input was shaped. */
export interface Rows {
  rows: number[][];
  kind: 'scalar' | 'vector' | 'matrix';
}

/** Normalises a grid to rows (a vector is one row); throws at `path` if a matrix is ragged or empty. */
export function toRows(g: Grid, path: string): Rows {
  if (typeof g === 'number') return { rows: [[g]], kind: 'scalar' };
  if (g.length === 0) throw new DnnInputError(path, 'is empty; give at least one number');
  if (g.every((x): x is number => typeof x === 'number')) return { rows: [g], kind: 'vector' };
  const rows = g as number[][];
  const width = rows[0]?.length ?? 0;
  if (width === 0) throw new DnnInputError(`${path}[0]`, 'is an empty row; give at least one number');
  for (const [i, row] of rows.entries()) {
    if (row.length !== width) {
      throw new DnnInputError(
        `${path}[${i}]`,
        `has ${row.length} numbers but row 0 has ${width}: rows must be equally long`,
      );
    }
  }
  return { rows, kind: 'matrix' };
}

/** Gives rows back in the input's form: a matrix stays a matrix, a vector or scalar becomes a vector. */
export function fromRows<T>(rows: T[][], kind: Rows['kind']): T[] | T[][] {
  return kind === 'matrix' ? rows : (rows[0] ?? []);
}

/** Shape as `R×C` text. */
export function shapeText(rows: number[][]): string {
  return `${rows.length}×${rows[0]?.length ?? 0}`;
}

/** The input path of cell (i, j) of a normalised grid: `p[i][j]`, `p[j]` or `p`. */
export function cellPath(path: string, kind: Rows['kind'], i: number, j: number): string {
  if (kind === 'matrix') return `${path}[${i}][${j}]`;
  return kind === 'vector' ? `${path}[${j}]` : path;
}
