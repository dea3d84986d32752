/** The answer form of a practice question: one labelled field per graded answer path, and a Grade button. */
import { type FormEvent, type KeyboardEvent, useId, useState } from 'react';
import type { AnswerField } from './answer-fields';

/** Props of {@link AnswerForm}. */
export interface AnswerFormProps {
  fields: readonly AnswerField[];
  /** Called with the text typed per path when the student asks for a grade. */
  onGrade: (texts: Readonly<Record<string, string>>) => void;
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
        {field.label} <code>{field.path}</code>{' '}
        <span className="dnn-field__optional">
          ({field.points} {field.points === 1 ? 'point' : 'points'})
        </span>
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
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onGrade(texts);
  };
  return (
    <form className="dnn-practice__answer" onSubmit={submit} aria-label="Your answer">
      <p className="dnn-field__desc">
        Numbers may be decimals or fractions (<code>14/3</code>); lists like <code>5, 8, 8</code>; a matrix one row per
        line; objects as JSON (<code>{'{"x": 1, "y": -2}'}</code>); <code>none</code> for something that does not exist.
        Empty fields score nothing.
      </p>
      <div className="dnn-form">
        {fields.map((f) => (
          <FieldInput
            key={f.path}
            field={f}
            text={texts[f.path] ?? ''}
            onText={(text) => setTexts((old) => ({ ...old, [f.path]: text }))}
          />
        ))}
      </div>
      <button type="submit" className="button button--primary margin-top--md">
        Grade
      </button>
    </form>
  );
}
