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
 * - **No syntax highlighter in main.js.** With no `prism.additionalLanguages`
 *   configured, theme-classic's `prism-include-languages` client module (which
 *   imports prism-react-renderer and prismjs into the main bundle of every
 *   page) is replaced by an empty module (no-prism-languages.ts); code blocks
 *   load the highlighter with their own page chunks.
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoadContext, Plugin } from '@docusaurus/types';

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

export default function siteWeight(context: LoadContext): Plugin<unknown> {
  const prism = (context.siteConfig.themeConfig as { prism?: { additionalLanguages?: string[] } }).prism;
  const noExtraLanguages = (prism?.additionalLanguages ?? []).length === 0;
  const solverLibrary = solverLibraryTest(context.siteDir);
  const empty = fileURLToPath(new URL('./no-prism-languages.ts', `file://${context.siteDir}/src/plugins/`));
  const clientStepsHtml = fileURLToPath(
    new URL('./steps-html-on-client.ts', `file://${context.siteDir}/src/components/`),
  );
  return {
    name: 'dnn-site-weight',
    configureWebpack(config, isServer, { currentBundler }) {
      emitFontsAsFiles((config.module?.rules ?? []) as unknown[]);
      const { NormalModuleReplacementPlugin } = currentBundler.instance;
      const plugins = noExtraLanguages ? [new NormalModuleReplacementPlugin(PRISM_LANGUAGES, empty)] : [];
      if (isServer) return { plugins };
      return {
        plugins: [...plugins, new NormalModuleReplacementPlugin(SERVER_STEPS_HTML, clientStepsHtml)],
        optimization: {
          splitChunks: {
            cacheGroups: {
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
