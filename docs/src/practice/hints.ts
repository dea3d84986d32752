/**
 * The hints of a practice question, from its worked solution's steps: first
 * what to compute (the step titles, in order), then each step's maths with
 * the numbers substituted but its final number hidden, so a hint leads to the
 * answer without giving it.
 */
import type { Step } from '@dnn/core';

/** One step of a hint: what it computes, and its maths with the result hidden (empty for a prose step). */
export interface HintStep {
  title: string;
  latex: string;
}

/** The placeholder for a hidden result. */
export const HIDDEN = '\\;?';

/** Splits LaTeX at its top-level `=` signs (not inside braces, `\left…\right` or environments). */
export function splitEquals(latex: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < latex.length; i++) {
    const ch = latex[i];
    if (ch === '\\') {
      const word = /^\\(left|right|begin|end)\b/.exec(latex.slice(i))?.[1];
      if (word === 'left' || word === 'begin') depth++;
      if (word === 'right' || word === 'end') depth--;
      i++;
      continue;
    }
    if (ch === '{') depth++;
    else if (ch === '}') depth--;
    else if (ch === '=' && depth === 0) {
      parts.push(latex.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(latex.slice(start));
  return parts.map((p) => p.trim());
}

/** Whether a piece of LaTeX is only a value (numbers, matrices, lists): no variable letters outside commands. */
export function isValue(latex: string): boolean {
  const letters = latex
    .replace(/\\begin\{[a-z]*\}|\\end\{[a-z]*\}/g, '')
    .replace(/\\[A-Za-z]+/g, '')
    .replace(/\d+(\.\d+)?(e[-+]?\d+)?/gi, '');
  return !/[A-Za-z]/.test(letters);
}

/** How @dnn/core's `step()` joins the pieces of one step's maths. */
const PIECES = ',\\quad';

/** One piece of maths with its result hidden: a final value after `=` becomes `?`; a table of results becomes `?`. */
function hidePiece(piece: string): string {
  if (/\\begin\{(array|tabular)\}/.test(piece)) return HIDDEN;
  const parts = splitEquals(piece);
  if (parts.length < 2) return piece;
  const last = parts[parts.length - 1] as string;
  if (!isValue(last)) return piece;
  return [...parts.slice(0, -1), HIDDEN].join(' = ');
}

/**
 * A step's maths with every result hidden: in each of its pieces a final value after `=` becomes `?` (a
 * formula without numbers stays whole), and a table of results becomes `?`.
 */
export function hideResult(latex: string): string {
  return latex
    .split(PIECES)
    .map((p) => hidePiece(p.trim()))
    .join(`${PIECES} `);
}

/** The hint steps of a solution, in the solution's order. */
export function hintSteps(steps: readonly Step[]): HintStep[] {
  return steps.map((s) => ({ title: s.title, latex: s.latex ? hideResult(s.latex) : '' }));
}
