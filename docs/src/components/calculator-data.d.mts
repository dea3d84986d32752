import type { AnySolver, Solution } from '@dnn/core';
import type { AnswerSchema } from './answer/types';
import type { JsonSchema } from './schema-fields';

/** What solving one input gave: a solution, an input error naming its field, or a solver bug. */
export type Outcome =
  | {
      kind: 'solved';
      solution: Solution<Record<string, unknown>>;
      /** Each step's maths as KaTeX HTML ('' for a step without maths), when rendered off the page's thread. */
      html?: readonly string[];
    }
  | { kind: 'input-error'; path: string; message: string }
  | { kind: 'internal'; message: string };

/** One preset of a calculator: an exam example. */
export interface Preset {
  title: string;
  source: string;
  input: unknown;
}

/** Everything a calculator shows before it solves anything itself (JSON data). */
export interface CalculatorData {
  id: string;
  title: string;
  description: string;
  /** The package that publishes the solver, e.g. `@dnn/conv` (when known). */
  package?: string;
  examples: readonly Preset[];
  inputSchema: JsonSchema;
  answerSchema: AnswerSchema;
  /** The preset the first input is, or undefined when the input was given. */
  example: number | undefined;
  /** The first input. */
  input: Record<string, unknown>;
  /** The first input's outcome. */
  outcome: Outcome;
}

/** Runs the solver; bad input becomes an error naming its field, never an exception. */
export function solveSafely(solver: AnySolver, value: unknown): Outcome;

/** The first input of a calculator: `input` when given, else example `example` (default the first). */
export function initialInput(
  solver: AnySolver,
  example: number | undefined,
  input: Record<string, unknown> | undefined,
): Record<string, unknown>;

/** The calculator data of `solver`, starting from `input` or example `example`. */
export function calculatorData(
  solver: AnySolver,
  options?: { example?: number; input?: Record<string, unknown>; pkg?: string },
): CalculatorData;
