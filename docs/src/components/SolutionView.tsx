/** A worked solution without its answer card (practice shows its own answer key): the steps, then the notes. */
import type { Solution } from '@dnn/core';
import StepsView, { NotesView } from './StepsView';

/** Steps and notes of a solution, headings at level 4 (inside a practice answer key). */
export default function SolutionView({ solution }: { solution: Solution<Record<string, unknown>> }) {
  return (
    <div className="dnn-solution">
      <StepsView solution={solution} level={4} />
      <NotesView notes={solution.notes} level={4} />
    </div>
  );
}
