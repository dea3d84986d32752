/** The printable HTML: no controls, a page per question, room to write, everything escaped, steps in the key. */
import { describe, expect, it } from 'vitest';
import { variantOf } from './exam-fixture.test-util.js';
import { examHtml } from './html.js';

const v = variantOf('s01');
const sheet = examHtml(v);
const key = examHtml(v, { answers: true });

describe('examHtml', () => {
  it('has no form controls, buttons or scripts, on the sheet or the key', () => {
    for (const page of [sheet, key]) expect(page).not.toMatch(/<(button|input|select|textarea|form|script)\b/i);
  });

  it('starts every question after the first on a new printed page and leaves a box to write in', () => {
    expect(sheet).toMatch(/\.question \+ \.question \{ break-before: page; page-break-before: always; \}/);
    expect(sheet.match(/<section class="question"/g)).toHaveLength(3);
    expect(sheet.match(/<div class="answer-space"/g)).toHaveLength(3);
    expect(key).not.toContain('class="answer-space"');
  });

  it("labels the key's answers with the answer schema's titles, not the JSON keys", () => {
    // conv/output-shape's answer schema titles its field `outputShape` "Output shape".
    expect(v.questions[0]?.exercise.id).toBe('conv/output-shape');
    expect(key).toContain('<dt>Output shape</dt>');
    expect(key).not.toContain('<dt>outputShape</dt>');
  });

  it('escapes the title and instructions', () => {
    expect(sheet).toContain('<h1>Midterm &lt;b&gt;DL&lt;/b&gt; &amp; &quot;friends&quot;');
    expect(sheet).not.toContain('<b>DL</b>');
    expect(sheet).toContain('<p>Show your work.<br>No calculators.</p>\n<p>Good luck: |x| &lt; 1 &gt; 0</p>');
  });

  it('shows each question with its points; the answers and steps only in the key', () => {
    for (const q of v.questions) {
      expect(sheet).toContain(`Question ${q.number} (${q.points} points)`);
      const firstStep = q.exercise.solution.steps[0]?.text ?? '';
      expect(firstStep).not.toBe('');
      const escaped = firstStep.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      expect(key).toContain(`<li>${escaped.replace(/"/g, '&quot;').replace(/'/g, '&#39;')}</li>`);
      expect(sheet).not.toContain(q.exercise.solution.steps[0]?.text);
    }
    expect(key).toContain('<h3>Worked steps</h3>');
    expect(sheet).not.toContain('Worked steps');
  });

  it('renders the steps’ LaTeX with the given math renderer', () => {
    const withMath = examHtml(v, { answers: true, math: (latex) => `<span class="m">${latex.length}</span>` });
    const step = v.questions[0]?.exercise.solution.steps.find((s) => s.latex);
    expect(withMath).toContain(`${step?.title}: <span class="m">${step?.latex.length}</span>`);
  });
});
