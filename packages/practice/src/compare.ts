/**
 * Field-by-field comparison of a student's answer with the solver's: numbers
 * within a tolerance (also written as decimals or unreduced fractions such as
 * "28/6"), booleans, strings, and lists and objects element by element.
 */
import { readStudentJson, readStudentList, readStudentNumber } from './read-answer.js';

/** Tolerances of a comparison. */
export interface Tolerance {
  /** Relative tolerance for a full mark (default 1e-3: three significant figures). */
  relative: number;
  /** Absolute tolerance near zero (default 1e-4). */
  absolute: number;
}

/** The default: three significant figures, or 1e-4 near zero. */
export const DEFAULT_TOLERANCE: Tolerance = { relative: 1e-3, absolute: 1e-4 };

/**
 * Reads a student's number: a JSON number, a decimal string (thousands separators, Unicode minus), a fraction
 * string ("14/3", "28/6") or an exact form ("2 ln 2", "√2"); see {@link readStudentNumber}.
 */
export function readNumber(got: unknown): number | undefined {
  return readStudentNumber(got);
}

function readBoolean(got: unknown): boolean | undefined {
  if (typeof got === 'boolean') return got;
  if (typeof got !== 'string') return undefined;
  const t = got.trim().toLowerCase();
  if (['true', 'yes', '1'].includes(t)) return true;
  if (['false', 'no', '0'].includes(t)) return false;
  return undefined;
}

/** How a comparison reads the student's value. */
export interface ScoreOptions {
  /** A list whose order does not matter (a set): numbers are matched after sorting both lists. */
  unordered?: boolean;
  /** Collects remarks on how the answer was read (a thousands separator, an unreadable list). */
  notes?: string[];
}

/**
 * The fraction of `expected` that `got` gets right, in [0, 1]: 1 within the
 * tolerance, ½ within ten times it (a rounding slip), else 0; lists and
 * objects score the mean of their parts. Text is read the way students write
 * it (see read-answer.ts): `"(4, 5, 5)"` or `"4×5×5"` for a list, `"44,865"`,
 * `"4/1"` or `"2 ln 2"` for a number, JSON for a list of objects.
 */
export function score(
  expected: unknown,
  got: unknown,
  tolerance: Tolerance = DEFAULT_TOLERANCE,
  options: ScoreOptions = {},
): number {
  const notes = options.notes ?? [];
  if (expected === null) return got === null || got === undefined || got === 'null' || got === 'undefined' ? 1 : 0;
  if (typeof expected === 'number') {
    const g = readStudentNumber(got, notes);
    if (g === undefined) return 0;
    const allowed = Math.max(tolerance.relative * Math.abs(expected), tolerance.absolute);
    const error = Math.abs(g - expected);
    return error <= allowed ? 1 : error <= 10 * allowed ? 0.5 : 0;
  }
  if (typeof expected === 'boolean') return readBoolean(got) === expected ? 1 : 0;
  if (typeof expected === 'string')
    return typeof got === 'string' && got.trim().toLowerCase() === expected.toLowerCase() ? 1 : 0;
  if (typeof expected !== 'object') return 0;
  const value = typeof got === 'string' ? readText(got, expected, notes) : got;
  if (Array.isArray(expected)) {
    const list = Array.isArray(value) ? value : expected.length === 1 ? [value] : undefined;
    if (!list || list.length !== expected.length) return 0;
    if (expected.length === 0) return 1;
    const [e, g] = options.unordered ? sortedPair(expected, list) : [expected, list];
    return e.reduce((sum: number, item, i) => sum + score(item, g[i], tolerance, { notes }), 0) / expected.length;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 0;
  const keys = Object.keys(expected);
  if (keys.length === 0) return 1;
  const part = (k: string) =>
    score(
      (expected as Record<string, unknown>)[k],
      Object.hasOwn(value, k) ? (value as Record<string, unknown>)[k] : undefined,
      tolerance,
      { notes },
    );
  return keys.reduce((sum, k) => sum + part(k), 0) / keys.length;
}

/** A list or object written as text: JSON first, then the list notations; the text itself when neither reads. */
function readText(text: string, expected: object, notes: string[]): unknown {
  const json = readStudentJson(text, notes);
  if (json !== undefined) return json;
  return Array.isArray(expected) ? (readStudentList(text, notes) ?? text) : text;
}

/** Both lists sorted by value when every item reads as a number (a set of numbers in any order); else as given. */
function sortedPair(expected: unknown[], got: unknown[]): [unknown[], unknown[]] {
  const e = expected.map((v) => (typeof v === 'number' ? v : undefined));
  const g = got.map((v) => readStudentNumber(v));
  if (e.includes(undefined) || g.includes(undefined)) return [expected, got];
  const ascending = (a: number | undefined, b: number | undefined) => (a as number) - (b as number);
  return [e.sort(ascending), g.sort(ascending)];
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
