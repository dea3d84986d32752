/**
 * The standalone exam sheet of `dnn exam --format html` printed by Chromium: one A4 page per question, no form
 * controls in the printed document, and the answer key printable too. Runs without the site build.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { solvers as conv } from '@dnn/conv';
import { createRegistry } from '@dnn/core';
import { solvers as logicNets } from '@dnn/logic-nets';
import { solvers as optim } from '@dnn/optim';
import { DIFFICULTIES, examHtml, examVariant, generators, readExamSpec } from '@dnn/practice';
import { solvers as rnn } from '@dnn/rnn';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotDir } from './harness.js';

const registry = createRegistry([
  { name: '@dnn/conv', solvers: conv },
  { name: '@dnn/rnn', solvers: rnn },
  { name: '@dnn/optim', solvers: optim },
  { name: '@dnn/logic-nets', solvers: logicNets },
]);
const spec = readExamSpec(
  {
    title: 'Deep learning — midterm',
    instructions: 'Show your work. Answers without steps earn no points.',
    seed: 2024,
    items: [
      { solver: 'conv/output-shape', difficulty: 'easy', points: 2 },
      { topic: 'rnn', points: 3 },
      { topic: 'optim', points: 3 },
      { solver: 'conv/summary', difficulty: 'hard', points: 4 },
    ],
  },
  generators,
);
const variant = examVariant(registry, generators, spec, 's01');

/** Pages of a PDF: its page objects (`/Type /Page`, not the `/Pages` tree). */
const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g)?.length ?? 0;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function print(html: string, name: string) {
  const page = await browser.newPage();
  await page.setContent(html, { waitUntil: 'load' });
  await page.emulateMedia({ media: 'print' });
  const controls = await page.locator('button, input, select, textarea, [contenteditable]').count();
  const pdf = await page.pdf({ preferCSSPageSize: true });
  mkdirSync(screenshotDir, { recursive: true });
  writeFileSync(join(screenshotDir, `${name}.pdf`), pdf);
  await page.close();
  return { controls, pages: pageCount(pdf) };
}

describe('the printable exam sheet', () => {
  it('prints one page per question, with no form controls', async () => {
    const sheet = await print(examHtml(variant), 'exam-sheet');
    expect(sheet.controls).toBe(0);
    expect(sheet.pages).toBe(spec.items.length);
  });

  it('fits every generator’s question, at every difficulty, with its box on one page', async () => {
    const all = readExamSpec(
      {
        title: 'Every question',
        seed: 5,
        items: generators.flatMap((g) => DIFFICULTIES.map((difficulty) => ({ solver: g.id, difficulty, points: 1 }))),
      },
      generators,
    );
    const sheet = await print(examHtml(examVariant(registry, generators, all, 'catalog')), 'exam-sheet-catalog');
    expect(sheet.pages).toBe(all.items.length);
  });

  it('prints the answer key with every question, starting each on a new page', async () => {
    const key = await print(examHtml(variant, { answers: true }), 'exam-key');
    expect(key.controls).toBe(0);
    expect(key.pages).toBeGreaterThanOrEqual(spec.items.length);
  });
});
