/**
 * The /exam page's widget: a teacher writes the exam spec, previews any
 * student's seeded variant (sheet or answer key with worked steps), prints it
 * (a print stylesheet: only the sheet, a page per question, space to write),
 * downloads the sheets, keys and LMS banks, and grades the class's answers.
 */
import { type ExamVariant, examVariant, generators } from '@dnn/practice';
import { useEffect, useId, useMemo, useState } from 'react';
import { registry } from '../../registry';
import BatchGrading from './BatchGrading';
import ExamSheet from './ExamSheet';
import { classFiles, download, type ExamFile, studentFiles } from './exam-files';
import { DEFAULT_DRAFT, readDraft, type SpecDraft } from './exam-spec';
import SpecForm from './SpecForm';
import './exam.css';

function FileButtons({ files }: { files: readonly ExamFile[] }) {
  return (
    <>
      {files.map((f) => (
        <button
          key={f.label}
          type="button"
          className="button button--sm button--secondary"
          data-file={f.name}
          onClick={() => download(f)}
        >
          {f.label}
        </button>
      ))}
    </>
  );
}

/** The whole exam widget. */
export default function Exam() {
  const id = useId();
  const [draft, setDraft] = useState<SpecDraft>(DEFAULT_DRAFT);
  const [student, setStudent] = useState<string>();
  const [answers, setAnswers] = useState(false);
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const { spec, students, error } = useMemo(() => readDraft(draft), [draft]);
  const shown = students?.includes(student ?? '') ? (student as string) : students?.[0];
  // The sheet is made in the browser only: the static HTML holds the form (its numbers are the browser's work).
  const { variant, variantError } = useMemo((): { variant?: ExamVariant; variantError?: string } => {
    if (!mounted || !spec || !shown) return {};
    try {
      return { variant: examVariant(registry, generators, spec, shown) };
    } catch (e) {
      return { variantError: e instanceof Error ? e.message : String(e) };
    }
  }, [mounted, spec, shown]);
  const everyVariant = () => (spec && students ? students.map((s) => examVariant(registry, generators, spec, s)) : []);
  return (
    <div className="dnn-exam" data-ready={mounted}>
      <SpecForm draft={draft} onChange={setDraft} error={error} />
      {variantError && (
        <p className="dnn-form-error dnn-no-print" role="alert">
          No sheet could be made (a bug: please report the spec): {variantError}
        </p>
      )}
      {variant && students && (
        <>
          <section className="dnn-exam__toolbar dnn-no-print" aria-label="Preview and files">
            <div className="dnn-exam__row">
              <div className="dnn-field">
                <label className="dnn-field__label" htmlFor={`${id}-student`}>
                  Preview the sheet of
                </label>
                <select
                  id={`${id}-student`}
                  className="dnn-input"
                  value={shown}
                  onChange={(e) => setStudent(e.target.value)}
                >
                  {students.map((s) => (
                    <option key={s} value={s}>
                      {s}
                    </option>
                  ))}
                </select>
              </div>
              <fieldset className="dnn-exam__view">
                <legend className="dnn-field__label">Show</legend>
                <label className="dnn-exam__radio">
                  <input type="radio" name={`${id}-view`} checked={!answers} onChange={() => setAnswers(false)} /> Sheet
                </label>
                <label className="dnn-exam__radio">
                  <input type="radio" name={`${id}-view`} checked={answers} onChange={() => setAnswers(true)} /> Answer
                  key
                </label>
              </fieldset>
              <button type="button" className="button button--primary" onClick={() => window.print()}>
                Print {answers ? 'the key' : 'the sheet'}
              </button>
            </div>
            <div className="dnn-exam__files">
              <span className="dnn-field__label">{shown}'s files:</span>
              <FileButtons files={studentFiles(variant)} />
            </div>
            <div className="dnn-exam__files">
              <span className="dnn-field__label">Whole class ({students.length}):</span>
              <FileButtons files={classFiles(everyVariant, spec?.title ?? draft.title)} />
            </div>
          </section>
          <ExamSheet variant={variant} answers={answers} />
        </>
      )}
      <BatchGrading title={spec?.title ?? draft.title} />
    </div>
  );
}
