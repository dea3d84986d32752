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

/** Throws a RangeError naming the question when a bank question's points are not a finite number ≥ 0. */
export function checkBanks(banks: readonly QuestionBank[]): void {
  for (const bank of banks)
    bank.questions.forEach((q, i) => {
      if (!Number.isFinite(q.points) || q.points < 0)
        throw new RangeError(
          `bank "${bank.name}", question ${i + 1} (${q.exercise.id}): points must be a number ≥ 0, got ${q.points}`,
        );
    });
}
