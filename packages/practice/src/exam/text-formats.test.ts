/** The Markdown and JSON forms of a variant: questions for the sheet, answers and steps only in the key. */
import { renderSolution } from '@dnn/core';
import { describe, expect, it } from 'vitest';
import { generators, grade, rubrics } from '../index.js';
import { registry } from '../test-registry.test-util.js';
import { variantOf } from './exam-fixture.test-util.js';
import { examJson } from './json.js';
import { examMarkdown } from './markdown.js';

const v = variantOf('ada');

describe('examMarkdown', () => {
  it('lists the questions under the title; the key adds each worked solution', () => {
    const sheet = examMarkdown(v);
    const key = examMarkdown(v, { answers: true });
    expect(sheet.startsWith(`# ${v.title}\n\nStudent ada · 3 questions · 10 points\n`)).toBe(true);
    for (const q of v.questions) {
      expect(sheet).toContain(`## Question ${q.number} (${q.points} points)\n\n${q.exercise.question}`);
      expect(key).toContain(renderSolution(q.exercise.solution, 'markdown'));
    }
    expect(sheet).not.toContain('### Steps');
  });
});

describe('examJson', () => {
  it('carries what regrades a question: id, seed, input; the solution only in the key', () => {
    const sheet = examJson(v);
    const key = examJson(v, { answers: true });
    expect(sheet.questions.map((q) => q.solution)).toEqual([undefined, undefined, undefined]);
    expect(JSON.parse(JSON.stringify(key))).toEqual(key);
    for (const q of key.questions) {
      expect(generators.some((g) => g.id === q.id)).toBe(true);
      // The key's answer, graded against the question's own input, earns every point.
      const g = grade(registry, rubrics, q.id, q.input, q.solution?.answer);
      expect(g.score).toBe(g.maxScore);
    }
  });
});
