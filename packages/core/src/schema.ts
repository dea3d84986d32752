/**
 * Zod building blocks shared by every solver's input schema. Each takes the
 * field's description (shown in the docs forms and JSON Schema).
 */
import * as z from 'zod/mini';
import { readFraction } from './fraction-input.js';
import { describeValue, readableIssue } from './input-errors.js';

/** A strict object: unknown fields are input errors (a typo never silently falls back to a default). */
export const object = z.strictObject;

/** A finite number. */
export function number(description: string) {
  return z.number().check(z.describe(description));
}

/** A whole number (safe integer). */
export function int(description: string) {
  return z.number().check(z.int(), z.describe(description));
}

/** A whole number ≥ 1. */
export function positiveInt(description: string) {
  return z.number().check(z.int(), z.minimum(1), z.describe(description));
}

/** A whole number ≥ 0. */
export function nonNegativeInt(description: string) {
  return z.number().check(z.int(), z.minimum(0), z.describe(description));
}

/** A number > 0. */
export function positive(description: string) {
  return z.number().check(z.gt(0), z.describe(description));
}

/** A number, or a pair `[h, w]` of them (kernel, stride, padding, dilation). */
export function numberOrPair<T extends z.ZodMiniNumber>(base: T, description: string) {
  return z
    .union([base, z.tuple([base, base])], {
      error: (iss) => {
        const input = iss.input;
        if (!Array.isArray(input) || input.length !== 2) {
          return `must be a number or a pair [h, w] (got ${describeValue(input)})`;
        }
        for (const [i, el] of input.entries()) {
          const r = base.safeParse(el, { reportInput: true, error: readableIssue });
          if (!r.success) return `[${i}] ${r.error.issues[0]?.message ?? 'is not valid'}`;
        }
        return undefined;
      },
    })
    .check(z.describe(description));
}

/**
 * Text that may also be an exact fraction: `"1/9"` (or `"3"`) becomes that number, other text stays text — for a
 * field that takes a number or a name, such as a kernel tap of conv/solve-kernel (`[["1/9", "x"]]`). Fraction
 * strings in plain number fields need nothing: `parseInput` reads them.
 */
export function textOrFraction(text: z.ZodMiniString = z.string()) {
  return z.pipe(
    text,
    z.transform((value, ctx): string | number => {
      const read = readFraction(value);
      if (read === undefined) return value;
      if (typeof read === 'number') return read;
      ctx.issues.push({ code: 'custom', message: read.error, input: value });
      return z.NEVER;
    }),
  );
}

/** A list of numbers. */
export function vector(description: string) {
  return z.array(z.number()).check(z.describe(description));
}

/** A row-major matrix of numbers. */
export function matrix(description: string) {
  return z.array(z.array(z.number())).check(z.describe(description));
}

/** One of a fixed set of strings. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T, description: string) {
  return z.enum(values).check(z.describe(description));
}

/** Converts a solver's input schema to JSON Schema (input side: defaults are optional fields). */
export function toJsonSchema(schema: z.ZodMiniType): Record<string, unknown> {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}

/** A form condition: the field applies only while each named sibling field has one of the listed values (its default counts). */
export type AppliesWhen = Record<string, readonly (string | number | boolean)[]>;

/**
 * Marks a field as applying only to some choices (`outputPadding` to
 * conv-transpose, `beta2` to Adam): forms show it only then. The solver still
 * validates the field; this is presentation metadata (`appliesWhen` in JSON Schema).
 */
export function when<T extends z.ZodMiniType>(schema: T, condition: AppliesWhen): T {
  return schema.check(z.meta({ appliesWhen: condition }));
}

/**
 * Marks fields as alternative ways to give one thing (a boolean function as an
 * `expression` or a `truthTable`): forms show one of the group at a time with a
 * choice between them, and clear the others (`alternativeOf` in JSON Schema).
 */
export function alternative<T extends z.ZodMiniType>(schema: T, group: string): T {
  return schema.check(z.meta({ alternativeOf: group }));
}
