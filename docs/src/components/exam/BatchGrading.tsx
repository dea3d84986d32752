/**
 * Grading a class: upload the students' answers (CSV as a spreadsheet or an
 * LMS exports it, or JSON Lines), graded by @dnn/practice's batch grader into
 * a gradebook table (per student, question and field) with a CSV download and
 * each student's feedback; unreadable rows are listed by line, the rest graded.
 */
import { type BatchResult, generators, gradeBatch, rubrics } from '@dnn/practice';
import { type ChangeEvent, useId, useState } from 'react';
import { registry } from '../../registry';
import { download, slug } from './exam-files';

/** The upload, the gradebook and its downloads. */
export default function BatchGrading({ title }: { title: string }) {
  const id = useId();
  const [state, setState] = useState<{ file: string; result?: BatchResult; error?: string }>();
  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    const text = await file.text();
    const format = /\.jsonl?$/i.test(file.name) ? 'jsonl' : 'csv';
    try {
      setState({ file: file.name, result: gradeBatch(text, format, { registry, generators, rubrics }) });
    } catch (err) {
      setState({ file: file.name, error: err instanceof Error ? err.message : String(err) });
    }
  };
  const result = state?.result;
  return (
    <section className="dnn-exam__grading dnn-no-print" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Grade the class</h2>
      <p>
        Fill in the answer template (one row per student, question and field: <code>student</code>, <code>item</code>,{' '}
        <code>points</code>, <code>question</code>, <code>seed</code>, <code>difficulty</code>, <code>field</code>,{' '}
        <code>answer</code>) or export the same columns from your spreadsheet or LMS, then upload it. Answers are read
        as students write them: <code>(4, 5, 5)</code>, <code>4×5×5</code>, fractions, <code>44,865</code>. The file
        stays in your browser.
      </p>
      <div className="dnn-field">
        <label className="dnn-field__label" htmlFor={`${id}-file`}>
          Students' answers (CSV or JSON Lines)
        </label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".csv,.jsonl,.json,.txt,text/csv"
          onChange={onFile}
          data-testid="answers-upload"
        />
      </div>
      {state?.error && (
        <p className="dnn-form-error" role="alert">
          {state.file} could not be graded: {state.error}
        </p>
      )}
      {result && (
        <div data-testid="gradebook" data-students={result.rows.length} data-errors={result.errors.length}>
          <p>
            {state?.file}: {result.rows.length} {result.rows.length === 1 ? 'student' : 'students'} graded
            {result.errors.length > 0 &&
              `, ${result.errors.length} ${result.errors.length === 1 ? 'row' : 'rows'} not graded`}
            .
          </p>
          {result.errors.length > 0 && (
            <ul className="dnn-exam__errors" aria-label="Rows not graded">
              {result.errors.map((e) => (
                <li key={`${e.line}-${e.message}`} data-line={e.line}>
                  Line {e.line}: {e.message}
                </li>
              ))}
            </ul>
          )}
          <div className="dnn-grade__table">
            <table>
              <caption className="dnn-visually-hidden">Gradebook</caption>
              <thead>
                <tr>
                  <th scope="col">Student</th>
                  <th scope="col">Total</th>
                  {result.columns.map((c) => (
                    <th key={c} scope="col">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {result.rows.map((r) => (
                  <tr key={r.student} data-student={r.student} data-total={r.total} data-max={r.maxTotal}>
                    <th scope="row">{r.student}</th>
                    <td>
                      {r.total} / {r.maxTotal}
                    </td>
                    {result.columns.map((c) => (
                      <td key={c}>{r.points[c] ?? '—'}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="dnn-practice__actions">
            <button
              type="button"
              className="button button--primary"
              onClick={() =>
                download({ name: `${slug(title)}-gradebook.csv`, type: 'text/csv', text: () => result.csv })
              }
            >
              Download the gradebook (CSV)
            </button>
            <button
              type="button"
              className="button button--secondary"
              onClick={() =>
                download({
                  name: `${slug(title)}-feedback.md`,
                  type: 'text/markdown',
                  text: () => result.feedback.map((f) => f.markdown).join('\n\n---\n\n'),
                })
              }
            >
              Download every student's feedback (Markdown)
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
