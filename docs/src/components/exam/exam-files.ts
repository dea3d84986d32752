/**
 * The /exam page's files, as pure functions of the variants: each student's
 * sheet and key (LaTeX, Markdown, JSON), the class's LMS banks (Moodle XML,
 * GIFT), and a CSV template of the class's answers that the page's upload
 * grades (one row per student, question and answer field).
 */
import {
  type ExamVariant,
  examBanks,
  examJson,
  examLatex,
  examMarkdown,
  gift,
  moodleXml,
  rubrics,
} from '@dnn/practice';
import { rubricFor } from '../../practice/answer-fields';

/** A file to download: its name, MIME type and text (made when asked for: class files take a while). */
export interface ExamFile {
  name: string;
  type: string;
  text: () => string;
  /** What it is, for the button. */
  label: string;
}

/** A file-name-safe form of a title or student id. */
export function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase()
      .slice(0, 60) || 'exam'
  );
}

/** One student's sheet and key in LaTeX (the `exam` class), Markdown and JSON. */
export function studentFiles(variant: ExamVariant): ExamFile[] {
  const base = `${slug(variant.title)}-${slug(variant.student)}`;
  return [
    { label: 'LaTeX sheet', name: `${base}.tex`, type: 'application/x-tex', text: () => examLatex(variant) },
    {
      label: 'LaTeX key',
      name: `${base}-key.tex`,
      type: 'application/x-tex',
      text: () => examLatex(variant, { answers: true }),
    },
    { label: 'Markdown sheet', name: `${base}.md`, type: 'text/markdown', text: () => examMarkdown(variant) },
    {
      label: 'Markdown key',
      name: `${base}-key.md`,
      type: 'text/markdown',
      text: () => examMarkdown(variant, { answers: true }),
    },
    {
      label: 'JSON key',
      name: `${base}-key.json`,
      type: 'application/json',
      text: () => `${JSON.stringify(examJson(variant, { answers: true }), null, 2)}\n`,
    },
  ];
}

/**
 * The whole class's files: a Moodle XML and a GIFT question bank per student, and the answer template;
 * `variants` is called when a file is asked for (every student's variant is generated then).
 */
export function classFiles(variants: () => readonly ExamVariant[], title: string): ExamFile[] {
  const base = slug(title);
  const banks = () => examBanks(variants(), rubrics);
  return [
    {
      label: 'Moodle XML (all students)',
      name: `${base}-moodle.xml`,
      type: 'application/xml',
      text: () => moodleXml(banks()),
    },
    { label: 'GIFT (all students)', name: `${base}.gift.txt`, type: 'text/plain', text: () => gift(banks()) },
    {
      label: 'Answer template (CSV)',
      name: `${base}-answers.csv`,
      type: 'text/csv',
      text: () => answerTemplate(variants()),
    },
  ];
}

/** A CSV cell: quoted when it holds a comma, quote or line break. */
function cell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The class's answer sheet to fill in: `student,item,points,question,seed,difficulty,field,answer`, one row
 * per student, question and graded field, `answer` empty — the layout the batch grader reads; `points` is the
 * question's weight on the exam, so the gradebook is in exam points.
 */
export function answerTemplate(variants: readonly ExamVariant[]): string {
  const lines = [['student', 'item', 'points', 'question', 'seed', 'difficulty', 'field', 'answer'].join(',')];
  for (const v of variants) {
    for (const q of v.questions) {
      const { id, seed, difficulty, input, solution } = q.exercise;
      for (const f of rubricFor(id, solution.answer).fields.filter((f) => f.when?.(input) ?? true)) {
        const row = [v.student, `Q${q.number}`, String(q.points), id, String(seed), difficulty, f.path, ''];
        lines.push(row.map(cell).join(','));
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Saves a file through a temporary link (the browser's download). */
export function download(file: Pick<ExamFile, 'name' | 'type' | 'text'>): void {
  const url = URL.createObjectURL(new Blob([file.text()], { type: `${file.type};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
