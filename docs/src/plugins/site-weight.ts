/**
 * Keeps the site light (issue 12 point 6), through Docusaurus's
 * configureWebpack (Rspack under @docusaurus/faster):
 *
 * - **One solver-library chunk.** The solver packages (`packages/<name>/dist`,
 *   any @dnn package but @dnn/practice) and their dependencies (zod, ml-matrix,
 *   fraction.js) go into one shared chunk,
 *   `dnn-solvers`, loaded only by the routes (and the solve worker) that import
 *   them — instead of a copy inside every calculator route's chunk.
 * - **Fonts as files.** Fonts are never inlined into the CSS as data URIs
 *   (Docusaurus inlines files under 10 KB): KaTeX's @font-face rules point to
 *   woff2 files served as separate assets, which the browser fetches only when
 *   a page uses the font.
 * - **No KaTeX on a calculator page's main thread.** Its steps' maths is
 *   rendered by the solve worker; in the browser build
 *   components/steps-html-on-server.ts (KaTeX, for the prerender) is replaced
 *   by steps-html-on-client.ts, so hydration keeps the prerendered maths.
 * - **Docs styles only on docs pages.** The CSS only the docs layout uses (theme-classic's docs components
 *   and Infima's docs-only components, split out by stylesheet-split.ts and imported by theme/DocRoot) is
 *   its own stylesheet, docs-styles.css, linked by docs pages only (linkPageStylesheets); every other page loads
 *   Docusaurus's one merged styles.css without it. Likewise exam-styles.css (the exam builder's and the practice
 *   page's styles) is linked by /exam and /practice only. KaTeX's @font-face rules keep only their woff2 source and its
 *   size-change table is one rule (stylesheet-split.ts).
 *   (Per-route CSS chunks were tried: under Rspack, Docusaurus's prerendered HTML links no route chunk's
 *   CSS, so every page with route CSS painted unstyled until its scripts ran.)
 * - **Native cascade layers.** Docusaurus puts Infima and the theme in CSS cascade layers (future.v4);
 *   postcss-preset-env's layer polyfill (for browsers without `@layer`: before Chrome 99, Firefox 97 and
 *   Safari 15.4, all of early 2022) rewrote every layered selector with `:not(#\#)` repeats (7.5 KB on every
 *   page) and, as it sees one file at a time, ranked Infima above the unlayered site and KaTeX styles. With the
 *   polyfill off (nativeCascadeLayers) the browser applies the layers: Infima < theme < KaTeX and custom.css.
 * - **No syntax highlighter in main.js.** With no `prism.additionalLanguages`
 *   configured, theme-classic's `prism-include-languages` client module (which
 *   imports prism-react-renderer and prismjs into the main bundle of every
 *   page) is replaced by an empty module (no-prism-languages.ts); code blocks
 *   load the highlighter with their own page chunks.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoadContext, Plugin } from '@docusaurus/types';
import { katexWoff2Only, splitInfima } from './stylesheet-split';

/** Packages the site depends on that are not part of the solver library (their own chunks). */
const NOT_SOLVERS = new Set(['@dnn/practice']);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The real path of package `name`'s package.json as seen from directory `from` (also when its exports hide it). */
function packageJsonOf(name: string, from: string): string | undefined {
  const require = createRequire(join(from, 'package.json'));
  try {
    return realpathSync(require.resolve(`${name}/package.json`));
  } catch {
    try {
      let dir = dirname(realpathSync(require.resolve(name)));
      while (dir !== dirname(dir)) {
        const candidate = join(dir, 'package.json');
        if (existsSync(candidate) && (JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string }).name === name)
          return candidate;
        dir = dirname(dir);
      }
    } catch {
      // not installed: its modules cannot be in the bundle either
    }
    return undefined;
  }
}

/**
 * Modules of the shared solver chunk: the built code (`dist`) of every @dnn package the site depends on
 * (except @dnn/practice) and of the @dnn packages they use, plus their third-party dependencies (zod,
 * ml-matrix, fraction.js, …), read from the packages' package.json files so a new dependency joins the chunk.
 */
export function solverLibraryTest(siteDir: string): RegExp {
  const dirs = new Set<string>();
  const thirdParty = new Set<string>();
  const visit = (name: string, from: string) => {
    if (!name.startsWith('@dnn/')) thirdParty.add(name);
    const pkgJson = packageJsonOf(name, from);
    if (!pkgJson) return;
    const dir = dirname(pkgJson);
    if (dirs.has(dir)) return;
    dirs.add(dir);
    const deps = Object.keys(
      (JSON.parse(readFileSync(pkgJson, 'utf8')) as { dependencies?: object }).dependencies ?? {},
    );
    for (const dep of deps) visit(dep, dir);
  };
  const site = JSON.parse(readFileSync(join(siteDir, 'package.json'), 'utf8')) as { dependencies?: object };
  for (const dep of Object.keys(site.dependencies ?? {})) {
    if (dep.startsWith('@dnn/') && !NOT_SOLVERS.has(dep)) visit(dep, siteDir);
  }
  const sep = '[\\\\/]';
  const path = (p: string) => p.split(/[\\/]/).map(escapeRegExp).join(sep);
  const dist = [...dirs].filter((d) => !d.includes('node_modules')).map((d) => `${path(d)}${sep}dist`);
  const modules = [...thirdParty].map((n) => `node_modules${sep}${path(n)}`);
  return new RegExp(`(?:${[...dist, ...modules].join('|')})${sep}`);
}

interface LoaderUse {
  loader?: string;
  options?: Record<string, unknown>;
}
interface Rule {
  test?: unknown;
  use?: unknown;
  oneOf?: Rule[];
  rules?: Rule[];
}

/** True for a rule that loads fonts (its `test` matches a .woff2 file). */
function isFontRule(rule: Rule): boolean {
  return rule.test instanceof RegExp && rule.test.test('KaTeX_Main-Regular.woff2');
}

/** Turns url-loader (inline below a size) into always-emit-a-file in every font rule. */
export function emitFontsAsFiles(rules: unknown[]): number {
  let changed = 0;
  for (const r of rules) {
    if (!r || typeof r !== 'object') continue;
    const rule = r as Rule;
    if (rule.oneOf) changed += emitFontsAsFiles(rule.oneOf);
    if (rule.rules) changed += emitFontsAsFiles(rule.rules);
    if (!isFontRule(rule) || !Array.isArray(rule.use)) continue;
    for (const use of rule.use as LoaderUse[]) {
      if (use && typeof use === 'object' && use.loader?.includes('url-loader') && use.options) {
        use.options = { ...use.options, limit: false };
        changed++;
      }
    }
  }
  return changed;
}

/** The server-only renderer of a prerendered calculator's maths (see steps-html-on-server.ts). */
const SERVER_STEPS_HTML = /[\\/]components[\\/]steps-html-on-server(?:\.ts)?$/;

/** theme-classic's client module that registers extra Prism languages (imported by absolute path). */
const PRISM_LANGUAGES = /[\\/]@docusaurus[\\/]theme-classic[\\/]lib[\\/]prism-include-languages(?:\.js)?$/;

/**
 * CSS modules that only the docs layout (guides, API reference) renders: theme-classic's docs components
 * (DocRoot, DocItem, sidebar, TOC, breadcrumbs, pagination, admonitions, tabs, code blocks, details, tags, …)
 * and Infima's docs-only components (stylesheet-split.ts, imported by theme/DocRoot).
 */
export const DOCS_ONLY_CSS =
  /(?:[\\/]@docusaurus[\\/]theme-classic[\\/]lib[\\/]theme[\\/](?:Admonition|BackToTopButton|CodeBlock|Details|Doc[A-Z]\w*|EditMetaRow|Icon[\\/]Edit|MDXComponents|TOC\w*|TabItem|Tabs|Tag\w*)[\\/].*|[\\/]dnn-site-weight[\\/]node_modules[\\/]infima[\\/]dist[\\/]infima-docs)\.css$/;

/**
 * The stylesheets split out of the one every page loads, each linked only by the pages that render its styles:
 * `name` is the CSS chunk (assets/css/<name>.<hash>.css), `test` the CSS modules in it, `linkedBy` what a page's
 * prerendered HTML must contain to link it (an <html> or element class).
 */
export const PAGE_STYLESHEETS = [
  // The docs layout (guides, API reference): its <html> has the `docs-wrapper` class.
  { name: 'docs-styles', test: DOCS_ONLY_CSS, linkedBy: /<html\b[^>]*\bclass=["']?[^"'>]*\bdocs-wrapper\b/ },
  // The exam builder (/exam) and the practice page (/practice), whose roots are .dnn-exam and .dnn-practice.
  {
    name: 'exam-styles',
    test: /[\\/]src[\\/](?:components[\\/]exam[\\/]exam|practice[\\/]practice)\.css$/,
    linkedBy: /\bclass=["']?(?:[^"'>]*\s)?dnn-(?:exam|practice)(?=[\s"'>])/,
  },
] as const;

/**
 * Adds each of PAGE_STYLESHEETS to every prerendered page whose HTML matches its `linkedBy`, after the site's
 * stylesheet: Docusaurus (under Rspack) links only the entry's CSS in the HTML, so without it such a page would paint
 * unstyled until its route chunks load. On client-side navigation the CSS-extract runtime loads it with the route's
 * chunks (and skips it when the page already links it). Returns how many pages link each stylesheet.
 */
export function linkPageStylesheets(outDir: string): Record<string, number> {
  const files = readdirSync(join(outDir, 'assets', 'css'));
  const sheets = PAGE_STYLESHEETS.flatMap(({ name, linkedBy }) => {
    const css = files.find((f) => f.startsWith(`${name}.`));
    return css ? [{ name, linkedBy, css, link: `<link rel=stylesheet href=/assets/css/${css} />` }] : [];
  });
  const counts: Record<string, number> = Object.fromEntries(PAGE_STYLESHEETS.map((s) => [s.name, 0]));
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith('.html')) {
        const html = readFileSync(path, 'utf8');
        const main = /<link rel=["']?stylesheet["']? href=["']?[^"' >]*\/assets\/css\/styles\.[^>]*>/.exec(html);
        if (!main) continue;
        const links = sheets.filter((s) => s.linkedBy.test(html) && !html.includes(s.css));
        if (links.length === 0) continue;
        writeFileSync(path, html.replace(main[0], `${main[0]}${links.map((s) => s.link).join('')}`));
        for (const s of links) counts[s.name]!++;
      }
    }
  };
  visit(outDir);
  return counts;
}

/** Navbar item types that render Infima's dropdown, whose styles only docs pages load (stylesheet-split.ts). */
const DROPDOWN_ITEMS = new Set(['dropdown', 'localeDropdown', 'docsVersionDropdown']);

/**
 * Why the site cannot take Infima's docs-only components off its other pages (stylesheet-split.ts), or undefined:
 * a navbar dropdown (on every page) or a Markdown page in src/pages (Infima's `.markdown` typography).
 */
export function docsOnlyComponentsInUse(siteDir: string, themeConfig: unknown): string | undefined {
  const items = (themeConfig as { navbar?: { items?: { type?: string }[] } }).navbar?.items ?? [];
  const dropdown = items.find((item) => DROPDOWN_ITEMS.has(item.type ?? ''));
  if (dropdown) return `a navbar ${dropdown.type} item`;
  const pages = join(siteDir, 'src', 'pages');
  const markdown = existsSync(pages)
    ? readdirSync(pages, { recursive: true })
        .map(String)
        .find((f) => /\.mdx?$/.test(f))
    : undefined;
  return markdown ? `the Markdown page src/pages/${markdown}` : undefined;
}

/**
 * Turns off postcss-preset-env's `cascade-layers` polyfill in Docusaurus's PostCSS options (configurePostCss), so
 * `@layer` blocks reach the browser as written. Returns whether a preset-env entry was found.
 */
export function nativeCascadeLayers(options: { plugins: unknown[] }): boolean {
  let found = false;
  options.plugins = options.plugins.map((plugin) => {
    if (!Array.isArray(plugin) || typeof plugin[0] !== 'string' || !/postcss-preset-env/.test(plugin[0])) return plugin;
    found = true;
    const presetOptions = (plugin[1] ?? {}) as { features?: Record<string, unknown> };
    return [plugin[0], { ...presetOptions, features: { ...presetOptions.features, 'cascade-layers': false } }];
  });
  return found;
}

export default function siteWeight(context: LoadContext): Plugin<unknown> {
  const inUse = docsOnlyComponentsInUse(context.siteDir, context.siteConfig.themeConfig);
  if (inUse)
    throw new Error(
      `dnn-site-weight: Infima's dropdown and Markdown styles load on docs pages only, but ${inUse} needs them everywhere`,
    );
  const prism = (context.siteConfig.themeConfig as { prism?: { additionalLanguages?: string[] } }).prism;
  const noExtraLanguages = (prism?.additionalLanguages ?? []).length === 0;
  const solverLibrary = solverLibraryTest(context.siteDir);
  const empty = fileURLToPath(new URL('./no-prism-languages.ts', `file://${context.siteDir}/src/plugins/`));
  const clientStepsHtml = fileURLToPath(
    new URL('./steps-html-on-client.ts', `file://${context.siteDir}/src/components/`),
  );
  const infimaCss = createRequire(join(context.siteDir, 'package.json')).resolve(
    'infima/dist/css/default/default.css',
    { paths: [dirname(packageJsonOf('@docusaurus/theme-classic', context.siteDir) ?? context.siteDir)] },
  );
  const katexCss = createRequire(join(context.siteDir, 'package.json')).resolve('katex/dist/katex.min.css');
  // The two parts of Infima are written under a path containing node_modules/infima/dist, as Infima's own file:
  // Docusaurus's CSS-layers plugin (future.v4) picks a file's cascade layer by its path, and the parts must land
  // in Infima's layer (the same specificity as before the split), not unlayered.
  const infimaParts = join(
    context.siteDir,
    'node_modules',
    '.cache',
    'dnn-site-weight',
    'node_modules',
    'infima',
    'dist',
  );
  /** Rewritten stylesheets (written in contentLoaded) that replace the originals in the bundle. */
  const replaced = new Map<RegExp, string>();
  return {
    name: 'dnn-site-weight',
    async contentLoaded({ actions }) {
      const infima = splitInfima(readFileSync(infimaCss, 'utf8'));
      mkdirSync(infimaParts, { recursive: true });
      // The docs layout imports this one as @site/node_modules/.cache/dnn-site-weight/… (theme/DocRoot).
      writeFileSync(join(infimaParts, 'infima-docs.css'), infima.docs);
      writeFileSync(join(infimaParts, 'infima-site.css'), infima.site);
      replaced.set(new RegExp(`${escapeRegExp(infimaCss)}$`), join(infimaParts, 'infima-site.css'));
      const katexOut = join(context.generatedFilesDir, 'dnn-site-weight', 'default');
      replaced.set(
        new RegExp(`${escapeRegExp(katexCss)}$`),
        await actions.createData('katex.css', katexWoff2Only(readFileSync(katexCss, 'utf8'), katexCss, katexOut)),
      );
    },
    configurePostCss(options) {
      if (!nativeCascadeLayers(options as { plugins: unknown[] }))
        throw new Error('dnn-site-weight: postcss-preset-env is not among the PostCSS plugins');
      return options;
    },
    async postBuild({ outDir }) {
      const linked = linkPageStylesheets(outDir);
      for (const [name, pages] of Object.entries(linked))
        if (pages === 0) throw new Error(`dnn-site-weight: no page links the ${name} stylesheet`);
    },
    configureWebpack(config, isServer, { currentBundler }) {
      emitFontsAsFiles((config.module?.rules ?? []) as unknown[]);
      const { NormalModuleReplacementPlugin } = currentBundler.instance;
      const plugins = [
        ...(noExtraLanguages ? [new NormalModuleReplacementPlugin(PRISM_LANGUAGES, empty)] : []),
        ...[...replaced].map(([original, rewritten]) => new NormalModuleReplacementPlugin(original, rewritten)),
      ];
      if (isServer) return { plugins };
      return {
        plugins: [...plugins, new NormalModuleReplacementPlugin(SERVER_STEPS_HTML, clientStepsHtml)],
        optimization: {
          splitChunks: {
            cacheGroups: {
              // Above Docusaurus's `styles` group (priority 50), which merges all other CSS into every page's.
              ...Object.fromEntries(
                PAGE_STYLESHEETS.map(({ name, test }) => [
                  name,
                  { name, type: 'css/mini-extract', test, chunks: 'all', enforce: true, priority: 60 },
                ]),
              ),
              dnnSolvers: {
                name: 'dnn-solvers',
                test: solverLibrary,
                // Not the trajectory picture's chunk: it keeps its own copy of the few @dnn/core modules it uses
                // (the expression reader) rather than loading the whole library on optim/step's main thread.
                chunks: (chunk: { name?: string | null }) => chunk.name !== 'trajectory-picture',
                enforce: true,
                priority: 45,
                reuseExistingChunk: true,
              },
            },
          },
        },
      };
    },
  };
}
