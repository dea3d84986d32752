/** A form generated from a solver's input JSON Schema: labelled, keyboard-usable fields with inline errors. */
import { memo, type ReactNode, useId, useState } from 'react';
import { toChannels } from './form/grid';
import MatrixGrid from './form/MatrixField';
import RecordsField from './form/RecordsField';
import { InlineCode } from './InlineCode';
import {
  applies,
  chosenAlternatives,
  type Field,
  formatJsonText,
  getIn,
  parseJsonText,
  parseNumberText,
} from './schema-fields';

/** Props of {@link SchemaForm}. */
export interface SchemaFormProps {
  fields: readonly Field[];
  value: unknown;
  onChange: (keys: readonly string[], next: unknown) => void;
  /** Error message by field path (only the field that shows it). */
  errors: Readonly<Record<string, string>>;
  /** The full path of the current input error (`layers[2].kernel`), for list editors that show it in a row. */
  errorPath?: string;
}

function defaultText(field: Field): string | undefined {
  if (!field.hasDefault) return undefined;
  return field.kind === 'json' ? formatJsonText(field.default) : String(field.default);
}

function Described({
  field,
  inputId,
  error,
  children,
}: {
  field: Field;
  inputId: string;
  error: string | undefined;
  children: ReactNode;
}) {
  const def = defaultText(field);
  return (
    <div className={`dnn-field${error ? ' dnn-field--error' : ''}`} data-field={field.path}>
      <label htmlFor={inputId} className="dnn-field__label">
        {field.label} <code aria-hidden="true">{field.name}</code>
        {!field.required && !field.hasDefault && <span className="dnn-field__optional"> (optional)</span>}
      </label>
      {children}
      <p id={`${inputId}-desc`} className="dnn-field__desc">
        <InlineCode text={field.description ?? ''} />
        {field.hint && <span className="dnn-field__hint"> Expects: {field.hint}.</span>}
        {def !== undefined && def !== '' && <span className="dnn-field__hint"> Default: {def}.</span>}
      </p>
      {error && (
        <p id={`${inputId}-error`} className="dnn-field__error" role="alert" data-error-for={field.path}>
          {error}
        </p>
      )}
    </div>
  );
}

function TextField({ field, value, onChange, error }: LeafProps) {
  const inputId = useId();
  const toText = (v: unknown) =>
    field.kind === 'json' ? formatJsonText(v) : v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);
  const [text, setText] = useState(() => toText(value));
  const parse =
    field.kind === 'json'
      ? parseJsonText
      : field.kind === 'string'
        ? (t: string) => (t === '' ? undefined : t)
        : parseNumberText;
  const describedBy = `${inputId}-desc${error ? ` ${inputId}-error` : ''}`;
  const common = {
    id: inputId,
    name: field.path,
    value: text,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    placeholder: field.hasDefault ? formatJsonText(field.default) : undefined,
    spellCheck: false,
    autoComplete: 'off',
    onChange: (e: { target: { value: string } }) => {
      setText(e.target.value);
      onChange(field.keys, parse(e.target.value));
    },
  };
  const rows = Math.min(12, Math.max(3, text.split('\n').length + 1));
  const [asGrid, setAsGrid] = useState(() => Boolean(field.matrix && toChannels(value)));
  const toggle = field.matrix && (
    <button
      type="button"
      className="button button--sm button--link dnn-field__toggle"
      onClick={() => {
        if (asGrid) setText(toText(value));
        setAsGrid(!asGrid);
      }}
      disabled={!asGrid && !toChannels(parse(text))}
    >
      {asGrid ? 'Edit as text' : 'Edit as a grid'}
    </button>
  );
  if (asGrid) {
    return (
      <Described field={field} inputId={inputId} error={error}>
        <MatrixGrid
          label={field.label}
          value={value}
          onChange={(next) => onChange(field.keys, next)}
          describedBy={describedBy}
          invalid={Boolean(error)}
        />
        {toggle}
      </Described>
    );
  }
  return (
    <Described field={field} inputId={inputId} error={error}>
      {toggle}
      {field.multiline ? (
        <textarea className="dnn-input dnn-input--area" rows={rows} {...common} />
      ) : (
        <input
          className="dnn-input"
          type="text"
          inputMode={field.kind === 'number' || field.kind === 'integer' ? 'decimal' : undefined}
          {...common}
        />
      )}
    </Described>
  );
}

function EnumField({ field, value, onChange, error }: LeafProps) {
  const inputId = useId();
  const current = typeof value === 'string' ? value : typeof field.default === 'string' ? field.default : '';
  const known = field.options?.includes(current) ?? false;
  return (
    <Described field={field} inputId={inputId} error={error}>
      <select
        id={inputId}
        name={field.path}
        className="dnn-input"
        value={current}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${inputId}-desc${error ? ` ${inputId}-error` : ''}`}
        onChange={(e) => onChange(field.keys, e.target.value === '' ? undefined : e.target.value)}
      >
        {!field.hasDefault && <option value="">—</option>}
        {!known && current !== '' && <option value={current}>{current}</option>}
        {field.options?.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </Described>
  );
}

function BooleanField({ field, value, onChange, error }: LeafProps) {
  const inputId = useId();
  const checked = typeof value === 'boolean' ? value : field.default === true;
  return (
    <Described field={field} inputId={inputId} error={error}>
      <input
        id={inputId}
        name={field.path}
        type="checkbox"
        className="dnn-checkbox"
        checked={checked}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${inputId}-desc${error ? ` ${inputId}-error` : ''}`}
        onChange={(e) => onChange(field.keys, e.target.checked)}
      />
    </Described>
  );
}

interface LeafProps {
  field: Field;
  value: unknown;
  onChange: SchemaFormProps['onChange'];
  error: string | undefined;
}

function FieldView({ field, value, onChange, errors, errorPath }: { field: Field } & Omit<SchemaFormProps, 'fields'>) {
  const own = getIn(value, field.keys);
  const error = errors[field.path];
  if (field.kind === 'records') {
    return (
      <RecordsField
        field={field}
        value={own}
        onChange={(next) => onChange(field.keys, next)}
        error={error ? { path: errorPath ?? field.path, message: error } : undefined}
        FieldView={FieldView}
      />
    );
  }
  if (field.kind === 'object' && field.children) {
    return (
      <fieldset className="dnn-fieldset" data-field={field.path}>
        <legend>
          {field.label} <code aria-hidden="true">{field.name}</code>
          {!field.required && <span className="dnn-field__optional"> (optional)</span>}
        </legend>
        {field.description && (
          <p className="dnn-field__desc">
            <InlineCode text={field.description} />
          </p>
        )}
        {error && (
          <p className="dnn-field__error" role="alert" data-error-for={field.path}>
            {error}
          </p>
        )}
        {field.children
          .filter((c) => applies(c, field.children ?? [], own))
          .map((c) => (
            <FieldView key={c.path} field={c} value={value} onChange={onChange} errors={errors} errorPath={errorPath} />
          ))}
      </fieldset>
    );
  }
  if (field.kind === 'enum') return <EnumField field={field} value={own} onChange={onChange} error={error} />;
  if (field.kind === 'boolean') return <BooleanField field={field} value={own} onChange={onChange} error={error} />;
  return <TextField field={field} value={own} onChange={onChange} error={error} />;
}

/** A choice between alternative fields (expression or truth table): picking one clears the others. */
function AlternativesChoice({
  group,
  fields,
  chosen,
  onPick,
}: {
  group: string;
  fields: readonly Field[];
  chosen: string;
  onPick: (name: string) => void;
}) {
  return (
    <fieldset className="dnn-alternatives" data-alternatives={group}>
      <legend>Give {group} as</legend>
      {fields.map((f) => (
        <label key={f.name} className="dnn-alternatives__option">
          <input type="radio" name={`alt-${group}`} checked={chosen === f.name} onChange={() => onPick(f.name)} />{' '}
          {f.label}
        </label>
      ))}
    </fieldset>
  );
}

function Form({ fields, value, onChange, errors, errorPath }: SchemaFormProps) {
  const [picked, setPicked] = useState<Record<string, string>>({});
  const chosen = { ...chosenAlternatives(fields, value), ...picked };
  const pick = (group: string, name: string) => {
    setPicked((p) => ({ ...p, [group]: name }));
    for (const f of fields) if (f.alternativeOf === group && f.name !== name) onChange(f.keys, undefined);
  };
  const shownGroups = new Set<string>();
  return (
    <div className="dnn-form">
      {fields.map((f) => {
        if (!applies(f, fields, value)) return null;
        const group = f.alternativeOf;
        const choice =
          group && !shownGroups.has(group) ? (
            <AlternativesChoice
              key={`alt-${group}`}
              group={group}
              fields={fields.filter((g) => g.alternativeOf === group)}
              chosen={chosen[group] ?? f.name}
              onPick={(name) => pick(group, name)}
            />
          ) : null;
        if (group) shownGroups.add(group);
        if (group && chosen[group] !== f.name) return choice;
        return [
          choice,
          <FieldView key={f.path} field={f} value={value} onChange={onChange} errors={errors} errorPath={errorPath} />,
        ];
      })}
    </div>
  );
}

/**
 * Renders every field of a solver's input that applies to the current choices
 * (`appliesWhen`), and of each group of alternatives only the chosen one.
 * Remount it (change its `key`) to load new values. Re-rendered only when its
 * props change: give it a stable `onChange` and `errors` object.
 */
const SchemaForm = memo(Form);
export default SchemaForm;
