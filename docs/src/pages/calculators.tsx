/** /calculators: every registered solver, searchable by id, title and description. */
import Link from '@docusaurus/Link';
import Layout from '@theme/Layout';
import { useState } from 'react';
import { packageTopics, useSolverCatalog } from '../solver-catalog';
import { calculatorPath } from '../solver-paths';

function matches(query: string, ...texts: string[]): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const haystack = texts.join(' ').toLowerCase();
  return words.every((w) => haystack.includes(w));
}

export default function Calculators() {
  const [query, setQuery] = useState('');
  const solverInfos = useSolverCatalog();
  const shown = solverInfos.filter((i) => matches(query, i.id, i.title, i.description));
  return (
    <Layout title="Calculators" description="A live calculator for every dnn-solvers solver">
      <main className="container margin-vert--lg">
        <h1>Calculators</h1>
        <p>
          One calculator per solver: type an exam's numbers, read the worked solution. {solverInfos.length} solver
          {solverInfos.length === 1 ? '' : 's'} published so far.
        </p>
        <label htmlFor="calculator-search" className="dnn-field__label">
          Search by id or title
        </label>
        <input
          id="calculator-search"
          className="dnn-input dnn-search"
          type="search"
          value={query}
          placeholder="e.g. conv/ or lstm"
          onChange={(e) => setQuery(e.target.value)}
        />
        <p aria-live="polite" className="dnn-field__desc">
          {shown.length} of {solverInfos.length} shown
        </p>
        {packageTopics.map((pkg) => {
          const items = shown.filter((i) => i.package === pkg.name);
          if (items.length === 0) return null;
          return (
            <section key={pkg.name}>
              <h2>
                {pkg.topic} <code>{pkg.name}</code>
              </h2>
              <ul className="dnn-calc-list" data-testid="calculator-list">
                {items.map((i) => (
                  <li key={i.id} data-solver-id={i.id}>
                    <Link to={calculatorPath(i.id)}>
                      <code>{i.id}</code> — {i.title}
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
        {shown.length === 0 && <p>No calculator matches “{query}”.</p>}
      </main>
    </Layout>
  );
}
