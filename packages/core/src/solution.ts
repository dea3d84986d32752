/** One line of a worked solution. */
export interface Step {
  /** The sentence that says what this step does ("Output height"). */
  title: string;
  /** The whole step as plain text: title, then the maths in ASCII/Unicode. */
  text: string;
  /** The maths only, KaTeX-renderable (may be empty for a prose-only step). */
  latex: string;
}

/** What every solver returns: JSON-serialisable, numbers never rounded. */
export interface Solution<A = Record<string, unknown>> {
  /** The result fields of the solver's catalog entry. */
  answer: A;
  /** The worked solution, in order. */
  steps: Step[];
  /** Every convention that changes the number, and warnings such as an inexact division. */
  notes: string[];
}
