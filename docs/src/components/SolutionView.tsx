/** A worked solution without its answer card (practice and exam keys show their own answers): the steps, then the notes. */
import type { Solution } from '@dnn/core';
import { useRef } from 'react';
import { useFocusableOverflow } from './focusable-overflow';
import StepsView, { NotesView } from './StepsView';

/** Steps and notes of a solution, headings at level 4 (inside a practice answer key); wide maths scrolls by keyboard too. */
export default function SolutionView({ solution }: { solution: Solution<Record<string, unknown>> }) {
  const root = useRef<HTMLDivElement>(null);
  useFocusableOverflow(root, [solution]);
  return (
    <div className="dnn-solution" ref={root}>
      <StepsView solution={solution} level={4} />
      <NotesView notes={solution.notes} level={4} />
    </div>
  );
}
