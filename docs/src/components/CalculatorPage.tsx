/** The page of one calculator, at /calculators/<id>; the input lives in the URL query. */
import Head from '@docusaurus/Head';
import Link from '@docusaurus/Link';
import Layout from '@theme/Layout';
import { apiPath, findSolver, packageOf } from '../registry';
import Calculator from './Calculator';

/**
 * Runs before the first paint: a shared link (`?input=`) hides the prerendered
 * default answer until the calculator has read the link's input, so another
 * input's answer is never shown first.
 */
const LINKED_INPUT_SCRIPT = `if(new URLSearchParams(location.search).has('input'))document.documentElement.classList.add('dnn-linked-input')`;

/** Route props set by the calculator-routes plugin. */
export default function CalculatorPage({ id }: { id: string }) {
  const solver = findSolver(id);
  const pkg = packageOf(id);
  return (
    <Layout title={solver ? `${solver.title} (${id})` : id} description={solver?.description}>
      <Head>
        <script>{LINKED_INPUT_SCRIPT}</script>
      </Head>
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
