/** /widgets: every interactive widget on one page. */
import Layout from '@theme/Layout';
import DecisionBoundary from '../widgets/DecisionBoundary';
import KernelPlayground from '../widgets/KernelPlayground';
import OptimizerRace from '../widgets/OptimizerRace';
import ReceptiveFieldGrid from '../widgets/ReceptiveFieldGrid';
import RnnStepper from '../widgets/RnnStepper';

export default function Widgets() {
  return (
    <Layout title="Widgets" description="Pictures where a picture beats text">
      <main className="container margin-vert--lg">
        <h1>Widgets</h1>
        <p>Pictures where a picture beats text. Each one also appears in its topic's guide.</p>
        <KernelPlayground />
        <ReceptiveFieldGrid />
        <OptimizerRace />
        <DecisionBoundary />
        <RnnStepper />
      </main>
    </Layout>
  );
}
