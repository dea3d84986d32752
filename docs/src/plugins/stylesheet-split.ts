/**
 * Build-time rewrites of third-party stylesheets for plugins/site-weight.ts, done with postcss (a real CSS
 * parser: selectors lists, nested @media and comments handled as the browser would read them):
 *
 * - Infima (every page's base CSS) is split in two: the components only the docs layout renders (admonitions,
 *   breadcrumbs, pagination, tabs, table of contents, cards, badges, pills, avatars, the Markdown article's
 *   typography, thin scrollbars of the sidebar, TOC and code blocks, and the button groups and navbar dropdowns
 *   this site's pages never render — site-weight.ts refuses a navbar dropdown or a Markdown page) and the custom
 *   properties only those components read go to a stylesheet the docs layout imports (theme/DocRoot); the rest
 *   stays on every page. No declaration is dropped.
 * - KaTeX's @font-face rules keep only their woff2 source (every browser that runs the site reads woff2; the
 *   woff/ttf fallbacks are never fetched but cost every page their bytes), with the font URLs made relative to
 *   where the rewritten file is written.
 * - KaTeX's 121 size-change rules (`.sizing.reset-sizeN.sizeM`, font size = size M's multiplier over size N's,
 *   11.8 KB) become one rule dividing two custom properties that the 22 size classes set (about 1 KB), when the
 *   table is such a quotient (checked entry by entry; otherwise left as it is).
 */
import { dirname, relative } from 'node:path';
import postcss, { type AtRule, type ChildNode, type Container, type Root, type Rule } from 'postcss';

/** A class of an Infima component that only the docs layout renders (`.alert--info`, `.tabs__item`, …). */
const DOCS_ONLY_CLASS =
  /\.(?:alert|breadcrumbs|pagination-nav|pagination|badge|avatar|tabs|card|table-of-contents|pills|markdown|thin-scrollbar|button-group|dropdown)(?:--[\w-]+|__[\w-]+)?(?![\w-])/;

/** A custom property of one of those components (`--ifm-alert-…`, `--ifm-toc-…`, …). */
const DOCS_ONLY_PROPERTY = /^--ifm-(?:alert|breadcrumb|pagination|badge|avatar|tabs|card|toc|pills|dropdown)-/;

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

/** The at-rules around `node`, outermost first. */
function atRulesAround(node: ChildNode): AtRule[] {
  const path: AtRule[] = [];
  for (let p = node.parent; p?.type === 'atrule'; p = (p as AtRule).parent) path.unshift(p as AtRule);
  return path;
}

/**
 * Moves the declarations of docs-only custom properties (DOCS_ONLY_PROPERTY) from `site` to `docs`, under the same
 * selector and at-rules, unless a declaration left in `site` reads the property (`var(--…)`).
 */
function moveDocsOnlyProperties(site: Root, docs: Root): void {
  const read = new Set<string>();
  site.walkDecls((decl) => {
    if (DOCS_ONLY_PROPERTY.test(decl.prop)) return;
    for (const m of decl.value.matchAll(/var\(\s*(--[\w-]+)/g)) read.add(m[1]!);
  });
  const moved = new Map<string, Rule>();
  site.walkDecls(DOCS_ONLY_PROPERTY, (decl) => {
    const rule = decl.parent;
    if (read.has(decl.prop) || rule?.type !== 'rule') return;
    const at = atRulesAround(rule as Rule);
    const key = [...at.map((a) => `@${a.name} ${a.params}`), (rule as Rule).selector].join(' ');
    let target = moved.get(key);
    if (!target) {
      let container: Container = docs;
      for (const a of at) {
        const copy = a.clone({ nodes: [] });
        container.append(copy);
        container = copy;
      }
      target = (rule as Rule).clone({ nodes: [] });
      container.append(target);
      moved.set(key, target);
    }
    target.append(decl.remove());
  });
  site.walkRules((rule) => {
    if ((rule.nodes ?? []).length === 0) rule.remove();
  });
}

/** Infima's stylesheet split into what every page needs (`site`) and what only the docs layout renders (`docs`). */
export function splitInfima(css: string): { site: string; docs: string } {
  const site = postcss.parse(css);
  const docs = postcss.root();
  moveDocsOnly(site, docs);
  moveDocsOnlyProperties(site, docs);
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
  katexSizesAsQuotients(root);
  return root.toString();
}

/** One of KaTeX's size-change selectors: `.katex .sizing.reset-size<N>.size<M>` (or `.fontsize-ensurer`). */
const SIZE_CHANGE = /^\.katex \.(?:sizing|fontsize-ensurer)\.reset-size(\d+)\.size(\d+)$/;

/**
 * Replaces KaTeX's size-change table (`font-size` of `.sizing.reset-sizeN.sizeM` = multiplier M / multiplier N)
 * by custom properties on the size classes and one `calc()` of their quotient, with the table's specificity
 * (0,4,0). The multipliers are read from the table's row N = 1 (whose own entry is 1em); every entry must equal
 * its quotient to 1e-9, else the stylesheet is left unchanged. Returns whether it was rewritten.
 */
export function katexSizesAsQuotients(root: Root): boolean {
  const entries: { rule: Rule; reset: number; size: number; em: number }[] = [];
  root.walkRules((rule) => {
    const pairs = rule.selectors.map((s) => SIZE_CHANGE.exec(s));
    const decls = rule.nodes.filter((n) => n.type === 'decl');
    const em = decls.length === 1 && decls[0]!.prop === 'font-size' ? /^([\d.]+)em$/.exec(decls[0]!.value) : null;
    if (!em || pairs.some((p) => !p || p[1] !== pairs[0]![1] || p[2] !== pairs[0]![2])) return;
    entries.push({ rule, reset: Number(pairs[0]![1]), size: Number(pairs[0]![2]), em: Number(em[1]) });
  });
  const multiplier = new Map(entries.filter((e) => e.reset === 1).map((e) => [e.size, e.em]));
  const quotientHolds = (e: (typeof entries)[number]) => {
    const m = multiplier.get(e.size);
    const n = multiplier.get(e.reset);
    return m !== undefined && n !== undefined && Math.abs(m / n - e.em) <= 1e-9 * e.em;
  };
  if (entries.length === 0 || multiplier.get(1) !== 1 || !entries.every(quotientHolds)) return false;
  const first = entries[0]!.rule;
  const sizes = [...multiplier].sort((a, b) => a[0] - b[0]);
  for (const [k, m] of sizes) {
    first.before(
      postcss.rule({
        selector: `.katex .size${k}`,
        nodes: [postcss.decl({ prop: '--dnn-katex-size', value: String(m) })],
      }),
    );
    first.before(
      postcss.rule({
        selector: `.katex .reset-size${k}`,
        nodes: [postcss.decl({ prop: '--dnn-katex-reset-size', value: String(m) })],
      }),
    );
  }
  first.before(
    postcss.rule({
      selector: ['sizing', 'fontsize-ensurer'].map((c) => `.katex .${c}[class*=reset-size][class*=" size"]`).join(','),
      nodes: [
        postcss.decl({ prop: 'font-size', value: 'calc(var(--dnn-katex-size) / var(--dnn-katex-reset-size) * 1em)' }),
      ],
    }),
  );
  for (const e of entries) e.rule.remove();
  return true;
}
