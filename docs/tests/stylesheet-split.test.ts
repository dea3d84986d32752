/**
 * The build-time stylesheet rewrites of plugins/stylesheet-split.ts: Infima's split loses or duplicates no rule
 * and moves only docs-only components; KaTeX's fonts keep their woff2 source and its size-change table becomes
 * quotients of custom properties that give every entry of the original table. (Node only, no browser.)
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import postcss from 'postcss';
import { describe, expect, it } from 'vitest';
import { katexSizesAsQuotients, katexWoff2Only, splitInfima } from '../src/plugins/stylesheet-split';

const require = createRequire(import.meta.url);
const infimaFile = createRequire(require.resolve('@docusaurus/theme-classic')).resolve(
  'infima/dist/css/default/default.css',
);
const katexFile = require.resolve('katex/dist/katex.min.css');

/** Every declaration as `<at-rule path> selector {declaration}` (a multiset to compare). */
function declarations(css: string): string[] {
  return rules(css).flatMap((rule) => {
    const [head, body] = [rule.slice(0, rule.indexOf('{')), rule.slice(rule.indexOf('{') + 1, -1)];
    return body === '' ? [] : splitDeclarations(body).map((d) => `${head}{${d}}`);
  });
}

/** A rule body's declarations (`a: b;c: var(--x, 1)`), split at the top-level semicolons. */
function splitDeclarations(body: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '(') depth++;
    else if (body[i] === ')') depth--;
    else if (body[i] === ';' && depth === 0) {
      parts.push(body.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(body.slice(start));
  return parts;
}

/** Every style rule as `<at-rule path> selector { declarations }`, in order (a multiset to compare). */
function rules(css: string): string[] {
  const out: string[] = [];
  postcss.parse(css).walkRules((rule) => {
    const path: string[] = [];
    for (let p = rule.parent; p && p.type === 'atrule'; p = p.parent) {
      const at = p as postcss.AtRule;
      if (at.name !== 'layer') path.unshift(`@${at.name} ${at.params}`);
    }
    out.push(`${path.join(' ')} ${rule.selector} {${rule.nodes.map(String).join(';')}}`);
  });
  return out;
}

describe('splitInfima', () => {
  const original = readFileSync(infimaFile, 'utf8');
  const { site, docs } = splitInfima(original);

  it('keeps every declaration of Infima exactly once across the two parts, under its selector and at-rules', () => {
    expect([...declarations(site), ...declarations(docs)].sort()).toEqual(declarations(original).sort());
  });

  it("moves the docs components' custom properties, but none that a rule left on every page reads", () => {
    const read = new Set([...site.matchAll(/var\(\s*(--[\w-]+)/g)].map((m) => m[1]));
    // Custom properties the docs part sets on the page root (not those a moved component sets on itself).
    const movedProps = declarations(docs)
      .filter((d) => /^\s*(?::root|html\[data-theme)/.test(d.replace(/^@\S+ [^ ]+ /, '')))
      .map((d) => /\{(--[\w-]+):/.exec(d)?.[1])
      .filter((p): p is string => p !== undefined);
    expect(movedProps).toContain('--ifm-toc-border-color');
    expect(movedProps).toContain('--ifm-breadcrumb-item-background-active');
    expect(movedProps.filter((p) => read.has(p))).toEqual([]);
    // The navbar's and buttons' properties stay.
    expect(declarations(site).some((d) => d.includes('{--ifm-navbar-height:'))).toBe(true);
    expect(movedProps.some((p) => /^--ifm-(?:navbar|button|menu|color)-/.test(p))).toBe(false);
  });

  it('moves the docs-only components and nothing the navbar, buttons or tables use', () => {
    const docsRules = rules(docs).join('\n');
    for (const cls of [
      '.pagination-nav',
      '.alert--info',
      '.breadcrumbs__link',
      '.table-of-contents',
      '.tabs__item',
      '.markdown',
      '.dropdown__menu',
    ])
      expect(docsRules).toContain(cls);
    // Every rule moved styles a docs component (in each of its selectors), or is a :root/dark-theme rule of
    // that component's custom properties.
    const component =
      /\.(?:alert|breadcrumbs|pagination-nav|pagination|badge|avatar|tabs|card|table-of-contents|pills|markdown|thin-scrollbar|button-group|dropdown)(?:--|__|(?![\w-]))/;
    for (const rule of postcss.parse(docs).nodes.flatMap(function flat(n): postcss.Rule[] {
      return n.type === 'rule' ? [n] : n.type === 'atrule' ? (n.nodes ?? []).flatMap(flat) : [];
    })) {
      const global = rule.selectors.every((sel) => /^(?::root|html\[data-theme=['"]?dark['"]?\])$/.test(sel));
      if (global) {
        for (const decl of rule.nodes)
          expect((decl as postcss.Declaration).prop).toMatch(
            /^--ifm-(?:alert|breadcrumb|pagination|badge|avatar|tabs|card|toc|pills|dropdown)-/,
          );
      } else {
        for (const sel of rule.selectors) expect(sel).toMatch(component);
      }
    }
    const siteSelectors = rules(site).map((r) => r.split('{')[0]!);
    for (const used of [
      /\.navbar__link/,
      /\.button--primary/,
      /\.menu__link/,
      /(?:^|[\s,>+~])table\b/,
      /\.footer/,
      /:root/,
    ])
      expect(
        siteSelectors.some((s) => used.test(s)),
        String(used),
      ).toBe(true);
    expect(
      rules(site).some((r) => /\.(alert|pagination-nav|breadcrumbs|markdown|dropdown)\b/.test(r.split('{')[0]!)),
    ).toBe(false);
  });

  it('leaves a rule shared with another component where it is, and splits an @media block', () => {
    const css = '.alert, .navbar { color: red } @media (min-width: 9px) { .tabs { margin: 0 } .row { margin: 1px } }';
    const split = splitInfima(css);
    expect(rules(split.site)).toEqual([' .alert, .navbar {color: red}', '@media (min-width: 9px) .row {margin: 1px}']);
    expect(rules(split.docs)).toEqual(['@media (min-width: 9px) .tabs {margin: 0}']);
  });
});

describe('katexWoff2Only', () => {
  it("keeps only woff2 sources, pointing at KaTeX's fonts folder from where the file is written", () => {
    const outDir = join(dirname(katexFile), 'a', 'b');
    const css = katexWoff2Only(readFileSync(katexFile, 'utf8'), katexFile, outDir);
    const sources: string[] = [];
    postcss.parse(css).walkAtRules('font-face', (face) => {
      face.walkDecls('src', (d) => {
        sources.push(d.value);
      });
    });
    expect(sources.length).toBeGreaterThan(10);
    for (const src of sources) {
      expect(src).toMatch(/^url\(\.\.\/\.\.\/fonts\/KaTeX_[\w-]+\.woff2\) format\("woff2"\)$/);
    }
  });

  it('leaves a font-face with no woff2 source as it was', () => {
    const css = '@font-face{font-family:X;src:url(fonts/x.ttf) format("truetype")}';
    expect(katexWoff2Only(css, '/k/katex.css', '/k')).toContain('format("truetype")');
  });
});

/** KaTeX's size-change table as `N,M → em` (`.katex .sizing.reset-sizeN.sizeM { font-size: <em>em }`). */
function sizeTable(css: string): Map<string, number> {
  const table = new Map<string, number>();
  postcss.parse(css).walkRules(/\.sizing\.reset-size\d+\.size\d+/, (rule) => {
    const [, n, m] = /reset-size(\d+)\.size(\d+)/.exec(rule.selector)!;
    rule.walkDecls('font-size', (d) => {
      table.set(`${n},${m}`, Number.parseFloat(d.value));
    });
  });
  return table;
}

describe('katexSizesAsQuotients', () => {
  const original = readFileSync(katexFile, 'utf8');
  const rewritten = katexWoff2Only(original, katexFile, dirname(katexFile));

  it("gives every entry of KaTeX's table as (size M's property) / (reset-size N's property), in a tenth of the bytes", () => {
    const table = sizeTable(original);
    expect(table.size).toBe(121);
    expect(sizeTable(rewritten).size).toBe(0);
    // The custom properties each size class sets, read back from the rewritten CSS.
    const props = new Map<string, number>();
    let quotient = '';
    postcss.parse(rewritten).walkRules((rule) => {
      rule.walkDecls(/^--dnn-katex-/, (d) => {
        props.set(`${rule.selector} ${d.prop}`, Number(d.value));
      });
      if (/\.sizing\[/.test(rule.selector)) quotient = rule.toString();
    });
    expect(quotient).toContain('calc(var(--dnn-katex-size) / var(--dnn-katex-reset-size) * 1em)');
    // Specificity (0,4,0), as the rules it replaces: .katex, .sizing and two attribute selectors.
    expect(quotient).toContain('.katex .sizing[class*=reset-size][class*=" size"]');
    for (const [key, em] of table) {
      const [n, m] = key.split(',');
      const size = props.get(`.katex .size${m} --dnn-katex-size`)!;
      const reset = props.get(`.katex .reset-size${n} --dnn-katex-reset-size`)!;
      expect(size / reset, key).toBeCloseTo(em, 9);
    }
    const bytes = (css: string) => css.length;
    expect(bytes(original) - bytes(rewritten)).toBeGreaterThan(10_000);
  });

  it('leaves a table that is not such a quotient as it was', () => {
    const css =
      '.katex .sizing.reset-size1.size1{font-size:1em}.katex .sizing.reset-size1.size2{font-size:1.2em}' +
      '.katex .sizing.reset-size2.size1{font-size:.9em}';
    const root = postcss.parse(css);
    expect(katexSizesAsQuotients(root)).toBe(false);
    expect(root.toString()).toBe(css);
    const consistent = postcss.parse(css.replace('.9em', '.8333333333em'));
    expect(katexSizesAsQuotients(consistent)).toBe(true);
    expect(consistent.toString()).not.toContain('reset-size2.size1');
  });
});
