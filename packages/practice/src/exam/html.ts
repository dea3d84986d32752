/** A variant as a standalone printable HTML page: no controls, one question per printed page, room to write. */
import { answerFields, questionHeading, sourceLine, variantLine } from './labels.js';
import type { ExamQuestion, ExamVariant } from './variant.js';

/** Options of {@link examHtml}. */
export interface ExamHtmlOptions {
  /** The answer key: each question's answer, worked steps and notes instead of the space to write. */
  answers?: boolean;
  /**
   * Renders a step's LaTeX to HTML (e.g. KaTeX's `renderToString`, with its stylesheet on the page); without it
   * the steps are plain Unicode text, so the page needs no script, font or network.
   */
  math?: (latex: string) => string;
}

/** The page's stylesheet: screen and print; questions after the first start a new printed page. */
export const EXAM_CSS = `
@page { size: A4; margin: 16mm 18mm; }
body { font: 11pt/1.45 Georgia, 'Times New Roman', serif; color: #000; background: #fff; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.1rem; margin: 0 0 .5rem; }
h3 { font-size: 1rem; margin: 1rem 0 .25rem; }
.meta { margin: 0 0 1rem; }
.name { margin: 1rem 0; }
.name span { display: inline-block; width: 60%; border-bottom: 1px solid #000; }
.instructions { margin: 0 0 1.5rem; }
.question { break-inside: avoid; page-break-inside: avoid; }
.question + .question { break-before: page; page-break-before: always; }
.answer-space { height: 13cm; border: 1px solid #888; margin-top: 1rem; break-inside: avoid; page-break-inside: avoid; }
.source { color: #444; font-size: .9rem; }
.key ol li, .key dd { overflow-wrap: anywhere; }
.key dt { font-weight: bold; }
.key dd { margin: 0 0 .25rem 1.5rem; font-family: monospace; }
@media screen { .question + .question { border-top: 1px dashed #888; margin-top: 2rem; padding-top: 1rem; } }
@media print { body { max-width: none; margin: 0; padding: 0; } }
`;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** Paragraphs of plain text: blank lines split paragraphs, single newlines become line breaks. */
function paragraphs(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => `<p>${escapeHtml(p.trim()).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

function keyHtml(q: ExamQuestion, math: ExamHtmlOptions['math']): string {
  const { steps, notes } = q.exercise.solution;
  const step = (s: (typeof steps)[number]) =>
    math && s.latex ? `${escapeHtml(s.title)}: ${math(s.latex)}` : escapeHtml(s.text);
  return [
    '<div class="key">',
    `<p class="source">${escapeHtml(sourceLine(q))}</p>`,
    '<h3>Answer</h3>',
    `<dl>${answerFields(q)
      .map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`)
      .join('')}</dl>`,
    '<h3>Worked steps</h3>',
    `<ol>${steps.map((s) => `<li>${step(s)}</li>`).join('')}</ol>`,
    ...(notes.length ? ['<h3>Notes</h3>', `<ul>${notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>`] : []),
    '</div>',
  ].join('\n');
}

/**
 * The exam sheet (or, with `answers`, its key) as a complete HTML document. Pure: usable in a browser and in
 * Node. The page has no form controls or scripts; printing gives one question per page.
 */
export function examHtml(variant: ExamVariant, options: ExamHtmlOptions = {}): string {
  const answers = options.answers ?? false;
  const questions = variant.questions.map((q) =>
    [
      `<section class="question" id="q${q.number}">`,
      `<h2>${escapeHtml(questionHeading(q))}</h2>`,
      paragraphs(q.exercise.question),
      answers ? keyHtml(q, options.math) : '<div class="answer-space" aria-label="space for your answer"></div>',
      '</section>',
    ].join('\n'),
  );
  const title = `${variant.title} — ${variant.student}${answers ? ' — answer key' : ''}`;
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${EXAM_CSS}</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${escapeHtml(variant.title)}</h1>`,
    `<p class="meta">${escapeHtml(variantLine(variant, answers))}</p>`,
    ...(answers ? [] : ['<p class="name">Name: <span></span></p>']),
    '</header>',
    ...(variant.instructions ? [`<div class="instructions">${paragraphs(variant.instructions)}</div>`] : []),
    '<main>',
    ...questions,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
