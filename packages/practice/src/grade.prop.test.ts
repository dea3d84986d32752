/**
 * Grader robustness (issue 16): any student answer — deep, huge, of the wrong type, NaN, hostile text — gets a
 * score in [0, points] at once, without throwing, and a grade that can be printed. And a set scores the same in
 * any order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { score } from './compare.js';
import { type Exercise, generateExercise } from './generator.js';
import { grade } from './grade.js';
import { generators, rubrics } from './index.js';
import { readStudentList, readStudentNumber } from './read-answer.js';
import { registry } from './test-registry.test-util.js';

/** A value nested `depth` levels in lists (or objects), built without recursion. */
const nested = (depth: number, asObject: boolean, leaf: unknown): unknown => {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = asObject ? { layers: v } : [v];
  return v;
};

const hostileText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
  fc.constantFrom(
    '__proto__',
    'constructor',
    '{"__proto__": {"x": 1}}',
    '<img src=x onerror=alert(1)>',
    '=HYPERLINK("http://x")',
    '\u0000\uFEFF\u202e',
    'NaN',
    '-Infinity',
    '1e999',
    '((((((((((',
    ']]]]',
    '√√√√',
    'ln ln ln',
    '2^2^2^2^2^2^2^2^2',
    'exp(exp(exp(exp(9))))',
  ),
  fc.integer({ min: 1, max: 100_000 }).map((n) => `${'9'.repeat(n)}x`),
  fc.integer({ min: 1, max: 20_000 }).map((n) => `${'('.repeat(n)}1${')'.repeat(n)}`),
  fc.integer({ min: 1, max: 20_000 }).map((n) => `${'1,'.repeat(n)}`),
);

/** Any JSON-ish value a student (or a script) could hand the grader. */
const anyAnswerValue = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.anything({ maxDepth: 3 }),
  hostileText,
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, Number.MAX_VALUE, 5e-324, null, undefined, true),
  fc
    .tuple(fc.integer({ min: 0, max: 100_000 }), fc.boolean(), fc.constantFrom<unknown>(1, 'x', [], {}))
    .map(([d, o, leaf]) => nested(d, o, leaf)),
);

// One question of every generator (every rubric: shapes, per-layer lists, judges of networks, expressions, sets).
const questions = generators.map((g, k) => generateExercise(registry, generators, g.id, k, k % 2 ? 'medium' : 'easy'));
const questionOf = (id: string) => questions.find((q) => q.id === id) as Exercise;

describe('grade: any answer gets a fair score at once', () => {
  it.each(questions.map((q) => [q.id, q]))('%s', (_id, q) => {
    const rubric = rubrics.find((r) => r.id === q.id);
    const paths = (rubric?.fields ?? []).map((f) => f.path);
    const answer = fc.dictionary(
      fc.constantFrom(...paths, 'layers', 'other', '__proto__', 'layers[99999].params'),
      anyAnswerValue,
      {
        maxKeys: 4,
      },
    );
    fc.assert(
      fc.property(answer, (a) => {
        const g = grade(registry, rubrics, q.id, q.input, a, q.solution);
        expect(g.score).toBeGreaterThanOrEqual(0);
        expect(g.score).toBeLessThanOrEqual(g.maxScore);
        for (const f of g.fields) expect(f.points >= 0 && f.points <= f.maxPoints).toBe(true);
        expect(() => JSON.stringify(g.fields)).not.toThrow();
      }),
      { numRuns: 25 },
    );
  });

  it('the expected answer itself, written as text the way students do, gets full marks (conv/output-shape)', () => {
    const q = questionOf('conv/output-shape');
    const shape = (q.solution.answer as { outputShape: number[] }).outputShape;
    const notation = fc.constantFrom(
      (s: number[]) => `(${s.join(', ')})`,
      (s: number[]) => s.join('×'),
      (s: number[]) => s.join('x'),
      (s: number[]) => `[${s.join(',')}]`,
      (s: number[]) => s.join(' '),
      (s: number[]) => s.map((n) => `${2 * n}/2`).join(', '),
    );
    fc.assert(
      fc.property(notation, (write) => {
        expect(grade(registry, rubrics, q.id, q.input, { outputShape: write(shape) }).score).toBe(2);
      }),
    );
  });
});

describe('readers never throw and stay within their contract', () => {
  it('readStudentNumber: a finite number or undefined for any text', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const v = readStudentNumber(text);
        expect(v === undefined || Number.isFinite(v)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('readStudentNumber reads en-US grouped integers as the integer (oracle: the integer itself)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        expect(readStudentNumber(n.toLocaleString('en-US'))).toBe(n);
        expect(readStudentNumber(n.toLocaleString('en-US').replace(/,/g, ' '))).toBe(n);
      }),
    );
  });

  it('readStudentList: a list or undefined for any text', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const v = readStudentList(text);
        expect(v === undefined || Array.isArray(v)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('a set in any order scores the same', () => {
  const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
  it('with the unordered flag, every permutation of any student list scores alike', () => {
    fc.assert(
      fc.property(
        fc.array(finite, { minLength: 1, maxLength: 8 }),
        fc.array(finite, { minLength: 1, maxLength: 8 }),
        fc.integer(),
        (expected, got, k) => {
          const shuffled = [...got];
          for (let i = shuffled.length - 1; i > 0; i--) {
            const j = Math.abs(k + i * 7919) % (i + 1);
            [shuffled[i], shuffled[j]] = [shuffled[j] as number, shuffled[i] as number];
          }
          const a = score(expected, got, undefined, { unordered: true });
          expect(score(expected, shuffled, undefined, { unordered: true })).toBe(a);
          // The expected set itself, reversed and written as text, is fully right.
          const text = `{${[...expected].reverse().join(', ')}}`;
          expect(score(expected, text, undefined, { unordered: true })).toBe(1);
        },
      ),
    );
  });

  it('optim/hessian eigenvalues: every order of the right values gets the point', () => {
    const q = questionOf('optim/hessian');
    const eig = (q.solution.answer as { eigenvalues: number[] }).eigenvalues;
    const orders = fc.shuffledSubarray(eig, { minLength: eig.length, maxLength: eig.length });
    fc.assert(
      fc.property(orders, (order) => {
        const g = grade(registry, rubrics, 'optim/hessian', q.input, { eigenvalues: order });
        expect(g.fields.find((f) => f.path === 'eigenvalues')?.verdict).toBe('correct');
      }),
    );
  });
});
