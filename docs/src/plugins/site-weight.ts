/**
 * Keeps the site light (issue 12 point 6), through Docusaurus's
 * configureWebpack (Rspack under @docusaurus/faster):
 *
 * - **One solver-library chunk.** The solver packages (`packages/<name>/dist`,
 *   any @dnn package but @dnn/practice) and zod go into one shared chunk,
 *   `dnn-solvers`, loaded only by the routes (and the solve worker) that import
 *   them — instead of a copy inside every calculator route's chunk.
 * - **Fonts as files.** Fonts are never inlined into the CSS as data URIs
 *   (Docusaurus inlines files under 10 KB): KaTeX's @font-face rules point to
 *   woff2 files served as separate assets, which the browser fetches only when
 *   a page uses the font.
 * - **No syntax highlighter in main.js.** With no `prism.additionalLanguages`
 *   configured, theme-classic's `prism-include-languages` client module (which
 *   imports prism-react-renderer and prismjs into the main bundle of every
 *   page) is replaced by an empty module (no-prism-languages.ts); code blocks
 *   load the highlighter with their own page chunks.
 */
import { fileURLToPath } from 'node:url';
import type { LoadContext, Plugin } from '@docusaurus/types';

/** Modules of the shared solver chunk: the @dnn solver packages' built code and zod. */
export const SOLVER_LIBRARY =
  /[\\/](?:packages[\\/](?:core|core-wasm|conv|rnn|optim|logic-nets)[\\/]dist|node_modules[\\/]zod)[\\/]/;

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

/** theme-classic's client module that registers extra Prism languages (imported by absolute path). */
const PRISM_LANGUAGES = /[\\/]@docusaurus[\\/]theme-classic[\\/]lib[\\/]prism-include-languages(?:\.js)?$/;

export default function siteWeight(context: LoadContext): Plugin<unknown> {
  const prism = (context.siteConfig.themeConfig as { prism?: { additionalLanguages?: string[] } }).prism;
  const noExtraLanguages = (prism?.additionalLanguages ?? []).length === 0;
  const empty = fileURLToPath(new URL('./no-prism-languages.ts', `file://${context.siteDir}/src/plugins/`));
  return {
    name: 'dnn-site-weight',
    configureWebpack(config, isServer, { currentBundler }) {
      emitFontsAsFiles((config.module?.rules ?? []) as unknown[]);
      const plugins = noExtraLanguages
        ? [new currentBundler.instance.NormalModuleReplacementPlugin(PRISM_LANGUAGES, empty)]
        : [];
      if (isServer) return { plugins };
      return {
        plugins,
        optimization: {
          splitChunks: {
            cacheGroups: {
              dnnSolvers: {
                name: 'dnn-solvers',
                test: SOLVER_LIBRARY,
                chunks: 'all',
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
