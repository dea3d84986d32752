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
  if (JSON.stringify(JSON.parse(JSON.stringify(solution))) !== JSON.stringify(solution))
    return 'solution is not JSON-serialisable';
  return undefined;
}
