/**
 * The calculator as a student uses it, on conv/output-shape (the reference
 * solver): fill a field and read the new answer and its KaTeX steps; a bad
 * value shows the error on that field; the URL carries the input so a shared
 * link reproduces the solution; hostile input in a URL is shown as text and
 * runs nothing. Plus the guides, the widgets and the kernel playground.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, servedSite } from './harness';

const { open } = servedSite();

const ID = 'conv/output-shape';
const answerOf = async (page: Page, key: string) =>
  JSON.parse((await page.locator(`[data-answer-key="${key}"]`).getAttribute('data-value')) ?? 'null');
/** The field's input element, found by its label (the label text includes the field name). */
const field = (page: Page, name: string) =>
  page.locator(`[data-field="${name}"]`).locator('input, select, textarea').first();

describe(`the ${ID} calculator`, () => {
  it('solves the exam preset, re-solves when a field changes, and renders the steps with KaTeX', async () => {
    const { page, problems } = await open(`/calculators/${ID}`);
    // First preset: 26×26×26, 5 filters 7×7, stride 3, padding 1 → ⌊(26 + 2 − 6 − 1)/3⌋ + 1 = 8 (by hand).
    expect(await answerOf(page, 'outputShape')).toEqual([5, 8, 8]);

    // Padding 0: ⌊(26 − 6 − 1)/3⌋ + 1 = ⌊19/3⌋ + 1 = 7 (by hand).
    await field(page, 'padding').fill('0');
    await expect.poll(() => answerOf(page, 'outputShape')).toEqual([5, 7, 7]);
    expect(await answerOf(page, 'divisible')).toBe(false);
    await page.waitForSelector('.dnn-calculator[data-ready="true"]'); // the steps' maths follows the answer

    // The label is tied to its input (keyboard and screen-reader use).
    await expect.poll(() => page.getByLabel(/Out channels/).inputValue()).toBe('5');

    expect(await page.locator('[data-testid="steps"] .katex').count()).toBeGreaterThan(2);
    const text = await page.locator('main').innerText();
    expect(text).not.toContain('\\frac');
    expect(text).not.toContain('\\left');
    expect(await page.locator('.katex-error').count()).toBe(0);
    await screenshot(page, 'calculator-filled');
    expect(problems).toEqual({ errors: [], dialogs: [], offsite: [] });
    await page.close();
  });

  it('shows an invalid value as an inline error on that field, naming it', async () => {
    const { page, problems } = await open(`/calculators/${ID}`);
    await field(page, 'kernel').fill('0');
    const error = page.locator('[data-error-for="kernel"]');
    await expect.poll(() => error.count()).toBe(1);
    expect(await error.innerText()).toMatch(/^kernel\b/);
    expect(await field(page, 'kernel').getAttribute('aria-invalid')).toBe('true');
    // The last good answer stays, dimmed, while the input is invalid.
    expect(await page.locator('[data-testid="answer"].dnn-answer--stale').count()).toBe(1);

    // A solver-level (DnnInputError) check lands on its field too: a conv layer on [C, H, W] needs outChannels.
    await field(page, 'kernel').fill('3');
    await field(page, 'outChannels').fill('');
    await expect.poll(() => page.locator('[data-error-for="outChannels"]').count()).toBe(1);
    expect(await page.locator('[data-error-for="outChannels"]').innerText()).toContain('outChannels');

    // Text in a number field is reported by the solver's schema, on that field.
    await field(page, 'outChannels').fill('abc');
    await expect.poll(() => page.locator('[data-error-for="outChannels"]').innerText()).toMatch(/outChannels: must be/);
    await screenshot(page, 'calculator-error');
    expect(problems).toEqual({ errors: [], dialogs: [], offsite: [] });
    await page.close();
  });

  it('keeps the input in the URL, and a shared URL reproduces the solution', async () => {
    const { page } = await open(`/calculators/${ID}`);
    await page.getByRole('button', { name: /AlexNet/ }).click();
    await field(page, 'outChannels').fill('64');
    // 256×256 RGB, 64 filters 11×11, stride 4, padding 5: ⌊255/4⌋ + 1 = 64 (by hand).
    await expect.poll(() => answerOf(page, 'outputShape')).toEqual([64, 64, 64]);
    // The answer comes first, the steps with their maths a moment later: read them once the calculator settled.
    await page.waitForSelector('.dnn-calculator[data-ready="true"]');
    const shared = page.url();
    expect(new URL(shared).searchParams.get('input')).toContain('"outChannels":64');
    const steps = await page.locator('[data-testid="steps"]').innerText();
    await page.close();

    const again = await open(new URL(shared).pathname + new URL(shared).search);
    await expect.poll(() => answerOf(again.page, 'outputShape')).toEqual([64, 64, 64]);
    expect(await again.page.locator('[data-testid="steps"]').innerText()).toBe(steps);
    expect(await field(again.page, 'outChannels').inputValue()).toBe('64');
    expect(again.problems).toEqual({ errors: [], dialogs: [], offsite: [] });
    await again.page.close();

    // A hand-written link works too.
    const input = { inputShape: [1, 28, 28], outChannels: 6, kernel: 5 };
    const typed = await open(`/calculators/${ID}?input=${encodeURIComponent(JSON.stringify(input))}`);
    await expect.poll(() => answerOf(typed.page, 'outputShape')).toEqual([6, 24, 24]);
    await typed.page.close();
  });

  it('renders hostile input from a URL as text and runs nothing', async () => {
    const evil = '<img src=x onerror=alert(1)></script><script>alert(2)</script>';
    const input = { inputShape: evil, kind: evil, kernel: [evil], [evil]: 1 };
    const { page, problems } = await open(`/calculators/${ID}?input=${encodeURIComponent(JSON.stringify(input))}`);
    await expect.poll(() => page.locator('[role="alert"]').count()).toBeGreaterThan(0);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.locator('main script').count()).toBe(0);
    expect(await field(page, 'inputShape').inputValue()).toBe(evil);
    expect(await page.locator('main').innerText()).toContain('<img src=x');

    // A query that is not JSON at all is reported, not executed.
    const raw = await open(`/calculators/${ID}?input=${encodeURIComponent('</script><img src=x onerror=alert(3)>')}`);
    await expect.poll(() => raw.page.getByText('not valid JSON').count()).toBe(1);
    expect(await raw.page.locator('img[src="x"]').count()).toBe(0);
    expect(raw.problems).toEqual({ errors: [], dialogs: [], offsite: [] });
    await raw.page.close();

    expect(problems.dialogs).toEqual([]);
    expect(problems.errors).toEqual([]);
    await screenshot(page, 'calculator-hostile-url');
    await page.close();
  });
});

describe('guides and widgets', () => {
  const pages = [
    '/',
    '/docs',
    '/docs/guides/convolutions',
    '/docs/guides/recurrent',
    '/docs/guides/optimisation',
    '/docs/guides/logic-nets',
    '/docs/guides/wasm-kernels',
    '/docs/teachers/lms-export',
    '/widgets',
    '/docs/api',
  ];
  for (const path of pages) {
    it(`${path} renders its maths with KaTeX, with no console errors and no off-site requests`, async () => {
      const { page, problems } = await open(path);
      const text = await page.locator('main').innerText();
      expect(text).not.toMatch(/\\frac|\\lfloor|\\operatorname/);
      expect(await page.locator('.katex-error').count()).toBe(0);
      if (path.startsWith('/docs/guides/')) {
        expect(await page.locator('.katex').count()).toBeGreaterThan(0);
        // Each topic embeds calculators preset to exam cases (the WASM guide: the kernel playground).
        expect(await page.locator('.dnn-calculator, [data-missing-solver], [data-widget]').count()).toBeGreaterThan(0);
      }
      await screenshot(page, `page${path === '/' ? '-home' : path.replace(/\//g, '-')}`);
      expect(problems).toEqual({ errors: [], dialogs: [], offsite: [] });
      await page.close();
    });
  }

  it('the kernel playground redraws its output when the kernel changes', async () => {
    const { page, problems } = await open('/widgets');
    const out = page.locator('[data-widget="kernel-playground"] canvas[data-output-hash]');
    await expect.poll(() => out.getAttribute('data-output-hash')).not.toBe('');
    const before = await out.getAttribute('data-output-hash');
    expect(await page.getByTestId('kernel-backend').innerText()).toMatch(/WASM|TypeScript/);
    await page.getByLabel('Kernel row 2 column 2').fill('4');
    await expect.poll(() => out.getAttribute('data-output-hash')).not.toBe(before);
    const afterEdit = await out.getAttribute('data-output-hash');
    await page.locator('[data-widget="kernel-playground"] select').first().selectOption('box blur');
    await expect.poll(() => out.getAttribute('data-output-hash')).not.toBe(afterEdit);
    await page
      .locator('[data-widget="kernel-playground"]')
      .screenshot({ path: `${process.cwd()}/test-results/screenshots/widget-kernel-playground.png` });
    expect(problems).toEqual({ errors: [], dialogs: [], offsite: [] });
    await page.close();
  });

  it('the receptive-field grid lights up the input pixels an output cell sees', async () => {
    const { page } = await open('/widgets');
    const widget = page.locator('[data-widget="receptive-field"]');
    // Three 3×3 convolutions, stride 1: receptive field 7 (1 + 2 + 2 + 2), so 49 lit pixels.
    await widget.getByLabel('Output cell row 2 column 3').hover();
    await expect.poll(() => widget.locator('.dnn-rf-cell--lit').count()).toBe(49);
    await page.close();
  });

  it('the RNN stepper steps through time', async () => {
    const { page } = await open('/widgets');
    const widget = page.locator('[data-widget="rnn-stepper"]');
    await widget.getByRole('button', { name: 'Next step' }).click();
    await expect.poll(() => widget.getByText('Step 2 of 4').count()).toBe(1);
    // h1 = tanh(0.5·1) = 0.462, h2 = tanh(0.5·2 + 0.8·0.4621) = tanh(1.3697) ≈ 0.8786 (by hand), shown to 3 decimals.
    expect(await widget.locator('svg').textContent()).toContain('h2=0.879');

    // LSTM, biases 0, h0 = c0 = 0, x1 = 1: i = σ(0.3), f = σ(0.6), g = tanh(0.5), o = σ(0.4);
    // c1 = i·g = 0.57444·0.46212 = 0.26546, h1 = o·tanh(c1) = 0.59869·0.25942 = 0.15531 (by hand).
    await widget.locator('select').first().selectOption('lstm');
    await expect.poll(async () => widget.locator('svg').textContent()).toContain('c1=0.265');
    expect(await widget.locator('svg').textContent()).toContain('h1=0.155');
    await page.close();
  });

  it('the decision boundary gets XOR right with the MLP that logic/mlp designs', async () => {
    const { page, problems } = await open('/widgets');
    const widget = page.locator('[data-widget="decision-boundary"]');
    await widget.getByLabel('Function').selectOption('XOR');
    expect(await widget.getByText(/of 4 rows correct/).textContent()).not.toContain('4 of 4');
    await widget.getByRole('button', { name: 'Design a perceptron' }).click();
    await expect.poll(() => widget.getByText(/not linearly separable|not published/).count()).toBe(1);
    await widget.getByRole('button', { name: 'Design an MLP' }).click();
    await expect
      .poll(() => widget.getByText(/rows correct/).textContent())
      .toMatch(/4 of 4 rows correct|not published/);
    expect(problems).toEqual({ errors: [], dialogs: [], offsite: [] });
    await page.close();
  });
});
