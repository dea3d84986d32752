/** A variant as JSON: the questions with their solver inputs, and with `answers` the solutions (answer, steps, notes). */
import type { Solution } from '@dnn/core';
import type { Difficulty } from '../generator.js';
import type { ExamVariant } from './variant.js';

/** One question in {@link examJson}: `solution` only in a key. */
export interface ExamJsonQuestion {
  number: number;
  points: number;
  id: string;
  seed: number;
  difficulty: Difficulty;
  question: string;
  input: unknown;
  solution?: Solution;
}

/** What {@link examJson} returns (JSON-serialisable). */
export interface ExamJson {
  title: string;
  instructions?: string;
  seed: number;
  student: string;
  totalPoints: number;
  questions: ExamJsonQuestion[];
}

/**
 * The exam as plain data: each question's solver id, seed and input (enough to regenerate or grade it with
 * `dnn grade`), and with `answers` its solution.
 */
export function examJson(variant: ExamVariant, options: { answers?: boolean } = {}): ExamJson {
  return {
    title: variant.title,
    ...(variant.instructions === undefined ? {} : { instructions: variant.instructions }),
    seed: variant.seed,
    student: variant.student,
    totalPoints: variant.totalPoints,
    questions: variant.questions.map(({ number, points, exercise: e }) => ({
      number,
      points,
      id: e.id,
      seed: e.seed,
      difficulty: e.difficulty,
      question: e.question,
      input: e.input,
      ...(options.answers ? { solution: e.solution } : {}),
    })),
  };
}
