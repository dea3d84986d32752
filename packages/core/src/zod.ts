/**
 * The zod API that `@dnn/core` re-exports as `z`: zod/mini's types, and the schema constructors and checks the
 * solvers call. zod/mini, because its schemas have no methods: `z.optional(x)`, `x.check(z.minimum(1))`, so a
 * bundler keeps only the constructors and checks a solver uses (classic zod's method chains keep all of them,
 * 106 KB in a one-solver bundle). Named re-exports rather than zod's whole namespace, which would keep its 64
 * locale files too. A constructor missing here is a compile error where it is used (`z.foo` only refers to a
 * type): add it to the list.
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
