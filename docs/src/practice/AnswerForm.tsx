/**
 * The answer form of a practice question: one labelled field per graded
 * answer path, in the order a student works — a text box for numbers and
 * lists, the calculators' grid and row editors for matrices and layers — and
 * a Grade button.
 */
import { type FormEvent, type KeyboardEvent, useId, useState } from 'react';
import SchemaForm from '../components/SchemaForm';
import { type AnswerField, parseAnswerText } from './answer-fields';
import { hasEntry } from './structured-fields';

/** Props of {@link AnswerForm}. */
export interface AnswerFormProps {
  fields: readonly AnswerField[];
  /** Called with the value given per path (undefined: left blank) when the student asks for a grade. */
  onGrade: (values: Readonly<Record<string, unknown>>) => void;
}

const pointsText = (points: number) => `(${points} ${points === 1 ? 'point' : 'points'})`;

/** A matrix or a list of layers in the calculators' editors (the field's own label and legend). */
function StructuredInput({
  field,
  value,
  onValue,
}: {
  field: AnswerField;
  value: unknown;
  onValue: (value: unknown) => void;
}) {
  const editor = field.editor;
  if (!editor) return null;
  return (
    <div className="dnn-field dnn-practice__structured" data-answer-path={field.path} data-editor={editor.kind}>
      <SchemaForm fields={[editor]} value={{ [field.path]: value }} onChange={(_, next) => onValue(next)} errors={{}} />
      <p className="dnn-field__desc">
        {pointsText(field.points)} Enter {field.hint}.
      </p>
    </div>
  );
}

function FieldInput({ field, text, onText }: { field: AnswerField; text: string; onText: (text: string) => void }) {
  const id = useId();
  const common = {
    id,
    name: field.path,
    value: text,
    spellCheck: false,
    autoComplete: 'off',
    'aria-describedby': `${id}-hint`,
    className: `dnn-input${field.multiline ? ' dnn-input--area' : ''}`,
  };
  // Ctrl/⌘ + Enter grades from a text area too (Enter there starts a new row).
  const submitOnCtrlEnter = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      e.currentTarget.form?.requestSubmit();
    }
  };
  return (
    <div className="dnn-field" data-answer-path={field.path}>
      <label htmlFor={id} className="dnn-field__label">
        {field.label} <code>{field.path}</code> <span className="dnn-field__optional">{pointsText(field.points)}</span>
      </label>
      {field.multiline ? (
        <textarea
          rows={Math.min(10, Math.max(3, text.split('\n').length + 1))}
          onChange={(e) => onText(e.target.value)}
          onKeyDown={submitOnCtrlEnter}
          {...common}
        />
      ) : (
        <input type="text" onChange={(e) => onText(e.target.value)} {...common} />
      )}
      <p id={`${id}-hint`} className="dnn-field__desc">
        Expects {field.hint}.
      </p>
    </div>
  );
}

/** The answer fields and the Grade button; remount it (change its `key`) for a new question. */
export default function AnswerForm({ fields, onGrade }: AnswerFormProps) {
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [structured, setStructured] = useState<Record<string, unknown>>(() =>
    Object.fromEntries(fields.filter((f) => f.editor).map((f) => [f.path, f.initial])),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onGrade(
      Object.fromEntries(
        fields.map((f) => {
          if (!f.editor) return [f.path, parseAnswerText(texts[f.path] ?? '')];
          const v = structured[f.path];
          return [f.path, hasEntry(v) ? v : undefined];
        }),
      ),
    );
  };
  return (
    <form className="dnn-practice__answer" onSubmit={submit} aria-label="Your answer">
      <p className="dnn-field__desc">
        Numbers may be decimals or fractions (<code>14/3</code>); lists like <code>5, 8, 8</code> or{' '}
        <code>(5, 8, 8)</code>; objects like <code>{'{x: 1, y: -2}'}</code>; matrices and layers in the grids;{' '}
        <code>none</code> for something that does not exist. Empty fields score nothing.
      </p>
      <div className="dnn-form">
        {fields.map((f) =>
          f.editor ? (
            <StructuredInput
              key={f.path}
              field={f}
              value={structured[f.path]}
              onValue={(v) => setStructured((old) => ({ ...old, [f.path]: v }))}
            />
          ) : (
            <FieldInput
              key={f.path}
              field={f}
              text={texts[f.path] ?? ''}
              onText={(text) => setTexts((old) => ({ ...old, [f.path]: text }))}
            />
          ),
        )}
      </div>
      <button type="submit" className="button button--primary margin-top--md">
        Grade
      </button>
    </form>
  );
}
