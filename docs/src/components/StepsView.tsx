/** The worked part of a solution: the steps (KaTeX) and the notes that change the number. */
import type { Solution } from '@dnn/core';
import { memo, useState } from 'react';
import Tex from './Tex';

/** The notes of a solution, directly under the answer: each names a convention or a warning. */
function NotesList({ notes, level = 2 }: { notes: readonly string[]; level?: 2 | 3 | 4 }) {
  if (notes.length === 0) return null;
  const H = `h${level}` as const;
  return (
    <section className="dnn-notes" aria-label="Notes" data-testid="notes">
      <H className="dnn-notes__heading">Notes</H>
      <ul>
        {notes.map((n, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: notes are replaced whole
          <li key={i}>{n}</li>
        ))}
      </ul>
    </section>
  );
}

/** The notes of a solution, directly under the answer: each names a convention or a warning. */
export const NotesView = memo(NotesList);

/** The whole solution as JSON, serialised only when opened. */
function JsonView({ solution }: { solution: Solution<Record<string, unknown>> }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="dnn-json" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Solution as JSON</summary>
      {open && <pre>{JSON.stringify(solution, null, 2)}</pre>}
    </details>
  );
}

/** The steps of a solution, in order, and the whole solution as JSON one click away. */
function Steps({ solution, level = 2 }: { solution: Solution<Record<string, unknown>>; level?: 2 | 3 | 4 }) {
  const H = `h${level}` as const;
  return (
    <>
      <section className="dnn-steps" aria-label="Steps" data-testid="steps">
        <H>Steps</H>
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
      <JsonView solution={solution} />
    </>
  );
}

/** The steps of a solution (re-rendered only when the solution changes, not on every keystroke). */
const StepsView = memo(Steps);
export default StepsView;
