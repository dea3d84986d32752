/** Who sits the exam: numbered ids for a class size, or the ids of a roster file. */
import { DnnInputError } from '@dnn/core';

/** The most students one exam run generates variants for. */
export const MAX_STUDENTS = 1000;

/** Ids `s01`, `s02`, … for `count` students (zero-padded to the width of `count`, at least two digits). */
export function studentIds(count: number): string[] {
  if (!Number.isInteger(count) || count < 1 || count > MAX_STUDENTS) {
    throw new DnnInputError('students', `must be a whole number from 1 to ${MAX_STUDENTS} (got ${count})`);
  }
  const width = Math.max(2, String(count).length);
  return Array.from({ length: count }, (_, i) => `s${String(i + 1).padStart(width, '0')}`);
}

/**
 * The student ids of a roster: one per line, trimmed; blank lines and lines starting with `#` are skipped.
 * A repeated id, an id over 100 characters or an empty roster is a `DnnInputError` naming the line.
 */
export function readRoster(text: string): string[] {
  const ids: string[] = [];
  const lineOf = new Map<string, number>();
  text.split(/\r?\n/).forEach((raw, i) => {
    const id = raw.trim();
    if (id === '' || id.startsWith('#')) return;
    const line = i + 1;
    const first = lineOf.get(id);
    if (first !== undefined)
      throw new DnnInputError('roster', `line ${line}: ${JSON.stringify(id)} is already on line ${first}`);
    if (id.length > 100) throw new DnnInputError('roster', `line ${line}: an id has at most 100 characters`);
    lineOf.set(id, line);
    ids.push(id);
  });
  if (ids.length === 0) throw new DnnInputError('roster', 'has no student ids (one per line)');
  if (ids.length > MAX_STUDENTS) throw new DnnInputError('roster', `has more than ${MAX_STUDENTS} students`);
  return ids;
}
