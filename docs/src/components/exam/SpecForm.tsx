/**
 * The exam spec as a form: the title, instructions, seed, the questions (a
 * problem or a whole topic, a difficulty, the points; rows added, removed and
 * moved) and who sits it (a class size or a roster of ids).
 */
import type { ExamItem } from '@dnn/practice';
import { useId } from 'react';
import DifficultySelect from '../../practice/DifficultySelect';
import ProblemOptions from '../../practice/ProblemOptions';
import type { SpecDraft } from './exam-spec';

/** The select's value of an item: `solver:<id>` or `topic:<topic>`. */
const sourceOf = (item: ExamItem) => (item.solver ? `solver:${item.solver}` : `topic:${item.topic}`);

function ItemRow({
  item,
  index,
  count,
  onChange,
  onMove,
  onRemove,
}: {
  item: ExamItem;
  index: number;
  count: number;
  onChange: (item: ExamItem) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const id = useId();
  const n = index + 1;
  return (
    <li className="dnn-exam__item" data-item={index}>
      <span className="dnn-exam__item-number" aria-hidden="true">
        {n}
      </span>
      <div className="dnn-exam__item-field dnn-exam__item-field--source">
        <label htmlFor={`${id}-source`}>Question {n}: problem or topic</label>
        <select
          id={`${id}-source`}
          className="dnn-input"
          value={sourceOf(item)}
          onChange={(e) => {
            const [kind, value] = e.target.value.split(/:(.*)/s) as [string, string];
            const { difficulty, points } = item;
            onChange(kind === 'topic' ? { topic: value, difficulty, points } : { solver: value, difficulty, points });
          }}
        >
          <ProblemOptions
            topicValue={(t) => `topic:${t}`}
            problemValue={(sid) => `solver:${sid}`}
            anyLabel={(t) => `Any ${t} problem (drawn per student)`}
          />
        </select>
      </div>
      <div className="dnn-exam__item-field">
        <label htmlFor={`${id}-difficulty`}>Difficulty</label>
        <DifficultySelect
          id={`${id}-difficulty`}
          value={item.difficulty}
          onChange={(difficulty) => onChange({ ...item, difficulty })}
        />
      </div>
      <div className="dnn-exam__item-field dnn-exam__item-field--points">
        <label htmlFor={`${id}-points`}>Points</label>
        <input
          id={`${id}-points`}
          className="dnn-input"
          type="number"
          min={0.5}
          step={0.5}
          value={Number.isFinite(item.points) ? item.points : ''}
          onChange={(e) => onChange({ ...item, points: e.target.valueAsNumber })}
        />
      </div>
      <span className="dnn-exam__item-buttons">
        <button
          type="button"
          className="button button--sm button--secondary"
          disabled={index === 0}
          onClick={() => onMove(-1)}
          aria-label={`Move question ${n} up`}
        >
          ↑
        </button>
        <button
          type="button"
          className="button button--sm button--secondary"
          disabled={index === count - 1}
          onClick={() => onMove(1)}
          aria-label={`Move question ${n} down`}
        >
          ↓
        </button>
        <button
          type="button"
          className="button button--sm button--secondary"
          disabled={count === 1}
          onClick={onRemove}
          aria-label={`Remove question ${n}`}
        >
          ✕
        </button>
      </span>
    </li>
  );
}

/** The spec form; `error` is the spec's validation message (a field path and what is wrong). */
export default function SpecForm({
  draft,
  onChange,
  error,
}: {
  draft: SpecDraft;
  onChange: (draft: SpecDraft) => void;
  error?: string;
}) {
  const id = useId();
  const set = (patch: Partial<SpecDraft>) => onChange({ ...draft, ...patch });
  const setItems = (items: ExamItem[]) => set({ items });
  const move = (i: number, by: -1 | 1) => {
    const items = [...draft.items];
    const [it] = items.splice(i, 1);
    items.splice(i + by, 0, it as ExamItem);
    setItems(items);
  };
  const students = draft.students;
  return (
    <form className="dnn-exam__spec dnn-no-print" aria-label="Exam" onSubmit={(e) => e.preventDefault()}>
      <div className="dnn-exam__row">
        <div className="dnn-field dnn-exam__grow">
          <label className="dnn-field__label" htmlFor={`${id}-title`}>
            Title
          </label>
          <input
            id={`${id}-title`}
            className="dnn-input"
            value={draft.title}
            onChange={(e) => set({ title: e.target.value })}
          />
        </div>
        <div className="dnn-field">
          <label className="dnn-field__label" htmlFor={`${id}-seed`}>
            Seed
          </label>
          <input
            id={`${id}-seed`}
            className="dnn-input dnn-exam__seed"
            inputMode="numeric"
            value={draft.seed}
            aria-describedby={`${id}-seed-desc`}
            onChange={(e) => set({ seed: e.target.value })}
          />
          <p id={`${id}-seed-desc`} className="dnn-field__desc">
            The same seed and student id always give the same sheet.
          </p>
        </div>
      </div>
      <div className="dnn-field">
        <label className="dnn-field__label" htmlFor={`${id}-instructions`}>
          Instructions
        </label>
        <textarea
          id={`${id}-instructions`}
          className="dnn-input dnn-input--area"
          rows={2}
          value={draft.instructions}
          onChange={(e) => set({ instructions: e.target.value })}
        />
      </div>
      <fieldset className="dnn-fieldset">
        <legend>Questions</legend>
        <ol className="dnn-exam__items">
          {draft.items.map((item, i) => (
            <ItemRow
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional
              key={i}
              item={item}
              index={i}
              count={draft.items.length}
              onChange={(next) => setItems(draft.items.map((x, j) => (j === i ? next : x)))}
              onMove={(by) => move(i, by)}
              onRemove={() => setItems(draft.items.filter((_, j) => j !== i))}
            />
          ))}
        </ol>
        <button
          type="button"
          className="button button--sm button--primary"
          onClick={() => setItems([...draft.items, { topic: 'conv', difficulty: 'medium', points: 2 }])}
        >
          + add question
        </button>
      </fieldset>
      <fieldset className="dnn-fieldset">
        <legend>Students</legend>
        <div className="dnn-exam__row">
          <label className="dnn-exam__radio">
            <input
              type="radio"
              name={`${id}-students`}
              checked={students.mode === 'count'}
              onChange={() => set({ students: { mode: 'count', count: '3' } })}
            />{' '}
            A number of students
          </label>
          <label className="dnn-exam__radio">
            <input
              type="radio"
              name={`${id}-students`}
              checked={students.mode === 'roster'}
              onChange={() => set({ students: { mode: 'roster', roster: '' } })}
            />{' '}
            A roster of ids
          </label>
        </div>
        {students.mode === 'count' ? (
          <div className="dnn-field">
            <label className="dnn-field__label" htmlFor={`${id}-count`}>
              Number of students
            </label>
            <input
              id={`${id}-count`}
              className="dnn-input dnn-exam__seed"
              inputMode="numeric"
              value={students.count}
              onChange={(e) => set({ students: { mode: 'count', count: e.target.value } })}
            />
          </div>
        ) : (
          <div className="dnn-field">
            <label className="dnn-field__label" htmlFor={`${id}-roster`}>
              Roster: one student id per line
            </label>
            <textarea
              id={`${id}-roster`}
              className="dnn-input dnn-input--area"
              rows={4}
              value={students.roster}
              onChange={(e) => set({ students: { mode: 'roster', roster: e.target.value } })}
            />
          </div>
        )}
      </fieldset>
      {error && (
        <p className="dnn-form-error" role="alert" data-testid="spec-error">
          {error}
        </p>
      )}
    </form>
  );
}
