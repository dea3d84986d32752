/** Step builders and renderers: one step list, read alike as text, Markdown and LaTeX. */
import type { Solution, Step } from './solution.js';
import { escapeLatexText, lift, type TexLike } from './tex.js';

/**
 * Builds a step: a sentence plus zero or more pieces of maths, e.g.
 * `step('Output height', eq('H_out', floor(frac(...)), 8))`.
 */
export function step(title: string, ...maths: TexLike[]): Step {
  let text = title;
  let latex = '';
  for (let i = 0; i < maths.length; i++) {
    const p = lift(maths[i] as TexLike);
    text = i === 0 ? `${title}: ${p.text}` : `${text};  ${p.text}`;
    latex = i === 0 ? p.latex : `${latex},\\quad ${p.latex}`;
  }
  return { title, text, latex };
}

/** Output formats of {@link renderSolution}. */
export type RenderFormat = 'text' | 'markdown' | 'latex' | 'json';

/** Renders a solution for people: numbered steps, the answer, the notes. */
export function renderSolution(solution: Solution<unknown>, format: RenderFormat): string {
  switch (format) {
    case 'json':
      return JSON.stringify(solution);
    case 'text':
      return renderText(solution);
    case 'markdown':
      return renderMarkdown(solution);
    case 'latex':
      return renderLatex(solution);
  }
}

function renderText(s: Solution<unknown>): string {
  const lines = ['Steps:', ...s.steps.map((st, i) => `  ${i + 1}. ${st.text}`), '', 'Answer:'];
  for (const [key, value] of Object.entries(s.answer as object)) lines.push(`  ${key}: ${JSON.stringify(value)}`);
  if (s.notes.length) lines.push('', 'Notes:', ...s.notes.map((n) => `  - ${n}`));
  return lines.join('\n');
}

/** Markdown-significant characters of plain text, and what each becomes (HTML specials as entities). */
const MARKDOWN_ESCAPES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;' };

/**
 * Plain text (a step title, a note: they hold user names) as Markdown that reads as that text: HTML specials become
 * entities, Markdown and math specials are backslash-escaped, and line breaks become spaces so no text can start a
 * heading, a list or a block of its own.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/[\\`*_[\]{}<>&|~$#!]/g, (c) => MARKDOWN_ESCAPES[c] ?? `\\${c}`);
}

/** A code fence longer than any run of backticks inside `code`, so the code cannot close it. */
function fence(code: string): string {
  const longest = Math.max(0, ...(code.match(/`+/g) ?? []).map((run) => run.length));
  return '`'.repeat(Math.max(3, longest + 1));
}

function renderMarkdown(s: Solution<unknown>): string {
  const lines = ['### Steps', ''];
  s.steps.forEach((st, i) => {
    // On one line, and without < > (an HTML tag to a Markdown renderer that has no maths): KaTeX reads \lt and \gt.
    const maths = st.latex.replace(/\s+/g, ' ').replace(/[<>]/g, (c) => (c === '<' ? '\\lt ' : '\\gt '));
    lines.push(`${i + 1}. ${escapeMarkdown(st.title)}${maths ? `: $${maths}$` : ''}`);
  });
  const answer = JSON.stringify(s.answer, null, 2);
  lines.push('', '### Answer', '', `${fence(answer)}json`, answer, fence(answer));
  if (s.notes.length) lines.push('', '### Notes', '', ...s.notes.map((n) => `- ${escapeMarkdown(n)}`));
  return lines.join('\n');
}

function renderLatex(s: Solution<unknown>): string {
  const items = s.steps.map((st) => `  \\item ${escapeLatexText(st.title)}${st.latex ? `: $${st.latex}$` : ''}`);
  const notes = s.notes.map((n) => `  \\item ${escapeLatexText(n)}`);
  return [
    '\\begin{enumerate}',
    ...items,
    '\\end{enumerate}',
    ...(notes.length ? ['\\paragraph{Notes}', '\\begin{itemize}', ...notes, '\\end{itemize}'] : []),
  ].join('\n');
}
