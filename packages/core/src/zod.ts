/**
 * The zod API that `@dnn/core` re-exports as `z`: zod/mini's types, and the schema constructors and checks that
 * solver schemas use (`@dnn/practice`'s exam spec, dependants writing their own solvers). zod/mini, because its
 * schemas have no methods: `z.optional(x)`, `x.check(z.minimum(1))`, so a bundler keeps only what is called
 * (classic zod's method chains kept all of zod, 106 KB in a one-solver bundle). Named re-exports rather than
 * zod's whole namespace, which would keep its 64 locale files too. esbuild keeps every member of a re-exported
 * namespace, so the solver packages `import * as z from 'zod/mini'` themselves. A constructor missing here is a
 * compile error where it is used (`z.foo` only refers to a type): add it to the list.
 */
export type * from 'zod/mini';
export {
  _default,
  any,
  array,
  boolean,
  custom,
  describe,
  discriminatedUnion,
  enum,
  globalRegistry,
  gt,
  gte,
  instanceof,
  int,
  intersection,
  lazy,
  length,
  literal,
  lt,
  lte,
  maximum,
  maxLength,
  meta,
  minimum,
  minLength,
  NEVER,
  never,
  null,
  nullable,
  number,
  object,
  optional,
  pipe,
  record,
  refine,
  regex,
  strictObject,
  string,
  superRefine,
  transform,
  trim,
  tuple,
  union,
  unknown,
} from 'zod/mini';
