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
} as const;

/** Throws an input error at `path` when `value` exceeds the limit `name`. */
export function checkLimit(path: string, name: keyof typeof LIMITS, value: number, what: string): void {
  const limit = LIMITS[name];
  if (value > limit) {
    throw new DnnInputError(
      path,
      `${what} is ${value.toExponential(2)}, above the limit of ${limit.toExponential(0)} per request`,
    );
  }
}
