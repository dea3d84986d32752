/**
 * Weight and responsiveness of the built docs site, measured in Chromium
 * (issue 12 point 6). Serves a Docusaurus build (docs/build, or the directory
 * in DNN_SITE_BUILD) from this process and, for every calculator page, with a
 * cold cache each run:
 *
 * - JS executed: bytes of the page's scripts that ran on the main thread (from
 *   V8 coverage), the part of them that ran (coverage "used" bytes), scripts
 *   loaded by Web Workers, and JS fetched but not run (Docusaurus prefetches);
 * - CSS: stylesheet bytes fetched, and font bytes fetched;
 * - time to interactive: navigation start → every calculator root carries
 *   `data-ready="true"` (set after hydration), plus the total blocking time of
 *   long tasks before that moment;
 * - keystroke → updated answer on conv/summary's largest example: a digit is
 *   deleted and typed again in a numeric field; the time runs from the
 *   `keydown` event to the moment the answer region (`[data-testid="answer"]`)
 *   has new text, and to the next animation frame after it; plus the main thread's CPU time per keystroke
 *   (thread time, so a busy machine inflates it less than the wall-clock figures).
 *
 * A static check lists the JS files that contain the solver library: the
 * target is one shared chunk, not one copy per route.
 *
 * Sizes are uncompressed bytes as served (1 KB = 1,000 B). Figures are medians
 * of several runs. Standalone: `node dist/page-weight.js [--runs N] [--pages a,b] [--rounds N]
 * [--builds before=DIR,after=DIR]` (several builds are measured interleaved, for a fair before/after).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { registry } from '@dnn/cli';
import type { Browser, Page } from 'playwright-core';

/** Targets of issue 12 point 6. */
export const TARGETS = { jsKB: 600, cssKB: 80, ttiMs: 1000, keystrokeMs: 100 } as const;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
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

/** The site build to measure: $DNN_SITE_BUILD or docs/build of this repository. */
export function siteBuildDir(): string {
  return process.env.DNN_SITE_BUILD ?? fileURLToPath(new URL('../../../docs/build', import.meta.url));
}

function resolveFile(root: string, urlPath: string): string | undefined {
  const clean = normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, '');
  const base = join(root, clean);
  if (!base.startsWith(root)) return undefined;
  for (const candidate of [base, `${base}.html`, join(base, 'index.html')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** A static server for a build directory on a free port of 127.0.0.1 (no compression, no caching headers). */
export async function serveDir(root: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const file = resolveFile(root, new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/** Every calculator page of the build, as site paths (`/calculators/conv/summary`). */
export function calculatorPaths(root: string): string[] {
  const dir = join(root, 'calculators');
  return walk(dir)
    .filter((f) => f.endsWith('.html') && !f.endsWith(`${join('calculators', 'index.html')}`))
    .map((f) => `/calculators/${relative(dir, f).replace(/(\/index)?\.html$/, '')}`)
    .filter((p) => p.split('/').length === 4)
    .sort();
}

/** A string of solver code (conv/summary's error message), not of the catalog's titles: marks the solver library. */
const SOLVER_MARKER = 'too large to count exactly; use smaller layers';

/** JS files of the build that contain the solver library (marked by {@link SOLVER_MARKER}). */
export function solverLibraryChunks(root: string): { file: string; bytes: number }[] {
  const marker = SOLVER_MARKER;
  return walk(join(root, 'assets', 'js'))
    .filter((f) => f.endsWith('.js') && readFileSync(f, 'utf8').includes(marker))
    .map((f) => ({ file: relative(root, f), bytes: statSync(f).size }));
}

/** Bytes of a script that ran, from V8 block coverage (nested ranges override their parents). */
export function usedBytes(
  length: number,
  functions: { ranges: { startOffset: number; endOffset: number; count: number }[] }[],
): number {
  const ranges = functions.flatMap((f) => f.ranges);
  ranges.sort((a, b) => a.startOffset - b.startOffset || b.endOffset - a.endOffset);
  const used = new Uint8Array(length);
  for (const r of ranges) used.fill(r.count > 0 ? 1 : 0, r.startOffset, Math.min(r.endOffset, length));
  let n = 0;
  for (const b of used) n += b;
  return n;
}

/** One cold load of one page. */
export interface LoadFigures {
  jsExecuted: number;
  jsUsed: number;
  jsWorker: number;
  jsPrefetched: number;
  css: number;
  fonts: number;
  ttiMs: number;
  tbtMs: number;
  solverChunkRan: boolean;
}

declare global {
  interface Window {
    __dnnBench?: { ready?: number; longTasks: { start: number; duration: number }[] };
  }
}

/** In the page, before any script: records when every calculator is ready, and long tasks. */
function probe(): void {
  const state: { ready?: number; longTasks: { start: number; duration: number }[] } = { longTasks: [] };
  window.__dnnBench = state;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) state.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // long tasks unsupported: TBT stays 0
  }
  const check = () => {
    if (state.ready !== undefined) return;
    const roots = document.querySelectorAll('.dnn-calculator');
    if (roots.length > 0 && document.querySelectorAll('.dnn-calculator:not([data-ready="true"])').length === 0) {
      state.ready = performance.now();
    }
  };
  new MutationObserver(check).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['data-ready'],
  });
}

/** Loads `path` once in a fresh context and measures it. */
export async function loadOnce(browser: Browser, origin: string, path: string, root: string): Promise<LoadFigures> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript(probe);
  const bodies = new Map<string, { type: string; bytes: number; text?: string }>();
  const pending: Promise<void>[] = [];
  page.on('response', (r) => {
    pending.push(
      r
        .body()
        .then((b) => {
          const type = r.request().resourceType();
          const url = r.url();
          const isJs = url.endsWith('.js') || url.endsWith('.mjs');
          bodies.set(url, { type, bytes: b.length, ...(isJs ? { text: b.toString('utf8') } : {}) });
        })
        .catch(() => undefined),
    );
  });
  await page.coverage.startJSCoverage({ resetOnNavigation: false, reportAnonymousScripts: false });
  await page.goto(origin + path, { waitUntil: 'load' });
  const isCalculator = path.startsWith('/calculators/');
  if (isCalculator) {
    await page.waitForFunction(() => window.__dnnBench?.ready !== undefined, undefined, { timeout: 30_000 });
  }
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  const coverage = await page.coverage.stopJSCoverage();
  const bench = await page.evaluate(() => window.__dnnBench);
  await Promise.all(pending);
  const ran = new Set<string>();
  let jsExecuted = 0;
  let jsUsed = 0;
  let solverChunkRan = false;
  for (const entry of coverage) {
    if (!entry.url.startsWith(origin) || ran.has(entry.url)) continue;
    ran.add(entry.url);
    const source = entry.source ?? bodies.get(entry.url)?.text ?? '';
    jsExecuted += Buffer.byteLength(source);
    jsUsed += usedBytes(source.length, entry.functions);
    if (source.includes(SOLVER_MARKER)) solverChunkRan = true;
  }
  // Scripts run by Web Workers: each worker's entry and the chunks it imported (its resource timing), sized
  // from the build; a chunk the page also ran (the shared solver chunk) counts again, as it runs again there.
  let jsWorker = 0;
  for (const worker of page.workers()) {
    const urls = await worker
      .evaluate(() => performance.getEntriesByType('resource').map((e) => e.name))
      .catch(() => [] as string[]);
    for (const url of new Set([worker.url(), ...urls])) {
      if (!url.startsWith(origin) || !/\.m?js$/.test(new URL(url).pathname)) continue;
      const file = resolveFile(root, new URL(url).pathname);
      if (file) jsWorker += statSync(file).size;
    }
  }
  let jsPrefetched = 0;
  let css = 0;
  let fonts = 0;
  for (const [url, b] of bodies) {
    if (!url.startsWith(origin)) continue;
    if (url.endsWith('.css')) css += b.bytes;
    else if (/\.(woff2?|ttf)$/.test(url)) fonts += b.bytes;
    else if (b.text !== undefined && !ran.has(url) && b.type !== 'script') jsPrefetched += b.bytes;
  }
  const loaded = await page.evaluate(
    () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.loadEventEnd ?? 0,
  );
  // Pages without a calculator: the load event stands in for "interactive".
  const ready = bench?.ready ?? loaded;
  const tbtMs = (bench?.longTasks ?? [])
    .filter((t) => t.start < ready)
    .reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0);
  await context.close();
  return { jsExecuted, jsUsed, jsWorker, jsPrefetched, css, fonts, ttiMs: ready, tbtMs, solverChunkRan };
}

/** The example of conv/summary with the most layers (its largest preset). */
export function largestSummaryInput(): { title: string; input: Record<string, unknown> } {
  const examples = registry.get('conv/summary').examples as { title: string; input: Record<string, unknown> }[];
  const size = (e: { input: Record<string, unknown> }) =>
    (Array.isArray(e.input.layers) ? e.input.layers.length : 0) * 1e6 + JSON.stringify(e.input).length;
  return examples.reduce((a, b) => (size(b) > size(a) ? b : a));
}

/** One keystroke's latency: keydown → answer text changed, and → the frame after the last change it caused. */
export interface KeystrokeFigures {
  /** keydown → the next frame (the typed character on screen): how long typing itself is blocked. */
  echoMs: number;
  toDomMs: number;
  /** keydown → the frame after the answer region's last change (the updated answer on screen). */
  toAnswerFrameMs: number;
  /** keydown → the frame after the calculator's last change (answer, steps with their maths, pictures). */
  toFrameMs: number;
  /**
   * CPU time of the page's main thread from the keystroke until it settled (thread time of its tasks: the
   * keystroke, the answer, the steps' maths, and this probe's own polling).
   */
  cpuMs: number;
  error: boolean;
}

/** In the page: picks the field to type into and marks it; returns its description. */
function pickField(selector: string | null): string | null {
  const form = document.querySelector('.dnn-calculator form') ?? document.querySelector('.dnn-calculator');
  if (!form) return null;
  const candidates = [
    ...(selector ? document.querySelectorAll<HTMLInputElement>(selector) : []),
    ...form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input:not([type=hidden]), textarea'),
  ].filter((el) => el.offsetParent !== null && !el.disabled && !el.readOnly);
  // Prefer a layer's plain integer field of two or more digits (e.g. its channels), then any layer field
  // with such a number (the layers as JSON), then any field: the edit keeps the network valid.
  const inLayers = (el: Element) => (el.getAttribute('name') ?? '').startsWith('layers');
  const isPlain = (el: HTMLInputElement | HTMLTextAreaElement) => /^\d{2,}$/.test(el.value.trim());
  const hasNumber = (el: HTMLInputElement | HTMLTextAreaElement) => /\d{2,}/.test(el.value);
  const el =
    candidates.find((e) => inLayers(e) && isPlain(e)) ??
    candidates.find((e) => inLayers(e) && hasNumber(e)) ??
    candidates.find(isPlain) ??
    candidates.find(hasNumber);
  if (!el) return null;
  const plain = isPlain(el);
  const m = plain ? null : /\d{2,}/.exec(el.value);
  const caret = m ? m.index + m[0].length : el.value.length;
  el.dataset.benchField = String(caret);
  return `${el.tagName.toLowerCase()}[name="${el.getAttribute('name') ?? ''}"] aria-label="${el.getAttribute('aria-label') ?? ''}" value ${JSON.stringify(el.value.slice(0, 60))}, caret at ${caret}`;
}

/** What the page records about one keystroke (see {@link arm}). */
interface KeyState {
  before: string;
  down?: number;
  echo?: number;
  dom?: number;
  error?: boolean;
  last?: number;
  frame?: number;
  answerLast?: number;
  answerFrame?: number;
}

/**
 * In the page: arms the observers for the next keystroke. `dom` is when the answer region's text first
 * differs; `answerLast` the last change inside the answer region and `answerFrame` the animation frame
 * after it, i.e. when the updated answer is on screen; `last`/`frame` the same for any change in the
 * calculator (the steps' maths arrives from the worker after the answer).
 */
function arm(): void {
  const answerText = () => {
    const el = document.querySelector('[data-testid="answer"]');
    return el ? (el.textContent ?? '') : '<no answer region>';
  };
  const state: KeyState = { before: answerText() };
  (window as unknown as { __dnnKey: KeyState }).__dnnKey = state;
  document.addEventListener(
    'keydown',
    (e) => {
      if (state.down !== undefined) return;
      state.down = e.timeStamp;
      // The frame after the keystroke's own handlers: when the typed character shows.
      requestAnimationFrame(() => {
        state.echo = performance.now();
      });
    },
    { capture: true, once: true },
  );
  const root = document.querySelector('.dnn-calculator') ?? document.body;
  new MutationObserver((records) => {
    if (state.down === undefined) return;
    const now = performance.now();
    state.last = now;
    const answer = document.querySelector('[data-testid="answer"]');
    if (answer && records.some((r) => answer.contains(r.target))) {
      state.answerLast = now;
      requestAnimationFrame(() => {
        if ((state.answerLast ?? 0) <= now) state.answerFrame = performance.now();
      });
    }
    if (state.dom === undefined && answerText() !== state.before) {
      state.dom = now;
      state.error = document.querySelector('.dnn-calculator [role="alert"]') !== null;
    }
    requestAnimationFrame(() => {
      if ((state.last ?? 0) <= now) state.frame = performance.now();
    });
  }).observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
}

/** A conv/summary page open on its largest example, ready for {@link keystrokeRound}. */
export interface SummaryPage {
  page: Page;
  /** The main thread's CPU time so far (ms), from Chromium's performance metrics in thread time. */
  cpuMs(): Promise<number>;
  field: string;
  example: string;
  close(): Promise<void>;
}

/** Opens conv/summary with its largest example (by link) and picks the field to type into. */
export async function openSummary(browser: Browser, origin: string): Promise<SummaryPage> {
  const largest = largestSummaryInput();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page: Page = await context.newPage();
  await page.addInitScript(probe);
  const url = `${origin}/calculators/conv/summary?input=${encodeURIComponent(JSON.stringify(largest.input))}`;
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__dnnBench?.ready !== undefined, undefined, { timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(500);
  const field = await page.evaluate(pickField, process.env.DNN_BENCH_FIELD ?? null);
  if (!field) throw new Error('no numeric field to type into on conv/summary');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const cpuMs = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? Number.NaN) * 1000;
  };
  return { page, cpuMs, field, example: largest.title, close: () => context.close() };
}

/** One delete/retype pair of keystrokes in the picked field, each timed until the answer settled. */
export async function keystrokeRound({
  page,
  cpuMs,
}: Pick<SummaryPage, 'page' | 'cpuMs'>): Promise<KeystrokeFigures[]> {
  const el = page.locator('[data-bench-field]').first();
  const figures: KeystrokeFigures[] = [];
  const press = async (key: string) => {
    await page.evaluate(arm);
    const cpuBefore = await cpuMs();
    await page.keyboard.press(key);
    // Settled: the answer changed and nothing in the calculator changed for 400 ms.
    await page.waitForFunction(
      () => {
        const k = (window as unknown as { __dnnKey: KeyState }).__dnnKey;
        return (
          k.dom !== undefined &&
          k.frame !== undefined &&
          k.answerFrame !== undefined &&
          performance.now() - (k.last ?? 0) > 400
        );
      },
      undefined,
      { timeout: 15_000, polling: 50 },
    );
    const cpu = (await cpuMs()) - cpuBefore;
    const k = await page.evaluate(() => (window as unknown as { __dnnKey: Required<KeyState> }).__dnnKey);
    figures.push({
      echoMs: k.echo - k.down,
      toDomMs: k.dom - k.down,
      toAnswerFrameMs: k.answerFrame - k.down,
      toFrameMs: k.frame - k.down,
      cpuMs: cpu,
      error: k.error,
    });
    await page.waitForTimeout(100);
  };
  // Caret after the chosen number, delete its last digit, type it back.
  const digit = await el.evaluate((node: HTMLInputElement | HTMLTextAreaElement) => {
    const caret = Number(node.dataset.benchField);
    node.focus();
    node.setSelectionRange(caret, caret);
    return node.value.charAt(caret - 1);
  });
  await press('Backspace');
  await el.evaluate((node: HTMLInputElement | HTMLTextAreaElement) => {
    const caret = Number(node.dataset.benchField) - 1;
    node.focus();
    node.setSelectionRange(caret, caret);
  });
  await press(digit);
  return figures;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  if (n === 0) return Number.NaN;
  return n % 2 ? (s[(n - 1) / 2] as number) : ((s[n / 2 - 1] as number) + (s[n / 2] as number)) / 2;
};
const kb = (b: number) => (b / 1000).toFixed(0);
const pad = (s: string, n: number) => s.padEnd(n);
const lpad = (s: string, n: number) => s.padStart(n);
const verdict = (ok: boolean) => (ok ? 'meets target' : 'MISSES target');

/** Options of {@link pageWeight}. */
export interface PageWeightOptions {
  /** Cold loads per page and build (default 3). */
  runs?: number;
  /** Only these site paths (default every calculator page plus two pages without a calculator). */
  pages?: string[];
  /** Delete/retype rounds on conv/summary (default 5, i.e. 10 keystrokes). */
  rounds?: number;
  /**
   * Builds to measure, e.g. `[{ label: 'before', dir }, { label: 'after', dir }]`: measured interleaved (each
   * run loads the page from every build in turn) so a busy machine slows them alike. Default: {@link siteBuildDir}.
   */
  builds?: { label: string; dir: string }[];
}

type Medians = Record<keyof LoadFigures, number>;

function medians(loads: LoadFigures[]): Medians {
  return Object.fromEntries(
    (Object.keys(loads[0] as LoadFigures) as (keyof LoadFigures)[]).map((k) => [
      k,
      median(loads.map((l) => Number(l[k]))),
    ]),
  ) as Medians;
}

/** Runs every measurement and prints per-page medians, the summary and the targets, per build. */
export async function pageWeight(options: PageWeightOptions = {}): Promise<void> {
  const builds = options.builds ?? [{ label: 'site', dir: siteBuildDir() }];
  for (const b of builds) {
    if (!existsSync(join(b.dir, 'index.html'))) {
      console.log(`skipped: no site build at ${b.dir} (run \`pnpm --filter @dnn/docs build\`)`);
      return;
    }
  }
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) {
    console.log(`skipped: no Chromium at ${executablePath} (set CHROMIUM_PATH)`);
    return;
  }
  const { chromium } = await import('playwright-core');
  const runs = options.runs ?? 3;
  const first = builds[0] as { label: string; dir: string };
  const pages = options.pages ?? [...calculatorPaths(first.dir), '/', '/docs/api/@dnn/core'];
  const many = builds.length > 1;
  const served: { label: string; dir: string; origin: string; server: Server }[] = [];
  for (const b of builds) {
    const chunks = solverLibraryChunks(b.dir);
    console.log(
      `${b.label}: ${b.dir}; JS files containing the solver library: ${chunks.length} (target 1 shared chunk)${chunks.length === 1 ? `: ${chunks[0]?.file} ${kb(chunks[0]?.bytes ?? 0)} KB` : `, ${kb(chunks.reduce((t, c) => t + c.bytes, 0))} KB in all`}`,
    );
    served.push({ ...b, ...(await serveDir(b.dir)) });
  }
  const browser = await chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  try {
    // One warm-up load so the first measured page doesn't pay Chromium's own start-up.
    for (const b of served) await loadOnce(browser, b.origin, pages[0] ?? '/', b.dir);
    console.log(
      `${pad('page', 40)}${many ? pad('build', 8) : ''}${lpad('JS ran KB', 10)}${lpad('used KB', 9)}${lpad('worker KB', 10)}${lpad('prefetch KB', 12)}${lpad('CSS KB', 8)}${lpad('fonts KB', 9)}${lpad('TTI ms', 8)}${lpad('TBT ms', 8)}  solver lib ran`,
    );
    const rows = new Map<string, { path: string; m: Medians }[]>(served.map((b) => [b.label, []]));
    for (const path of pages) {
      const loads = new Map<string, LoadFigures[]>(served.map((b) => [b.label, []]));
      for (let i = 0; i < runs; i++) {
        for (const b of served) loads.get(b.label)?.push(await loadOnce(browser, b.origin, path, b.dir));
      }
      for (const b of served) {
        const m = medians(loads.get(b.label) ?? []);
        rows.get(b.label)?.push({ path, m });
        console.log(
          `${pad(path, 40)}${many ? pad(b.label, 8) : ''}${lpad(kb(m.jsExecuted), 10)}${lpad(kb(m.jsUsed), 9)}${lpad(kb(m.jsWorker), 10)}${lpad(kb(m.jsPrefetched), 12)}${lpad(kb(m.css), 8)}${lpad(kb(m.fonts), 9)}${lpad(m.ttiMs.toFixed(0), 8)}${lpad(m.tbtMs.toFixed(0), 8)}  ${m.solverChunkRan ? 'yes' : 'no'}`,
        );
      }
    }
    const typing = new Map<string, { field: string; example: string; figures: KeystrokeFigures[] }>();
    if (pages.includes('/calculators/conv/summary') || options.pages === undefined) {
      const open: { label: string; s: SummaryPage }[] = [];
      for (const b of served) open.push({ label: b.label, s: await openSummary(browser, b.origin) });
      for (const o of open) typing.set(o.label, { field: o.s.field, example: o.s.example, figures: [] });
      for (let i = 0; i < (options.rounds ?? 5); i++) {
        for (const o of open) typing.get(o.label)?.figures.push(...(await keystrokeRound(o.s)));
      }
      for (const o of open) await o.s.close();
    }
    for (const b of served) {
      console.log(`\n${many ? `${b.label}: ` : ''}summary`);
      const all = rows.get(b.label) ?? [];
      const calc = all.filter((r) => r.path.startsWith('/calculators/'));
      if (calc.length > 0) {
        const js = median(calc.map((r) => r.m.jsExecuted));
        const jsMax = Math.max(...calc.map((r) => r.m.jsExecuted));
        const jsAll = median(calc.map((r) => r.m.jsExecuted + r.m.jsWorker));
        const css = Math.max(...calc.map((r) => r.m.css));
        const tti = median(calc.map((r) => r.m.ttiMs));
        console.log(
          `  calculator pages (${calc.length}): JS executed on the main thread median ${kb(js)} KB, max ${kb(jsMax)} KB (target ≤ ${TARGETS.jsKB}: ${verdict(jsMax <= TARGETS.jsKB * 1000)}); main thread + workers median ${kb(jsAll)} KB; JS prefetched median ${kb(median(calc.map((r) => r.m.jsPrefetched)))} KB`,
        );
        console.log(
          `  calculator pages: CSS max ${kb(css)} KB (target ≤ ${TARGETS.cssKB}: ${verdict(css <= TARGETS.cssKB * 1000)}); fonts median ${kb(median(calc.map((r) => r.m.fonts)))} KB`,
        );
        console.log(
          `  calculator pages: time to interactive median ${tti.toFixed(0)} ms, max ${Math.max(...calc.map((r) => r.m.ttiMs)).toFixed(0)} ms (target median ≤ ${TARGETS.ttiMs}: ${verdict(tti <= TARGETS.ttiMs)}); total blocking time median ${median(calc.map((r) => r.m.tbtMs)).toFixed(0)} ms`,
        );
      }
      for (const r of all.filter((x) => !x.path.startsWith('/calculators/'))) {
        console.log(
          `  ${r.path} (no calculator): JS executed ${kb(r.m.jsExecuted)} KB, solver library ${r.m.solverChunkRan ? 'LOADED' : 'not loaded'}`,
        );
      }
      const k = typing.get(b.label);
      if (k) {
        const solved = k.figures.filter((f) => !f.error);
        const frame = median(solved.map((f) => f.toAnswerFrameMs));
        const all = median(solved.map((f) => f.toFrameMs));
        const errors = k.figures.length - solved.length;
        console.log(`  keystrokes on conv/summary, example "${k.example}", field ${k.field}:`);
        console.log(
          `  ${solved.length} keystrokes giving a new solution: keydown → typed character on screen median ${median(solved.map((f) => f.echoMs)).toFixed(0)} ms (worst ${Math.max(...solved.map((f) => f.echoMs)).toFixed(0)}); → answer text changed median ${median(solved.map((f) => f.toDomMs)).toFixed(0)} ms; → updated answer on screen (frame after the answer region's last change) median ${frame.toFixed(0)} ms, worst ${Math.max(...solved.map((f) => f.toAnswerFrameMs)).toFixed(0)} ms (target ≤ ${TARGETS.keystrokeMs}: ${verdict(frame <= TARGETS.keystrokeMs)}); → steps with their maths on screen (frame after the calculator's last change) median ${all.toFixed(0)} ms; main-thread CPU per keystroke median ${median(solved.map((f) => f.cpuMs)).toFixed(1)} ms${errors ? `; ${errors} keystrokes gave an input error (left out)` : ''}`,
        );
      }
    }
  } finally {
    await browser.close();
    for (const b of served) b.server.close();
  }
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const runs = argValue('--runs');
  const pages = argValue('--pages');
  const rounds = argValue('--rounds');
  // --builds before=/tmp/a,after=docs/build: several builds measured interleaved.
  const builds = argValue('--builds')
    ?.split(',')
    .map((b) => {
      const [label, dir] = b.includes('=') ? (b.split('=') as [string, string]) : [b, b];
      return { label, dir };
    });
  await pageWeight({
    ...(builds ? { builds } : {}),
    ...(runs ? { runs: Number(runs) } : {}),
    ...(pages ? { pages: pages.split(',') } : {}),
    ...(rounds ? { rounds: Number(rounds) } : {}),
  });
}
