/** Exam variants as LMS question banks: one bank per student, for the Moodle XML and GIFT writers. */
import { defaultRubric } from '../grade.js';
import type { QuestionBank } from '../lms/bank.js';
import type { Rubric } from '../rubric.js';
import type { ExamVariant } from './variant.js';

/**
 * One question bank per variant, named `<title> — <student>`: each question with its exam points and its
 * solver's rubric (a point per answer field for a solver without one).
 */
export function examBanks(variants: readonly ExamVariant[], rubrics: readonly Rubric[]): QuestionBank[] {
  return variants.map((v) => ({
    name: `${v.title} — ${v.student}`,
    questions: v.questions.map(({ exercise, points }) => ({
      exercise,
      points,
      rubric: rubrics.find((r) => r.id === exercise.id) ?? defaultRubric(exercise.id, exercise.solution.answer),
    })),
  }));
}
