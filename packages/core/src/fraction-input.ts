/**
 * Fraction strings in number fields (SOLVERS.md, Catalog v2): `"scale": "1/9"` reads as the number 1/9 wherever a
 * solver's schema expects a number. The schema decides, never the text: an expression field keeps `"1/9"` as
 * text, because `"1/9"` is also a valid expression. {@link fractionsToNumbers} walks the zod schema and the input
 * together and converts a string only where the schema wants a number there and would reject the string itself.
 *
 * `parseInput` calls it only after a failed parse, so a valid input never pays for the walk. The conversion is
 * p/q in float64 (correctly rounded); @dnn/core's `toFraction` reads such a float back as p/q, so the solvers that
 * compute in fractions (conv/solve-kernel, conv/design-kernel) keep a fraction given as text exact.
 */
import type * as z from 'zod/mini';
import { DnnInputError, formatPath } from './errors.js';

/**
 * A number as text: an integer or decimal, optionally over an integer or decimal denominator, with an optional
 * sign (`-` or `−`) in front: `"1/9"`, `"-7/6"`, `"3"`, `"0.5"`, `" 2 / 3 "`.
 */
const FRACTION = /^\s*([+\-−]?)\s*(\d+(?:\.\d+)?)\s*(?:\/\s*(\d+(?:\.\d+)?)\s*)?$/;

/** Why a fraction-looking string cannot be read (a zero denominator, an overflow). */
class BadFraction extends Error {
  constructor(
    readonly path: readonly PropertyKey[],
    readonly reason: string,
  ) {
    super(reason);
  }
}

/**
 * The number a fraction string stands for, `undefined` when the text is not a fraction at all, or a
 * {@link BadFraction} reason when it is one that has no finite value (`"1/0"`).
 */
export function readFraction(text: string): number | undefined | { error: string } {
  const m = FRACTION.exec(text);
  if (!m) return undefined;
  const [, sign, p = '', q] = m;
  const numerator = Number(p);
  const denominator = q === undefined ? 1 : Number(q);
  if (denominator === 0) return { error: `the fraction ${JSON.stringify(text)} divides by zero` };
  const value = numerator / denominator;
  if (!Number.isFinite(value)) return { error: `the fraction ${JSON.stringify(text)} overflows a float64` };
  return sign === '-' || sign === '−' ? -value : value;
}

type Def = { type: string } & Record<string, unknown>;
const defOf = (schema: z.ZodMiniType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Wrappers whose input is their inner schema's input. */
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'nonoptional', 'readonly', 'catch']);

/** The schema that reads the input: through optional/default/… wrappers, a pipe's input side and lazy getters. */
function unwrap(schema: z.ZodMiniType): z.ZodMiniType {
  let s = schema;
  for (let i = 0; i < 64; i++) {
    const def = defOf(s);
    if (WRAPPERS.has(def.type)) s = def.innerType as z.ZodMiniType;
    else if (def.type === 'pipe') s = def.in as z.ZodMiniType;
    else if (def.type === 'lazy') s = (def.getter as () => z.ZodMiniType)();
    else return s;
  }
  return s;
}

/** A number schema, or a literal of numbers only (`order: 1 | 2`). */
const isNumberLeaf = (def: Def): boolean =>
  def.type === 'number' || (def.type === 'literal' && (def.values as unknown[]).every((v) => typeof v === 'number'));

/** True when the schema takes a number at this position (directly or as one option of a union). */
function takesNumber(schema: z.ZodMiniType, depth = 0): boolean {
  const s = unwrap(schema);
  const def = defOf(s);
  if (isNumberLeaf(def)) return true;
  if (def.type === 'union' && depth < 8) return (def.options as z.ZodMiniType[]).some((o) => takesNumber(o, depth + 1));
  return false;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * `value` with every fraction string that sits where `schema` expects a number replaced by its number; the same
 * object when nothing changed (unchanged branches are shared, never copied). A fraction with no value there
 * (`"1/0"`) is a {@link DnnInputError} naming its field.
 */
export function fractionsToNumbers(schema: z.ZodMiniType, value: unknown): unknown {
  try {
    return walk(schema, value, []);
  } catch (err) {
    if (err instanceof BadFraction) throw new DnnInputError(formatPath(err.path) || 'input', err.reason);
    throw err;
  }
}

function walk(schema: z.ZodMiniType, value: unknown, path: PropertyKey[]): unknown {
  const s = unwrap(schema);
  const def = defOf(s);
  if (typeof value === 'string') {
    if (isNumberLeaf(def)) return convert(value, path);
    // A union takes the text as it is when any option does (a name in a kernel, "same" for padding).
    if (def.type === 'union' && takesNumber(s) && !s.safeParse(value).success) return convert(value, path);
    return value;
  }
  if (def.type === 'union') return walkUnion(def.options as z.ZodMiniType[], value, path);
  if (def.type === 'intersection') {
    return walk(def.right as z.ZodMiniType, walk(def.left as z.ZodMiniType, value, path), path);
  }
  if (Array.isArray(value)) {
    if (def.type === 'array') return mapArray(value, () => def.element as z.ZodMiniType, path);
    if (def.type === 'tuple') {
      const items = def.items as z.ZodMiniType[];
      const rest = def.rest as z.ZodMiniType | null;
      return mapArray(value, (i) => items[i] ?? rest ?? undefined, path);
    }
    return value;
  }
  if (isPlainObject(value)) {
    if (def.type === 'object') {
      const shape = def.shape as Record<string, z.ZodMiniType>;
      return mapObject(value, (key) => (Object.hasOwn(shape, key) ? shape[key] : undefined), path);
    }
    if (def.type === 'record') return mapObject(value, () => def.valueType as z.ZodMiniType, path);
  }
  return value;
}

function convert(text: string, path: readonly PropertyKey[]): unknown {
  const read = readFraction(text);
  if (read === undefined) return text;
  if (typeof read === 'object') throw new BadFraction([...path], read.error);
  return read;
}

/** The first option under which the converted value parses; else the first option that converted anything. */
function walkUnion(options: readonly z.ZodMiniType[], value: unknown, path: PropertyKey[]): unknown {
  if (value === null || typeof value !== 'object') return value;
  let fallback: unknown = value;
  let firstError: BadFraction | undefined;
  for (const option of options) {
    let converted: unknown;
    try {
      converted = walk(option, value, path);
    } catch (err) {
      if (!(err instanceof BadFraction)) throw err;
      firstError ??= err;
      continue;
    }
    if (converted === value) continue;
    if (option.safeParse(converted).success) return converted;
    if (fallback === value) fallback = converted;
  }
  if (fallback === value && firstError) throw firstError;
  return fallback;
}

function mapArray(value: unknown[], schemaAt: (i: number) => z.ZodMiniType | undefined, path: PropertyKey[]): unknown {
  let out: unknown[] | undefined;
  for (let i = 0; i < value.length; i++) {
    const schema = schemaAt(i);
    if (!schema) continue;
    const item = value[i];
    if (item === null || (typeof item !== 'string' && typeof item !== 'object')) continue;
    path.push(i);
    const next = walk(schema, item, path);
    path.pop();
    if (next !== item) {
      out ??= value.slice();
      out[i] = next;
    }
  }
  return out ?? value;
}

function mapObject(
  value: Record<string, unknown>,
  schemaAt: (key: string) => z.ZodMiniType | undefined,
  path: PropertyKey[],
): unknown {
  let out: Record<string, unknown> | undefined;
  for (const key of Object.keys(value)) {
    const schema = schemaAt(key);
    if (!schema) continue;
    const item = value[key];
    if (item === null || (typeof item !== 'string' && typeof item !== 'object')) continue;
    path.push(key);
    const next = walk(schema, item, path);
    path.pop();
    if (next !== item) {
      out ??= { ...value };
      // defineProperty, not assignment: a record key "__proto__" stays a plain key.
      Object.defineProperty(out, key, { value: next, enumerable: true, writable: true, configurable: true });
    }
  }
  return out ?? value;
}
