/**
 * Input errors: the only kind of error a solver may throw for bad input.
 * Each names the field (`layers[2].kernel`) and says what is wrong in a
 * sentence a student understands.
 */

/** Bad input: a field path plus a readable reason. `message` is `path: reason`. */
export class DnnInputError extends Error {
  /** Field path such as `layers[2].kernel`; `""` when the whole input is at fault. */
  readonly path: string;
  /** The sentence without the path. */
  readonly reason: string;

  /** A path or reason longer than {@link MAX_PATH} / {@link MAX_REASON} characters keeps its start and end around `…`. */
  constructor(path: string, reason: string) {
    const shortPath = clip(path, MAX_PATH);
    const shortReason = clip(reason, MAX_REASON);
    super(shortPath ? `${shortPath}: ${shortReason}` : shortReason);
    this.name = 'DnnInputError';
    this.path = shortPath;
    this.reason = shortReason;
  }
}

/** Longest field path an error carries (a path into a deeply nested input is shortened in the middle). */
export const MAX_PATH = 300;
/** Longest reason an error carries (a reason that echoes a huge input is shortened in the middle). */
export const MAX_REASON = 1000;

/** `text` if at most `max` characters, else its start and end joined by `…` (max characters in all). */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = Math.ceil((max - 1) / 2);
  return `${text.slice(0, head)}…${text.slice(text.length - (max - 1 - head))}`;
}

/** True for a {@link DnnInputError}, also across package copies (checks the name). */
export function isDnnInputError(error: unknown): error is DnnInputError {
  return error instanceof Error && error.name === 'DnnInputError' && 'path' in error;
}

/** Path segments kept at each end of a very deep path. */
const PATH_ENDS = 8;

/** Renders a path array as `layers[2].kernel`; a path deeper than 16 keys keeps 8 at each end: `a[0][0]…(99984 more)…[0]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length > 2 * PATH_ENDS) {
    const head = formatPath(path.slice(0, PATH_ENDS));
    const tail = formatPath(path.slice(-PATH_ENDS)).replace(/^(?!\[)/, '.');
    return `${head}…(${path.length - 2 * PATH_ENDS} more)…${tail}`;
  }
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

/** Joins a parent path and a child key: `joinPath('layers', 2)` is `layers[2]`. */
export function joinPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent ? `${parent}.${key}` : key;
}
