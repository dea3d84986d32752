/**
 * Test fixtures of the LMS writers: banks of generated exercises over every
 * generator and difficulty, and what the solver's answer and the rubric say an
 * exported question must hold, read straight from them (not from the writers).
 */
import fc from 'fast-check';
import { DEFAULT_TOLERANCE, getPath } from '../compare.js';
import { DIFFICULTIES, type Exercise, generateExercise } from '../generator.js';
import { generators, rubrics } from '../index.js';
import type { Rubric } from '../rubric.js';
import { registry } from '../test-registry.test-util.js';
import type { BankQuestion, QuestionBank } from './bank.js';

/** One bank per difficulty and seed, each with a question of every generator (points 1 to 5 by position). */
export function allBanks(seeds: readonly number[]): QuestionBank[] {
  return seeds.flatMap((seed) =>
    DIFFICULTIES.map((difficulty) => ({
      name: `Variant ${difficulty}/${seed}`,
      questions: generators.map((g, i) =>
        bankQuestion(generateExercise(registry, generators, g.id, seed, difficulty), 1 + (i % 5)),
      ),
    })),
  );
}

/** A bank question for an exercise with its solver's rubric. */
export function bankQuestion(exercise: Exercise, points: number): BankQuestion {
  const rubric = rubrics.find((r) => r.id === exercise.id) as Rubric;
  return { exercise, points, rubric };
}

/** A scalar the LMS must ask for, its share of the rubric's points and its full-credit tolerance. */
export interface ExpectedLeaf {
  value: number | boolean | string;
  share: number;
  tolerance: number;
}

/** What a question must export: the auto-graded leaves in reading order, the hand-graded fields' keys, the rubric points of each. */
export interface ExpectedQuestion {
  leaves: ExpectedLeaf[];
  hand: { path: string; key: unknown }[];
  autoPoints: number;
  handPoints: number;
}

/**
 * Reads the solver's answer through the rubric: every field the rubric grades
 * for this input, flattened depth-first (lists in order, objects in key order),
 * its points split evenly at each level as the grader averages them; a judged
 * field, or one with a leaf no LMS box can hold (null, ±∞, an empty text), is hand-graded.
 */
export function expectedQuestion(question: BankQuestion): ExpectedQuestion {
  const out: ExpectedQuestion = { leaves: [], hand: [], autoPoints: 0, handPoints: 0 };
  for (const field of question.rubric.fields) {
    if (field.when && !field.when(question.exercise.input)) continue;
    const key = getPath(question.exercise.solution.answer, field.path);
    const tol = { ...DEFAULT_TOLERANCE, ...field.tolerance };
    const leaves: ExpectedLeaf[] = [];
    let blankable = !field.judge;
    const walk = (value: unknown, share: number) => {
      if (Array.isArray(value)) for (const item of value) walk(item, share / value.length);
      else if (value !== null && typeof value === 'object')
        for (const item of Object.values(value)) walk(item, share / Object.keys(value).length);
      else if (typeof value === 'boolean' || (typeof value === 'string' && value.trim() !== ''))
        leaves.push({ value, share, tolerance: 0 });
      else if (typeof value === 'number' && Number.isFinite(value))
        leaves.push({ value, share, tolerance: Math.max(tol.relative * Math.abs(value), tol.absolute) });
      else blankable = false;
    };
    if (blankable) walk(key, field.points);
    if (!blankable) {
      out.hand.push({ path: field.path, key });
      out.handPoints += field.points;
    } else if (leaves.length > 0) {
      out.leaves.push(...leaves);
      out.autoPoints += field.points;
    }
  }
  return out;
}

/** Decodes the HTML entities the writers use (named and numeric). */
export function decodeHtml(html: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
  return html.replace(/&(#\d+|[a-z]+);/g, (m, e: string) =>
    e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : (named[e] ?? m),
  );
}

/** Text mixing the given special strings with arbitrary graphemes (up to `maxLength` pieces). */
export function textWith(specials: readonly string[], maxLength = 12): fc.Arbitrary<string> {
  return fc
    .array(fc.oneof(fc.constantFrom(...specials), fc.string({ unit: 'grapheme' })), { maxLength })
    .map((parts) => parts.join(''));
}

/** Whitespace folded: how a reader of rendered HTML sees text. */
export function words(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** A question text as a reader sees it: up to the writer's own first line (`<p>Answer:`, `<p><code>`, `<p><em>`), tags dropped, entities decoded. */
export function stemText(html: string): string {
  return words(decodeHtml(html.split(/<p>(?:<code>|<em>|Answer:)/)[0]?.replace(/<[^>]+>/g, ' ') ?? ''));
}
