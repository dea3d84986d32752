/** The work limits of the catalog: beyond them a request is an input error, never a hang. */
import { DnnInputError } from './errors.js';

/** Documented per-request limits (SOLVERS.md, "Bad input"). */
export const LIMITS = {
  /** Output cells of one request (feature-map elements, matrix entries). */
  outputCells: 1e7,
  /** Multiply-adds of one request. */
  multiplyAdds: 2e8,
  /** Variables of a boolean function. */
  booleanVariables: 12,
  /** Time steps or optimizer steps. */
  steps: 1e4,
  /** Values of one input: numbers, texts, booleans, nulls, lists and objects, counted before the schema reads them. */
  inputValues: 2.5e6,
} as const;

/** A count for a sentence: `13`, `12,800,000`; non-integers and counts beyond 2^53 as `1.28e+30`. */
export function readableCount(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toExponential(2);
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

/**
 * Throws an input error at `path` when `value` exceeds the limit `name`: "the number of variables is 13, above the
 * limit of 12 per request". A solver whose worst input at the catalog's limit costs too much passes its own, tighter
 * `solverLimit` (documented in its input description): "… above this solver's limit of 1,000,000 per request".
 */
export function checkLimit(
  path: string,
  name: keyof typeof LIMITS,
  value: number,
  what: string,
  solverLimit?: number,
): void {
  const limit = Math.min(solverLimit ?? LIMITS[name], LIMITS[name]);
  if (value > limit) {
    const whose = limit < LIMITS[name] ? "this solver's" : 'the';
    throw new DnnInputError(
      path,
      `${what} is ${readableCount(value)}, above ${whose} limit of ${readableCount(limit)} per request`,
    );
  }
}
