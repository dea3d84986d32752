/**
 * CATALOG.md at the repository root is generated from the solvers' schemas by scripts/catalog.mjs; this test
 * fails when it is stale (a solver, field, default, description or example changed without regenerating it).
 * Fix: `pnpm build && node scripts/catalog.mjs`, then commit CATALOG.md.
 */
import { readFileSync } from 'node:fs';
import { a, s } from '@dnn/core';
import { describe, expect, it } from 'vitest';
import { packages } from './index.js';

interface CatalogModule {
  catalogMarkdown(args: { packages: typeof packages; s: typeof s; a: typeof a }): string;
}

describe('CATALOG.md', () => {
  it('is up to date with the schemas (regenerate with node scripts/catalog.mjs)', async () => {
    const script = new URL('../../../scripts/catalog.mjs', import.meta.url);
    const { catalogMarkdown } = (await import(script.href)) as CatalogModule;
    const committed = readFileSync(new URL('../../../CATALOG.md', import.meta.url), 'utf8');
    const expected = catalogMarkdown({ packages, s, a });
    // Compare line by line first so a failure shows the first stale line, not 200 KB of text.
    const got = committed.split('\n');
    const want = expected.split('\n');
    const first = want.findIndex((line, i) => line !== got[i]);
    expect(first === -1 ? null : { line: first + 1, committed: got[first], generated: want[first] }).toBeNull();
    expect(committed).toBe(expected);
  });

  it('lists every solver id', () => {
    const committed = readFileSync(new URL('../../../CATALOG.md', import.meta.url), 'utf8');
    for (const pkg of packages) for (const solver of pkg.solvers) expect(committed).toContain(`### ${solver.id}\n`);
  });
});
