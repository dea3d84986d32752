/** KaTeX rendering of solver maths to HTML strings: one formula, or every step of a solution. */
import type { Solution } from '@dnn/core';
import katex from 'katex';

/** Renders LaTeX to HTML with KaTeX (trust: false; a KaTeX error shows in red, never throws). */
export function renderTex(latex: string, display: boolean): string {
  return katex.renderToString(latex, {
    displayMode: display,
    throwOnError: false,
    trust: false,
    strict: 'ignore',
    maxSize: 50,
    maxExpand: 1000,
    output: 'htmlAndMathml',
  });
}

/** Every step's maths as display HTML ('' for a step without maths): what the solve worker sends a calculator page. */
export function stepsHtml(solution: Solution<unknown>): string[] {
  return solution.steps.map((step) => (step.latex ? renderTex(step.latex, true) : ''));
}
