/**
 * The list of solvers without the solvers: ids, titles, descriptions and
 * packages, computed at build time by the calculator-routes plugin. Pages that
 * only list or count solvers use this, so they don't load the solver library.
 */
import { usePluginData } from '@docusaurus/useGlobalData';
import { packageTopics } from './solver-topics';

/** One solver in the catalog. */
export interface CatalogEntry {
  /** Solver id, e.g. `conv/output-shape`. */
  id: string;
  title: string;
  description: string;
  /** The package that publishes it, e.g. `@dnn/conv`. */
  package: string;
}

export { packageTopics } from './solver-topics';

/** Every registered solver, in catalog order (packages as in {@link packageTopics}). */
export function useSolverCatalog(): CatalogEntry[] {
  const { solvers } = usePluginData('dnn-calculator-routes') as { solvers: CatalogEntry[] };
  const rank = (e: CatalogEntry) => {
    const i = packageTopics.findIndex((p) => p.name === e.package);
    return i < 0 ? packageTopics.length : i;
  };
  return solvers
    .map((e, i) => ({ e, i }))
    .sort((a, b) => rank(a.e) - rank(b.e) || a.i - b.i)
    .map(({ e }) => e);
}
