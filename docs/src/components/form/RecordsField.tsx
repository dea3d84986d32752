/**
 * A row editor for a list of records (network layers, training samples): one
 * card per record with a type select that shows only that type's fields,
 * rows added, removed and moved with buttons. An input error inside a record
 * (`layers[2].kernel`) appears in that record's card, on its field.
 */
import { type ComponentType, memo, useMemo, useRef, useState } from 'react';
import { InlineCode } from '../InlineCode';
import type { Field, RecordVariant } from '../schema-fields';
import { locateError } from './records';

/** How a sub-field is drawn (SchemaForm's field view, passed in to keep the files independent). */
export type SubFieldView = ComponentType<{
  field: Field;
  value: unknown;
  onChange: (keys: readonly string[], next: unknown) => void;
  errors: Readonly<Record<string, string>>;
}>;

/** Props of {@link RecordsField}. */
export interface RecordsFieldProps {
  field: Field;
  value: unknown;
  onChange: (next: unknown) => void;
  /** The input error inside this list: its full path (`layers[2].kernel`) and message. */
  error?: { path: string; message: string };
  FieldView: SubFieldView;
}

type Rec = Record<string, unknown>;

function variantOf(variants: readonly RecordVariant[], rec: Rec): RecordVariant | undefined {
  return variants.find((v) => !v.tag || rec[v.tag.name] === v.tag.value);
}

/** Edits of the list, by row index; the same object for the editor's life, reading the latest list. */
interface RowActions {
  /** Replaces record `i` (removes it when `rec` is undefined); structural edits remount the rows. */
  replace(i: number, rec: Rec | undefined, structural?: boolean): void;
  move(i: number, by: -1 | 1): void;
}

/** Props of {@link RecordRow}: primitives and stable objects, so that an unchanged record skips rendering. */
interface RecordRowProps {
  field: Field;
  rec: Rec;
  index: number;
  last: boolean;
  generation: number;
  /** The fields this record had when the rows were (re)built. */
  given: ReadonlySet<string> | undefined;
  /** The input error inside this record: the path inside it, the full path and the message. */
  errorInner?: string;
  errorPath?: string;
  errorMessage?: string;
  actions: RowActions;
  FieldView: SubFieldView;
}

/** One record's card: its type, its buttons and its fields (those it needs or has; the others behind "more"). */
function RecordRowView({
  field,
  rec,
  index: i,
  last,
  generation,
  given,
  errorInner,
  errorPath,
  errorMessage,
  actions,
  FieldView,
}: RecordRowProps) {
  const variants = field.variants ?? [];
  const variant = variantOf(variants, rec);
  const tagName = variants[0]?.tag?.name;
  const hasError = errorInner !== undefined;
  const hit = hasError
    ? variant?.fields.find(
        (f) => errorInner === f.name || errorInner.startsWith(`${f.name}[`) || errorInner.startsWith(`${f.name}.`),
      )
    : undefined;
  const blank = (v: RecordVariant | undefined): Rec => (v?.tag ? { [v.tag.name]: v.tag.value } : {});
  const view = (f: Field) => {
    const path = f.path.replace('[]', `[${i}]`);
    return (
      <FieldView
        key={`${generation}-${i}-${f.path}`}
        field={{ ...f, path }}
        value={rec}
        errors={hit === f && errorMessage !== undefined ? { [path]: errorMessage } : {}}
        onChange={(keys, next) => {
          const copy = { ...rec };
          if (next === undefined) delete copy[keys[0] as string];
          else copy[keys[0] as string] = next;
          actions.replace(i, copy, false);
        }}
      />
    );
  };
  const fields = variant?.fields ?? [];
  const main = fields.filter((f) => f.required || rec[f.name] !== undefined || given?.has(f.name) || hit === f);
  const more = fields.filter((f) => !main.includes(f));
  return (
    <li className={`dnn-records__row${hasError ? ' dnn-records__row--error' : ''}`} data-row={i}>
      <div className="dnn-records__head">
        <span className="dnn-records__index">{i + 1}</span>
        {tagName && (
          <label className="dnn-records__type">
            <span className="dnn-visually-hidden">
              {field.label} {i + 1} {tagName}
            </span>
            <select
              className="dnn-input"
              value={String(rec[tagName] ?? '')}
              onChange={(e) => actions.replace(i, blank(variants.find((v) => v.tag?.value === e.target.value)))}
            >
              {!variant && <option value="">—</option>}
              {variants.map((v) => (
                <option key={v.tag?.value} value={v.tag?.value}>
                  {v.tag?.value}
                </option>
              ))}
            </select>
          </label>
        )}
        <span className="dnn-records__buttons">
          <button
            type="button"
            className="button button--sm button--secondary"
            disabled={i === 0}
            onClick={() => actions.move(i, -1)}
            aria-label={`Move ${field.label.toLowerCase()} ${i + 1} up`}
          >
            ↑
          </button>
          <button
            type="button"
            className="button button--sm button--secondary"
            disabled={last}
            onClick={() => actions.move(i, 1)}
            aria-label={`Move ${field.label.toLowerCase()} ${i + 1} down`}
          >
            ↓
          </button>
          <button
            type="button"
            className="button button--sm button--secondary"
            onClick={() => actions.replace(i, undefined)}
            aria-label={`Remove ${field.label.toLowerCase()} ${i + 1}`}
          >
            ✕
          </button>
        </span>
      </div>
      {hasError && !hit && errorMessage !== undefined && (
        <p className="dnn-field__error" role="alert" data-error-for={errorPath}>
          {errorMessage}
        </p>
      )}
      <div className="dnn-records__fields">{main.map(view)}</div>
      {more.length > 0 && (
        <details className="dnn-records__more">
          <summary>More options ({more.map((f) => f.name).join(', ')})</summary>
          <div className="dnn-records__fields">{more.map(view)}</div>
        </details>
      )}
    </li>
  );
}

/** A record's card, re-rendered only when that record (or its error, position or generation) changed. */
const RecordRow = memo(RecordRowView);

/** The editor; a value that is not a list of objects shows as an empty list (the JSON view still holds it). */
export default function RecordsField({ field, value, onChange, error, FieldView }: RecordsFieldProps) {
  const variants = field.variants ?? [];
  const records: Rec[] = Array.isArray(value) ? value.map((r) => (r && typeof r === 'object' ? (r as Rec) : {})) : [];
  const where = error ? locateError(field.path, error.path) : undefined;
  // Structural edits (add, remove, move, new type) remount the rows, so no text box keeps another row's text.
  const [generation, setGeneration] = useState(0);
  // Fields each record had when its rows were (re)built stay in view while edited, even when emptied.
  // biome-ignore lint/correctness/useExhaustiveDependencies: snapshot per generation, on purpose
  const given = useMemo(() => records.map((r) => new Set(Object.keys(r))), [generation]);
  // The rows' edits read the latest list through a ref, so they stay one object and unchanged rows skip rendering.
  const latest = useRef({ records, onChange });
  latest.current = { records, onChange };
  const [actions] = useState<RowActions & { restructure(next: Rec[]): void }>(() => {
    const restructure = (next: Rec[]) => {
      setGeneration((g) => g + 1);
      latest.current.onChange(next);
    };
    return {
      restructure,
      replace(i, rec, structural = true) {
        const next = latest.current.records.flatMap((r, j) => (j === i ? (rec ? [rec] : []) : [r]));
        if (structural) restructure(next);
        else latest.current.onChange(next);
      },
      move(i, by) {
        const next = [...latest.current.records];
        const [r] = next.splice(i, 1);
        next.splice(i + by, 0, r as Rec);
        restructure(next);
      },
    };
  });
  const blank = (v: RecordVariant | undefined): Rec => (v?.tag ? { [v.tag.name]: v.tag.value } : {});
  return (
    <fieldset className="dnn-records" data-field={field.path}>
      <legend>
        {field.label} <code aria-hidden="true">{field.name}</code>
      </legend>
      {field.description && (
        <p className="dnn-field__desc">
          <InlineCode text={field.description} />
        </p>
      )}
      {error && !where && (
        <p className="dnn-field__error" role="alert" data-error-for={field.path}>
          {error.message}
        </p>
      )}
      <ol className="dnn-records__list">
        {records.map((rec, i) => {
          const rowError = where?.index === i && error ? { ...where, ...error } : undefined;
          return (
            <RecordRow
              // biome-ignore lint/suspicious/noArrayIndexKey: records are edited in place by position (a moved row's button keeps focus); structural edits remount the fields by `generation`
              key={i}
              field={field}
              rec={rec}
              index={i}
              last={i === records.length - 1}
              generation={generation}
              given={given[i]}
              errorInner={rowError?.inner}
              errorPath={rowError?.path}
              errorMessage={rowError?.message}
              actions={actions}
              FieldView={FieldView}
            />
          );
        })}
      </ol>
      <button
        type="button"
        className="button button--sm button--primary"
        onClick={() =>
          actions.restructure([
            ...records,
            records.length ? blank(variantOf(variants, records[records.length - 1] as Rec)) : blank(variants[0]),
          ])
        }
      >
        + add {field.label.toLowerCase().replace(/s$/, '')}
      </button>
    </fieldset>
  );
}
