/**
 * Adds one page per registered solver at /calculators/<id> (e.g.
 * /calculators/conv/output-shape). The ids come from the packages at build
 * time, so a new solver gets its page at the next build with no docs change.
 * Each page gets its calculator's data (schemas, presets, the first outcome)
 * as a route data module, computed here at build time, so the page's main
 * thread loads no solver code. The catalog (id, title, description, package
 * of every solver) is also the plugin's global data, so pages that only list
 * solvers (home, /calculators) read it with `useSolverCatalog()` instead of
 * loading the solver library.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LoadContext, Plugin } from '@docusaurus/types';
import type { CalculatorData } from '../components/calculator-data.mjs';
import type { CatalogEntry } from '../solver-catalog';

/** A catalog entry with the data of its calculator page. */
type CalculatorEntry = CatalogEntry & { calculator: CalculatorData };

/** Every solver the docs' @dnn/* dependencies export, with its title, description, package and calculator data. */
function solverCalculators(siteDir: string): CalculatorEntry[] {
  const script = fileURLToPath(new URL('./solver-ids.mjs', `file://${siteDir}/src/plugins/`));
  return JSON.parse(
    execFileSync(process.execPath, [script], { cwd: siteDir, encoding: 'utf8', maxBuffer: 1 << 28 }),
  ) as CalculatorEntry[];
}

/** The Docusaurus plugin that adds the calculator pages. */
export default function calculatorRoutes(context: LoadContext): Plugin<unknown> {
  return {
    name: 'dnn-calculator-routes',
    async loadContent() {
      return { calculators: solverCalculators(context.siteDir) };
    },
    async contentLoaded({ content, actions }) {
      const { calculators } = content as { calculators: CalculatorEntry[] };
      actions.setGlobalData({
        solvers: calculators.map(({ id, title, description, package: pkg }) => ({
          id,
          title,
          description,
          package: pkg,
        })),
      });
      for (const { id, calculator } of calculators) {
        const data = await actions.createData(`calculator-${id.replace(/\//g, '--')}.json`, JSON.stringify(calculator));
        actions.addRoute({
          path: `/calculators/${id}`,
          component: '@site/src/components/CalculatorPage.tsx',
          exact: true,
          props: { id },
          modules: { data },
        });
      }
    },
  };
}
