/** Exam variants as LMS banks: one per student, each question with its exam points and its solver's rubric. */
import { describe, expect, it } from 'vitest';
import { defaultRubric, rubrics } from '../index.js';
import { examBanks } from './banks.js';
import { variantOf } from './exam-fixture.test-util.js';

const variants = [variantOf('s01'), variantOf('s02')];

describe('examBanks', () => {
  it('makes a bank per student holding that student’s questions, points and rubrics', () => {
    const banks = examBanks(variants, rubrics);
    expect(banks.map((b) => b.name)).toEqual(variants.map((v) => `${v.title} — ${v.student}`));
    banks.forEach((bank, i) => {
      const questions = variants[i]?.questions ?? [];
      expect(bank.questions.map((q) => q.exercise)).toEqual(questions.map((q) => q.exercise));
      expect(bank.questions.map((q) => q.points)).toEqual([2, 3, 5]);
      for (const q of bank.questions) expect(q.rubric).toBe(rubrics.find((r) => r.id === q.exercise.id));
    });
  });

  it('grades a solver missing from the rubrics a point per answer field', () => {
    const [bank] = examBanks(variants.slice(0, 1), []);
    for (const q of bank?.questions ?? []) {
      expect(q.rubric).toEqual(defaultRubric(q.exercise.id, q.exercise.solution.answer));
    }
    expect(bank?.questions).toHaveLength(3);
  });
});
