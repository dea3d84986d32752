/** Home page: what the site is and where to go. */
import Link from '@docusaurus/Link';
import Layout from '@theme/Layout';
import { useSolverCatalog } from '../solver-catalog';

const topics = [
  ['Convolutions and CNN architectures', '/docs/guides/convolutions'],
  ['Recurrent networks', '/docs/guides/recurrent'],
  ['Optimisation and backprop', '/docs/guides/optimisation'],
  ['Perceptrons and logic networks', '/docs/guides/logic-nets'],
  ['WASM kernels', '/docs/guides/wasm-kernels'],
] as const;

export default function Home() {
  const solverCount = useSolverCatalog().length;
  return (
    <Layout title="Step-by-step DNN solvers" description="Type an exam's numbers, read the worked solution">
      <header className="hero hero--primary">
        <div className="container">
          <h1 className="hero__title">dnn-solvers</h1>
          <p className="hero__subtitle">
            Type a deep-learning exam's numbers and read the worked solution: formulas, substituted numbers, results.
          </p>
          <Link className="button button--secondary button--lg" to="/calculators">
            Open the calculators ({solverCount})
          </Link>{' '}
          <Link className="button button--outline button--secondary button--lg" to="/practice">
            Practise with exam questions
          </Link>
        </div>
      </header>
      <main className="container margin-vert--lg">
        <h2>Guides</h2>
        <ul>
          {topics.map(([title, to]) => (
            <li key={to}>
              <Link to={to}>{title}</Link>
            </li>
          ))}
        </ul>
        <h2>Practice</h2>
        <p>
          Endless exam-style questions on every topic, at three difficulties: type your answer on the{' '}
          <Link to="/practice">Practice page</Link> and get it graded with partial credit and the worked solution. The
          link keeps the question, so a teacher can share one.
        </p>
        <p>
          Pictures where they beat text: the <Link to="/widgets">widgets</Link> (kernel playground, receptive fields,
          optimizer race, decision boundaries, an unrolled RNN). Developers: the{' '}
          <Link to="/docs/api">API reference</Link>.
        </p>
      </main>
    </Layout>
  );
}
