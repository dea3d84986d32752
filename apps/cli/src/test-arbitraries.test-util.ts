/** fast-check arbitraries of hostile JSON for the registry-wide robustness suite. */
import { isDnnInputError, type Registry } from '@dnn/core';
import fc from 'fast-check';

const junkNumber = fc.oneof(
  fc.integer({ min: -10, max: 10 }),
  fc.double(),
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    1e308,
    -1e308,
    2 ** 53,
    1e9,
    -1e9,
    0,
    -0,
    0.5,
    1e-300,
  ),
);

const leaf = fc.oneof(
  junkNumber,
  fc.string({ maxLength: 8 }),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.constantFrom('same', 'valid', 'conv', 'x', 'tanh', 'relu', 'adam', 'x & y', '1/0', 'log(-1)', '', 'e'),
);

/** Any JSON-ish value, deep junk included (NaN, ±Infinity, huge and negative numbers, undefined). */
export const junk: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', maxDepth: 4 },
    leaf,
    fc.array(tie('value'), { maxLength: 6 }),
    fc.dictionary(fc.string({ maxLength: 6 }), tie('value'), { maxKeys: 4 }),
  ),
})).value;

type Path = (string | number)[];

function leafPaths(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((v, i) => leafPaths(v, [...prefix, i]))];
  if (value !== null && typeof value === 'object') {
    return [prefix, ...Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...prefix, k]))];
  }
  return [prefix];
}

function setAt(root: unknown, path: Path, f: (old: unknown) => unknown, remove: boolean): unknown {
  if (path.length === 0) return f(root);
  const copy: unknown = structuredClone(root);
  let node = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  const last = path.at(-1) as string | number;
  if (remove && !Array.isArray(node)) delete node[last];
  else node[last] = f(node[last]);
  return copy;
}

/** An example input with a few of its places replaced by junk, deleted, scaled or wrapped. */
export function mutated(example: unknown): fc.Arbitrary<unknown> {
  const paths = leafPaths(example);
  const mutation = fc.record({
    at: fc.nat({ max: paths.length - 1 }),
    op: fc.constantFrom('junk', 'delete', 'wrap', 'scale', 'negate'),
    value: junk,
    factor: fc.constantFrom(1e3, 1e6, 1e9, -1, 0),
  });
  return fc.array(mutation, { minLength: 1, maxLength: 3 }).map((ms) =>
    ms.reduce<unknown>((acc, m) => {
      const current = leafPaths(acc);
      const path = current[m.at % current.length] as Path;
      return setAt(
        acc,
        path,
        (old) => {
          if (m.op === 'wrap') return [old];
          if (m.op === 'scale') return typeof old === 'number' ? old * m.factor : m.value;
          if (m.op === 'negate') return typeof old === 'number' ? -old : m.value;
          return m.value;
        },
        m.op === 'delete',
      );
    }, example),
  );
}

/**
 * Extreme but valid doubles: the ends of the float range, subnormals, the edge of exact integers (2^53 ± 1 — as a
 * double 2^53 + 1 is 2^53), negative zero, and the magnitudes where squares overflow or underflow.
 */
export const EXTREME_VALUES: readonly number[] = [
  1e308,
  -1e308,
  Number.MAX_VALUE,
  5e-324,
  -5e-324,
  2.2250738585072014e-308,
  1e-310,
  2 ** 53 - 1,
  2 ** 53,
  2 ** 53 + 1,
  -(2 ** 53) - 1,
  -0,
  1e154,
  -1e154,
  1e-200,
  1e15 + 1,
];

/** One of {@link EXTREME_VALUES}. */
export const extremeNumber = fc.constantFrom(...EXTREME_VALUES);

/** Paths of every numeric leaf of a JSON-like value. */
export function numericPaths(value: unknown): Path[] {
  return leafPaths(value).filter((path) => {
    let node: unknown = value;
    for (const key of path) node = (node as Record<string | number, unknown>)[key];
    return typeof node === 'number';
  });
}

/**
 * An example input with 1–4 of its numeric fields (any depth: sizes, weights, hyper-parameters, points) replaced by
 * extreme values — or the example itself when it has no number. Driven by the example, so a new solver is covered
 * by its examples alone.
 */
export function withExtremes(example: unknown): fc.Arbitrary<unknown> {
  const paths = numericPaths(example);
  if (paths.length === 0) return fc.constant(example);
  const substitution = fc.record({ at: fc.nat({ max: paths.length - 1 }), value: extremeNumber });
  return fc
    .array(substitution, { minLength: 1, maxLength: 4 })
    .map((subs) =>
      subs.reduce<unknown>((acc, sub) => setAt(acc, paths[sub.at] as Path, () => sub.value, false), example),
    );
}

/** An object with the solver's own field names, each holding junk. */
export function fieldsJunk(fields: string[]): fc.Arbitrary<unknown> {
  if (fields.length === 0) return junk;
  return fc.dictionary(fc.constantFrom(...fields), junk, { maxKeys: fields.length });
}

/** Solves and checks the outcome's shape; returns a failure description or undefined. */
export function outcome(registry: Registry, id: string, input: unknown): string | undefined {
  let solution: unknown;
  try {
    solution = registry.solve(id, input);
  } catch (e) {
    if (isDnnInputError(e)) return e.message.length > 0 ? undefined : 'empty DnnInputError message';
    return `threw ${(e as Error).name}: ${(e as Error).message}`;
  }
  const sol = solution as { answer?: unknown; steps?: unknown; notes?: unknown };
  if (typeof sol.answer !== 'object' || sol.answer === null) return 'answer is not an object';
  const declared = registry.get(id).answer.safeParse(sol.answer);
  if (!declared.success) return `answer does not match its schema: ${declared.error.message}`;
  if (
    !Array.isArray(sol.steps) ||
    !sol.steps.every((st) => typeof st?.text === 'string' && typeof st?.latex === 'string')
  ) {
    return 'steps are not {text, latex} objects';
  }
  if (!Array.isArray(sol.notes) || !sol.notes.every((n) => typeof n === 'string')) return 'notes are not strings';
  const nan = (sol.steps as { text: string }[]).find((st) => /\bNaN\b/.test(st.text));
  if (nan) return `a step says NaN: ${nan.text.slice(0, 200)}`;
  if (JSON.stringify(JSON.parse(JSON.stringify(solution))) !== JSON.stringify(solution))
    return 'solution is not JSON-serialisable';
  return undefined;
}
