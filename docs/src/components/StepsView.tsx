/** A solution's steps rendered here with KaTeX (practice, widgets); calculators use StepsList with the worker's HTML. */
import type { Solution } from '@dnn/core';
import { memo, useMemo } from 'react';
import { StepsList } from './StepsList';
import { stepsHtml } from './steps-html';

export { NotesView } from './StepsList';

/** The steps of a solution, in order, and the whole solution as JSON one click away. */
function Steps({ solution, level = 2 }: { solution: Solution<Record<string, unknown>>; level?: 2 | 3 | 4 }) {
  const html = useMemo(() => stepsHtml(solution), [solution]);
  return <StepsList solution={solution} html={html} level={level} />;
}

/** The steps of a solution (re-rendered only when the solution changes, not on every keystroke). */
const StepsView = memo(Steps);
export default StepsView;
