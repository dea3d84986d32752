/**
 * What follows a grade that is not full marks, in the order that teaches:
 * hint 1 (what to compute, step by step), hint 2 (each step's maths with the
 * numbers substituted, results hidden), "Try again", and the full worked
 * solution only when asked for. Full marks show the solution folded.
 */
import type { Solution } from '@dnn/core';
import { useMemo, useState } from 'react';
import SolutionView from '../components/SolutionView';
import Tex from '../components/Tex';
import { hintSteps } from './hints';

/** Props of {@link Feedback}. */
export interface FeedbackProps {
  solution: Solution<Record<string, unknown>>;
  /** Everything right: no hints, the solution folded away. */
  full: boolean;
  /** Whether the full solution is shown (asked for). */
  revealed: boolean;
  onReveal: () => void;
  onTryAgain: () => void;
}

/** The hint stages, the Try again button and the solution on request. */
export default function Feedback({ solution, full, revealed, onReveal, onTryAgain }: FeedbackProps) {
  const [stage, setStage] = useState<1 | 2>(1);
  const steps = useMemo(() => hintSteps(solution.steps), [solution]);
  if (full) {
    return (
      <details className="dnn-grade__solution">
        <summary>Worked solution</summary>
        <SolutionView solution={solution} />
      </details>
    );
  }
  return (
    <section className="dnn-practice__feedback" aria-label="Hints" data-testid="feedback" data-hint-stage={stage}>
      {!revealed && (
        <div className="dnn-practice__hint" data-testid="hint">
          <h3>{stage === 1 ? 'Hint 1 of 2: the steps' : 'Hint 2 of 2: the numbers'}</h3>
          <ol className="dnn-practice__hint-steps">
            {steps.map((s, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: steps are positional and never reordered
              <li key={i}>
                {s.title}
                {stage === 2 && s.latex && (
                  <>
                    : <Tex latex={s.latex} />
                  </>
                )}
              </li>
            ))}
          </ol>
          {stage === 2 && (
            <p className="dnn-field__desc">Results are hidden as “?”: work them out from the lines above.</p>
          )}
        </div>
      )}
      <div className="dnn-practice__actions">
        <button type="button" className="button button--primary" onClick={onTryAgain}>
          Try again
        </button>
        {stage === 1 && !revealed && (
          <button type="button" className="button button--secondary" onClick={() => setStage(2)}>
            Show the numbers (hint 2)
          </button>
        )}
        {!revealed && (
          <button type="button" className="button button--secondary" onClick={onReveal}>
            Show the full solution
          </button>
        )}
      </div>
      {revealed && (
        <div className="dnn-grade__solution" data-testid="worked-solution">
          <h3>Worked solution</h3>
          <SolutionView solution={solution} />
        </div>
      )}
    </section>
  );
}
