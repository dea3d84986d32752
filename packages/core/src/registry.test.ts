import { describe, expect, expectTypeOf, it } from 'vitest';
import * as z from 'zod/mini';
import * as a from './answer.js';
import { defineSolver, runSolver } from './define-solver.js';
import { DnnInputError } from './errors.js';
import { createRegistry, type Registry, type SolverInput } from './registry.js';
import * as s from './schema.js';
import type { Solution } from './solution.js';
import { step } from './steps.js';

const double = defineSolver({
  id: 'test/double',
  title: 'Double a number',
  description: 'Returns 2x.',
  input: s.object({
    x: s.number('The number.'),
    times: z._default(s.positiveInt('How many doublings.'), 1),
    pair: z.optional(s.numberOrPair(z.number().check(z.int(), z.minimum(0)), 'A pair.')),
    mode: z.optional(s.oneOf(['a', 'b'], 'A mode.')),
  }),
  answer: a.answer({ y: a.scalar('Doubled') }),
  solveParsed: ({ x, times }) => ({ answer: { y: x * 2 ** times }, steps: [step('Double')], notes: [] }),
  examples: [{ title: 'two', source: 'by hand', input: { x: 2 }, answer: { y: 4 } }],
});

const broken = defineSolver({
  id: 'test/broken',
  title: 'Returns NaN',
  description: 'A bug.',
  input: s.object({}),
  answer: a.answer({ y: a.scalar('Not a number') }),
  solveParsed: () => ({ answer: { y: Number.NaN }, steps: [], notes: [] }),
  examples: [],
});

const registry = createRegistry([{ name: '@dnn/test', solvers: [double, broken] }]);
/** The untyped view the CLI uses: any id string, any input. */
const untyped: Registry = registry;

function inputError(f: () => unknown): DnnInputError {
  try {
    f();
  } catch (e) {
    if (e instanceof DnnInputError) return e;
    throw e;
  }
  throw new Error('expected a DnnInputError');
}

describe('registry', () => {
  it('lists solvers with their package', () => {
    expect(registry.list()).toEqual([
      { id: 'test/double', title: 'Double a number', package: '@dnn/test' },
      { id: 'test/broken', title: 'Returns NaN', package: '@dnn/test' },
    ]);
  });

  it('validates, applies defaults and solves', () => {
    expect(registry.solve('test/double', { x: 3 }).answer).toEqual({ y: 6 });
    expect(registry.solve('test/double', { x: 3, times: 3 }).answer).toEqual({ y: 24 });
  });

  it('an unknown id is an input error at path id, with a suggestion', () => {
    const e = inputError(() => untyped.solve('test/dubble', {}));
    expect(e.path).toBe('id');
    expect(e.message).toMatch(/unknown solver id "test\/dubble" \(did you mean test\/double\?\)/);
  });

  it('rejects duplicate ids', () => {
    expect(() => createRegistry([{ name: 'a', solvers: [double, double] }])).toThrow(/duplicate solver id/);
  });

  it('a NaN in an answer is an internal error, not a silent wrong answer', () => {
    expect(() => registry.solve('test/broken', {})).toThrow(/internal error: test\/broken answer.y is NaN/);
  });

  it('an answer that overflowed to ±Infinity is an input error naming the answer field (was an internal error)', () => {
    // 2·x overflows for x > Number.MAX_VALUE / 2 ≈ 9e307.
    const e = inputError(() => registry.solve('test/double', { x: 1e308 }));
    expect(e.path).toBe('input');
    expect(e.reason).toMatch(/^the result y overflows double precision/);
    expect(inputError(() => registry.solve('test/double', { x: -1e308 })).reason).toMatch(/result y overflows/);
  });
});

describe('input errors name the field in words a student understands', () => {
  const cases: [unknown, string, string][] = [
    [{}, 'x', 'is required'],
    [{ x: 'a' }, 'x', 'must be a number, not text "a"'],
    [{ x: Number.NaN }, 'x', 'must be a finite number, not NaN'],
    [{ x: Number.POSITIVE_INFINITY }, 'x', 'must be a finite number, not Infinity'],
    [{ x: 1, times: 0 }, 'times', 'must be at least 1 (got 0)'],
    [{ x: 1, times: 1.5 }, 'times', 'must be a whole number, not 1.5'],
    [{ x: 1, typo: 1 }, 'typo', 'is not a field of this solver (check the spelling)'],
    [{ x: 1, pair: 'a' }, 'pair', 'must be a number or a pair [h, w] (got text "a")'],
    [{ x: 1, pair: [1, -1] }, 'pair[1]', 'must be at least 0 (got -1)'],
    [{ x: 1, pair: [1, 'b'] }, 'pair', '[1] must be a number, not text "b"'],
    [[1], 'input', 'must be an object, not a list of 1'],
    [{ x: 1, mode: 'c' }, 'mode', 'must be one of "a", "b" (got text "c")'],
  ];
  it.each(cases)('%j → %s: %s', (input, path, reason) => {
    const e = inputError(() => runSolver(double, input));
    expect(e.path).toBe(path);
    expect(e.reason).toBe(reason);
    expect(e.message).toBe(`${path}: ${reason}`);
  });
});

describe('a missing choice field', () => {
  it('says it is required and lists the choices', () => {
    const pick = defineSolver({
      id: 'test/pick',
      title: 'Pick',
      description: 'Needs a kind.',
      input: s.object({ kind: s.oneOf(['p', 'q'], 'A kind.') }),
      answer: a.answer({ kind: a.text('Kind', undefined, ['p', 'q']) }),
      solveParsed: ({ kind }) => ({ answer: { kind }, steps: [], notes: [] }),
      examples: [],
    });
    const e = inputError(() => runSolver(pick, {}));
    expect(e.message).toBe('kind: is required: one of "p", "q"');
  });
});

// Type tests: `pnpm typecheck` (tsc over src/, test files included) fails if a `@ts-expect-error` line compiles.
describe('a registry is typed per id', () => {
  it('ids are a union of literals; input and answer types come from the schemas', () => {
    expectTypeOf(registry.list()[0]!.id).toEqualTypeOf<'test/double' | 'test/broken'>();
    expectTypeOf<SolverInput<[typeof double, typeof broken], 'test/double'>>().toEqualTypeOf<{
      x: number;
      times?: number | undefined;
      pair?: number | [number, number] | undefined;
      mode?: 'a' | 'b' | undefined;
    }>();
    expectTypeOf(registry.solve('test/double', { x: 3 })).toEqualTypeOf<Solution<{ y: number }>>();
    expectTypeOf(registry.get('test/double').run({ x: 1 }).answer.y).toBeNumber();
    expectTypeOf(double.id).toEqualTypeOf<'test/double'>();
  });

  it('an unknown id, a misspelt field and a wrong field type do not compile', () => {
    const compileErrors = () => [
      // @ts-expect-error unknown id
      registry.solve('test/dubble', { x: 1 }),
      // @ts-expect-error misspelt field (`xx` for `x`)
      registry.solve('test/double', { xx: 1 }),
      // @ts-expect-error wrong type
      registry.solve('test/double', { x: '1' }),
      // @ts-expect-error missing required field
      registry.solve('test/double', { times: 2 }),
      // @ts-expect-error the validated call is typed too
      double.run({ x: 1, time: 2 }),
      // @ts-expect-error the answer has no such field
      registry.solve('test/double', { x: 1 }).answer.z,
    ];
    // At run time the same calls are input errors, never wrong answers.
    expect(() => compileErrors()).toThrow(DnnInputError);
  });

  it('ids and inputs not known statically (string, unknown) are checked at run time', () => {
    expectTypeOf(untyped.solve).parameter(1).toBeUnknown();
    const id: string = 'test/double';
    const untypedCall = () => registry.solve(id, { x: 1, anything: true });
    expectTypeOf(untypedCall).returns.toEqualTypeOf<Solution<Record<string, unknown>>>();
    expect(untypedCall).toThrow(/anything: is not a field/);
    const parsed: unknown = JSON.parse('{"x": 2}');
    expectTypeOf(registry.solve('test/double', parsed).answer).toEqualTypeOf<{ y: number }>();
    expectTypeOf(untyped.solve('test/double', { x: 1 }).answer).toEqualTypeOf<Record<string, unknown>>();
  });

  it('run validates: bad input is a DnnInputError, defaults apply', () => {
    expect(double.run({ x: 3 }).answer).toEqual({ y: 6 });
    expect(inputError(() => double.run({ x: 3, times: 0 })).path).toBe('times');
  });
});
