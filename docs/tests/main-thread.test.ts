/**
 * A calculator page's main thread stays light (issue 12 point 6): the solver
 * library and KaTeX run only in the solve worker, yet the prerendered maths
 * survives hydration and a page reached by client-side navigation gets its
 * maths from the worker. Byte counts and timings live in `bench:pages`; this
 * checks what is loaded where.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { solveById } from '../src/components/solve-outcome';
import { findSolver } from '../src/registry';
import { servedSite } from './harness';

const { open } = servedSite();

/**
 * The scripts the window itself loaded to run (initiator `script`: not the
 * chunks Docusaurus prefetches for links, which are fetched but not run; a
 * worker's own imports are in the worker's timeline, not here).
 */
async function windowScripts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((e) => e.initiatorType === 'script' && new URL(e.name).pathname.endsWith('.js'))
      .map((e) => e.name),
  );
}

/** Steps whose maths is on screen as KaTeX. */
async function mathsShown(page: Page): Promise<number> {
  return page.locator('.dnn-steps li .dnn-tex .katex').count();
}

const PAGES = ['conv/summary', 'optim/gradient', 'logic/region-mlp'];

describe('calculator pages solve and typeset in the worker', () => {
  for (const id of PAGES) {
    it(`${id}: no solver library and no KaTeX among the window's scripts; prerendered maths kept`, async () => {
      const { page, problems } = await open(`/calculators/${id}`);
      const outcome = solveById(id, findSolver(id)?.examples[0]?.input);
      const withMaths = outcome.kind === 'solved' ? outcome.solution.steps.filter((s) => s.latex).length : 0;
      expect(withMaths).toBeGreaterThan(0);
      // Hydrated (open waits for it): every step's maths is still there, before the worker has answered.
      expect(await mathsShown(page)).toBe(withMaths);

      const scripts = await windowScripts(page);
      expect(scripts.length).toBeGreaterThan(1);
      for (const url of scripts) {
        expect(new URL(url).pathname, url).not.toMatch(/dnn-solvers/);
        const body = await (await page.request.get(url)).text();
        // KaTeX's parser error text: KaTeX may not run on this thread.
        expect(body.includes('KaTeX parse error'), `${url} holds KaTeX`).toBe(false);
      }
      expect(problems.errors).toEqual([]);
      await page.close();
    });
  }

  it('a calculator reached by client-side navigation gets its maths from the worker', async () => {
    const { page, problems } = await open('/calculators');
    await page.locator('a[href="/calculators/conv/output-shape"]').first().click();
    await page.waitForSelector('[data-solver-id="conv/output-shape"][data-ready="true"]');
    await expect.poll(() => mathsShown(page), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(problems.errors).toEqual([]);
    await page.close();
  });
});
