/** A worked solution: the answer, the steps (KaTeX) and the notes. */
import type { Solution } from '@dnn/core';
import Tex from './Tex';

function isFlat(v: unknown): boolean {
  return (
    v === null || typeof v !== 'object' || (Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object'))
  );
}

/** An answer value as text: numbers unrounded, short lists inline, the rest as indented JSON. */
export function answerText(v: unknown): string {
  if (isFlat(v)) {
    const s = JSON.stringify(v);
    return s.length <= 100 ? s.replace(/,/g, ', ') : JSON.stringify(v, null, 1);
  }
  if (Array.isArray(v) && v.every(isFlat)) return v.map((r) => JSON.stringify(r).replace(/,/g, ', ')).join('\n');
  return JSON.stringify(v, null, 2);
}

/** Shows a Solution. Every string is rendered as React text; only KaTeX output is HTML. */
export default function SolutionView({ solution }: { solution: Solution<Record<string, unknown>> }) {
  return (
    <div className="dnn-solution">
      <section className="dnn-answer" aria-label="Answer" data-testid="answer">
        <h3>Answer</h3>
        <dl>
          {Object.entries(solution.answer).map(([key, value]) => {
            const text = answerText(value);
            return (
              <div key={key} className="dnn-answer__row" data-answer-key={key} data-value={JSON.stringify(value)}>
                <dt>
                  <code>{key}</code>
                </dt>
                <dd>{text.includes('\n') ? <pre>{text}</pre> : <code>{text}</code>}</dd>
              </div>
            );
          })}
        </dl>
      </section>
      <section className="dnn-steps" aria-label="Steps" data-testid="steps">
        <h3>Steps</h3>
        <ol>
          {solution.steps.map((s, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: steps are an ordered list that is replaced whole
            <li key={i}>
              <span className="dnn-steps__title">{s.title}</span>
              {s.latex && <Tex latex={s.latex} display />}
            </li>
          ))}
        </ol>
      </section>
      {solution.notes.length > 0 && (
        <section className="dnn-notes" aria-label="Notes" data-testid="notes">
          <h3>Notes</h3>
          <ul>
            {solution.notes.map((n, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: notes are replaced whole
              <li key={i}>{n}</li>
            ))}
          </ul>
        </section>
      )}
      <details className="dnn-json">
        <summary>Solution as JSON</summary>
        <pre>{JSON.stringify(solution, null, 2)}</pre>
      </details>
    </div>
  );
}
