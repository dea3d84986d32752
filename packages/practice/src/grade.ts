/** The partial-credit grader: a student's answer against the solver's, field by field. */
import { DnnInputError, type Registry, type Solution } from '@dnn/core';
import { DEFAULT_TOLERANCE, getPath, score } from './compare.js';
import { answerLimitProblem, readStudentList } from './read-answer.js';
import { isPartialForm, type Judgement, type Rubric, type RubricField } from './rubric.js';
import { withPathKeys } from './student-paths.js';

/** How one answer field was graded. */
export interface FieldGrade {
  path: string;
  verdict: 'correct' | 'partial' | 'wrong' | 'missing';
  points: number;
  maxPoints: number;
  expected: unknown;
  got: unknown;
  /** What the student should be told besides the verdict: the layout used, how the text was read, which items are wrong. */
  remarks?: string[];
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

/** Longest text of a student's value echoed back in a grade. */
const ECHO_LENGTH = 1000;

/** A student's value as echoed in the grade: long text cut, values over the limits replaced by the reason. */
function echo(got: unknown, problem: string | undefined): unknown {
  if (problem) return `(not read: ${problem})`;
  return typeof got === 'string' && got.length > ECHO_LENGTH
    ? `${got.slice(0, ECHO_LENGTH)}… (${got.length} characters)`
    : got;
}

/** The best of the expected value (full credit) and its equivalent forms (full or partial credit), with remarks. */
function compareForms(field: RubricField, expected: unknown, got: unknown, input: unknown, notes: string[]): number {
  const tolerance = { ...DEFAULT_TOLERANCE, ...field.tolerance };
  const options = { unordered: field.unordered };
  let best = score(expected, got, tolerance, { ...options, notes });
  let bestRemark: string | undefined;
  for (const form of field.equivalents?.(expected, input) ?? []) {
    const [value, credit] = isPartialForm(form) ? [form.value, form.credit] : [form, 1];
    const fraction = credit * score(value, got, tolerance, options);
    if (fraction > best) {
      best = fraction;
      bestRemark = isPartialForm(form) ? form.remark : undefined;
    }
  }
  if (bestRemark) notes.push(bestRemark);
  return best;
}

/** For a `[*]` field, which items are not fully right (per layer, per step). */
function itemRemark(field: RubricField, expected: unknown, got: unknown): string | undefined {
  const star = field.path.indexOf('[*]');
  const list = typeof got === 'string' ? readStudentList(got) : got;
  if (star < 0 || !Array.isArray(expected) || !Array.isArray(list) || list.length !== expected.length) return undefined;
  const tolerance = { ...DEFAULT_TOLERANCE, ...field.tolerance };
  const wrong = expected.flatMap((e, i) => (score(e, list[i], tolerance) < 1 ? [i] : []));
  if (wrong.length === 0) return undefined;
  const name = (i: number) => `${field.path.slice(0, star)}[${i}]${field.path.slice(star + 3)}`;
  const shown = wrong.slice(0, 8).map(name).join(', ');
  return `right for ${expected.length - wrong.length} of ${expected.length}; not for ${shown}${wrong.length > 8 ? ', …' : ''}`;
}

function gradeField(field: RubricField, answer: unknown, student: Record<string, unknown>, input: unknown): FieldGrade {
  const expected = getPath(answer, field.path);
  // A key that is the rubric path itself (`layers[*].params`: a whole column) comes first.
  const got = Object.hasOwn(student, field.path) ? student[field.path] : getPath(student, field.path);
  const problem = got === undefined ? undefined : answerLimitProblem(got);
  const notes: string[] = [];
  let fraction = 0;
  if (problem) notes.push(`the answer cannot be read: ${problem}`);
  else if (got !== undefined && field.judge) fraction = judgeSafely(field.judge, got, student, input, answer, notes);
  else if (got !== undefined) {
    fraction = compareForms(field, expected, got, input, notes);
    if (fraction < 1) notes.push(itemRemark(field, expected, got) ?? '');
  }
  const verdict = got === undefined ? 'missing' : fraction === 1 ? 'correct' : fraction === 0 ? 'wrong' : 'partial';
  const remarks = [...new Set(notes.filter((n) => n !== ''))].slice(0, 5);
  return {
    path: field.path,
    verdict,
    points: Math.round(field.points * fraction * 100) / 100,
    maxPoints: field.points,
    expected,
    got: echo(got, problem),
    ...(remarks.length > 0 ? { remarks } : {}),
  };
}

/** A rubric's own judgement of a field, clamped to [0, 1]; a judge that trips over odd input gives 0. */
function judgeSafely(
  judge: NonNullable<RubricField['judge']>,
  got: unknown,
  student: Record<string, unknown>,
  input: unknown,
  answer: unknown,
  notes: string[],
): number {
  try {
    const verdict: number | Judgement = judge(got, student, input, answer);
    const fraction = typeof verdict === 'number' ? verdict : verdict.fraction;
    if (typeof verdict === 'object' && verdict.remark) notes.push(verdict.remark);
    return Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
  } catch {
    return 0;
  }
}

/**
 * Grades `studentAnswer` for the problem `input` of solver `id`. The answer is an object shaped like the
 * solver's answer, or keyed by rubric paths (`{"layers[2].outputShape": "8×4×4"}`); values may be numbers or the
 * text a student writes (`"(4, 5, 5)"`, `"4×5×5"`, `"44,865"`, `"2 ln 2"`). Any value gets a score in
 * [0, maxScore]: one too deep or too large for {@link ANSWER_LIMITS} is a fair zero with a remark. `solved` is
 * the solver's solution of `input` when the caller has it already (a class answering one question).
 */
export function grade(
  registry: Registry,
  rubrics: readonly Rubric[],
  id: string,
  input: unknown,
  studentAnswer: unknown,
  solved?: Solution,
): Grade {
  const solution = solved ?? registry.solve(id, input);
  if (studentAnswer === null || typeof studentAnswer !== 'object' || Array.isArray(studentAnswer)) {
    throw new DnnInputError('answer', 'must be an object with the answer fields, e.g. {"outputShape": [5, 8, 8]}');
  }
  const student = withPathKeys(studentAnswer as Record<string, unknown>);
  const rubric = rubrics.find((r) => r.id === id) ?? defaultRubric(id, solution.answer);
  const fields = rubric.fields
    .filter((f) => f.when?.(input) ?? true)
    .map((f) => gradeField(f, solution.answer, student, input));
  const total = (key: 'points' | 'maxPoints') => Math.round(fields.reduce((sum, f) => sum + f[key], 0) * 100) / 100;
  return { score: total('points'), maxScore: total('maxPoints'), fields, solution };
}
