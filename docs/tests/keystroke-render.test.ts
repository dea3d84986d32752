/**
 * What one keystroke redraws on conv/summary (issue 12 point 6: typing never
 * stutters on the largest answer). Editing the last layer leaves the other
 * layers' table rows and form cards alone — same DOM nodes, no DOM writes —
 * and the new answer is painted before the worked steps' maths replaces the
 * old steps (laying out a long solution never holds the answer back). The
 * milliseconds live in `bench:pages`; this checks what changes, and in which order.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { findSolver } from '../src/registry';
import { servedSite } from './harness';

const { open } = servedSite();

const DESKTOP = { width: 1280, height: 800 };

/** conv/summary's first example: …, flatten, dense 32, dense 2 (the layers this test edits). */
const layers = findSolver('conv/summary')?.examples[0]?.input.layers as { type: string; units?: number }[];
const last = layers.length - 1;

declare global {
  interface Window {
    __render?: {
      frame: number;
      answerFrame?: number;
      stepsFrame?: number;
      /** DOM writes inside each answer row (by row index) and inside each form card. */
      rowWrites: number[];
      cardWrites: number[];
    };
  }
}

/** In the page: counts frames, and records the DOM writes per answer row and per layer card from now on. */
async function watch(page: Page): Promise<void> {
  await page.evaluate(() => {
    const state: NonNullable<Window['__render']> = { frame: 0, rowWrites: [], cardWrites: [] };
    window.__render = state;
    const tick = () => {
      state.frame++;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const options = { subtree: true, childList: true, characterData: true, attributes: true };
    const countWrites = (selector: string, into: number[]) => {
      document.querySelectorAll(selector).forEach((el, i) => {
        into[i] = 0;
        new MutationObserver((rs) => {
          into[i] = (into[i] ?? 0) + rs.length;
        }).observe(el, options);
      });
    };
    countWrites('[data-answer-key="layers"] tbody tr', state.rowWrites);
    countWrites('[data-field="layers"] .dnn-records__row', state.cardWrites);
    const answer = document.querySelector('[data-testid="answer"]');
    const steps = document.querySelector('[data-testid="steps"] ol');
    if (answer) {
      new MutationObserver(() => {
        state.answerFrame ??= state.frame;
      }).observe(answer, options);
    }
    if (steps) {
      new MutationObserver(() => {
        state.stepsFrame ??= state.frame;
      }).observe(steps, { subtree: true, childList: true, characterData: true });
    }
  });
}

/** Tags every answer row and layer card with a property (kept only while React keeps the node). */
async function tagNodes(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const el of Array.from(
      document.querySelectorAll('[data-answer-key="layers"] tbody tr, [data-field="layers"] input'),
    )) {
      (el as unknown as { __tag: boolean }).__tag = true;
    }
  });
}

/** How many answer rows and layer inputs still carry the tag, and how many there are. */
async function tagged(page: Page): Promise<{ rows: boolean[]; inputs: number; allInputs: number }> {
  return page.evaluate(() => {
    const has = (el: Element) => (el as unknown as { __tag?: boolean }).__tag === true;
    const inputs = Array.from(document.querySelectorAll('[data-field="layers"] input'));
    return {
      rows: Array.from(document.querySelectorAll('[data-answer-key="layers"] tbody tr')).map(has),
      inputs: inputs.filter(has).length,
      allInputs: inputs.length,
    };
  });
}

describe('a keystroke on conv/summary redraws only what it changed', () => {
  it('finds the example this test edits: … dense 32, dense 2', () => {
    expect(layers[last]).toMatchObject({ type: 'dense', units: 2 });
    expect(layers[last - 1]).toMatchObject({ type: 'dense', units: 32 });
  });

  it('editing the last layer leaves the other rows and cards untouched, and the answer paints before the steps', async () => {
    const { page, problems } = await open('/calculators/conv/summary', DESKTOP);
    const table = page.locator('[data-answer-key="layers"] table');
    const params = (await table.locator('thead th').allTextContents()).indexOf('Params');
    expect(params).toBeGreaterThan(0);
    const paramsOfLast = () =>
      table
        .locator(`tbody tr[data-row="${last}"] > *`)
        .nth(params)
        .innerText()
        .then((t) => t.trim());
    // Dense 32 → 2: 32·2 weights + 2 biases = 66 (by hand).
    expect(await paramsOfLast()).toBe('66');
    await tagNodes(page);
    await watch(page);

    const units = page.locator(`[data-field="layers[${last}].units"] input`).first();
    await units.focus();
    await units.press('End');
    await units.press('Backspace');
    await units.press('3');
    await page.waitForSelector('.dnn-calculator[data-ready="true"]');
    // Dense 32 → 3: 32·3 weights + 3 biases = 99 (by hand).
    await expect.poll(paramsOfLast).toBe('99');
    await page.waitForSelector('.dnn-calculator[data-ready="true"]');

    const after = await tagged(page);
    const state = await page.evaluate(() => window.__render);
    if (!state) throw new Error('the page lost its watcher');
    // Every row and every layer input is the same DOM node as before the edit.
    expect(after.rows).toEqual(layers.map(() => true));
    expect(after.inputs).toBe(after.allInputs);
    // The rows and cards of the other layers got no DOM write at all; the edited ones did.
    expect(state.rowWrites.slice(0, last)).toEqual(layers.slice(0, last).map(() => 0));
    expect(state.rowWrites[last]).toBeGreaterThan(0);
    expect(state.cardWrites.slice(0, last)).toEqual(layers.slice(0, last).map(() => 0));
    // The field keeps focus through the edit.
    expect(await units.evaluate((el) => el === document.activeElement)).toBe(true);
    // The new answer had a frame of its own before the steps' maths came in.
    expect(state.answerFrame).toBeDefined();
    expect(state.stepsFrame).toBeDefined();
    expect(state.stepsFrame as number).toBeGreaterThan(state.answerFrame as number);
    expect(problems).toEqual({ errors: [], dialogs: [], offsite: [] });
    await page.close();
  });
});
