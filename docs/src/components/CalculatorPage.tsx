/** The page of one calculator, at /calculators/<id>; the input lives in the URL query. */
import Link from '@docusaurus/Link';
import Layout from '@theme/Layout';
import { apiPath, findSolver, packageOf } from '../registry';
import Calculator from './Calculator';

/** Route props set by the calculator-routes plugin. */
export default function CalculatorPage({ id }: { id: string }) {
  const solver = findSolver(id);
  const pkg = packageOf(id);
  return (
    <Layout title={solver ? `${solver.title} (${id})` : id} description={solver?.description}>
      <main className="container margin-vert--lg dnn-calculator-page">
        <nav className="dnn-breadcrumbs" aria-label="Breadcrumbs">
          <Link to="/calculators">Calculators</Link> / <code>{id}</code>
        </nav>
        <h1>{solver?.title ?? id}</h1>
        <p className="dnn-calculator-page__meta">
          Solver id <code data-testid="solver-id">{id}</code>
          {pkg && (
            <>
              {' '}
              in <Link to={apiPath(pkg)}>{pkg}</Link> (<Link to={apiPath(pkg)}>API reference</Link>)
            </>
          )}
        </p>
        {solver && <p>{solver.description}</p>}
        <Calculator id={id} syncUrl />
      </main>
    </Layout>
  );
}
