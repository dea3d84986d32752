/** GIFT writer. */
import type { QuestionBank } from './bank.js';

/** Writes the banks as one GIFT file (a `$CATEGORY:` per bank). */
export function gift(_banks: readonly QuestionBank[]): string {
  throw new Error('gift: not implemented yet');
}
