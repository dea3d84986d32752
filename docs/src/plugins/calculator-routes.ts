/**
 * Adds one page per registered solver at /calculators/<id> (e.g.
 * /calculators/conv/output-shape). The ids come from the packages at build
 * time, so a new solver gets its page at the next build with no docs change.
 * The catalog (id, title, description, package of every solver) is also the
 * plugin's global data, so pages that only list solvers (home, /calculators)
 * read it with `useSolverCatalog()` instead of loading the solver library.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LoadContext, Plugin } from '@docusaurus/types';
import type { CatalogEntry } from '../solver-catalog';

/** Every solver the docs' @dnn/* dependencies export, with its title, description and package. */
export function solverCatalog(siteDir: string): CatalogEntry[] {
  const script = fileURLToPath(new URL('./solver-ids.mjs', `file://${siteDir}/src/plugins/`));
  return JSON.parse(execFileSync(process.execPath, [script], { cwd: siteDir, encoding: 'utf8' })) as CatalogEntry[];
}

/** Ids of every solver the docs' @dnn/* dependencies export. */
export function solverIds(siteDir: string): string[] {
  return solverCatalog(siteDir).map((s) => s.id);
}

export default function calculatorRoutes(context: LoadContext): Plugin<unknown> {
  return {
    name: 'dnn-calculator-routes',
    async loadContent() {
      return { catalog: solverCatalog(context.siteDir) };
    },
    async contentLoaded({ content, actions }) {
      const { catalog } = content as { catalog: CatalogEntry[] };
      actions.setGlobalData({ solvers: catalog });
      for (const { id } of catalog) {
        actions.addRoute({
          path: `/calculators/${id}`,
          component: '@site/src/components/CalculatorPage.tsx',
          exact: true,
          props: { id },
        });
      }
    },
  };
}
