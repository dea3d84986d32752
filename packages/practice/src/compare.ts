/**
 * Field-by-field comparison of a student's answer with the solver's: numbers
 * within a tolerance (also written as decimals or unreduced fractions such as
 * "28/6"), booleans, strings, and lists and objects element by element.
 */
import { Fraction } from '@dnn/core';

/** Tolerances of a comparison. */
export interface Tolerance {
  /** Relative tolerance for a full mark (default 1e-3: three significant figures). */
  relative: number;
  /** Absolute tolerance near zero (default 1e-4). */
  absolute: number;
}

/** The default: three significant figures, or 1e-4 near zero. */
export const DEFAULT_TOLERANCE: Tolerance = { relative: 1e-3, absolute: 1e-4 };

/** Reads a student's number: a JSON number, a decimal string or a fraction string ("14/3", "28/6"). */
export function readNumber(got: unknown): number | undefined {
  if (typeof got === 'number') return Number.isFinite(got) ? got : undefined;
  if (typeof got !== 'string' || !/^\s*[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*(\/\s*[-+]?\d+\s*)?$/i.test(got))
    return undefined;
  const [num, den] = got.replace(/\s+/g, '').split('/');
  if (den === undefined) return Number(num);
  try {
    return new Fraction(`${num}/${den}`).valueOf();
  } catch {
    return undefined; // a zero denominator
  }
}

function readBoolean(got: unknown): boolean | undefined {
  if (typeof got === 'boolean') return got;
  if (typeof got !== 'string') return undefined;
  const t = got.trim().toLowerCase();
  if (['true', 'yes', '1'].includes(t)) return true;
  if (['false', 'no', '0'].includes(t)) return false;
  return undefined;
}

/**
 * The fraction of `expected` that `got` gets right, in [0, 1]: 1 within the
 * tolerance, ½ within ten times it (a rounding slip), else 0; lists and
 * objects score the mean of their parts.
 */
export function score(expected: unknown, got: unknown, tolerance: Tolerance = DEFAULT_TOLERANCE): number {
  if (expected === null) return got === null || got === undefined || got === 'null' || got === 'undefined' ? 1 : 0;
  if (typeof expected === 'number') {
    const g = readNumber(got);
    if (g === undefined) return 0;
    const allowed = Math.max(tolerance.relative * Math.abs(expected), tolerance.absolute);
    const error = Math.abs(g - expected);
    return error <= allowed ? 1 : error <= 10 * allowed ? 0.5 : 0;
  }
  if (typeof expected === 'boolean') return readBoolean(got) === expected ? 1 : 0;
  if (typeof expected === 'string')
    return typeof got === 'string' && got.trim().toLowerCase() === expected.toLowerCase() ? 1 : 0;
  if (Array.isArray(expected)) {
    const list = Array.isArray(got) ? got : expected.length === 1 ? [got] : undefined;
    if (!list || list.length !== expected.length) return 0;
    if (expected.length === 0) return 1;
    return expected.reduce((sum: number, e, i) => sum + score(e, list[i], tolerance), 0) / expected.length;
  }
  if (typeof expected === 'object') {
    if (got === null || typeof got !== 'object' || Array.isArray(got)) return 0;
    const keys = Object.keys(expected);
    if (keys.length === 0) return 1;
    return (
      keys.reduce(
        (sum, k) =>
          sum + score((expected as Record<string, unknown>)[k], (got as Record<string, unknown>)[k], tolerance),
        0,
      ) / keys.length
    );
  }
  return 0;
}

/**
 * Reads `a.b[2].c` out of a value; `[*]` maps the rest of the path over a list,
 * e.g. `layers[*].params` is the list of every layer's params.
 */
export function getPath(value: unknown, path: string): unknown {
  return walk(value, path.match(/[^.[\]]+/g) ?? []);
}

function walk(node: unknown, keys: string[]): unknown {
  const [key, ...rest] = keys;
  if (key === undefined) return node;
  if (key === '*') return Array.isArray(node) ? node.map((item) => walk(item, rest)) : undefined;
  return node !== null && typeof node === 'object' ? walk((node as Record<string, unknown>)[key], rest) : undefined;
}
