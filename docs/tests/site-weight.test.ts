/**
 * The build-time parts of plugins/site-weight.ts that decide which page loads which CSS: the page stylesheets
 * linked into prerendered HTML, the guard against Infima components that the docs sheet took off other pages,
 * and the cascade-layers polyfill switched off. (Node only, no browser.)
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { docsOnlyComponentsInUse, linkPageStylesheets, nativeCascadeLayers } from '../src/plugins/site-weight';

/** A temporary directory holding `files` (path → text). */
function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'site-weight-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const page = (htmlClass: string, body: string) =>
  `<!doctype html><html lang=en class="${htmlClass}"><head><link rel=stylesheet href=/assets/css/styles.abc.css></head><body>${body}</body></html>`;

describe('linkPageStylesheets', () => {
  it('links the docs sheet on docs pages and the exam sheet on /exam and /practice, once, after the main sheet', () => {
    const out = tree({
      'assets/css/styles.abc.css': '',
      'assets/css/docs-styles.d1.css': '',
      'assets/css/exam-styles.e1.css': '',
      'docs/guide.html': page('docs-wrapper plugin-docs', '<main></main>'),
      'exam.html': page('plugin-pages', '<div class="container dnn-exam"></div>'),
      'practice.html': page('plugin-pages', '<div class=dnn-practice></div>'),
      'calculators/conv/summary.html': page('plugin-pages', '<div class="dnn-calculator dnn-exam-like"></div>'),
    });
    expect(linkPageStylesheets(out)).toEqual({ 'docs-styles': 1, 'exam-styles': 2 });
    const html = (p: string) => readFileSync(join(out, p), 'utf8');
    expect(html('docs/guide.html')).toContain(
      '<link rel=stylesheet href=/assets/css/styles.abc.css><link rel=stylesheet href=/assets/css/docs-styles.d1.css />',
    );
    expect(html('exam.html')).toContain('exam-styles.e1.css');
    expect(html('exam.html')).not.toContain('docs-styles');
    expect(html('practice.html')).toContain('exam-styles.e1.css');
    // dnn-exam-like is another class: no sheet.
    expect(html('calculators/conv/summary.html')).not.toMatch(/docs-styles|exam-styles/);
    // A second run finds every page linked already.
    expect(linkPageStylesheets(out)).toEqual({ 'docs-styles': 0, 'exam-styles': 0 });
    expect(html('exam.html').match(/exam-styles/g)).toHaveLength(1);
  });
});

describe('docsOnlyComponentsInUse', () => {
  const site = tree({ 'src/pages/index.tsx': '' });

  it("accepts this site's navbar and pages", async () => {
    const config = (await import('../docusaurus.config')).default;
    expect(docsOnlyComponentsInUse(join(__dirname, '..'), config.themeConfig)).toBeUndefined();
    expect(docsOnlyComponentsInUse(site, { navbar: { items: [{ to: '/exam', label: 'Exams' }] } })).toBeUndefined();
  });

  it('names a navbar dropdown or a Markdown page, whose Infima styles only docs pages load', () => {
    expect(docsOnlyComponentsInUse(site, { navbar: { items: [{ type: 'localeDropdown' }] } })).toBe(
      'a navbar localeDropdown item',
    );
    const withMarkdown = tree({ 'src/pages/about/team.mdx': '# Team' });
    expect(docsOnlyComponentsInUse(withMarkdown, {})).toMatch(/src\/pages\/about\/team\.mdx$/);
  });
});

describe('nativeCascadeLayers', () => {
  it("turns off postcss-preset-env's cascade-layers feature and keeps its other options", () => {
    const options = {
      plugins: [['/x/postcss-preset-env/index.js', { stage: 2, features: { nesting: true } }], 'other-plugin'],
    };
    expect(nativeCascadeLayers(options)).toBe(true);
    expect(options.plugins).toEqual([
      ['/x/postcss-preset-env/index.js', { stage: 2, features: { nesting: true, 'cascade-layers': false } }],
      'other-plugin',
    ]);
  });

  it('reports a configuration without postcss-preset-env', () => {
    expect(nativeCascadeLayers({ plugins: ['autoprefixer'] })).toBe(false);
  });
});
