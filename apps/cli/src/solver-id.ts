/** Looking up a solver by an id that came from the user, with the did-you-mean search kept small. */
import { type AnySolver, DnnInputError, type Registry } from '@dnn/core';
import { truncateText } from './truncate.js';

/** Unknown ids longer than this are refused without comparing them to every id (the longest id is far shorter). */
const MAX_ID_COMPARED = 100;

/**
 * The solver `id` names; an unknown id is an input error at `id` (with a did-you-mean hint from the registry
 * when the id is short enough to be a typo, else echoed truncated).
 */
export function solverById(registry: Registry, id: string): AnySolver {
  if (id.length > MAX_ID_COMPARED && !registry.has(id)) {
    throw new DnnInputError(
      'id',
      `unknown solver id ${truncateText(JSON.stringify(id), 60)}, ${id.length} characters long; \`dnn list\` shows every id`,
    );
  }
  return registry.get(id);
}
