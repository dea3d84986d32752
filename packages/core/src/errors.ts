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

  constructor(path: string, reason: string) {
    super(path ? `${path}: ${reason}` : reason);
    this.name = 'DnnInputError';
    this.path = path;
    this.reason = reason;
  }
}

/** True for a {@link DnnInputError}, also across package copies (checks the name). */
export function isDnnInputError(error: unknown): error is DnnInputError {
  return error instanceof Error && error.name === 'DnnInputError' && 'path' in error;
}

/** Renders a path array as `layers[2].kernel`. */
export function formatPath(path: readonly PropertyKey[]): string {
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
