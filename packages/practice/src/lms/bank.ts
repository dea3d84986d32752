/** The input of the LMS writers: named question banks of graded exercises. */
import type { Exercise } from '../generator.js';
import type { Rubric } from '../rubric.js';

/** One question of a bank: the exercise, its points in the exam and the rubric that weights its answer fields. */
export interface BankQuestion {
  exercise: Exercise;
  points: number;
  rubric: Rubric;
}

/** A named bank of questions (one Moodle category, e.g. one exam variant or one question slot). */
export interface QuestionBank {
  name: string;
  questions: readonly BankQuestion[];
}
