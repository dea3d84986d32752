/**
 * Lays out a bank question's graded answer fields as the blanks an LMS can
 * grade on its own (a number with a tolerance, a true/false, a word), and the
 * fields it cannot (a rubric judge, where many answers are right) for a
 * teacher to grade by hand.
 */
import { Fraction } from '@dnn/core';
import { DEFAULT_TOLERANCE, getPath, type Tolerance } from '../compare.js';
import type { RubricField } from '../rubric.js';
import type { BankQuestion } from './bank.js';

/** A right number and the half-width of its full-credit interval; within ten times that it earns half (as the grader's `score` grades). */
export interface NumberAnswer {
  value: number;
  tolerance: number;
}

/** One answer box: its leaf path (`layers[2].outputShape[0]`), its share of the question's points and its right answers. */
export type Blank = { label: string; weight: Fraction } & (
  | { kind: 'number'; answers: NumberAnswer[] }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'text'; answers: string[] }
);

/** The shape of a field's value with a blank at every leaf. */
export type Layout = { blank: Blank } | { list: Layout[] } | { entries: [string, Layout][] };

/** One line of answer boxes: a field, or one item of a `[*]` field (`layers[3].params`). */
export interface AnswerLine {
  label: string;
  layout: Layout;
}

/** A field an LMS grades by itself. */
export interface AutoField {
  path: string;
  points: number;
  lines: AnswerLine[];
  /** Set when the dnn grader accepts other layouts (channels-last, any order) that the blanks cannot. */
  note?: string;
}

/** A field for the teacher to grade, with one right answer (the solver's) as the key. */
export interface HandField {
  path: string;
  points: number;
  key: unknown;
  reason: string;
}

/** A question's answer fields split into blanks and hand-graded fields. */
export interface AnswerBlanks {
  auto: AutoField[];
  hand: HandField[];
}

class NotBlankable extends Error {}

/** The blanks and hand-graded fields of `question`, in rubric order (fields its rubric skips for this input left out). */
export function answerBlanks(question: BankQuestion): AnswerBlanks {
  const { exercise, rubric } = question;
  const answer = exercise.solution.answer;
  const result: AnswerBlanks = { auto: [], hand: [] };
  for (const field of rubric.fields) {
    if (!(field.when?.(exercise.input) ?? true)) continue;
    const key = getPath(answer, field.path);
    const hand = (reason: string) => result.hand.push({ path: field.path, points: field.points, key, reason });
    if (field.judge) {
      hand('many answers are right: grade it by checking the answer, the key is one of them');
      continue;
    }
    try {
      const lines = answerLines(field, key);
      const blanks = lines.flatMap((line) => blanksOf(line.layout));
      if (blanks.length === 0) continue; // an empty list: nothing to enter, and nothing the dnn grader can mark wrong
      result.auto.push({
        path: field.path,
        points: field.points,
        lines,
        ...withAlternatives(field, key, exercise.input, blanks),
      });
    } catch (error) {
      if (!(error instanceof NotBlankable)) throw error;
      hand(error.message);
    }
  }
  if (result.auto.length === 0 && result.hand.length === 0) {
    // Never drop a question: with nothing to enter, the teacher grades the whole answer.
    result.hand.push({
      path: 'answer',
      points: 1,
      key: answer,
      reason: 'the rubric grades no field an LMS can ask for here',
    });
  }
  return result;
}

/** Every blank of the auto-graded fields, in reading order. */
export function allBlanks(blanks: AnswerBlanks): Blank[] {
  return blanks.auto.flatMap((f) => f.lines.flatMap((line) => blanksOf(line.layout)));
}

/** Every blank of a layout, in reading order. */
export function blanksOf(layout: Layout): Blank[] {
  if ('blank' in layout) return [layout.blank];
  if ('list' in layout) return layout.list.flatMap(blanksOf);
  return layout.entries.flatMap(([, item]) => blanksOf(item));
}

function answerLines(field: RubricField, key: unknown): AnswerLine[] {
  const tolerance = { ...DEFAULT_TOLERANCE, ...field.tolerance };
  const weight = new Fraction(field.points);
  if (field.path.includes('[*]') && Array.isArray(key)) {
    const share = weight.div(Math.max(1, key.length));
    return key.map((item, i) => {
      const label = field.path.replace('[*]', `[${i}]`);
      return { label, layout: layoutOf(item, label, share, tolerance) };
    });
  }
  return [{ label: field.path, layout: layoutOf(key, field.path, weight, tolerance) }];
}

/** Splits `weight` evenly over the parts of `value`, level by level, as the grader's `score` averages them. */
function layoutOf(value: unknown, label: string, weight: Fraction, tolerance: Tolerance): Layout {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new NotBlankable(`${label} is ${value}, which no LMS number box holds`);
    return { blank: { label, weight, kind: 'number', answers: [numberAnswer(value, tolerance)] } };
  }
  if (typeof value === 'boolean') return { blank: { label, weight, kind: 'boolean', value } };
  if (typeof value === 'string') {
    if (value.trim() === '') throw new NotBlankable(`${label} is an empty text, which no LMS short answer can expect`);
    return { blank: { label, weight, kind: 'text', answers: [value] } };
  }
  if (Array.isArray(value)) {
    const share = weight.div(Math.max(1, value.length));
    return { list: value.map((item, i) => layoutOf(item, `${label}[${i}]`, share, tolerance)) };
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    const share = weight.div(Math.max(1, entries.length));
    return { entries: entries.map(([k, item]) => [k, layoutOf(item, `${label}.${k}`, share, tolerance)]) };
  }
  throw new NotBlankable(`${label} has no value (${String(value)}), which no LMS box can ask for`);
}

/** The full-credit interval of the grader's `score`: the larger of the relative and the absolute tolerance. */
function numberAnswer(value: number, tolerance: Tolerance): NumberAnswer {
  return { value, tolerance: Math.max(tolerance.relative * Math.abs(value), tolerance.absolute) };
}

/**
 * The rubric's other accepted forms: a one-blank field takes each one-leaf
 * form as another right answer; a field of several blanks cannot (the boxes
 * would mix layouts), so it gets a note instead.
 */
function withAlternatives(field: RubricField, key: unknown, input: unknown, blanks: Blank[]): { note?: string } {
  const forms = field.equivalents?.(key, input) ?? [];
  if (forms.length === 0) return {};
  const [only] = blanks;
  if (blanks.length > 1 || !only) {
    return {
      note: `${field.path} is graded here in the key's layout only ; the dnn grader also accepts ${forms.length} other form${forms.length === 1 ? '' : 's'} of it, such as another order or layout`,
    };
  }
  const tolerance = { ...DEFAULT_TOLERANCE, ...field.tolerance };
  for (const form of forms) {
    const leaf = singleLeaf(form);
    if (only.kind === 'number' && typeof leaf === 'number' && Number.isFinite(leaf)) {
      if (!only.answers.some((a) => a.value === leaf)) only.answers.push(numberAnswer(leaf, tolerance));
    } else if (only.kind === 'text' && typeof leaf === 'string') {
      if (!only.answers.some((a) => a.toLowerCase() === leaf.toLowerCase())) only.answers.push(leaf);
    }
  }
  return {};
}

function singleLeaf(value: unknown): unknown {
  return Array.isArray(value) && value.length === 1 ? singleLeaf(value[0]) : value;
}

/**
 * Whole-number weights in the blanks' exact proportions, as Moodle's Cloze
 * wants them; scaled to sum to `total` points when whole numbers can.
 */
export function integerWeights(weights: readonly Fraction[], total: number): number[] {
  if (weights.length === 0) return [];
  const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));
  const lcm = weights.reduce((acc, w) => (acc * w.d) / gcd(acc, w.d), 1n);
  let ints = weights.map((w) => (w.n * lcm) / w.d);
  const common = ints.reduce((acc, n) => gcd(acc, n), 0n);
  if (common > 0n) ints = ints.map((n) => n / common);
  const sum = ints.reduce((a, b) => a + b, 0n);
  if (sum > 0n && Number.isInteger(total) && total > 0 && BigInt(total) % sum === 0n) {
    const factor = BigInt(total) / sum;
    ints = ints.map((n) => n * factor);
  }
  return ints.map(Number);
}
