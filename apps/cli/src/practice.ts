/** `dnn generate` and `dnn grade`: seeded exam questions with answer keys, and partial-credit grading. */
import { DnnInputError, type Registry, renderSolution } from '@dnn/core';
import {
  DIFFICULTIES,
  type Difficulty,
  type Exercise,
  type Grade,
  generateExercise,
  generators,
  grade,
  rubrics,
} from '@dnn/practice';

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
  }
  if (g.fields.some((f) => f.verdict !== 'correct'))
    lines.push('', 'Worked solution:', renderSolution(g.solution, 'text'));
  return lines.join('\n');
}
