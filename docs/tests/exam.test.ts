/**
 * The /exam page as a teacher uses it, in real Chromium: the sheet previewed
 * is the variant @dnn/practice makes in Node for that spec and student; the
 * print (Chromium's print-to-PDF with print media) has one page per question
 * and no buttons or form controls; the key shows worked steps in KaTeX; a bad
 * spec names its field; the answer template, filled in and uploaded, is
 * graded into a gradebook (right answers full marks, a malformed row reported
 * by line); no serious axe-core violations; no sideways scroll on a phone.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { examVariant, generators, getPath } from '@dnn/practice';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DRAFT, readDraft } from '../src/components/exam/exam-spec';
import { answerText } from '../src/practice/answer-fields';
import { registry } from '../src/registry';
import { type PageProblems, screenshot, screenshotDir, seriousA11yViolations, servedSite, type View } from './harness';

const { open } = servedSite();
const clean: PageProblems = { errors: [], dialogs: [], offsite: [] };

async function exam(view?: View): Promise<{ page: Page; problems: PageProblems }> {
  const opened = await open('/exam', view);
  await opened.page.waitForSelector('.dnn-exam[data-ready="true"] [data-testid="exam-sheet"]');
  return opened;
}

/** The default spec's variant for a student, made here in Node. */
function nodeVariant(student: string) {
  const { spec } = readDraft(DEFAULT_DRAFT);
  if (!spec) throw new Error('the default draft is not a valid spec');
  return examVariant(registry, generators, spec, student);
}

/** The number of pages of a PDF (its page objects). */
function pageCount(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

/** The text of a download started by clicking the button named `name`. */
async function downloaded(page: Page, name: string): Promise<{ file: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  const path = await download.path();
  return { file: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

describe('the exam page', () => {
  it("previews student s01's variant, the same as @dnn/practice makes for the spec", async () => {
    const { page, problems } = await exam();
    const variant = nodeVariant('s01');
    const texts = await page.locator('.dnn-exam__text').allInnerTexts();
    expect(texts).toEqual(variant.questions.map((q) => q.exercise.question));
    // Another student, other numbers.
    await page.getByLabel('Preview the sheet of').selectOption('s02');
    await expect.poll(() => page.locator('.dnn-exam__text').first().innerText()).not.toBe(texts[0]);
    expect(await page.locator('.dnn-exam__text').allInnerTexts()).toEqual(
      nodeVariant('s02').questions.map((q) => q.exercise.question),
    );
    expect(problems).toEqual(clean);
    await page.close();
  });

  it('prints only the sheet: no controls, one A4 page per question', async () => {
    const { page, problems } = await exam();
    await page.emulateMedia({ media: 'print' });
    const shown = await page.evaluate(() =>
      Array.from(document.querySelectorAll('button, input, select, textarea, nav, footer, form'))
        .filter((el) => getComputedStyle(el).display !== 'none' && (el as HTMLElement).offsetParent !== null)
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(shown).toEqual([]);
    const questions = nodeVariant('s01').questions.length;
    const breaks = await page.evaluate(() =>
      Array.from(document.querySelectorAll('.dnn-exam__question')).map((q) => getComputedStyle(q).breakBefore),
    );
    expect(breaks).toEqual(['auto', ...Array.from({ length: questions - 1 }, () => 'page')]);
    const pdf = await page.pdf({ format: 'A4', printBackground: false, preferCSSPageSize: true });
    expect(pageCount(pdf)).toBe(questions);
    mkdirSync(screenshotDir, { recursive: true });
    writeFileSync(join(screenshotDir, 'exam-print.pdf'), pdf);
    // The printed text holds each question (pdftotext from poppler-utils, as CI installs it for the LaTeX tests).
    const text = execFileSync('pdftotext', ['-layout', join(screenshotDir, 'exam-print.pdf'), '-'], {
      encoding: 'utf8',
    });
    expect(text).toContain('Question 1');
    expect(text).not.toContain('Print the sheet');
    expect(text).not.toContain('Grade the class');
    expect(problems).toEqual(clean);
    await page.close();
  });

  it('shows the answer key with the answers and worked steps in KaTeX', async () => {
    const { page, problems } = await exam();
    await page.getByLabel('Answer key').check();
    const sheet = page.getByTestId('exam-sheet');
    await expect.poll(() => sheet.getAttribute('data-answers')).toBe('true');
    const variant = nodeVariant('s01');
    expect(await sheet.locator('[data-testid="steps"]').count()).toBe(variant.questions.length);
    expect(await sheet.locator('.katex').count()).toBeGreaterThan(0);
    expect(await page.locator('.katex-error').count()).toBe(0);
    const first = variant.questions[0]!.exercise;
    expect(await sheet.locator('.dnn-exam__source').first().innerText()).toBe(
      `${first.id} · seed ${first.seed} · ${first.difficulty}`,
    );
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(problems).toEqual(clean);
    await page.close();
  });

  it('edits the spec: questions added, a roster of ids, and a bad seed named', async () => {
    const { page, problems } = await exam();
    await page.getByRole('button', { name: '+ add question' }).click();
    await expect.poll(() => page.getByTestId('exam-sheet').getAttribute('data-questions')).toBe('4');
    await page.getByLabel('A roster of ids').check();
    await page.getByLabel('Roster: one student id per line').fill('ada\nbob\n');
    await expect
      .poll(() => page.getByLabel('Preview the sheet of').locator('option').allInnerTexts())
      .toEqual(['ada', 'bob']);
    await page.getByLabel('Seed').fill('twelve');
    await expect.poll(() => page.getByTestId('spec-error').innerText()).toContain('seed');
    expect(await page.getByTestId('exam-sheet').count()).toBe(0);
    await page.getByLabel('Seed').fill('12');
    await page.getByTestId('exam-sheet').waitFor();
    expect(problems).toEqual(clean);
    await page.close();
  });

  it('downloads the LMS banks and the answer template; the filled-in template is graded into a gradebook', async () => {
    const { page, problems } = await exam();
    const moodle = await downloaded(page, 'Moodle XML (all students)');
    expect(moodle.text.startsWith('<?xml')).toBe(true);
    expect(moodle.text).toContain('<quiz>');
    const latex = await downloaded(page, 'LaTeX sheet');
    expect(latex.text).toContain('\\documentclass');
    const template = await downloaded(page, 'Answer template (CSV)');
    const [header, ...rows] = template.text.trim().split('\n');
    expect(header).toBe('student,item,points,question,seed,difficulty,field,answer');
    // s01 answers every field right (from the solutions made here in Node), s02 writes 0 everywhere, s03 nothing.
    const solutions = new Map(
      ['s01', 's02', 's03'].flatMap((s) => nodeVariant(s).questions.map((q) => [`${s}/Q${q.number}`, q.exercise])),
    );
    const filled = rows.map((row) => {
      const [student, item, , , , , field] = row.split(',') as string[];
      if (student === 's03') return row;
      const exercise = solutions.get(`${student}/${item}`)!;
      const value = student === 's01' ? answerText(getPath(exercise.solution.answer, field ?? '')) : '0';
      return `${row}"${value.replace(/"/g, '""')}"`;
    });
    const malformed = 's04,Q1,2,conv/output-shape,abc,medium,outputShape,"1, 2, 3"';
    const csv = [header, ...filled.filter((r) => !r.startsWith('s03')), malformed].join('\n');
    await page.getByTestId('answers-upload').setInputFiles({
      name: 'answers.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    const book = page.getByTestId('gradebook');
    await book.waitFor();
    expect(await book.getAttribute('data-students')).toBe('2');
    expect(await page.locator('[data-line]').allInnerTexts()).toHaveLength(1);
    // The malformed row is reported by its line: the file's last (multi-line answers are quoted cells).
    expect(await page.locator('[data-line]').getAttribute('data-line')).toBe(String(csv.split('\n').length));
    expect(await page.locator('[data-line]').innerText()).toContain('seed');
    const total = async (s: string) => {
      const row = page.locator(`tr[data-student="${s}"]`);
      return [Number(await row.getAttribute('data-total')), Number(await row.getAttribute('data-max'))] as const;
    };
    const [right, rightMax] = await total('s01');
    expect(right).toBe(rightMax);
    // The gradebook is in the exam's points (the template's points column), not the rubrics'.
    expect(rightMax).toBe(nodeVariant('s01').totalPoints);
    const [zeros, zerosMax] = await total('s02');
    expect(zeros).toBeLessThan(zerosMax);
    const gradebook = await downloaded(page, 'Download the gradebook (CSV)');
    expect(gradebook.text.split('\n')[0]).toMatch(/^student,.*,total,max$/);
    expect(gradebook.text).toContain(`s01,`);
    await screenshot(page, 'exam-gradebook');
    expect(problems).toEqual(clean);
    await page.close();
  });

  for (const dark of [false, true]) {
    for (const [width, height] of [
      [1280, 800],
      [390, 844],
    ] as const) {
      it(`${width}×${height}${dark ? ' dark' : ''}: no serious axe violations, no sideways scroll (/exam and /practice)`, async () => {
        const { page, problems } = await exam({ width, height, dark });
        expect(await seriousA11yViolations(page)).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await screenshot(page, `exam-${width}${dark ? '-dark' : ''}`);
        await page.goto(page.url().replace('/exam', '/practice?id=optim/mlp-step&seed=1&difficulty=medium'));
        await page.waitForSelector('.dnn-practice[data-ready="true"] [data-testid="question"]');
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        expect(await seriousA11yViolations(page)).toEqual([]);
        await screenshot(page, `practice-${width}${dark ? '-dark' : ''}`);
        expect(problems).toEqual(clean);
        await page.close();
      });
    }
  }
});
