/** The page of one calculator, at /calculators/<id>; the input lives in the URL query. */
import Head from '@docusaurus/Head';
import Link from '@docusaurus/Link';
import Layout from '@theme/Layout';
import { apiPath } from '../solver-paths';
import CalculatorView from './CalculatorView';
import type { CalculatorData } from './calculator-data.mjs';

/**
 * Runs before the first paint: a shared link (`?input=`) hides the prerendered
 * default answer until the calculator has read the link's input, so another
 * input's answer is never shown first.
 */
const LINKED_INPUT_SCRIPT = `if(new URLSearchParams(location.search).has('input'))document.documentElement.classList.add('dnn-linked-input')`;

/**
 * Route props set by the calculator-routes plugin: the solver id, and its
 * calculator data computed at build time (so the page loads no solver code).
 */
export default function CalculatorPage({ id, data }: { id: string; data: CalculatorData }) {
  const pkg = data.package;
  return (
    <Layout title={`${data.title} (${id})`} description={data.description}>
      <Head>
        <script>{LINKED_INPUT_SCRIPT}</script>
      </Head>
      <main className="container margin-vert--lg dnn-calculator-page">
        <nav className="dnn-breadcrumbs" aria-label="Breadcrumbs">
          <Link to="/calculators">Calculators</Link> / <code>{id}</code>
        </nav>
        <h1>{data.title}</h1>
        <p className="dnn-calculator-page__meta">
          Solver id <code data-testid="solver-id">{id}</code>
          {pkg && (
            <>
              {' '}
              in <Link to={apiPath(pkg)}>{pkg}</Link> (<Link to={apiPath(pkg)}>API reference</Link>)
            </>
          )}
        </p>
        <p>{data.description}</p>
        <CalculatorView data={data} syncUrl />
      </main>
    </Layout>
  );
}
