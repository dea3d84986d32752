/**
 * One student's exam sheet as the page shows and prints it: the header with a
 * name line, the instructions, then each question on its own printed page
 * with a box to write in; as an answer key, each question's answer and its
 * worked steps instead of the box.
 */
import type { ExamVariant } from '@dnn/practice';
import { answerText } from '../../practice/answer-fields';
import SolutionView from '../SolutionView';

const points = (p: number) => `${p} ${p === 1 ? 'point' : 'points'}`;

/** The sheet (or with `answers` the key) of a variant. */
export default function ExamSheet({ variant, answers }: { variant: ExamVariant; answers: boolean }) {
  const n = variant.questions.length;
  return (
    <article
      className="dnn-exam__sheet"
      data-testid="exam-sheet"
      data-questions={n}
      data-answers={answers}
      aria-label={answers ? 'Answer key' : 'Exam sheet'}
    >
      <header className="dnn-exam__header">
        <h2 className="dnn-exam__title">{variant.title}</h2>
        <p className="dnn-exam__meta">
          Student {variant.student} · {n} {n === 1 ? 'question' : 'questions'} · {points(variant.totalPoints)}
          {answers && ' · answer key'}
        </p>
        {!answers && (
          <p className="dnn-exam__name">
            Name: <span />
          </p>
        )}
        {variant.instructions && <p className="dnn-exam__instructions">{variant.instructions}</p>}
      </header>
      {variant.questions.map((q) => (
        <section
          key={q.number}
          className="dnn-exam__question"
          data-question={q.number}
          aria-labelledby={`dnn-exam-q${q.number}`}
        >
          <h3 id={`dnn-exam-q${q.number}`}>
            Question {q.number} ({points(q.points)})
          </h3>
          <p className="dnn-exam__text">{q.exercise.question}</p>
          {answers ? (
            <div className="dnn-exam__key">
              <p className="dnn-exam__source">
                {q.exercise.id} · seed {q.exercise.seed} · {q.exercise.difficulty}
              </p>
              <h4>Answer</h4>
              <dl className="dnn-practice__key-list">
                {Object.entries(q.exercise.solution.answer).map(([k, v]) => (
                  <div key={k}>
                    <dt>
                      <code>{k}</code>
                    </dt>
                    <dd>
                      <code>{answerText(v)}</code>
                    </dd>
                  </div>
                ))}
              </dl>
              <h4>Worked steps</h4>
              <SolutionView solution={q.exercise.solution} />
            </div>
          ) : (
            <div className="dnn-exam__space" role="img" aria-label="Space for the answer" />
          )}
        </section>
      ))}
    </article>
  );
}
