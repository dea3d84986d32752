/**
 * The build-time stylesheet rewrites of plugins/stylesheet-split.ts: Infima's split loses or duplicates no rule
 * and moves only docs-only components; KaTeX's fonts keep their woff2 source. (Node only, no browser.)
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import postcss from 'postcss';
import { describe, expect, it } from 'vitest';
import { katexWoff2Only, splitInfima } from '../src/plugins/stylesheet-split';

const require = createRequire(import.meta.url);
const infimaFile = createRequire(require.resolve('@docusaurus/theme-classic')).resolve(
  'infima/dist/css/default/default.css',
);
const katexFile = require.resolve('katex/dist/katex.min.css');

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

  it('keeps every rule of Infima exactly once across the two parts', () => {
    expect([...rules(site), ...rules(docs)].sort()).toEqual(rules(original).sort());
  });

  it('moves the docs-only components and nothing the navbar, buttons or tables use', () => {
    const docsRules = rules(docs).join('\n');
    for (const cls of ['.pagination-nav', '.alert--info', '.breadcrumbs__link', '.table-of-contents', '.tabs__item'])
      expect(docsRules).toContain(cls);
    const selectors = rules(docs).map((r) => r.split('{')[0]!);
    for (const used of [/\.navbar/, /\.button/, /\.menu__link/, /(?:^|[\s,>+~])table\b/, /\.footer/, /:root/])
      expect(selectors.filter((s) => used.test(s))).toEqual([]);
    expect(rules(site).some((r) => /\.(alert|pagination-nav|breadcrumbs)\b/.test(r.split('{')[0]!))).toBe(false);
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
