/** What every LMS writer says about a bank question: its name, its points split between blanks and hand grading. */

import type { AnswerBlanks } from './answer-blanks.js';
import type { BankQuestion } from './bank.js';

/** The question's name in a bank: its place, solver id, difficulty and seed (which regenerate it). */
export function questionName(question: BankQuestion, index: number): string {
  const { id, difficulty, seed } = question.exercise;
  return `Q${index + 1} ${id} (${difficulty}, seed ${seed})`;
}

/** The name of a question's hand-graded part. */
export function handName(name: string): string {
  return `${name} (graded by hand)`;
}

/** The question's points split in the rubric's proportions between the auto-graded blanks and the hand-graded fields. */
export function pointsSplit(question: BankQuestion, blanks: AnswerBlanks): { auto: number; hand: number } {
  const sum = (fields: { points: number }[]) => fields.reduce((s, f) => s + f.points, 0);
  const [auto, hand] = [sum(blanks.auto), sum(blanks.hand)];
  if (auto + hand === 0) return { auto: 0, hand: 0 };
  const autoPoints = round(question.points * (auto / (auto + hand)));
  return { auto: autoPoints, hand: round(question.points - autoPoints) };
}

function round(x: number): number {
  return Math.round(x * 1e7) / 1e7;
}

/** A right answer as a Moodle short-answer pattern: `*` is its wildcard, so a literal one is written backslash-star. */
export function shortAnswerPattern(answer: string): string {
  return answer.replace(/\*/g, '\\*');
}
