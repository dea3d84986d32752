/**
 * Browser-test harness: serves the built site (docs/build, or $DNN_SITE_BUILD
 * so that parallel work can test its own `docusaurus build --out-dir`) on 127.0.0.1 from
 * the test process and drives Debian's Chromium through playwright-core.
 * Every page opened through `open` records console errors, page errors and
 * dialogs; screenshots go to docs/test-results/screenshots (a CI artefact).
 */
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

const docsDir = fileURLToPath(new URL('..', import.meta.url));
export const buildDir = process.env.DNN_SITE_BUILD ?? join(docsDir, 'build');
export const screenshotDir = join(docsDir, 'test-results', 'screenshots');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain',
  '.xml': 'application/xml',
};

/** The file a URL path maps to in the build (Docusaurus writes `x.html` or `x/index.html`). */
export function resolveFile(urlPath: string): string | undefined {
  const clean = normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, '');
  const base = join(buildDir, clean);
  if (!base.startsWith(buildDir)) return undefined;
  for (const candidate of [base, `${base}.html`, join(base, 'index.html')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** Starts a static server for the build on a free port of 127.0.0.1. */
export async function serveBuild(): Promise<{ server: Server; origin: string }> {
  if (!existsSync(join(buildDir, 'index.html')))
    throw new Error('docs/build is missing: run `pnpm --filter @dnn/docs build` first');
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const file = resolveFile(path);
    if (!file) {
      res.writeHead(404, { 'content-type': TYPES['.html']! });
      res.end(readFileSync(join(buildDir, '404.html')));
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { server, origin: `http://127.0.0.1:${port}` };
}

/** Launches Debian's Chromium headless, with no background networking. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

/** What went wrong on a page: console errors, uncaught errors, dialogs (alert() etc.), requests off this machine. */
export interface PageProblems {
  errors: string[];
  dialogs: string[];
  offsite: string[];
}

/** The viewport (and colour scheme) a page is opened with. */
export interface View {
  width: number;
  height: number;
  dark?: boolean;
}

/** Opens `path` in a new page, recording its problems; waits for the network to settle. */
export async function open(
  browser: Browser,
  origin: string,
  path: string,
  view: View = { width: 1200, height: 900 },
): Promise<{ page: Page; problems: PageProblems }> {
  const page = await browser.newPage({
    viewport: { width: view.width, height: view.height },
    colorScheme: view.dark ? 'dark' : 'light',
  });
  const problems: PageProblems = { errors: [], dialogs: [], offsite: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') problems.errors.push(m.text());
  });
  page.on('pageerror', (e) => problems.errors.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => {
    problems.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) problems.offsite.push(url);
  });
  await page.goto(origin + path, { waitUntil: 'networkidle' });
  await page.waitForSelector('html[data-dnn-hydrated="true"]', { state: 'attached' });
  await page.waitForFunction(() => document.querySelectorAll('.dnn-calculator:not([data-ready="true"])').length === 0);
  return { page, problems };
}

/**
 * For one test file: serves the build and launches Chromium before its tests
 * and closes both after them. Returns `open(path, view)`, bound to them.
 */
export function servedSite(): { open: (path: string, view?: View) => ReturnType<typeof open> } {
  let site: { server: Server; origin: string } | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    site = await serveBuild();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    site?.server.close();
  });
  return {
    open: (path, view) => {
      if (!site || !browser) throw new Error('servedSite: open() is for tests, after beforeAll');
      return open(browser, site.origin, path, view);
    },
  };
}

/** Saves a screenshot as docs/test-results/screenshots/<name>.png (the whole page unless `fullPage` is false). */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage });
}

/** Violations of axe-core's rules with impact serious or critical on the current page (axe-core from npm, injected). */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<AxeResults> } }).axe;
    const results = await axe.run(document);
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

interface AxeResults {
  violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[];
}

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
