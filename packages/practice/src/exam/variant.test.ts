/** Per-student variants: regenerated identically from the spec and the id, different across students. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateExercise, generators } from '../index.js';
import { registry } from '../test-registry.test-util.js';
import { readExamSpec } from './spec.js';
import { examVariant } from './variant.js';

const spec = readExamSpec(
  {
    title: 'Midterm',
    seed: 2024,
    items: [
      { solver: 'conv/output-shape', difficulty: 'easy', points: 2 },
      { topic: 'conv', points: 3 },
      { topic: 'conv', points: 3 },
      { topic: 'optim', difficulty: 'hard', points: 4.5 },
    ],
  },
  generators,
);
const variant = (student: string, s = spec) => examVariant(registry, generators, s, student);
const inputs = (student: string) => variant(student).questions.map((q) => q.exercise.input);

describe('examVariant', () => {
  it('numbers the questions, keeps the points and sums them', () => {
    const v = variant('s01');
    expect(v.questions.map((q) => [q.number, q.points])).toEqual([
      [1, 2],
      [2, 3],
      [3, 3],
      [4, 4.5],
    ]);
    expect(v.totalPoints).toBe(12.5);
    expect(v.questions[0]?.exercise.id).toBe('conv/output-shape');
  });

  it('regenerates the same variant for the same spec and student id', () => {
    expect(variant('ada')).toEqual(variant('ada'));
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.nat(2 ** 31 - 1), (student, seed) => {
        const s = { ...spec, seed };
        expect(JSON.stringify(variant(student, s))).toBe(JSON.stringify(variant(student, s)));
      }),
      { numRuns: 15 },
    );
  });

  it('gives 30 students 30 different sets of numbers', () => {
    const sets = Array.from({ length: 30 }, (_, i) => JSON.stringify(inputs(`s${i + 1}`)));
    expect(new Set(sets).size).toBe(30);
  });

  it('gives another exam seed other numbers for the same student', () => {
    expect(JSON.stringify(inputs('s01'))).not.toBe(
      JSON.stringify(variant('s01', { ...spec, seed: 2025 }).questions.map((q) => q.exercise.input)),
    );
  });

  it('draws topic items from the topic, two items of one topic from two different solvers', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 8 }), (student) => {
        const ids = variant(student).questions.map((q) => q.exercise.id);
        expect(ids[1]).toMatch(/^conv\//);
        expect(ids[2]).toMatch(/^conv\//);
        expect(new Set(ids.slice(0, 3)).size).toBe(3);
        expect(ids[3]).toMatch(/^optim\//);
      }),
      { numRuns: 20 },
    );
  });

  it('repeats a solver only when the topic has no unused one left', () => {
    const logic = generators.filter((g) => g.id.startsWith('logic/')).length;
    const big = readExamSpec(
      { title: 'All logic', seed: 1, items: Array.from({ length: logic + 1 }, () => ({ topic: 'logic', points: 1 })) },
      generators,
    );
    const ids = variant('s01', big).questions.map((q) => q.exercise.id);
    expect(new Set(ids.slice(0, logic)).size).toBe(logic);
  });

  it('records each question so that it regenerates alone: its id, seed and difficulty give the same exercise', () => {
    for (const q of variant('grace').questions) {
      const { id, seed, difficulty } = q.exercise;
      expect(generateExercise(registry, generators, id, seed, difficulty)).toEqual(q.exercise);
      expect(registry.solve(id, q.exercise.input)).toEqual(q.exercise.solution);
    }
  });
});
