/** `dnn generate` and `dnn grade`: seeded exam questions with answer keys, and partial-credit grading. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DnnInputError, type Registry, renderSolution } from '@dnn/core';
import {
  DIFFICULTIES,
  type Difficulty,
  type Exercise,
  type Grade,
  generateExercise,
  generators,
  grade,
  gradeBatch,
  rubrics,
} from '@dnn/practice';
import { type Io, readTextFile, UsageError } from './io.js';

/** The generator ids for an id or a topic (`conv`, `rnn`, `optim`, `logic`): a whole sheet for a topic. */
export function idsFor(registry: Registry, idOrTopic: string): string[] {
  if (!idOrTopic.includes('/')) {
    const ids = generators.map((g) => g.id).filter((id) => id.startsWith(`${idOrTopic}/`));
    if (ids.length === 0) {
      const topics = [...new Set(generators.map((g) => g.id.split('/')[0]))].join(', ');
      throw new DnnInputError('id', `unknown topic ${JSON.stringify(idOrTopic)} (topics: ${topics})`);
    }
    return ids;
  }
  registry.get(idOrTopic);
  if (!generators.some((g) => g.id === idOrTopic))
    throw new DnnInputError('id', `${idOrTopic} has no question generator yet`);
  return [idOrTopic];
}

/** Parses `--difficulty`. */
export function readDifficulty(value: string): Difficulty {
  if (!(DIFFICULTIES as readonly string[]).includes(value)) {
    throw new DnnInputError('difficulty', `must be one of ${DIFFICULTIES.join(', ')} (got ${JSON.stringify(value)})`);
  }
  return value as Difficulty;
}

/** Generates `count` exercises per id, seeds seed, seed + 1, …. */
export function generateSheet(
  registry: Registry,
  ids: string[],
  seed: number,
  count: number,
  difficulty: Difficulty,
): Exercise[] {
  return ids.flatMap((id) =>
    Array.from({ length: count }, (_, i) => generateExercise(registry, generators, id, seed + i, difficulty)),
  );
}

/** An exam sheet in Markdown: each question, then its answer key with the worked solution. */
export function sheetMarkdown(exercises: Exercise[]): string {
  return exercises
    .map((e, i) =>
      [
        `## Question ${i + 1} — ${e.id} (seed ${e.seed}, ${e.difficulty})`,
        '',
        e.question,
        '',
        '<details><summary>Answer key</summary>',
        '',
        renderSolution(e.solution, 'markdown'),
        '',
        '</details>',
      ].join('\n'),
    )
    .join('\n\n');
}

/** The JSON printed by `dnn generate --format json` for one exercise. */
export function exerciseJson(e: Exercise): {
  id: string;
  seed: number;
  question: string;
  input: unknown;
  solution: unknown;
} {
  return { id: e.id, seed: e.seed, question: e.question, input: e.input, solution: e.solution };
}

/** Grades an answer; `question` may be a solver input or an exercise from `dnn generate --format json`. */
export function gradeAnswer(registry: Registry, id: string, question: unknown, answer: unknown): Grade {
  const isExercise = question !== null && typeof question === 'object' && 'input' in question && 'question' in question;
  return grade(registry, rubrics, id, isExercise ? (question as { input: unknown }).input : question, answer);
}

/** `dnn grade --format text`: the score, each field's verdict, then the worked solution. */
export function gradeText(g: Grade): string {
  const lines = [`Score: ${g.score} / ${g.maxScore}`, ''];
  for (const f of g.fields) {
    const detail =
      f.verdict === 'correct' ? '' : ` — expected ${JSON.stringify(f.expected)}, got ${JSON.stringify(f.got)}`;
    lines.push(`  ${f.path}: ${f.verdict}, ${f.points}/${f.maxPoints}${detail}`);
    for (const remark of f.remarks ?? []) lines.push(`    ${remark}`);
  }
  if (g.fields.some((f) => f.verdict !== 'correct'))
    lines.push('', 'Worked solution:', renderSolution(g.solution, 'text'));
  return lines.join('\n');
}

/** Where `dnn grade --batch` reads and writes. */
export interface BatchGradeFiles {
  /** The answers: CSV, or JSON Lines for a .jsonl/.ndjson name or `jsonl`; `-` for stdin. */
  batch: string;
  jsonl?: boolean;
  /** The gradebook CSV; stdout when absent. */
  gradebook?: string;
  /** A directory for one Markdown feedback file per student; none when absent. */
  feedback?: string;
}

/**
 * `dnn grade --batch`: grades a class's answers, writes the gradebook and the feedback files and lists rejected
 * rows on stderr by line. Exit 0 when every row was graded, 2 when some were rejected (the rest is graded).
 */
export async function gradeBatchCommand(registry: Registry, files: BatchGradeFiles, io: Io): Promise<number> {
  const text = await readTextFile(files.batch, io);
  const jsonl = files.jsonl ?? /\.(jsonl|ndjson)$/i.test(files.batch);
  const result = gradeBatch(text, jsonl ? 'jsonl' : 'csv', { registry, generators, rubrics });
  const name = files.batch === '-' ? 'stdin' : files.batch;
  for (const e of result.errors) io.err(`${name}:${e.line}: ${e.message}\n`);
  try {
    if (files.feedback !== undefined) {
      mkdirSync(files.feedback, { recursive: true });
      for (const f of result.feedback) writeFileSync(join(files.feedback, f.fileName), f.markdown);
    }
    if (files.gradebook !== undefined) writeFileSync(files.gradebook, result.csv);
  } catch (e) {
    throw new UsageError(`cannot write: ${(e as Error).message}`);
  }
  if (files.gradebook === undefined) io.out(result.csv);
  io.err(
    `graded ${result.rows.length} student${result.rows.length === 1 ? '' : 's'}${result.errors.length > 0 ? `; ${result.errors.length} row${result.errors.length === 1 ? '' : 's'} rejected (listed above)` : ''}\n`,
  );
  return result.errors.length > 0 ? 2 : 0;
}
