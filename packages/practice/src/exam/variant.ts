/** One student's variant of an exam: the spec's questions with numbers seeded by the exam seed and the student id. */
import { a, type Registry } from '@dnn/core';
import { type Exercise, type Generator, generateExercise, hash } from '../generator.js';
import { createRng } from '../rng.js';
import type { ExamSpec } from './spec.js';

/** One question of a variant: its number on the sheet, its points, and the exercise (question and answer key). */
export interface ExamQuestion {
  number: number;
  points: number;
  exercise: Exercise;
  /** The answer fields' titles from the solver's answer schema, by key (`outputShape` → `Output shape`). */
  labels: Record<string, string>;
}

/** A student's exam: what the sheet and its answer key are rendered from. */
export interface ExamVariant {
  title: string;
  instructions?: string;
  /** The exam spec's seed. */
  seed: number;
  student: string;
  questions: ExamQuestion[];
  /** The sum of the questions' points. */
  totalPoints: number;
}

/**
 * The variant of `spec` for `student`: item i's seed is a hash of the exam seed, the student id and i, so the
 * same spec and id always regenerate the same sheet. A topic item draws one of the topic's solvers with that
 * seed, preferring solvers no earlier item of the variant uses (two `conv` items give two different solvers
 * while the topic has enough).
 */
export function examVariant(
  registry: Registry,
  generators: readonly Generator[],
  spec: ExamSpec,
  student: string,
): ExamVariant {
  const used = new Set<string>();
  const questions = spec.items.map((item, i): ExamQuestion => {
    const seed = hash(`${spec.seed}/${student}/${i}`) & 0x7fffffff;
    let id = item.solver;
    if (id === undefined) {
      const inTopic = generators.map((g) => g.id).filter((g) => g.startsWith(`${item.topic}/`));
      const unused = inTopic.filter((g) => !used.has(g));
      id = createRng(seed).pick(unused.length > 0 ? unused : inTopic);
    }
    used.add(id);
    const exercise = generateExercise(registry, generators, id, seed, item.difficulty);
    return { number: i + 1, points: item.points, exercise, labels: a.fieldTitles(registry.get(id).answer) };
  });
  const totalPoints = Math.round(questions.reduce((sum, q) => sum + q.points, 0) * 100) / 100;
  return {
    title: spec.title,
    ...(spec.instructions === undefined ? {} : { instructions: spec.instructions }),
    seed: spec.seed,
    student,
    questions,
    totalPoints,
  };
}
