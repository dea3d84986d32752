/** /practice: seeded exam questions to answer, graded field by field with the worked solution. */
import Layout from '@theme/Layout';
import Practice from '../practice/Practice';

export default function PracticePage() {
  return (
    <Layout title="Practice" description="Endless exam questions, graded with partial credit and the worked solution">
      <main className="container margin-vert--lg">
        <h1>Practice</h1>
        <p>
          Pick a topic and a difficulty, answer the question, and get it graded field by field with the worked solution.
          The link holds the question's seed: share it and anyone gets the same question.
        </p>
        <Practice />
      </main>
    </Layout>
  );
}
