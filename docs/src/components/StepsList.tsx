/**
 * The worked part of a solution from already-rendered maths: the steps, the
 * notes that change the number, the whole solution as JSON. No KaTeX here —
 * a calculator page gets each step's HTML from the solve worker (or, in the
 * prerender, from the server), so its main thread never loads KaTeX.
 */
import type { Solution } from '@dnn/core';
import { memo, useEffect, useState } from 'react';

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

/** Props of {@link StepsList}. */
export interface StepsListProps {
  solution: Solution<Record<string, unknown>>;
  /**
   * Each step's maths as KaTeX HTML ('' for none). Undefined only while
   * hydrating a prerendered page: the maths already in the DOM stays as it is.
   */
  html: readonly string[] | undefined;
  /** The steps of an earlier input: busy at once, dimmed after a blink, until the current input's arrive. */
  stale?: boolean;
  level?: 2 | 3 | 4;
}

/** How long stale steps stay undimmed: steps that arrive sooner never flicker. */
const BLINK_MS = 250;

/**
 * `flag`, but turned on only once it has stayed on for a blink (off at once). Dimming the long steps restyles
 * and repaints all of them, which would otherwise land in the frame that shows a new answer.
 */
function useAfterBlink(flag: boolean): boolean {
  const [late, setLate] = useState(false);
  useEffect(() => {
    if (!flag) {
      setLate(false);
      return;
    }
    const timer = setTimeout(() => setLate(true), BLINK_MS);
    return () => clearTimeout(timer);
  }, [flag]);
  return flag && late;
}

/** The steps of a solution, in order, and the whole solution as JSON one click away. */
function Steps({ solution, html, stale = false, level = 2 }: StepsListProps) {
  const H = `h${level}` as const;
  const dimmed = useAfterBlink(stale);
  return (
    <>
      <section
        className={`dnn-steps${dimmed ? ' dnn-steps--stale' : ''}`}
        aria-label="Steps"
        aria-busy={stale}
        data-testid="steps"
      >
        <H>Steps</H>
        <ol>
          {solution.steps.map((s, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: steps are an ordered list that is replaced whole
            <li key={i}>
              <span className="dnn-steps__title">{s.title}</span>
              {s.latex && (
                <div
                  className="dnn-tex dnn-tex--display"
                  // biome-ignore lint/security/noDangerouslySetInnerHtml: KaTeX output with trust: false escapes every character it prints
                  dangerouslySetInnerHTML={{ __html: html?.[i] ?? '' }}
                  // Without HTML (hydration of the prerendered maths) React keeps the server's content.
                  suppressHydrationWarning
                />
              )}
            </li>
          ))}
        </ol>
      </section>
      <JsonView solution={solution} />
    </>
  );
}

/** The steps of a solution (re-rendered only when the solution or its HTML changes, not on every keystroke). */
export const StepsList = memo(Steps);
