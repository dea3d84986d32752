/** The partial-credit grader: a student's answer against the solver's, field by field. */
import { DnnInputError, type Registry, type Solution } from '@dnn/core';
import { DEFAULT_TOLERANCE, getPath, score } from './compare.js';
import type { Rubric, RubricField } from './rubric.js';

/** How one answer field was graded. */
export interface FieldGrade {
  path: string;
  verdict: 'correct' | 'partial' | 'wrong' | 'missing';
  points: number;
  maxPoints: number;
  expected: unknown;
  got: unknown;
}

/** The grade of a whole answer, with the worked solution to learn from. */
export interface Grade {
  score: number;
  maxScore: number;
  fields: FieldGrade[];
  solution: Solution;
}

/** One point per top-level answer field: the rubric of a solver without its own. */
export function defaultRubric(id: string, answer: Record<string, unknown>): Rubric {
  return { id, fields: Object.keys(answer).map((path) => ({ path, points: 1 })) };
}

function gradeField(field: RubricField, answer: unknown, student: unknown, input: unknown): FieldGrade {
  const expected = getPath(answer, field.path);
  const got = getPath(student, field.path);
  const tolerance = { ...DEFAULT_TOLERANCE, ...field.tolerance };
  const forms = [expected, ...(field.equivalents?.(expected, input) ?? [])];
  const fraction =
    got === undefined
      ? 0
      : field.judge
        ? judgeSafely(field.judge, got, student, input, answer)
        : Math.max(...forms.map((form) => score(form, got, tolerance)));
  const verdict = got === undefined ? 'missing' : fraction === 1 ? 'correct' : fraction === 0 ? 'wrong' : 'partial';
  return {
    path: field.path,
    verdict,
    points: Math.round(field.points * fraction * 100) / 100,
    maxPoints: field.points,
    expected,
    got,
  };
}

/** A rubric's own judgement of a field, clamped to [0, 1]; a judge that trips over odd input gives 0. */
function judgeSafely(
  judge: NonNullable<RubricField['judge']>,
  got: unknown,
  student: unknown,
  input: unknown,
  answer: unknown,
): number {
  try {
    const fraction = judge(got, student as Record<string, unknown>, input, answer);
    return Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
  } catch {
    return 0;
  }
}

/**
 * Grades `studentAnswer` (an object shaped like the solver's answer; numbers may
 * be decimals or fraction strings) for the problem `input` of solver `id`.
 */
export function grade(
  registry: Registry,
  rubrics: readonly Rubric[],
  id: string,
  input: unknown,
  studentAnswer: unknown,
): Grade {
  const solution = registry.solve(id, input);
  if (studentAnswer === null || typeof studentAnswer !== 'object' || Array.isArray(studentAnswer)) {
    throw new DnnInputError('answer', 'must be an object with the answer fields, e.g. {"outputShape": [5, 8, 8]}');
  }
  const rubric = rubrics.find((r) => r.id === id) ?? defaultRubric(id, solution.answer);
  const fields = rubric.fields
    .filter((f) => f.when?.(input) ?? true)
    .map((f) => gradeField(f, solution.answer, studentAnswer, input));
  const total = (key: 'points' | 'maxPoints') => Math.round(fields.reduce((sum, f) => sum + f[key], 0) * 100) / 100;
  return { score: total('points'), maxScore: total('maxPoints'), fields, solution };
}
