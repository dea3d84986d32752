/**
 * A live calculator for any registered solver, by id — for guides and other
 * pages that load the solver library anyway. It builds the calculator's data
 * (schemas, presets, the first outcome with its maths) from the registry and
 * draws it with {@link CalculatorView}; the /calculators/<id> pages get the
 * same data from the build instead, and load no solver code on their main thread.
 */
import { useMemo } from 'react';
import { findSolver, packageOf } from '../registry';
import CalculatorView from './CalculatorView';
import { calculatorData } from './calculator-data.mjs';
import { stepsHtml } from './steps-html';

/** Props of {@link Calculator}. */
export interface CalculatorProps {
  /** Solver id, e.g. `conv/output-shape`. */
  id: string;
  /** Which of the solver's examples to start from (default the first). */
  example?: number;
  /** Start from this input instead of an example. */
  input?: Record<string, unknown>;
  /** Keep the input in the page URL (`?input=`), and read it from there on load. */
  syncUrl?: boolean;
  /** Collapsed to its answer card, the input and steps folded below it (default: true unless `syncUrl`, i.e. in guides). */
  compact?: boolean;
}

/** A calculator for solver `id`; a friendly note when that solver is not registered yet. */
export default function Calculator({ id, example, input, syncUrl, compact }: CalculatorProps) {
  const solver = findSolver(id);
  const data = useMemo(() => {
    if (!solver) return undefined;
    const built = calculatorData(solver, { example, input, pkg: packageOf(id) });
    const first = built.outcome;
    return first.kind === 'solved' ? { ...built, outcome: { ...first, html: stepsHtml(first.solution) } } : built;
  }, [solver, id, example, input]);
  if (!data) {
    return (
      <div className="dnn-missing" data-missing-solver={id}>
        The calculator <code>{id}</code> is not available yet: its solver has not been published.
      </div>
    );
  }
  return <CalculatorView data={data} syncUrl={syncUrl} compact={compact} />;
}
