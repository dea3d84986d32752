/** /exam: seeded exam sheets per student with answer keys, print, downloads (LaTeX, Markdown, JSON, Moodle, GIFT) and class grading. */
import Layout from '@theme/Layout';
import Exam from '../components/exam/Exam';

export default function ExamPage() {
  return (
    <Layout
      title="Exam"
      description="Seeded exam sheets per student with worked answer keys, print, Moodle/GIFT export and class grading"
    >
      <main className="container margin-vert--lg">
        <div className="dnn-no-print">
          <h1>Exam</h1>
          <p>
            Write an exam as a list of problems or topics with a difficulty and points. Every student gets their own
            numbers, seeded by the exam's seed and their id: the same spec always gives the same sheets. Preview and
            print a sheet or its answer key with worked steps, download the sheets and keys (LaTeX, Markdown, JSON) or
            question banks for your LMS (Moodle XML, GIFT), and grade the class's answers.
          </p>
        </div>
        <Exam />
      </main>
    </Layout>
  );
}
