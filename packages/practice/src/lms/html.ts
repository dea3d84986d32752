/** HTML pieces of an exported question: the question, the worked solution (TeX for Moodle's MathJax filter) and an answer key. */
import type { Solution } from '@dnn/core';
import { escapeHtml } from '../exam/html.js';
import type { HandField } from './answer-blanks.js';

/** Braces as entities, so no text in a Cloze question reads as an embedded answer (`{1:NUMERICAL:=5}`). */
export function escapeBraces(html: string): string {
  return html.replace(/[{}]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A plain-text question as HTML paragraphs (blank lines part paragraphs, single newlines break lines, \v and \f are spaces). */
export function questionHtml(question: string): string {
  return question
    .replace(/[\v\f]/g, ' ')
    .split(/\r?\n\s*\r?\n/)
    .map((para) => `<p>${escapeHtml(para.trim()).replace(/\r?\n/g, '<br>')}</p>`)
    .join('');
}

/** The worked steps as a numbered list, maths between `\(` and `\)` for Moodle's MathJax filter, then the notes. */
export function solutionHtml(solution: Solution<unknown>): string {
  const steps = solution.steps.map(
    (step) => `<li>${escapeHtml(step.title)}${step.latex ? `: \\(${escapeHtml(step.latex)}\\)` : ''}</li>`,
  );
  const notes = solution.notes.map((note) => `<li>${escapeHtml(note)}</li>`);
  return [
    '<p><strong>Worked solution</strong></p>',
    `<ol>${steps.join('')}</ol>`,
    ...(notes.length ? ['<p><strong>Notes</strong></p>', `<ul>${notes.join('')}</ul>`] : []),
  ].join('');
}

/** A value of the answer key as preformatted JSON. */
export function keyHtml(value: unknown): string {
  return `<pre>${escapeHtml(JSON.stringify(value, null, 2) ?? 'undefined')}</pre>`;
}

/** The question text of a hand-graded part: the question, then the fields it asks for. */
export function handQuestionHtml(question: string, hand: readonly HandField[]): string {
  return `${questionHtml(question)}<p>Answer: ${hand.map((f) => `<code>${escapeHtml(f.path)}</code>`).join(', ')}</p>`;
}

/** The key of a hand-graded part: per field its rubric points, why it is graded by hand, and one right answer. */
export function handKeyHtml(hand: readonly HandField[]): string {
  return hand
    .map(
      (f) =>
        `<p><code>${escapeHtml(f.path)}</code> (${f.points} rubric points): ${escapeHtml(f.reason)}.</p>${keyHtml(f.key)}`,
    )
    .join('');
}
