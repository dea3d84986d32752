/**
 * The zod API that `@dnn/core` re-exports as `z`: every zod type, and the schema constructors the solvers
 * call. A module of named re-exports rather than zod's whole namespace, so that a bundler keeps only the
 * constructors (a re-exported `import * as z from 'zod'` cannot be tree-shaken: it kept all of zod, 64
 * locale files included, in a one-solver bundle). A constructor missing here is a compile error where it
 * is used (`z.foo` only refers to a type): add it to the list.
 */
export type * from 'zod';
export {
  any,
  array,
  boolean,
  custom,
  discriminatedUnion,
  enum,
  instanceof,
  intersection,
  lazy,
  literal,
  never,
  null,
  nullable,
  number,
  object,
  optional,
  record,
  strictObject,
  string,
  tuple,
  union,
  unknown,
  ZodError,
} from 'zod';
