import fc from 'fast-check';
import { type GIFTQuestion, parse } from 'gift-pegjs';
import { describe, expect, it } from 'vitest';
import { generateExercise } from '../generator.js';
import { generators } from '../index.js';
import { registry } from '../test-registry.test-util.js';
import { gift } from './gift.js';
import {
  allBanks,
  bankQuestion,
  decodeHtml,
  type ExpectedLeaf,
  expectedQuestion,
  stemText,
  textWith,
  words,
} from './lms-fixtures.test-util.js';

type Parsed = GIFTQuestion & Record<string, unknown>;
interface Choice {
  isCorrect: boolean;
  weight: number | null;
  text: { type?: string; number?: number; range?: number; text?: string };
}

/** Reads one single-answer GIFT question against the leaf the solver's answer has there. */
function checkLeaf(q: Parsed, leaf: ExpectedLeaf, label: string): void {
  if (typeof leaf.value === 'number') {
    expect(q.type, label).toBe('Numerical');
    const [full, half] = q.choices as [Choice, Choice];
    expect([full.weight ?? 100, half.weight]).toEqual([100, 50]);
    expect(full.text.number, label).toBe(leaf.value);
    expect(half.text.number, label).toBe(leaf.value);
    expect((full.text.range ?? Number.NaN) / leaf.tolerance, label).toBeCloseTo(1, 12);
    expect((half.text.range ?? Number.NaN) / (10 * leaf.tolerance), label).toBeCloseTo(1, 12);
  } else if (typeof leaf.value === 'boolean') {
    expect(q.type, label).toBe('TF');
    expect(q.isTrue, label).toBe(leaf.value);
  } else {
    expect(q.type, label).toBe('Short');
    expect((q.choices as Choice[])[0]?.text.text, label).toBe(leaf.value);
  }
}

describe('gift round trip over every generator and difficulty, read back with gift-pegjs', () => {
  const banks = allBanks([11, 2024]);
  const parsed = parse(gift(banks)) as Parsed[];

  it('every bank is a category and every answer and tolerance is the solver’s', () => {
    let at = 0;
    const next = () => parsed[at++] as Parsed;
    for (const bank of banks) {
      expect(next()).toMatchObject({ type: 'Category', title: `$course$/top/${bank.name.replace('/', '//')}` });
      for (const question of bank.questions) {
        const expected = expectedQuestion(question);
        const label = `${question.exercise.id} ${question.exercise.difficulty} ${question.exercise.seed}`;
        if (expected.leaves.length === 1) checkLeaf(next(), expected.leaves[0] as ExpectedLeaf, label);
        else if (expected.leaves.length > 1) {
          expect(next().type, label).toBe('Description');
          for (const leaf of expected.leaves) checkLeaf(next(), leaf, label);
        }
        if (expected.hand.length > 0) {
          const q = next();
          expect(q.type, label).toBe('Essay');
          const feedback = (q.globalFeedback as { text: string }).text;
          const keys = [...feedback.matchAll(/<pre>([\s\S]*?)<\/pre>/g)].map((m) =>
            JSON.parse(decodeHtml((m[1] ?? '').replace(/<br>/g, '\n'))),
          );
          expect(keys, label).toEqual(expected.hand.map((h) => JSON.parse(JSON.stringify(h.key) ?? 'null')));
        }
      }
    }
    expect(at).toBe(parsed.length);
  });

  it('the first question carries the worked solution as general feedback', () => {
    const first = parsed.find((q) => q.type === 'Numerical') as Parsed;
    const feedback = decodeHtml((first.globalFeedback as { text: string }).text);
    const steps = banks[0]?.questions[0]?.exercise.solution.steps ?? [];
    for (const step of steps) if (step.latex) expect(feedback).toContain(`\\(${step.latex}\\)`);
  });
});

describe('gift escapes what it writes', () => {
  const hostile = textWith([
    '~',
    '=',
    '#',
    '{',
    '}',
    ':',
    '\\',
    '\\:',
    '//',
    '\n//',
    '\n\n',
    '[html]',
    '::',
    '{#1}',
    '<',
    '&',
    '$CATEGORY:',
  ]);
  const numerical = generateExercise(registry, generators, 'rnn/solve-hidden-size', 5, 'easy');

  it('question text with GIFT specials reads back as the same words and the answer is intact', () => {
    fc.assert(
      fc.property(hostile, (question) => {
        const parsed = parse(
          gift([{ name: 'bank', questions: [bankQuestion({ ...numerical, question }, 1)] }]),
        ) as Parsed[];
        expect(parsed.map((q) => q.type)).toEqual(['Category', 'Numerical']);
        const q = parsed[1] as Parsed;
        expect(stemText((q.stem as { text: string }).text)).toBe(words(question));
        expect((q.choices as Choice[])[0]?.text.number).toBe(numerical.solution.answer.hiddenSize);
      }),
      { numRuns: 150 },
    );
  });
});

describe('gift escapes text answers', () => {
  const base = generateExercise(registry, generators, 'optim/hessian', 1, 'easy');
  const answerText = fc
    .array(
      fc.oneof(fc.constantFrom('~', '=', '#', '{', '}', ':', '*', '\\', '%50%', '//'), fc.string({ unit: 'grapheme' })),
      {
        minLength: 1,
        maxLength: 8,
      },
    )
    .map((parts) => parts.join('').replace(/\s+/g, ' ').trim())
    .filter((s) => s !== '');

  it('a word with GIFT specials and Moodle’s * wildcard reads back whole', () => {
    fc.assert(
      fc.property(answerText, (word) => {
        const question = {
          ...bankQuestion(
            { ...base, solution: { ...base.solution, answer: { ...base.solution.answer, classification: word } } },
            1,
          ),
          rubric: { id: base.id, fields: [{ path: 'classification', points: 1 }] },
        };
        const [, q] = parse(gift([{ name: 'b', questions: [question] }])) as [Parsed, Parsed];
        expect(q.type).toBe('Short');
        // gift-pegjs undoes GIFT's escapes; Moodle's short-answer pattern then reads \* as a literal star
        expect((q.choices as Choice[]).map((c) => c.text.text?.replace(/\\\*/g, '*'))).toEqual([word]);
      }),
      { numRuns: 100 },
    );
  });
});

describe('gift on odd banks', () => {
  const exercise = generateExercise(registry, generators, 'rnn/params', 9, 'easy');

  it('a question whose rubric grades nothing here is an essay with the whole answer as key', () => {
    const question = { ...bankQuestion(exercise, 3), rubric: { id: exercise.id, fields: [] } };
    const parsed = parse(gift([{ name: 'b', questions: [question] }])) as Parsed[];
    expect(parsed.map((q) => q.type)).toEqual(['Category', 'Essay']);
  });

  it('points that are not a number ≥ 0 are refused', () => {
    expect(() => gift([{ name: 'Midterm', questions: [bankQuestion(exercise, -2)] }])).toThrow(RangeError);
  });
});
