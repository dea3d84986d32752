/**
 * The answer card: every answer field drawn by its kind, small fields as one
 * result line each, tables, matrices and pictures as blocks below them. It is
 * a live region, so a screen reader hears the new answer after an edit; while
 * the input is invalid the last good answer stays, dimmed.
 */
import type { Solution } from '@dnn/core';
import { memo } from 'react';
import { InlineCode } from '../InlineCode';
import { AnswerValue } from './kinds';
import { isInline, kindOf, labelOf, pick } from './schema';
import type { AnswerSchema } from './types';

/** Props of {@link AnswerView}. */
export interface AnswerViewProps {
  solverId: string;
  solution: Solution<Record<string, unknown>>;
  /** The answer's JSON Schema (`a.answerJsonSchema(solver.answer)`). */
  schema: AnswerSchema;
  input: Record<string, unknown>;
  /** The shown answer belongs to an earlier input: the current one is invalid (dimmed at once). */
  stale?: boolean;
  /** The current input is still being solved (dimmed only if that takes a moment). */
  pending?: boolean;
  /** Heading level of "Answer" (2 on a calculator page, 3 inside a guide). */
  level?: 2 | 3;
}

function Answer({ solverId, solution, schema, input, stale, pending, level = 2 }: AnswerViewProps) {
  const ctx = { answer: solution.answer, input, solverId };
  const fields = Object.entries(solution.answer).map(([key, value]) => {
    const s = pick(schema.properties?.[key] as AnswerSchema | undefined, value);
    const kind = kindOf(s, value);
    return { key, value, schema: s, inline: value === null || isInline(kind, value) };
  });
  const H = `h${level}` as const;
  const Sub = `h${level + 1}` as 'h3' | 'h4';
  return (
    <section
      className={`dnn-answer${stale ? ' dnn-answer--stale' : pending ? ' dnn-answer--pending' : ''}`}
      aria-labelledby={`${solverId}-answer`}
      aria-live="polite"
      aria-busy={pending || undefined}
      data-testid="answer"
    >
      <H id={`${solverId}-answer`} className="dnn-answer__heading">
        Answer
      </H>
      <dl className="dnn-answer__lines">
        {fields
          .filter((f) => f.inline)
          .map((f) => (
            <div key={f.key} className="dnn-answer__row" data-answer-key={f.key} data-value={JSON.stringify(f.value)}>
              <dt title={f.schema.description}>{labelOf(f.key, f.schema)}</dt>
              <dd>
                <AnswerValue value={f.value} schema={f.schema} name={f.key} ctx={ctx} />
              </dd>
            </div>
          ))}
      </dl>
      {fields
        .filter((f) => !f.inline)
        .map((f) => (
          <div
            key={f.key}
            className="dnn-answer__block"
            data-answer-key={f.key}
            data-answer-kind={kindOf(f.schema, f.value)}
            data-value={JSON.stringify(f.value)}
          >
            <Sub className="dnn-answer__label" title={f.schema.description}>
              {labelOf(f.key, f.schema)}
            </Sub>
            {f.schema.description && (
              <p className="dnn-answer__desc">
                <InlineCode text={f.schema.description} />
              </p>
            )}
            <AnswerValue value={f.value} schema={f.schema} name={f.key} ctx={ctx} />
          </div>
        ))}
    </section>
  );
}

/** The answer of a solution, drawn from its schema (re-rendered only when its props change). */
const AnswerView = memo(Answer);
export default AnswerView;
