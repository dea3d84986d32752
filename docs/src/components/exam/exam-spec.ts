/** The /exam form's draft read as an exam spec and its students, or the first thing wrong with it. */
import { type ExamSpec, generators, readExamSpec, readRoster, studentIds } from '@dnn/practice';
import type { SpecDraft } from './SpecForm';

/** A whole number typed in a box, or NaN (so the spec reader names the field). */
function wholeNumber(text: string): number {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
}

/** The spec and student ids of a draft; `error` says which field is wrong and why. */
export function readDraft(draft: SpecDraft): { spec?: ExamSpec; students?: string[]; error?: string } {
  try {
    const spec = readExamSpec(
      {
        title: draft.title,
        ...(draft.instructions.trim() ? { instructions: draft.instructions } : {}),
        seed: wholeNumber(draft.seed),
        items: draft.items,
      },
      generators,
    );
    const students =
      draft.students.mode === 'count'
        ? studentIds(wholeNumber(draft.students.count))
        : readRoster(draft.students.roster);
    return { spec, students };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}
