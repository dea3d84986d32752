/**
 * Every registered solver has a working calculator page, and /calculators
 * lists and searches them all. The registry is enumerated, so a solver
 * without a page (or whose first example does not reproduce) fails here.
 */
import { describe, expect, it } from 'vitest';
import { findSolver, solverInfos } from '../src/registry';
import { resolveFile, screenshot, servedSite } from './harness';

const { open } = servedSite();

/** True when `actual` contains `expected` (numbers within 1e-9, as the examples' contract says). */
function matchesSubset(actual: unknown, expected: unknown): boolean {
  if (typeof expected === 'number')
    return typeof actual === 'number' && Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
  if (Array.isArray(expected)) {
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((e, i) => matchesSubset(actual[i], e))
    );
  }
  if (expected !== null && typeof expected === 'object') {
    return (
      actual !== null &&
      typeof actual === 'object' &&
      Object.entries(expected).every(([k, v]) => matchesSubset((actual as Record<string, unknown>)[k], v))
    );
  }
  return actual === expected;
}

describe('the calculator index', () => {
  it('lists every registered solver and filters by id and title', async () => {
    const { page, problems } = await open('/calculators');
    const listed = await page
      .locator('[data-solver-id]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-solver-id')));
    expect(listed).toEqual(solverInfos.map((i) => i.id));
    await screenshot(page, 'calculators');

    const first = solverInfos[0]!;
    await page.getByLabel('Search by id or title').fill(first.id);
    await expect.poll(() => page.locator('[data-solver-id]').count()).toBeGreaterThan(0);
    const afterId = await page
      .locator('[data-solver-id]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-solver-id')));
    expect(afterId).toContain(first.id);
    expect(afterId.every((id) => id?.includes(first.id))).toBe(true);

    await page.getByLabel('Search by id or title').fill(first.title.split(' ').slice(0, 3).join(' '));
    expect(await page.locator(`[data-solver-id="${first.id}"]`).count()).toBe(1);
    await page.getByLabel('Search by id or title').fill('no such solver zzz');
    expect(await page.locator('[data-solver-id]').count()).toBe(0);
    expect(problems).toEqual({ errors: [], dialogs: [], offsite: [] });
    await page.close();
  });
});

describe('every registered solver has a calculator page', () => {
  it('finds at least one solver in the registry', () => {
    expect(solverInfos.length).toBeGreaterThan(0);
  });

  for (const info of solverInfos) {
    it(`${info.id}: the page exists, shows its id and reproduces its first example`, async () => {
      expect(resolveFile(`/calculators/${info.id}`), `no built page for ${info.id}`).toBeDefined();
      const { page, problems } = await open(`/calculators/${info.id}`);
      expect(await page.getByTestId('solver-id').textContent()).toBe(info.id);
      const solver = findSolver(info.id)!;
      const example = solver.examples[0];
      if (example) {
        for (const [key, expected] of Object.entries(example.answer)) {
          const shown = await page.locator(`[data-answer-key="${key}"]`).getAttribute('data-value');
          expect(shown, `${info.id}: answer field ${key}`).not.toBeNull();
          expect(matchesSubset(JSON.parse(shown!), expected), `${info.id}.${key}: shown ${shown}`).toBe(true);
        }
        expect(await page.locator('[data-testid="steps"] .katex').count()).toBeGreaterThan(0);
      }
      expect(problems).toEqual({ errors: [], dialogs: [], offsite: [] });
      await screenshot(page, `calculator-${info.id.replace('/', '-')}`);
      await page.close();
    });
  }
});
