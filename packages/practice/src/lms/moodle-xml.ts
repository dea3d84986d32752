/** Moodle XML writer. */
import type { QuestionBank } from './bank.js';

/** Writes the banks as one Moodle XML question file (a category per bank). */
export function moodleXml(_banks: readonly QuestionBank[]): string {
  throw new Error('moodleXml: not implemented yet');
}
