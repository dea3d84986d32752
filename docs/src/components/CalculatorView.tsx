/**
 * A live calculator drawn from JSON data (its input and answer JSON Schemas,
 * presets, and the first input's outcome): inline input errors on the field
 * they name, the answer beside the form, the worked steps below. It imports
 * neither the solver library nor KaTeX — solving and the maths happen in the
 * solve worker — so a calculator page stays light. With `syncUrl` the input
 * lives in the page's `?input=` query, so a solution can be shared by link.
 */

import type { Solution } from '@dnn/core';
import useBaseUrl from '@docusaurus/useBaseUrl';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { calculatorPath } from '../solver-paths';
import AnswerView from './answer/AnswerView';
import type { CalculatorData } from './calculator-data.mjs';
import { useFocusableOverflow } from './focusable-overflow';
import SchemaForm from './SchemaForm';
import { NotesView, StepsList } from './StepsList';
import { applicableInput, type Field, fieldForPath, fieldsOf, setIn } from './schema-fields';
import { serverStepsHtml } from './steps-html-on-server';
import { useSolution } from './use-solution';

/** Props of {@link CalculatorView}. */
export interface CalculatorViewProps {
  data: CalculatorData;
  /** Keep the input in the page URL (`?input=`), and read it from there on load. */
  syncUrl?: boolean;
  /** Collapsed to its answer card, the input and steps folded below it (default: true unless `syncUrl`, i.e. in guides). */
  compact?: boolean;
}

/** The `input` query parameter of the current page, parsed; `undefined` when absent. */
function inputFromUrl(): { value?: Record<string, unknown>; error?: string } | undefined {
  const raw = new URLSearchParams(window.location.search).get('input');
  if (raw === null) return undefined;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
      return { value: parsed as Record<string, unknown> };
    }
    return { error: 'The link’s input is not a JSON object; showing the first example instead.' };
  } catch {
    return { error: 'The link’s input is not valid JSON; showing the first example instead.' };
  }
}

/** The current page's address with `value` as its `input` query. */
function urlWithInput(value: unknown): string {
  const url = new URL(window.location.href);
  url.searchParams.set('input', JSON.stringify(value ?? {}));
  return url.href;
}

/** A live calculator drawn from its {@link CalculatorData} (which holds the first input's outcome). */
export default function CalculatorView({ data, syncUrl, compact = !syncUrl }: CalculatorViewProps) {
  const fields: Field[] = useMemo(() => fieldsOf(data.inputSchema), [data]);
  const answerSchema = data.answerSchema;
  const [value, setValue] = useState<unknown>(data.input);
  const [version, setVersion] = useState(0);
  const [preset, setPreset] = useState<number | undefined>(data.example);
  const [linkError, setLinkError] = useState<string>();
  const [ready, setReady] = useState(false);
  const pagePath = useBaseUrl(calculatorPath(data.id));

  useEffect(() => {
    setReady(true);
    if (!syncUrl) return;
    const fromUrl = inputFromUrl();
    if (!fromUrl) return;
    if (fromUrl.value) {
      setValue(fromUrl.value);
      setPreset(undefined);
      setVersion((v) => v + 1);
    } else setLinkError(fromUrl.error);
  }, [syncUrl]);

  // Set by the user's edits: the URL then follows the input (a link's own input is already in it).
  const edited = useRef(false);
  const onFieldChange = useCallback((keys: readonly string[], next: unknown) => {
    edited.current = true;
    setPreset(undefined);
    setValue((old: unknown) => setIn(old, keys, next));
  }, []);
  const loadPreset = (i: number | undefined) => {
    const ex = i === undefined ? undefined : data.examples[i];
    edited.current = true;
    setValue(ex ? ex.input : {});
    setPreset(i);
    setLinkError(undefined);
    setVersion((v) => v + 1);
  };

  const given = useMemo(() => applicableInput(fields, value), [fields, value]);
  const rootRef = useRef<HTMLDivElement>(null);
  // A calculator mounted by client-side navigation has no prerendered maths: the worker renders it once idle.
  const mathMissing = useCallback(() => rootRef.current?.querySelector('.dnn-steps .dnn-tex:empty') != null, []);
  const { outcome, pending } = useSolution(data.id, given, data.outcome, mathMissing);
  const lastGood = useRef<{ solution: Solution<Record<string, unknown>>; input: unknown }>(undefined);
  if (outcome.kind === 'solved' && (!pending || !lastGood.current)) {
    lastGood.current = { solution: outcome.solution, input: given };
  }
  const shown = lastGood.current;
  // The steps change only together with their maths: the worker sends a solution before its maths, so until
  // that arrives the previous steps stay (dimmed). The first steps' maths: rendered by the server in the
  // prerender, kept by hydration (undefined HTML) in the browser.
  const lastSteps = useRef<{ solution: Solution<Record<string, unknown>>; html: readonly string[] | undefined }>(
    undefined,
  );
  if (outcome.kind === 'solved' && (outcome.html || !lastSteps.current)) {
    lastSteps.current = { solution: outcome.solution, html: outcome.html ?? serverStepsHtml(outcome.solution) };
  }
  const steps = lastSteps.current;
  const stepsStale = steps !== undefined && shown !== undefined && steps.solution !== shown.solution;
  const errorPath = outcome.kind === 'input-error' ? outcome.path : undefined;
  const errorMessage = outcome.kind === 'input-error' ? outcome.message : undefined;
  // One errors object per error, so the (memoised) form skips the renders that only bring a new answer.
  const { errors, formError } = useMemo(() => {
    if (errorPath === undefined || errorMessage === undefined) return { errors: {} };
    const field = fieldForPath(fields, errorPath);
    return field ? { errors: { [field.path]: errorMessage } } : { errors: {}, formError: errorMessage };
  }, [fields, errorPath, errorMessage]);
  // Settled: hydrated, and the answer and steps shown are the current input's (a shared link's input is solved in the worker).
  const settled = ready && !pending && !stepsStale;
  useEffect(() => {
    if (settled) document.documentElement.classList.remove('dnn-linked-input');
  }, [settled]);
  // The URL takes the edited input once its answer and steps are shown (history.replaceState costs milliseconds
  // with a long input: not on each keystroke's path), before the browser reports the calculator ready.
  useLayoutEffect(() => {
    if (syncUrl && settled && edited.current)
      window.history.replaceState(window.history.state, '', urlWithInput(value));
  }, [syncUrl, settled, value]);
  useFocusableOverflow(rootRef, [shown, steps]);
  const active = preset === undefined ? undefined : data.examples[preset];
  const level = compact ? 3 : 2;
  const H = `h${level}` as const;

  const inputPane = (
    <div className="dnn-calculator__input">
      {!compact && <H className="dnn-calculator__heading">Input</H>}
      {data.examples.length > 0 && (
        <fieldset className="dnn-presets">
          <legend className="dnn-presets__label">Exam presets</legend>
          {data.examples.map((ex, i) => (
            <button
              key={ex.title}
              type="button"
              className={`button button--sm ${preset === i ? 'button--primary' : 'button--secondary'}`}
              aria-pressed={preset === i}
              onClick={() => loadPreset(i)}
            >
              {ex.title}
            </button>
          ))}
          <button
            type="button"
            className="button button--sm button--outline button--secondary"
            onClick={() => loadPreset(undefined)}
          >
            Clear (defaults)
          </button>
        </fieldset>
      )}
      {active && <p className="dnn-presets__source">Source: {active.source}</p>}
      {linkError && (
        <p className="dnn-form-error" role="alert">
          {linkError}
        </p>
      )}
      <form className="dnn-calculator__body" onSubmit={(e) => e.preventDefault()} aria-label={`${data.title} input`}>
        <SchemaForm
          key={version}
          fields={fields}
          value={value}
          onChange={onFieldChange}
          errors={errors}
          errorPath={errorPath}
        />
      </form>
      {formError && (
        <p className="dnn-form-error" role="alert" data-error-for="">
          {formError}
        </p>
      )}
      {outcome.kind === 'internal' && (
        <p className="dnn-form-error" role="alert">
          The solver failed on this input (a bug: please report it with this link): {outcome.message}
        </p>
      )}
      <div className="dnn-calculator__links">
        {syncUrl ? (
          <CopyLink link={() => urlWithInput(value)} />
        ) : (
          <a href={`${pagePath}?input=${encodeURIComponent(JSON.stringify(value ?? {}))}`}>
            Open on its own page with these numbers
          </a>
        )}
      </div>
    </div>
  );
  const resultPane = (
    <div className="dnn-calculator__result">
      {outcome.kind !== 'solved' && (
        <p className="dnn-calculator__pending" role="status">
          {shown
            ? 'The input has an error (see the highlighted field); the answer below is for the last valid input.'
            : 'Fix the highlighted input to see the solution.'}
        </p>
      )}
      {shown && (
        <>
          <AnswerView
            solverId={data.id}
            solution={shown.solution}
            schema={answerSchema}
            input={(shown.input ?? {}) as Record<string, unknown>}
            stale={outcome.kind !== 'solved'}
            level={level}
          />
          <NotesView notes={shown.solution.notes} level={level} />
        </>
      )}
    </div>
  );
  return (
    <div
      ref={rootRef}
      className={`dnn-calculator${compact ? ' dnn-calculator--compact' : ''}`}
      data-solver-id={data.id}
      data-ready={settled}
    >
      {compact ? (
        <>
          {resultPane}
          <details className="dnn-calculator__fold">
            <summary>Change the numbers</summary>
            {inputPane}
          </details>
          {steps && (
            <details className="dnn-calculator__fold">
              <summary>Worked solution</summary>
              <StepsList solution={steps.solution} html={steps.html} stale={stepsStale} level={4} />
            </details>
          )}
        </>
      ) : (
        <>
          <div className="dnn-calculator__grid">
            {inputPane}
            {resultPane}
          </div>
          {steps && <StepsList solution={steps.solution} html={steps.html} stale={stepsStale} level={level} />}
        </>
      )}
    </div>
  );
}

/** Copies the link to the current input (the page's address once its answer shows) and says so. */
function CopyLink({ link }: { link: () => string }) {
  const [copied, setCopied] = useState<'yes' | 'failed'>();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link());
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <>
      <button type="button" className="button button--sm button--secondary" onClick={() => void copy()}>
        Copy link to this solution
      </button>
      <span role="status" className="dnn-calculator__copied">
        {copied === 'yes' ? 'Link copied.' : copied === 'failed' ? 'Copy failed: copy the address bar instead.' : ''}
      </span>
    </>
  );
}
