/** Words shared by every exam format: a question's heading, points, and an answer value as text. */
import { fmt } from '@dnn/core';
import type { ExamQuestion, ExamVariant } from './variant.js';

/** `1 point`, `2.5 points`. */
export function pointsLabel(points: number): string {
  return `${fmt(points)} ${points === 1 ? 'point' : 'points'}`;
}

/** `Question 3 (2 points)`. */
export function questionHeading(q: ExamQuestion): string {
  return `Question ${q.number} (${pointsLabel(q.points)})`;
}

/** The line under the title: `Student s01 · 3 questions · 12 points`, and `· answer key` on a key. */
export function variantLine(v: ExamVariant, answers: boolean): string {
  const n = v.questions.length;
  return [
    `Student ${v.student}`,
    `${n} ${n === 1 ? 'question' : 'questions'}`,
    pointsLabel(v.totalPoints),
    ...(answers ? ['answer key'] : []),
  ].join(' · ');
}

/** Where an exercise comes from, for the key: `conv/output-shape · seed 123 · medium`. */
export function sourceLine(q: ExamQuestion): string {
  return `${q.exercise.id} · seed ${q.exercise.seed} · ${q.exercise.difficulty}`;
}

/** An answer value in plain text: numbers without float noise (12 significant digits), lists `[a, b]`. */
export function answerText(value: unknown): string {
  if (typeof value === 'number') return fmt(value);
  if (Array.isArray(value)) return `[${value.map(answerText).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([k, v]) => `${k}: ${answerText(v)}`)
      .join(', ')}}`;
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The answer fields of a question's key, in the solver's order, each under its title. */
export function answerFields(q: ExamQuestion): [string, string][] {
  return Object.entries(q.exercise.solution.answer).map(([k, v]) => [q.labels[k] ?? k, answerText(v)]);
}
