/**
 * Adds one page per registered solver at /calculators/<id> (e.g.
 * /calculators/conv/output-shape). The ids come from the packages at build
 * time, so a new solver gets its page at the next build with no docs change.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LoadContext, Plugin } from '@docusaurus/types';

/** Ids of every solver the docs' @dnn/* dependencies export. */
export function solverIds(siteDir: string): string[] {
  const script = fileURLToPath(new URL('./solver-ids.mjs', `file://${siteDir}/src/plugins/`));
  return JSON.parse(execFileSync(process.execPath, [script], { cwd: siteDir, encoding: 'utf8' })) as string[];
}

export default function calculatorRoutes(context: LoadContext): Plugin<unknown> {
  return {
    name: 'dnn-calculator-routes',
    async loadContent() {
      return { ids: solverIds(context.siteDir) };
    },
    async contentLoaded({ content, actions }) {
      for (const id of (content as { ids: string[] }).ids) {
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
