/**
 * A graded answer: the score, each field's verdict, points and the grader's
 * remarks; the expected value only once the student asks for the solution
 * (hints come first).
 */
import type { Grade } from '@dnn/practice';
import { useEffect, useRef } from 'react';
import { answerText } from './answer-fields';

/** Props of {@link GradeReport}. */
export interface GradeReportProps {
  grade: Grade;
  /** Paths the rubric judges itself (any right answer counts), whose expected value is one example. */
  judged: ReadonlySet<string>;
  /** Show the expected values (the student asked for the solution, or got everything right). */
  reveal: boolean;
}

/** Shows a grade; takes the focus when it appears, so keyboard and screen-reader users land on the score. */
export default function GradeReport({ grade, judged, reveal }: GradeReportProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const full = grade.score === grade.maxScore;
  return (
    <section
      className="dnn-grade"
      aria-labelledby="dnn-grade-heading"
      data-testid="grade"
      data-score={grade.score}
      data-max-score={grade.maxScore}
    >
      <h2 id="dnn-grade-heading" tabIndex={-1} ref={heading}>
        Score: {grade.score} / {grade.maxScore}
        {full && ' — all right'}
      </h2>
      <div className="dnn-grade__table">
        <table>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Verdict</th>
              <th scope="col">Points</th>
              {reveal && <th scope="col">Expected</th>}
              <th scope="col">Your answer</th>
            </tr>
          </thead>
          <tbody>
            {grade.fields.map((f) => (
              <tr key={f.path} data-grade-path={f.path} data-verdict={f.verdict}>
                <td>
                  <code>{f.path}</code>
                </td>
                <td>
                  <span className={`dnn-verdict dnn-verdict--${f.verdict}`}>{f.verdict}</span>
                  {f.remarks?.map((r) => (
                    <span key={r} className="dnn-grade__remark">
                      {r}
                    </span>
                  ))}
                </td>
                <td>
                  {f.points} / {f.maxPoints}
                </td>
                {reveal && (
                  <td>
                    {f.verdict === 'correct' ? (
                      '—'
                    ) : (
                      <>
                        {judged.has(f.path) && 'e.g. '}
                        <code className="dnn-grade__value">{answerText(f.expected)}</code>
                      </>
                    )}
                  </td>
                )}
                <td>{f.got === undefined ? '—' : <code className="dnn-grade__value">{answerText(f.got)}</code>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
