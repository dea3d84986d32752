/** A variant as a LaTeX document of the `exam` class; the key is the same document with the `answers` option. */
import { escapeLatexText, fmt, LATEX_SYMBOLS, type Solution } from '@dnn/core';
import { answerFields, sourceLine, variantLine } from './labels.js';
import type { ExamQuestion, ExamVariant } from './variant.js';

/** Text-mode LaTeX for the Unicode symbols beyond LATEX_SYMBOLS that questions and steps use. */
const TEXT_SYMBOLS: Record<string, string> = {
  '′': '\\ensuremath{{}^\\prime}',
  ẑ: '\\^{z}',
  '½': '\\ensuremath{\\tfrac{1}{2}}',
  '°': '\\ensuremath{^\\circ}',
  '¹': '\\ensuremath{^{1}}',
  '⁻': '\\ensuremath{^{-}}',
  '⁺': '\\ensuremath{^{+}}',
  ⁿ: '\\ensuremath{^{n}}',
  ᵗ: '\\ensuremath{^{t}}',
  '₀': '\\ensuremath{_{0}}',
  '₁': '\\ensuremath{_{1}}',
  '₂': '\\ensuremath{_{2}}',
  ᵢ: '\\ensuremath{_{i}}',
  ⱼ: '\\ensuremath{_{j}}',
  ₙ: '\\ensuremath{_{n}}',
  Σ: '\\ensuremath{\\Sigma}',
  Λ: '\\ensuremath{\\Lambda}',
  τ: '\\ensuremath{\\tau}',
  ρ: '\\ensuremath{\\rho}',
  '∇': '\\ensuremath{\\nabla}',
  '∏': '\\ensuremath{\\prod}',
  '∅': '\\ensuremath{\\emptyset}',
  '↔': '\\ensuremath{\\leftrightarrow}',
  '¬': '\\ensuremath{\\neg}',
  '⊕': '\\ensuremath{\\oplus}',
  '⊙': '\\ensuremath{\\odot}',
};

/** Combining accents (x̃, ŷ) become accent commands on the letter before them. */
const COMBINING: Record<string, string> = { '\u0303': '\\tilde', '\u0302': '\\hat' };

/** Replaces combining accents, then declares every non-ASCII symbol of `body` for pdflatex's inputenc. */
function unicodePreamble(body: string): { body: string; declarations: string[] } {
  const accented = body.replace(/(\p{L})([\u0302\u0303])/gu, (_, letter: string, mark: string) => {
    return `\\ensuremath{${COMBINING[mark]}{${letter}}}`;
  });
  const declarations = [...new Set(accented.match(/[^ -~\s]/gu) ?? [])].flatMap((c) => {
    const math = LATEX_SYMBOLS[c];
    const command = TEXT_SYMBOLS[c] ?? (math ? `\\ensuremath{${math.trim()}}` : undefined);
    const code = (c.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0');
    // Latin-1 letters, dashes and quotes are known to inputenc already; anything else stays as it is and
    // pdflatex stops on it (a missing symbol is an error, never a silently dropped character).
    return command ? [`\\DeclareUnicodeCharacter{${code}}{${command}}`] : [];
  });
  return { body: accented, declarations };
}

/** Plain text (a title, a question, an instruction) as LaTeX: specials escaped, paragraphs kept. */
function latexText(text: string): string {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((p) => escapeLatexText(p).replace(/\n/g, '\\\\\n'))
    .join('\n\n');
}

/**
 * A solution's steps for print: each piece of a step's maths on its own line (see {@link fitted}), then the notes.
 */
function stepsLatex(solution: Solution): string {
  const items = solution.steps.map((st) => {
    const maths = st.latex ? st.latex.split(',\\quad ') : [];
    return [`  \\item ${escapeLatexText(st.title)}${maths.length ? ':' : ''}`, ...maths.map(fitted)].join('\\\\\n    ');
  });
  const notes = solution.notes.map((n) => `  \\item ${escapeLatexText(n)}`);
  return [
    '\\begin{enumerate}',
    ...items,
    '\\end{enumerate}',
    ...(notes.length ? ['\\textbf{Notes}', '\\begin{itemize}', ...notes, '\\end{itemize}'] : []),
  ].join('\n');
}

/** What TeX cannot break across lines: a matrix, a table, a fraction, words in `\text`. */
const UNBREAKABLE = /matrix\}|array\}|\\frac|\\text\{/;

/**
 * Display-style maths that stays on the page: a formula with an unbreakable part is shrunk to the line width
 * when wider; any other stays inline, where TeX breaks a long sum after its + and = signs.
 */
function fitted(latex: string): string {
  return UNBREAKABLE.test(latex)
    ? `\\adjustbox{max width=\\linewidth}{$\\displaystyle ${latex}$}`
    : `$\\displaystyle ${latex}$`;
}

function solutionLatex(q: ExamQuestion): string {
  // A minus before a digit as maths: a text hyphen may end a line, splitting −1.27 into "-" and "1.27".
  const fields = answerFields(q).map(
    ([k, v]) =>
      `  \\item \\textbf{${escapeLatexText(k)}}: ${escapeLatexText(v).replace(/-(?=\d)/g, '\\ensuremath{-}')}`,
  );
  return [
    '\\begin{solution}',
    `{\\small ${escapeLatexText(sourceLine(q))}}`,
    '',
    '\\textbf{Answer}',
    '\\begin{itemize}',
    ...fields,
    '\\end{itemize}',
    '\\textbf{Worked steps}',
    stepsLatex(q.exercise.solution),
    '\\end{solution}',
  ].join('\n');
}

/** Options of {@link examLatex}. */
export interface ExamLatexOptions {
  /** The answer key: the `answers` class option and a `solution` (answer, worked steps, notes) per question. */
  answers?: boolean;
}

/**
 * The exam sheet as a standalone LaTeX document of the `exam` class (`\question[points]`, a box to write in,
 * one question per page), or with `answers` its key. Every user string is escaped; the Unicode symbols of
 * the questions and steps are declared for pdflatex. Pure: usable in a browser.
 */
export function examLatex(variant: ExamVariant, options: ExamLatexOptions = {}): string {
  const answers = options.answers ?? false;
  const questions = variant.questions.map((q, i) =>
    [
      ...(i > 0 ? ['\\newpage'] : []),
      `\\question[${fmt(q.points)}]`,
      latexText(q.exercise.question),
      '',
      answers ? solutionLatex(q) : '\\makeemptybox{12cm}',
    ].join('\n'),
  );
  const { body, declarations } = unicodePreamble(
    [
      '\\begin{document}',
      '\\begin{center}',
      `{\\Large\\bfseries ${latexText(variant.title)}}\\\\[1ex]`,
      escapeLatexText(variantLine(variant, answers)),
      '\\end{center}',
      ...(answers ? [] : ['\\vspace{1ex}\\noindent\\makebox[\\textwidth]{Name:\\enspace\\hrulefill}', '']),
      ...(variant.instructions ? [latexText(variant.instructions), ''] : []),
      '\\begin{questions}',
      questions.join('\n\n'),
      '\\end{questions}',
      '\\end{document}',
    ].join('\n'),
  );
  return [
    `\\documentclass[11pt,a4paper${answers ? ',answers' : ''}]{exam}`,
    '\\usepackage[utf8]{inputenc}',
    '\\usepackage{amsmath,amssymb,adjustbox}',
    '\\sloppy',
    ...declarations,
    '\\pointpoints{point}{points}',
    '\\renewcommand{\\solutiontitle}{\\noindent\\textbf{Key:}\\enspace}',
    body,
    '',
  ].join('\n');
}
