/**
 * A row editor for a list of records (network layers, training samples): one
 * card per record with a type select that shows only that type's fields,
 * rows added, removed and moved with buttons. An input error inside a record
 * (`layers[2].kernel`) appears in that record's card, on its field.
 */
import { type ComponentType, useMemo, useState } from 'react';
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

/** The editor; a value that is not a list of objects shows as an empty list (the JSON view still holds it). */
export default function RecordsField({ field, value, onChange, error, FieldView }: RecordsFieldProps) {
  const variants = field.variants ?? [];
  const records: Rec[] = Array.isArray(value) ? value.map((r) => (r && typeof r === 'object' ? (r as Rec) : {})) : [];
  const where = error ? locateError(field.path, error.path) : undefined;
  const tagName = variants[0]?.tag?.name;
  // Structural edits (add, remove, move, new type) remount the rows, so no text box keeps another row's text.
  const [generation, setGeneration] = useState(0);
  // Fields each record had when its rows were (re)built stay in view while edited, even when emptied.
  // biome-ignore lint/correctness/useExhaustiveDependencies: snapshot per generation, on purpose
  const given = useMemo(() => records.map((r) => new Set(Object.keys(r))), [generation]);
  const restructure = (next: Rec[]) => {
    setGeneration((g) => g + 1);
    onChange(next);
  };
  const replace = (i: number, rec: Rec | undefined, structural = true) => {
    const next = records.flatMap((r, j) => (j === i ? (rec ? [rec] : []) : [r]));
    if (structural) restructure(next);
    else onChange(next);
  };
  const move = (i: number, by: -1 | 1) => {
    const next = [...records];
    const [r] = next.splice(i, 1);
    next.splice(i + by, 0, r as Rec);
    restructure(next);
  };
  const blank = (v: RecordVariant | undefined): Rec => (v?.tag ? { [v.tag.name]: v.tag.value } : {});
  return (
    <fieldset className="dnn-records" data-field={field.path}>
      <legend>
        {field.label} <code aria-hidden="true">{field.name}</code>
      </legend>
      {field.description && <p className="dnn-field__desc">{field.description}</p>}
      {error && !where && (
        <p className="dnn-field__error" role="alert" data-error-for={field.path}>
          {error.message}
        </p>
      )}
      <ol className="dnn-records__list">
        {records.map((rec, i) => {
          const variant = variantOf(variants, rec);
          const rowError = where?.index === i ? where : undefined;
          const subErrors: Record<string, string> = {};
          const hit =
            rowError &&
            variant?.fields.find(
              (f) =>
                rowError.inner === f.name ||
                rowError.inner.startsWith(`${f.name}[`) ||
                rowError.inner.startsWith(`${f.name}.`),
            );
          if (hit && error) subErrors[hit.path] = error.message;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: records are edited in place by position
            <li key={i} className={`dnn-records__row${rowError ? ' dnn-records__row--error' : ''}`} data-row={i}>
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
                      onChange={(e) => replace(i, blank(variants.find((v) => v.tag?.value === e.target.value)))}
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
                    onClick={() => move(i, -1)}
                    aria-label={`Move ${field.label.toLowerCase()} ${i + 1} up`}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="button button--sm button--secondary"
                    disabled={i === records.length - 1}
                    onClick={() => move(i, 1)}
                    aria-label={`Move ${field.label.toLowerCase()} ${i + 1} down`}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="button button--sm button--secondary"
                    onClick={() => replace(i, undefined)}
                    aria-label={`Remove ${field.label.toLowerCase()} ${i + 1}`}
                  >
                    ✕
                  </button>
                </span>
              </div>
              {rowError && !hit && error && (
                <p className="dnn-field__error" role="alert" data-error-for={error.path}>
                  {error.message}
                </p>
              )}
              {(() => {
                const view = (f: Field) => (
                  <FieldView
                    // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional; structural edits bump `generation`
                    key={`${generation}-${i}-${f.path}`}
                    field={{ ...f, path: f.path.replace('[]', `[${i}]`) }}
                    value={rec}
                    errors={Object.fromEntries(
                      Object.entries(subErrors).map(([k, m]) => [k.replace('[]', `[${i}]`), m]),
                    )}
                    onChange={(keys, next) => {
                      const copy = { ...rec };
                      if (next === undefined) delete copy[keys[0] as string];
                      else copy[keys[0] as string] = next;
                      replace(i, copy, false);
                    }}
                  />
                );
                // The fields a record needs or has are shown; its other options wait behind "more".
                const fields = variant?.fields ?? [];
                const main = fields.filter(
                  (f) => f.required || rec[f.name] !== undefined || given[i]?.has(f.name) || hit === f,
                );
                const more = fields.filter((f) => !main.includes(f));
                return (
                  <>
                    <div className="dnn-records__fields">{main.map(view)}</div>
                    {more.length > 0 && (
                      <details className="dnn-records__more">
                        <summary>More options ({more.map((f) => f.name).join(', ')})</summary>
                        <div className="dnn-records__fields">{more.map(view)}</div>
                      </details>
                    )}
                  </>
                );
              })()}
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="button button--sm button--primary"
        onClick={() =>
          restructure([
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
