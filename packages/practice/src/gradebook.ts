/**
 * Bulk grading: a class's answers (CSV or JSON Lines, see batch-rows.ts) → a gradebook (per student, per
 * question and field, the points and the total) and per-student feedback (verdicts, remarks and the worked
 * solution). Pure and synchronous, no file system: the CLI (`dnn grade --batch`) and the site's /exam page share it.
 */
import { a, type Registry, renderSolution } from '@dnn/core';
import Papa from 'papaparse';
import { type AnswerRow, type RowError, readCsvRows, readJsonLinesRows } from './batch-rows.js';
import { type Exercise, type Generator, generateExercise } from './generator.js';
import { defaultRubric, type Grade, grade } from './grade.js';
import type { Rubric } from './rubric.js';

/** What the batch grader needs: the solvers, the question generators and the rubrics (from `@dnn/practice`). */
export interface BatchGradingContext {
  registry: Registry;
  generators: readonly Generator[];
  rubrics: readonly Rubric[];
}

/** One student's graded question. */
export interface GradedQuestion {
  item: string;
  exercise: Exercise;
  grade: Grade;
  /** Lines of the rows that made this answer. */
  lines: number[];
}

/** One student's line of the gradebook. */
export interface GradebookRow {
  student: string;
  /** Points per gradebook column (`<item>: <field path>`); absent where the student has no such question. */
  points: Record<string, number>;
  total: number;
  maxTotal: number;
}

/** One student's feedback: the file name to save it under and its Markdown text. */
export interface StudentFeedback {
  student: string;
  /** A safe, unique file name (`ada_lovelace.md`). */
  fileName: string;
  markdown: string;
  questions: GradedQuestion[];
}

/** The result of {@link gradeBatch}. */
export interface BatchResult {
  /** The gradebook's point columns, `<item>: <field path>`, in the order questions and fields first appear. */
  columns: string[];
  rows: GradebookRow[];
  /** The gradebook as CSV: student, the point columns, total, max (formula-like cells escaped). */
  csv: string;
  feedback: StudentFeedback[];
  /** Rows that could not be read or graded, by line; every other row is graded. */
  errors: RowError[];
}

/** Reads a class's answers in `format` and grades them; see {@link gradeRows}. */
export function gradeBatch(text: string, format: 'csv' | 'jsonl', context: BatchGradingContext): BatchResult {
  const { rows, errors } = format === 'csv' ? readCsvRows(text) : readJsonLinesRows(text);
  const result = gradeRows(rows, context);
  return { ...result, errors: [...errors, ...result.errors].sort((a, b) => a.line - b.line) };
}

/** True when a field key names a rubric field or a part of one (`layers[2].params` under `layers[*].params`). */
function knownField(key: string, rubric: Rubric): boolean {
  const general = key.replace(/\[\d{1,5}\]/g, '[*]');
  return rubric.fields.some(
    (f) => f.path === key || f.path === general || f.path.startsWith(`${key}.`) || f.path.startsWith(`${key}[`),
  );
}

/** Rounds points to hundredths (what a gradebook shows). */
const hundredths = (x: number) => Math.round(x * 100) / 100;

/** A grade with its score and every field's points scaled so that a full score is `points` (the exam's weight). */
export function scaledTo(g: Grade, points: number): Grade {
  const k = g.maxScore > 0 ? points / g.maxScore : 0;
  return {
    ...g,
    score: hundredths(g.score * k),
    maxScore: points,
    fields: g.fields.map((f) => ({ ...f, points: hundredths(f.points * k), maxPoints: hundredths(f.maxPoints * k) })),
  };
}

/** Groups rows by student and item and grades each group against its regenerated question. */
export function gradeRows(rows: readonly AnswerRow[], context: BatchGradingContext): BatchResult {
  const errors: RowError[] = [];
  const exercises = new Map<string, Exercise | string>();
  const exerciseOf = (row: AnswerRow): Exercise | string => {
    const key = `${row.question}\u0000${row.seed}\u0000${row.difficulty}`;
    if (!exercises.has(key)) {
      try {
        exercises.set(
          key,
          generateExercise(context.registry, context.generators, row.question, row.seed, row.difficulty),
        );
      } catch (e) {
        exercises.set(
          key,
          `cannot make the question ${JSON.stringify(row.question.slice(0, 60))}: ${(e as Error).message}`,
        );
      }
    }
    return exercises.get(key) as Exercise | string;
  };
  // student → item → the answers and where they came from
  const byStudent = new Map<
    string,
    Map<string, { exercise: Exercise; answers: Record<string, unknown>; lines: number[]; points?: number }>
  >();
  for (const row of rows) {
    const exercise = exerciseOf(row);
    if (typeof exercise === 'string') {
      errors.push({ line: row.line, message: exercise });
      continue;
    }
    const rubric =
      context.rubrics.find((r) => r.id === exercise.id) ?? defaultRubric(exercise.id, exercise.solution.answer);
    const unknown = Object.keys(row.answers).find((k) => !knownField(k, rubric));
    if (unknown !== undefined) {
      const fields = rubric.fields.map((f) => f.path).join(', ');
      errors.push({
        line: row.line,
        message: `${exercise.id} has no field ${JSON.stringify(unknown.slice(0, 60))} (fields: ${fields})`,
      });
      continue;
    }
    const items = byStudent.get(row.student) ?? new Map();
    byStudent.set(row.student, items);
    const entry = items.get(row.item);
    if (entry && entry.exercise !== exercise) {
      errors.push({
        line: row.line,
        message: `${row.item} was already a different question for ${row.student} (line ${entry.lines[0]})`,
      });
      continue;
    }
    if (entry && entry.points !== row.points) {
      errors.push({
        line: row.line,
        message: `${row.item} is worth ${entry.points ?? 'its rubric points'} for ${row.student} on line ${entry.lines[0]}, ${row.points ?? 'its rubric points'} here`,
      });
      continue;
    }
    const answers = entry?.answers ?? {};
    const repeated = Object.keys(row.answers).find((k) => Object.hasOwn(answers, k));
    if (repeated !== undefined && entry) {
      errors.push({
        line: row.line,
        message: `a second answer to ${row.item}: ${repeated} for ${row.student} (first on line ${entry.lines[0]})`,
      });
      continue;
    }
    for (const [k, v] of Object.entries(row.answers))
      Object.defineProperty(answers, k, { value: v, enumerable: true, writable: true, configurable: true });
    items.set(row.item, {
      exercise,
      answers,
      lines: [...(entry?.lines ?? []), row.line],
      ...(row.points === undefined ? {} : { points: row.points }),
    });
  }

  const columns: string[] = [];
  const seen = new Set<string>();
  const rowsOut: GradebookRow[] = [];
  const feedback: StudentFeedback[] = [];
  const names = new Set<string>();
  // One rendering of each question's worked solution, shared by every student who answered it.
  const rendered = new Map<Exercise, string>();
  const workedSolution = (e: Exercise) => {
    if (!rendered.has(e)) rendered.set(e, renderSolution(e.solution, 'markdown'));
    return rendered.get(e) as string;
  };
  // A field's name in the feedback: its answer-schema title beside the path the answer file uses.
  const fieldLabel = (e: Exercise, path: string) => {
    const title = a.fieldTitles(context.registry.get(e.id).answer)[path];
    return title ? `${title} (${path})` : path;
  };
  for (const [student, items] of byStudent) {
    const questions: GradedQuestion[] = [];
    for (const [item, { exercise, answers, lines, points }] of items) {
      const graded = grade(context.registry, context.rubrics, exercise.id, exercise.input, answers, exercise.solution);
      const g = points === undefined ? graded : scaledTo(graded, points);
      questions.push({ item, exercise, grade: g, lines });
      for (const f of g.fields) {
        const column = `${item}: ${f.path}`;
        if (!seen.has(column)) {
          seen.add(column);
          columns.push(column);
        }
      }
    }
    const points = Object.fromEntries(
      questions.flatMap((q) => q.grade.fields.map((f) => [`${q.item}: ${f.path}`, f.points])),
    );
    const sum = (key: 'score' | 'maxScore') => Math.round(questions.reduce((s, q) => s + q.grade[key], 0) * 100) / 100;
    rowsOut.push({ student, points, total: sum('score'), maxTotal: sum('maxScore') });
    feedback.push({
      student,
      fileName: fileNameFor(student, names),
      markdown: feedbackMarkdown(student, questions, workedSolution, fieldLabel),
      questions,
    });
  }
  const csv = Papa.unparse(
    {
      fields: ['student', ...columns, 'total', 'max'],
      data: rowsOut.map((r) => [r.student, ...columns.map((c) => r.points[c] ?? ''), r.total, r.maxTotal]),
    },
    { escapeFormulae: true, newline: '\n' },
  );
  return { columns, rows: rowsOut, csv: `${csv}\n`, feedback, errors };
}

/** A file name for a student's feedback: letters, digits, `.`, `_`, `-` only, unique within the batch. */
function fileNameFor(student: string, taken: Set<string>): string {
  const base =
    student
      .normalize('NFKD')
      .replace(/[^A-Za-z0-9._-]+/g, '_')
      .replace(/^[._]+/, '')
      .slice(0, 60) || 'student';
  let name = `${base}.md`;
  for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${base}-${k}.md`;
  taken.add(name.toLowerCase());
  return name;
}

/** Markdown-safe text of a student's value or a name (HTML and Markdown specials escaped, long text cut). */
function safe(value: unknown): string {
  const text = typeof value === 'string' ? value : String(JSON.stringify(value));
  const cut = text.length > 300 ? `${text.slice(0, 300)}…` : text;
  return cut.replace(/[\\`*_[\]<>#|]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ');
}

/** One student's feedback in Markdown: per question the verdicts, remarks and the worked solution. */
function feedbackMarkdown(
  student: string,
  questions: GradedQuestion[],
  workedSolution: (e: Exercise) => string,
  fieldLabel: (e: Exercise, path: string) => string,
): string {
  const total = questions.reduce((s, q) => s + q.grade.score, 0);
  const max = questions.reduce((s, q) => s + q.grade.maxScore, 0);
  const parts = [
    `# Feedback for ${safe(student)}`,
    '',
    `Total: ${Math.round(total * 100) / 100} / ${Math.round(max * 100) / 100}`,
  ];
  for (const q of questions) {
    parts.push('', `## ${safe(q.item)} — ${q.grade.score} / ${q.grade.maxScore}`, '', q.exercise.question, '');
    for (const f of q.grade.fields) {
      const detail =
        f.verdict === 'correct'
          ? ''
          : ` — expected ${safe(f.expected)}, got ${f.got === undefined ? 'no answer' : safe(f.got)}`;
      parts.push(`- ${safe(fieldLabel(q.exercise, f.path))}: ${f.verdict}, ${f.points}/${f.maxPoints}${detail}`);
      for (const remark of f.remarks ?? []) parts.push(`  - ${safe(remark)}`);
    }
    parts.push('', '### Worked solution', '', workedSolution(q.exercise));
  }
  return `${parts.join('\n')}\n`;
}
