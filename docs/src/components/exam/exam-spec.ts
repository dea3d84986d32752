/** The /exam form's draft read as an exam spec and its students, or the first thing wrong with it. */
import { type ExamItem, type ExamSpec, generators, readExamSpec, readRoster, studentIds } from '@dnn/practice';

/** What the form edits: the spec's fields as typed, and the students. */
export interface SpecDraft {
  title: string;
  instructions: string;
  seed: string;
  items: ExamItem[];
  /** `count`: that many numbered students; `roster`: one id per line. */
  students: { mode: 'count'; count: string } | { mode: 'roster'; roster: string };
}

/** The form's starting exam: one fixed problem, one layer-by-layer network step and a topic draw. */
export const DEFAULT_DRAFT: SpecDraft = {
  title: 'Deep learning — midterm',
  instructions: 'Show your working. Calculators allowed.',
  seed: '2026',
  items: [
    { solver: 'conv/output-shape', difficulty: 'medium', points: 2 },
    { solver: 'optim/mlp-step', difficulty: 'easy', points: 4 },
    { topic: 'rnn', difficulty: 'medium', points: 3 },
  ],
  students: { mode: 'count', count: '3' },
};

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
