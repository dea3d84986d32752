/**
 * The Practice page as a student uses it, in real Chromium: a link reproduces
 * its question (the same text as @dnn/practice makes in Node for that seed);
 * the solver's own answer, entered in the text boxes, grids and layer cards,
 * earns full marks (one problem per topic); a wrong answer earns less, says
 * which fields were wrong, gives hint 1 (the steps) then hint 2 (the numbers,
 * results hidden), lets the student try again, and shows the expected values
 * and the worked solution in KaTeX only on request; changing the topic or the
 * problem draws a question of it; the answer key toggles; the page is linked
 * from the navbar and the home page.
 */
import { generateExercise, generators, getPath } from '@dnn/practice';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatJsonText } from '../src/components/schema-fields';
import { answerText } from '../src/practice/answer-fields';
import { registry } from '../src/registry';
import { type PageProblems, screenshot, servedSite } from './harness';

const { open } = servedSite();

const clean: PageProblems = { errors: [], dialogs: [], offsite: [] };

/** Opens /practice with a query and waits for its question. */
async function practice(query = ''): Promise<{ page: Page; problems: PageProblems }> {
  const opened = await open(`/practice${query}`);
  await opened.page.waitForSelector('.dnn-practice[data-ready="true"] [data-testid="question"]');
  return opened;
}

const question = (page: Page) => page.getByTestId('question').innerText();
const shownId = (page: Page) => page.getByTestId('practice-id').innerText();
const answerInput = (page: Page, path: string) =>
  page.locator(`[data-answer-path="${path}"]`).locator('input, textarea').first();
const query = (page: Page) => Object.fromEntries(new URL(page.url()).searchParams);

/** Pastes `text` into an input as a clipboard paste (the grid editor reads a pasted matrix into the whole grid). */
async function paste(page: Page, selector: string, text: string): Promise<void> {
  await page
    .locator(selector)
    .first()
    .evaluate((el, t) => {
      const data = new DataTransfer();
      data.setData('text', t);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
}

/**
 * Enters a value into a practice answer field as a student would: a text box gets the text, a grid (a matrix
 * answer) a pasted matrix, and each card of a list of layers its grids and boxes.
 */
async function fillAnswer(page: Page, path: string, value: unknown): Promise<void> {
  const field = `[data-answer-path="${path}"]`;
  const editor = await page.locator(field).getAttribute('data-editor');
  if (editor === null) return answerInput(page, path).fill(answerText(value));
  if (editor === 'json') return paste(page, `${field} .dnn-grid-editor__cell`, JSON.stringify(value));
  const records = value as Record<string, unknown>[];
  for (const [i, rec] of records.entries()) {
    for (const [key, v] of Object.entries(rec)) {
      const sub = `${field} [data-field="${path}[${i}].${key}"]`;
      if ((await page.locator(sub).count()) === 0) continue; // the record's tag (its type), set already
      if ((await page.locator(`${sub} .dnn-grid-editor__cell`).count()) > 0)
        await paste(page, `${sub} .dnn-grid-editor__cell`, JSON.stringify(v));
      else await page.locator(`${sub} input, ${sub} textarea`).first().fill(formatJsonText(v));
    }
  }
}

/** Opens the answer key and reads each graded path's expected value, as text the form accepts. */
async function answerKey(page: Page): Promise<Record<string, string>> {
  await page.getByRole('button', { name: 'Show answer key' }).click();
  const rows = page.locator('[data-key-path]');
  await rows.first().waitFor();
  return Object.fromEntries(
    await rows.evaluateAll((els) => els.map((e) => [e.getAttribute('data-key-path'), e.getAttribute('data-key-text')])),
  );
}

/** The grade shown after pressing Grade. */
async function shownGrade(page: Page) {
  const grade = page.getByTestId('grade');
  await grade.waitFor();
  const verdicts = Object.fromEntries(
    await page
      .locator('[data-grade-path]')
      .evaluateAll((els) => els.map((e) => [e.getAttribute('data-grade-path'), e.getAttribute('data-verdict')])),
  );
  return {
    score: Number(await grade.getAttribute('data-score')),
    maxScore: Number(await grade.getAttribute('data-max-score')),
    verdicts,
  };
}

describe('the practice page', () => {
  it('reproduces the question of a link, the same as @dnn/practice makes for that seed', async () => {
    const link = '?id=conv/output-shape&seed=42&difficulty=easy';
    const expected = generateExercise(registry, generators, 'conv/output-shape', 42, 'easy');
    const first = await practice(link);
    const text = await question(first.page);
    expect(text).toBe(expected.question);
    expect(await shownId(first.page)).toBe('conv/output-shape');
    expect(await first.page.getByTestId('practice-seed').innerText()).toBe('42');
    // The link is completed with its topic (the id's) and kept.
    expect(query(first.page)).toEqual({ topic: 'conv', id: 'conv/output-shape', seed: '42', difficulty: 'easy' });
    await screenshot(first.page, 'practice');
    expect(first.problems).toEqual(clean);
    await first.page.close();

    const second = await practice(link);
    expect(await question(second.page)).toBe(text);
    expect(second.problems).toEqual(clean);
    await second.page.close();

    // Another seed, another question.
    const other = await practice('?id=conv/output-shape&seed=43&difficulty=easy');
    expect(await question(other.page)).not.toBe(text);
    await other.page.close();
  });

  it('draws a question and writes it into the URL when the link has none', async () => {
    const { page, problems } = await practice();
    const q = query(page);
    expect(q.topic).toBe('any');
    expect(q.difficulty).toBe('easy');
    expect(q.seed).toMatch(/^\d+$/);
    expect(await shownId(page)).toBe(q.id);
    const text = await question(page);
    await page.reload({ waitUntil: 'networkidle' });
    await page.waitForSelector('.dnn-practice[data-ready="true"] [data-testid="question"]');
    expect(await question(page)).toBe(text);
    expect(problems).toEqual(clean);
    await page.close();
  });

  // One problem per topic, medium: lists per layer, matrices, objects and a network judged by what it computes.
  for (const [id, seed] of [
    ['conv/summary', 7],
    ['rnn/forward', 11],
    ['optim/hessian', 5],
    ['logic/mlp', 3],
  ] as const) {
    it(`${id}: the solver's own answer, typed from the answer key, earns full marks`, async () => {
      const { page, problems } = await practice(`?id=${id}&seed=${seed}&difficulty=medium`);
      const key = await answerKey(page);
      // The page's key is the solver's answer for this seed, computed here in Node.
      const exercise = generateExercise(registry, generators, id, seed, 'medium');
      expect(await question(page)).toBe(exercise.question);
      expect(Object.keys(key).length).toBeGreaterThan(0);
      for (const [path, text] of Object.entries(key))
        expect(text, path).toBe(answerText(getPath(exercise.solution.answer, path)));

      for (const path of Object.keys(key)) await fillAnswer(page, path, getPath(exercise.solution.answer, path));
      await page.getByRole('button', { name: 'Grade' }).click();
      const grade = await shownGrade(page);
      expect(grade.maxScore).toBeGreaterThan(0);
      expect(grade.score, JSON.stringify(grade.verdicts)).toBe(grade.maxScore);
      expect(Object.values(grade.verdicts).every((v) => v === 'correct')).toBe(true);
      expect(Object.keys(grade.verdicts).sort()).toEqual(Object.keys(key).sort());
      expect(problems).toEqual(clean);
      await page.close();
    });
  }

  it('grades a wrong answer lower, then hint 1, hint 2, try again, and the solution only on request', async () => {
    // conv/summary, easy, seed 42: per-layer shapes and params, total params and MACs.
    const { page, problems } = await practice('?id=conv/summary&seed=42&difficulty=easy');
    const exercise = generateExercise(registry, generators, 'conv/summary', 42, 'easy');
    const answer = exercise.solution.answer as { totalParams: number; layers: { outputShape: number[] }[] };
    // Right shapes (typed by keyboard, Enter grades), the total off by a factor 2, params and MACs left empty.
    const shapes = answerInput(page, 'layers[*].outputShape');
    await shapes.focus();
    await page.keyboard.type(answer.layers.map((l) => l.outputShape.join(', ')).join('\n'));
    await answerInput(page, 'totalParams').fill(String(answer.totalParams * 2));
    await answerInput(page, 'totalParams').press('Enter');
    const grade = await shownGrade(page);
    expect(grade.score).toBeGreaterThan(0);
    expect(grade.score).toBeLessThan(grade.maxScore);
    expect(grade.verdicts['layers[*].outputShape']).toBe('correct');
    expect(grade.verdicts.totalParams).toBe('wrong');
    expect(grade.verdicts['layers[*].params']).toBe('missing');
    // The focus moves to the score. Hints come first: no expected value, no worked solution yet.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('dnn-grade-heading');
    const row = page.locator('[data-grade-path="totalParams"]');
    expect(await row.innerText()).not.toContain(String(answer.totalParams));
    expect(await page.getByTestId('worked-solution').count()).toBe(0);
    // Hint 1: what to compute, one line per step of the solution, no maths.
    const hint = page.getByTestId('hint');
    expect(await hint.locator('li').count()).toBe(exercise.solution.steps.length);
    expect(await hint.locator('li').first().innerText()).toBe(exercise.solution.steps[0]!.title);
    expect(await hint.locator('.katex').count()).toBe(0);
    // Hint 2: the same steps with their maths (KaTeX), results hidden.
    await page.getByRole('button', { name: 'Show the numbers (hint 2)' }).click();
    await expect.poll(() => hint.locator('.katex').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('feedback').getAttribute('data-hint-stage')).toBe('2');
    expect(await page.locator('.katex-error').count()).toBe(0);
    await screenshot(page, 'practice-hint');
    // Try again: the grade and hints go, the answers stay, the focus returns to the form.
    await page.getByRole('button', { name: 'Try again' }).click();
    expect(await page.getByTestId('grade').count()).toBe(0);
    expect(await page.getByTestId('feedback').count()).toBe(0);
    expect(await answerInput(page, 'totalParams').inputValue()).toBe(String(answer.totalParams * 2));
    expect(await page.evaluate(() => document.activeElement?.tagName)).toMatch(/INPUT|TEXTAREA/);
    // Second attempt, still wrong: hint 1 again; then the full solution on request.
    await answerInput(page, 'totalParams').fill(String(answer.totalParams * 3));
    await page.getByRole('button', { name: 'Grade' }).click();
    await page.getByTestId('hint').waitFor();
    expect(await page.getByTestId('feedback').getAttribute('data-hint-stage')).toBe('1');
    await page.getByRole('button', { name: 'Show the full solution' }).click();
    const worked = page.getByTestId('worked-solution');
    await worked.waitFor();
    expect(await worked.locator('[data-testid="steps"] .katex').count()).toBeGreaterThan(0);
    expect(await row.innerText()).toContain(String(answer.totalParams));
    expect(await page.getByTestId('hint').count()).toBe(0);
    expect(await page.locator('.katex-error').count()).toBe(0);
    await screenshot(page, 'practice-graded');
    expect(problems).toEqual(clean);
    await page.close();
  });

  it('mlp-step: fields in the order a student works, layers typed cell by cell in the grids, full marks', async () => {
    const { page, problems } = await practice('?id=optim/mlp-step&seed=1&difficulty=medium');
    const exercise = generateExercise(registry, generators, 'optim/mlp-step', 1, 'medium');
    const paths = await page.locator('[data-answer-path]').evaluateAll((els) => els.map((e) => e.dataset.answerPath));
    expect(paths).toEqual(['activations', 'loss', 'gradients', 'updated']);
    // No JSON text area: the layers are cards with a grid of blank cells per weight matrix, its size the layer's.
    const a = exercise.solution.answer as {
      activations: number[][];
      loss: number;
      gradients: { weights: number[][]; bias: number[] }[];
      updated: { weights: number[][]; bias: number[] }[];
    };
    await answerInput(page, 'activations').fill(a.activations.map((r) => r.join(', ')).join('\n'));
    await answerInput(page, 'loss').fill(String(a.loss));
    for (const path of ['gradients', 'updated'] as const) {
      const cards = page.locator(`[data-answer-path="${path}"] .dnn-records__row`);
      expect(await cards.count()).toBe(a[path].length);
      for (const [i, layer] of a[path].entries()) {
        const cells = page.locator(`[data-field="${path}[${i}].weights"] .dnn-grid-editor__cell`);
        expect(await cells.count()).toBe(layer.weights.flat().length);
        expect(await cells.first().inputValue()).toBe('');
        for (const [k, w] of layer.weights.flat().entries()) await cells.nth(k).fill(String(w));
        await page.locator(`[data-field="${path}[${i}].bias"] input`).fill(layer.bias.join(', '));
      }
    }
    await screenshot(page, 'practice-mlp-step-grids');
    await page.getByRole('button', { name: 'Grade' }).click();
    const grade = await shownGrade(page);
    expect(grade.score, JSON.stringify(grade.verdicts)).toBe(grade.maxScore);
    expect(problems).toEqual(clean);
    await page.close();
  });

  it('gives partial credit for a rounding slip and accepts fractions and lists as typed', async () => {
    // optim/loss, easy, seed 42: mse of [4, 2, 2] against [4, 4, −3] = (0 + 4 + 25)/3 = 29/3 (by hand).
    const { page } = await practice('?id=optim/loss&seed=42&difficulty=easy');
    const exercise = generateExercise(registry, generators, 'optim/loss', 42, 'easy');
    expect((exercise.solution.answer as { loss: number }).loss).toBeCloseTo(29 / 3, 12);
    await answerInput(page, 'loss').fill('29/3');
    // ∂L/∂ŷ = 2(ŷ − y)/3 = [0, −4/3, 10/3]; the last written 3.32 is off by 0.4%, within ten times the 0.1% tolerance: half marks.
    await answerInput(page, 'gradient').fill('0, -4/3, 3.32');
    await page.getByRole('button', { name: 'Grade' }).click();
    const grade = await shownGrade(page);
    expect(grade.verdicts.loss).toBe('correct');
    expect(grade.verdicts.gradient).toBe('partial');
    expect(grade.score).toBeLessThan(grade.maxScore);
    await page.close();
  });

  it('changing the topic or the problem draws a question of it; the difficulty keeps the seed', async () => {
    const { page, problems } = await practice('?id=conv/output-shape&seed=42&difficulty=easy');
    const conv = await question(page);
    const topic = page.getByLabel('Topic or problem');
    await topic.selectOption('rnn');
    await expect.poll(() => query(page).topic).toBe('rnn');
    expect(query(page).id).toMatch(/^rnn\//);
    await expect.poll(() => shownId(page)).toBe(query(page).id);
    expect(await question(page)).not.toBe(conv);
    const { id, seed } = query(page);
    expect(await question(page)).toBe(generateExercise(registry, generators, id!, Number(seed), 'easy').question);

    await topic.selectOption('optim/softmax');
    await expect.poll(() => shownId(page)).toBe('optim/softmax');
    // New question stays on the chosen problem, with a new seed.
    const before = query(page).seed;
    await page.getByRole('button', { name: 'New question' }).click();
    await expect.poll(() => query(page).seed).not.toBe(before);
    expect(await shownId(page)).toBe('optim/softmax');

    const seedNow = query(page).seed;
    await page.getByLabel('Difficulty').selectOption('hard');
    await expect.poll(() => query(page).difficulty).toBe('hard');
    expect(query(page).seed).toBe(seedNow);
    expect(await question(page)).toBe(
      generateExercise(registry, generators, 'optim/softmax', Number(seedNow), 'hard').question,
    );

    // Back returns to the previous question.
    await page.goBack();
    await expect.poll(() => query(page).difficulty).toBe('easy');
    expect(problems).toEqual(clean);
    await page.close();
  });

  it('toggles the answer key, with the worked solution, by keyboard', async () => {
    const { page, problems } = await practice('?id=conv/output-shape&seed=42&difficulty=easy');
    const toggle = page.getByRole('button', { name: 'Show answer key' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByTestId('answer-key').count()).toBe(0);
    await toggle.focus();
    await page.keyboard.press('Enter');
    const key = page.getByTestId('answer-key');
    await key.waitFor();
    expect(await key.locator('[data-testid="steps"] .katex').count()).toBeGreaterThan(0);
    const hide = page.getByRole('button', { name: 'Hide answer key' });
    expect(await hide.getAttribute('aria-expanded')).toBe('true');
    await hide.press('Space');
    await expect.poll(() => page.getByTestId('answer-key').count()).toBe(0);
    // Every answer field is labelled.
    const label = await page.locator('[data-answer-path="outputShape"] label').innerText();
    expect(label).toContain('outputShape');
    expect(await page.getByLabel(/Output shape/).count()).toBe(1);
    expect(problems).toEqual(clean);
    await page.close();
  });

  it('is linked from the navbar and the home page', async () => {
    const { page, problems } = await open('/');
    expect(await page.locator('nav.navbar a[href="/practice"]').count()).toBeGreaterThan(0);
    expect(await page.locator('main a[href="/practice"]').count()).toBeGreaterThan(0);
    await page.locator('nav.navbar a[href="/practice"]').first().click();
    await page.waitForSelector('.dnn-practice[data-ready="true"] [data-testid="question"]');
    expect(new URL(page.url()).pathname).toBe('/practice');
    expect(problems).toEqual(clean);
    await page.close();
  });
});
