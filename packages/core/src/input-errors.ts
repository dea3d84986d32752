/** Turns zod's validation issues into {@link DnnInputError}s a student can act on. */
import type * as z from 'zod/mini';
import { DnnInputError, formatPath, joinPath } from './errors.js';
import { LIMITS, readableCount } from './limits.js';

/** Deepest nesting of lists and objects an input may have: far beyond any solver's schema (a rank-5 tensor in a list of layers is < 10). */
export const MAX_NESTING = 64;

const typeNames: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  tuple: 'a list',
  object: 'an object',
  record: 'an object',
  null: 'null',
};

/** Describes a received value in words: `text "abc"`, `a list`, `nothing`. */
export function describeValue(x: unknown): string {
  if (x === undefined) return 'nothing';
  if (x === null) return 'null';
  if (typeof x === 'number') {
    if (Number.isNaN(x)) return 'NaN';
    if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
    return `${x}`;
  }
  if (typeof x === 'string') return `text ${JSON.stringify(x.length > 40 ? `${x.slice(0, 40)}…` : x)}`;
  if (typeof x === 'boolean') return String(x);
  if (Array.isArray(x)) return `a list of ${x.length}`;
  if (typeof x === 'object') return 'an object';
  return typeof x;
}

type RawIssue = z.core.$ZodRawIssue;

function bound(iss: { inclusive?: boolean; origin?: string }, value: number | bigint, small: boolean): string {
  const n = Number(value);
  if (iss.origin === 'int' && Math.abs(n) === Number.MAX_SAFE_INTEGER) {
    return 'must be a whole number of magnitude at most 2^53 − 1 = 9007199254740991 (larger integers are not exact in double precision)';
  }
  if (iss.origin === 'array' || iss.origin === 'set') {
    return small ? `needs at least ${n} item${n === 1 ? '' : 's'}` : `has too many items (at most ${n})`;
  }
  if (iss.origin === 'string')
    return small ? `must have at least ${n} character${n === 1 ? '' : 's'}` : `must have at most ${n} characters`;
  if (small) return iss.inclusive === false ? `must be greater than ${n}` : `must be at least ${n}`;
  return iss.inclusive === false ? `must be less than ${n}` : `must be at most ${n}`;
}

/** A zod error map producing one readable sentence per issue (without the path). */
export function readableIssue(iss: RawIssue): string {
  const got = describeValue(iss.input);
  switch (iss.code) {
    case 'invalid_type': {
      if (iss.input === undefined) return 'is required';
      const want = typeNames[iss.expected] ?? iss.expected;
      if (iss.expected === 'number' && typeof iss.input === 'number') return `must be a finite number, not ${got}`;
      return `must be ${want}, not ${got}`;
    }
    case 'too_small':
      return `${bound(iss, iss.minimum, true)} (got ${got})`;
    case 'too_big':
      return `${bound(iss, iss.maximum, false)} (got ${got})`;
    case 'invalid_value':
      if (iss.input === undefined) return `is required: one of ${iss.values.map((v) => JSON.stringify(v)).join(', ')}`;
      return `must be one of ${iss.values.map((v) => JSON.stringify(v)).join(', ')} (got ${got})`;
    case 'not_multiple_of':
      return `must be a multiple of ${iss.divisor} (got ${got})`;
    case 'unrecognized_keys':
      return `is not a field of this solver (check the spelling)`;
    case 'invalid_union':
      return `has the wrong form (got ${got})`;
    default:
      return iss.message ?? `is not valid (got ${got})`;
  }
}

/** Converts the first zod issue into a {@link DnnInputError} naming its field. */
export function fromZodError(error: z.core.$ZodError): DnnInputError {
  const issue = error.issues[0];
  if (!issue) return new DnnInputError('', 'the input is not valid');
  let path = formatPath(issue.path);
  if (issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined) {
    path = joinPath(path, issue.keys[0]);
  }
  return new DnnInputError(path || 'input', issue.message);
}

/** A node of {@link checkStructure}'s walk: the path is rebuilt from parents only when an error is found. */
interface Visit {
  value: object;
  key: string | number;
  parent: Visit | undefined;
  depth: number;
  /** The top-level field the node lies in (undefined for the input itself). */
  field: Visit | undefined;
}

function pathOf(visit: Visit | undefined): (string | number)[] {
  const path: (string | number)[] = [];
  for (let v = visit; v?.parent; v = v.parent) path.push(v.key);
  return path.reverse();
}

/** A child of `parent` to visit. */
const child = (parent: Visit, value: object, key: string | number): Visit => {
  const visit: Visit = { value, key, parent, depth: parent.depth + 1, field: parent.field };
  if (!parent.field) visit.field = visit;
  return visit;
};

/** The input error for more than `maxValues` values, at the top-level field that held the most of those counted. */
function tooManyValues(tally: Map<Visit, number>, maxValues: number): DnnInputError {
  let largest: [Visit | undefined, number] = [undefined, 0];
  for (const entry of tally) if (entry[1] > largest[1]) largest = entry;
  const [field, count] = largest;
  const share = field ? `; ${count > maxValues ? 'more than the limit' : `at least ${readableCount(count)}`} here` : '';
  return new DnnInputError(
    field ? formatPath(pathOf(field)) : 'input',
    `the input has more than ${readableCount(maxValues)} values (numbers, texts, list items and object entries), above the limit of ${readableCount(maxValues)} per request${share}`,
  );
}

/**
 * Throws an input error at the first place where `input` nests lists or objects more than {@link MAX_NESTING} deep, or
 * has an own `__proto__` key (JSON allows it; a schema would drop it silently, so it is rejected by name), or when it
 * holds more than `maxValues` values (every list item and object entry counts one; default
 * {@link LIMITS}.inputValues), before a schema spends seconds reading them: the error names the top-level field
 * holding the most. Iterative, so a 10⁵-deep input is reported instead of overflowing the stack of whatever reads it next.
 */
export function checkStructure(input: unknown, maxValues: number = LIMITS.inputValues): void {
  if (input === null || typeof input !== 'object') return;
  const stack: Visit[] = [{ value: input, key: '', parent: undefined, depth: 0, field: undefined }];
  const tally = new Map<Visit, number>();
  let values = 0;
  while (stack.length > 0) {
    const visit = stack.pop() as Visit;
    const { value, depth } = visit;
    const size = Array.isArray(value) ? value.length : Object.keys(value).length;
    values += size;
    if (visit.field) tally.set(visit.field, (tally.get(visit.field) ?? 0) + size);
    if (values > maxValues) throw tooManyValues(tally, maxValues);
    if (depth >= MAX_NESTING) {
      throw new DnnInputError(
        formatPath(pathOf(visit)),
        `is nested more than ${MAX_NESTING} levels deep (lists or objects inside each other); no input nests that deep`,
      );
    }
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const v: unknown = value[i];
        if (v !== null && typeof v === 'object') stack.push(child(visit, v, i));
      }
      continue;
    }
    if (!convertible((value as { length?: unknown }).length)) {
      // zod's length checks run on any value with a `length` and compare it: an object without a prototype there
      // would throw a TypeError inside zod (found by the CLI's robustness suite), not give an issue.
      throw new DnnInputError(
        formatPath([...pathOf(visit), 'length']),
        'is an object without a prototype (Object.create(null)) where a number or a list is expected; pass JSON data',
      );
    }
    if (Object.hasOwn(value, '__proto__')) {
      throw new DnnInputError(
        formatPath([...pathOf(visit), '__proto__']),
        '"__proto__" cannot be used as a name (JavaScript reserves it for object prototypes); rename it',
      );
    }
    for (const key of Object.keys(value)) {
      const v: unknown = (value as Record<string, unknown>)[key];
      if (v !== null && typeof v === 'object') stack.push(child(visit, v, key));
    }
  }
}

/** Whether JavaScript can turn `v` into a primitive (comparing it does not throw): false for prototype-less objects. */
function convertible(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return true;
  try {
    Number(v);
    return true;
  } catch {
    return false;
  }
}
