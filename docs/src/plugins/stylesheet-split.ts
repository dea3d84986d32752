/**
 * Build-time rewrites of third-party stylesheets for plugins/site-weight.ts, done with postcss (a real CSS
 * parser: selectors lists, nested @media and comments handled as the browser would read them):
 *
 * - Infima (every page's base CSS) is split in two: the components only the docs layout renders (admonitions,
 *   breadcrumbs, pagination, tabs, table of contents, cards, badges, pills, avatars) go to a stylesheet the docs
 *   layout imports (theme/DocRoot), the rest stays on every page. No rule is dropped.
 * - KaTeX's @font-face rules keep only their woff2 source (every browser that runs the site reads woff2; the
 *   woff/ttf fallbacks are never fetched but cost every page their bytes), with the font URLs made relative to
 *   where the rewritten file is written.
 */
import { dirname, relative } from 'node:path';
import postcss, { type AtRule, type ChildNode, type Container, type Rule } from 'postcss';

/** A class of an Infima component that only the docs layout renders (`.alert--info`, `.tabs__item`, …). */
const DOCS_ONLY_CLASS =
  /\.(?:alert|breadcrumbs|pagination-nav|pagination|badge|avatar|tabs|card|table-of-contents|pills)(?:--[\w-]+|__[\w-]+)?(?![\w-])/;

/** True for a rule every selector of which styles a docs-only component (a rule shared with others stays). */
function docsOnlyRule(rule: Rule): boolean {
  return rule.selectors.every((selector) => DOCS_ONLY_CLASS.test(selector));
}

/** Moves the docs-only rules of `from` into `to` (same at-rule nesting); returns whether `from` kept any node. */
function moveDocsOnly(from: Container, to: Container): boolean {
  for (const node of [...(from.nodes ?? [])] as ChildNode[]) {
    if (node.type === 'rule' && docsOnlyRule(node)) {
      to.append(node.remove());
    } else if (node.type === 'atrule' && node.nodes && node.name !== 'font-face' && node.name !== 'keyframes') {
      const copy = (node as AtRule).clone({ nodes: [] });
      const kept = moveDocsOnly(node as AtRule, copy);
      if ((copy.nodes ?? []).length > 0) to.append(copy);
      if (!kept) node.remove();
    }
  }
  return (from.nodes ?? []).some((n) => n.type !== 'comment');
}

/** Infima's stylesheet split into what every page needs (`site`) and what only the docs layout renders (`docs`). */
export function splitInfima(css: string): { site: string; docs: string } {
  const site = postcss.parse(css);
  const docs = postcss.root();
  moveDocsOnly(site, docs);
  return { site: site.toString(), docs: docs.toString() };
}

/** KaTeX's stylesheet with woff2-only @font-face sources, its `fonts/…` URLs rewritten for a file written in `outDir`. */
export function katexWoff2Only(css: string, katexCssFile: string, outDir: string): string {
  const fontsDir = (relative(outDir, dirname(katexCssFile)) || '.').split(/[\\/]/).join('/');
  const root = postcss.parse(css);
  root.walkAtRules('font-face', (face) => {
    face.walkDecls('src', (decl) => {
      const woff2 = decl.value.split(/,(?![^(]*\))/).filter((source) => /format\(["']?woff2["']?\)/.test(source));
      if (woff2.length > 0) decl.value = woff2.join(',').trim();
    });
  });
  root.walkDecls((decl) => {
    decl.value = decl.value.replace(/url\((["']?)fonts\//g, (_, quote: string) => `url(${quote}${fontsDir}/fonts/`);
  });
  return root.toString();
}
