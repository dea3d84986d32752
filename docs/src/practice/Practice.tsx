/**
 * The Practice page's widget: pick a topic (or one problem) and a difficulty,
 * get a seeded exam question, type an answer, get it graded field by field
 * with the worked solution. The question lives in the URL query
 * (`?topic=…&id=…&seed=…&difficulty=…`), so a link reproduces it.
 */
import {
  type Exercise,
  type FieldGrade,
  type Grade,
  generateExercise,
  generators,
  getPath,
  grade,
  rubrics,
} from '@dnn/practice';
import { useHistory, useLocation } from '@docusaurus/router';
import { useEffect, useMemo, useRef, useState } from 'react';
import SolutionView from '../components/SolutionView';
import { findSolver, registry } from '../registry';
import AnswerForm from './AnswerForm';
import { type AnswerField, answerFields, answerText, buildAnswer, rubricFor } from './answer-fields';
import DifficultySelect from './DifficultySelect';
import Feedback from './Feedback';
import GradeReport from './GradeReport';
import ProblemOptions from './ProblemOptions';
import './practice.css';
import { newQuestion, type PracticeState, queryOf, readQuery, type Scope } from './query';

function ScopeSelect({ scope, onChange }: { scope: Scope; onChange: (scope: Scope) => void }) {
  return (
    <div className="dnn-practice__control">
      <label htmlFor="dnn-practice-topic">Topic or problem</label>
      <select
        id="dnn-practice-topic"
        className="dnn-input"
        value={scope}
        onChange={(e) => onChange(e.target.value)}
        name="topic"
      >
        <option value="any">Any topic</option>
        <ProblemOptions />
      </select>
    </div>
  );
}

function Controls({ state, go }: { state: PracticeState; go: (next: PracticeState) => void }) {
  return (
    <form
      className="dnn-practice__controls"
      aria-label="Choose a question"
      onSubmit={(e) => {
        e.preventDefault();
        go(newQuestion(state.scope, state.difficulty));
      }}
    >
      <ScopeSelect scope={state.scope} onChange={(scope) => go(newQuestion(scope, state.difficulty))} />
      <div className="dnn-practice__control">
        <label htmlFor="dnn-practice-difficulty">Difficulty</label>
        <DifficultySelect
          id="dnn-practice-difficulty"
          name="difficulty"
          value={state.difficulty}
          onChange={(difficulty) => go({ ...state, difficulty })}
        />
      </div>
      <button type="submit" className="button button--primary">
        New question
      </button>
    </form>
  );
}

function AnswerKey({ exercise, fields }: { exercise: Exercise; fields: readonly AnswerField[] }) {
  return (
    <section id="dnn-answer-key" className="dnn-practice__key" aria-label="Answer key" data-testid="answer-key">
      <h2>Answer key</h2>
      <dl className="dnn-practice__key-list">
        {fields.map((f) => {
          const text = answerText(getPath(exercise.solution.answer, f.path));
          return (
            <div key={f.path} data-key-path={f.path} data-key-text={text}>
              <dt>
                <code>{f.path}</code>
              </dt>
              <dd>{text.includes('\n') ? <pre>{text}</pre> : <code>{text}</code>}</dd>
            </div>
          );
        })}
      </dl>
      <h3>Worked solution</h3>
      <SolutionView solution={exercise.solution} />
    </section>
  );
}

/**
 * One question: its text, the answer form, the grade with hints, "Try again"
 * (the answers stay in the form) and the answer key on request. Remounted per question.
 */
function Question({ exercise }: { exercise: Exercise }) {
  const fields = useMemo(() => answerFields(exercise.id, exercise.input, exercise.solution.answer), [exercise]);
  const judged = useMemo(
    () =>
      new Set(
        rubricFor(exercise.id, exercise.solution.answer)
          .fields.filter((f) => f.judge)
          .map((f) => f.path),
      ),
    [exercise],
  );
  const [result, setResult] = useState<{ grade?: Grade; error?: string; attempt: number }>();
  const [showKey, setShowKey] = useState(false);
  const [revealed, setRevealed] = useState(false);
  const formRef = useRef<HTMLDivElement>(null);
  const onGrade = (values: Readonly<Record<string, unknown>>) => {
    const attempt = (result?.attempt ?? 0) + 1;
    try {
      const g = grade(registry, rubrics, exercise.id, exercise.input, buildAnswer(values));
      // A blank `layers[*].params` reads as a list of blanks once another `layers[*]` field is answered,
      // which the grader calls wrong: say "missing" for a field left blank that scored nothing.
      const blank = (f: FieldGrade) => values[f.path] === undefined && f.points === 0;
      const fields = g.fields.map((f) => (blank(f) ? { ...f, verdict: 'missing' as const, got: undefined } : f));
      setResult({ grade: { ...g, fields }, attempt });
    } catch (e) {
      setResult({ error: e instanceof Error ? e.message : String(e), attempt });
    }
  };
  const tryAgain = () => {
    setResult((r) => (r ? { attempt: r.attempt } : r));
    formRef.current?.querySelector<HTMLElement>('input, textarea, select')?.focus();
  };
  const full = result?.grade !== undefined && result.grade.score === result.grade.maxScore;
  return (
    <>
      <section className="dnn-practice__question" aria-labelledby="dnn-question-heading">
        <h2 id="dnn-question-heading">Question</h2>
        <p data-testid="question">{exercise.question}</p>
      </section>
      <div ref={formRef} data-attempt={result?.attempt ?? 0}>
        <AnswerForm fields={fields} onGrade={onGrade} />
      </div>
      {result?.error && (
        <p className="dnn-form-error" role="alert">
          The answer could not be graded: {result.error}
        </p>
      )}
      {result?.grade && (
        <>
          <GradeReport grade={result.grade} judged={judged} reveal={revealed || full} />
          <Feedback
            key={result.attempt}
            solution={result.grade.solution}
            full={full}
            revealed={revealed}
            onReveal={() => setRevealed(true)}
            onTryAgain={tryAgain}
          />
        </>
      )}
      <button
        type="button"
        className="button button--secondary margin-vert--md"
        aria-expanded={showKey}
        aria-controls="dnn-answer-key"
        onClick={() => setShowKey((v) => !v)}
      >
        {showKey ? 'Hide answer key' : 'Show answer key'}
      </button>
      {showKey && <AnswerKey exercise={exercise} fields={fields} />}
    </>
  );
}

/** The exercise for a state, or the error that stopped its generator (a bug to report). */
function exerciseFor(state: PracticeState): { exercise?: Exercise; error?: string } {
  try {
    return { exercise: generateExercise(registry, generators, state.id, state.seed, state.difficulty) };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

/** The whole practice widget; reads and writes the page URL's query. */
export default function Practice() {
  const location = useLocation();
  const history = useHistory();
  // The static HTML has no query: render the question only once mounted, from the URL.
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const read = useMemo(() => (mounted ? readQuery(location.search) : undefined), [mounted, location.search]);
  useEffect(() => {
    if (read && !read.complete) history.replace(`${location.pathname}${queryOf(read.state)}${location.hash}`);
  }, [read, history, location.pathname, location.hash]);
  const state = read?.state;
  const { exercise, error } = useMemo(() => (state ? exerciseFor(state) : {}), [state]);
  const go = (next: PracticeState) => history.push(`${location.pathname}${queryOf(next)}`);

  if (!state) {
    return (
      <div className="dnn-practice" data-ready="false">
        <p className="dnn-calculator__pending">Drawing a question…</p>
      </div>
    );
  }
  const key = queryOf(state);
  return (
    <div
      className="dnn-practice"
      data-ready={read?.complete === true}
      data-practice-id={state.id}
      data-seed={state.seed}
    >
      <Controls state={state} go={go} />
      <p className="dnn-practice__meta">
        Problem <code data-testid="practice-id">{state.id}</code> ({findSolver(state.id)?.title}), seed{' '}
        <code data-testid="practice-seed">{state.seed}</code>, {state.difficulty}.{' '}
        <a href={`${location.pathname}${key}`}>Link to this question</a>
      </p>
      {error && (
        <p className="dnn-form-error" role="alert">
          No question could be made for {state.id} with seed {state.seed} (a bug: please report this link): {error}
        </p>
      )}
      {exercise && <Question key={key} exercise={exercise} />}
    </div>
  );
}
