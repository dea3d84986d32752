/** A variant as Markdown: the questions, and with `answers` each question's answer and worked steps ($LaTeX$ maths). */
import { renderSolution } from '@dnn/core';
import { questionHeading, sourceLine, variantLine } from './labels.js';
import type { ExamVariant } from './variant.js';

/** The exam sheet (or with `answers` its key) in Markdown; the key's steps use `$…$` maths (KaTeX, MathJax). */
export function examMarkdown(variant: ExamVariant, options: { answers?: boolean } = {}): string {
  const answers = options.answers ?? false;
  const questions = variant.questions.map((q) =>
    [
      `## ${questionHeading(q)}`,
      '',
      q.exercise.question,
      ...(answers ? ['', `*${sourceLine(q)}*`, '', renderSolution(q.exercise.solution, 'markdown')] : []),
    ].join('\n'),
  );
  return [
    `# ${variant.title}`,
    '',
    variantLine(variant, answers),
    ...(variant.instructions ? ['', variant.instructions] : []),
    '',
    questions.join('\n\n'),
    '',
  ].join('\n');
}
