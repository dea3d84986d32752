/** The exam spec: a title, the questions (a solver or a topic, a difficulty, the points) and a seed. */
import { DnnInputError, fromZodError, readableIssue, z } from '@dnn/core';
import { DIFFICULTIES, type Difficulty, type Generator } from '../generator.js';

/** One question slot of an exam: a fixed solver, or a topic from which each student's variant draws one. */
export type ExamItem = ({ solver: string; topic?: undefined } | { topic: string; solver?: undefined }) & {
  difficulty: Difficulty;
  points: number;
};

/** A validated exam spec (see {@link readExamSpec}). */
export interface ExamSpec {
  title: string;
  instructions?: string;
  /** Mixed with each student id: the same seed and id always give the same variant. */
  seed: number;
  items: ExamItem[];
}

const itemSchema = z.strictObject({
  solver: z
    .optional(z.string().check(z.minLength(1)))
    .check(z.describe('a solver id with a question generator, e.g. conv/output-shape')),
  topic: z
    .optional(z.string().check(z.minLength(1)))
    .check(z.describe('a topic (conv, rnn, optim, logic): each student gets one of its solvers')),
  difficulty: z
    ._default(z.enum(DIFFICULTIES as [Difficulty, ...Difficulty[]]), 'medium')
    .check(z.describe('easy, medium (default) or hard')),
  points: z.number().check(z.gt(0), z.maximum(1000), z.describe('what the question is worth')),
});

const specSchema = z.strictObject({
  title: z.string().check(z.trim(), z.minLength(1), z.maxLength(200), z.describe('printed at the top of every sheet')),
  instructions: z.optional(z.string().check(z.maxLength(5000))).check(z.describe('printed under the title')),
  seed: z.number().check(z.int(), z.minimum(0), z.maximum(2 ** 31 - 1), z.describe('a whole number: the exam’s seed')),
  items: z.array(itemSchema).check(z.minLength(1), z.maxLength(200), z.describe('the questions, in order')),
});

/** The topics of a generator list: the part of each id before the slash, in catalog order. */
export function topicsOf(generators: readonly Generator[]): string[] {
  return [...new Set(generators.map((g) => g.id.split('/')[0] as string))];
}

/**
 * Validates an exam spec (parsed JSON) against the generators it will draw from. Bad input is a
 * `DnnInputError` naming the field, e.g. `items[2].solver: no question generator for "conv/foo"`.
 */
export function readExamSpec(value: unknown, generators: readonly Generator[]): ExamSpec {
  const parsed = specSchema.safeParse(value, { reportInput: true, error: readableIssue });
  if (!parsed.success) throw fromZodError(parsed.error);
  const topics = topicsOf(generators);
  parsed.data.items.forEach((item, i) => {
    const at = `items[${i}]`;
    if ((item.solver === undefined) === (item.topic === undefined)) {
      throw new DnnInputError(at, 'give either "solver" (a solver id) or "topic" (one of the topics), not both');
    }
    if (item.solver !== undefined && !generators.some((g) => g.id === item.solver)) {
      throw new DnnInputError(`${at}.solver`, `no question generator for ${JSON.stringify(item.solver)}`);
    }
    if (item.topic !== undefined && !topics.includes(item.topic)) {
      throw new DnnInputError(`${at}.topic`, `must be one of ${topics.join(', ')} (got ${JSON.stringify(item.topic)})`);
    }
  });
  return parsed.data as ExamSpec;
}
