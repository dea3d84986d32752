/**
 * Registry-wide robustness: every registered solver, present and future, gets
 * hostile JSON and must return a Solution or throw a DnnInputError — never
 * another exception, never a NaN in an answer, never a hang.
 */
import { a, createRegistry, defineSolver, s } from '@dnn/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { registry } from './registry.js';
import { fieldsJunk, junk, mutated, outcome } from './test-arbitraries.test-util.js';

const RUNS = Number(process.env.DNN_ROBUSTNESS_RUNS ?? 1000);

describe.each(registry.list().map((info) => [info.id]))('%s survives hostile input', (id) => {
  const solver = registry.get(id);
  const schema = s.toJsonSchema(solver.input) as { properties?: Record<string, unknown> };
  const fields = Object.keys(schema.properties ?? {});
  const examples = solver.examples.map((e: { input: unknown }) => e.input);
  const arbitrary = fc.oneof(
    { arbitrary: junk, weight: 1 },
    { arbitrary: fieldsJunk(fields), weight: 2 },
    ...(examples.length ? [{ arbitrary: fc.constantFrom(...examples).chain(mutated), weight: 5 }] : []),
  );

  it(`${RUNS} random inputs give a Solution or a DnnInputError`, () => {
    fc.assert(
      fc.property(arbitrary, (input) => {
        const failure = outcome(registry, id, input);
        if (failure) throw new Error(`${failure}\ninput: ${JSON.stringify(input)}`);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('the robustness check itself', () => {
  const crashing = defineSolver({
    id: 'test/crash',
    title: 'Crashes on negative x',
    description: 'A deliberately broken solver.',
    input: s.object({ x: s.number('x') }),
    answer: a.answer({ y: a.scalar('Square root') }),
    solve: ({ x }) => {
      if (x < 0) throw new TypeError('boom');
      return { answer: { y: Math.sqrt(x) }, steps: [], notes: [] };
    },
    examples: [],
  });
  const broken = createRegistry([{ name: 'test', solvers: [crashing] }]);

  it('accepts a Solution and a DnnInputError, and flags any other exception', () => {
    expect(outcome(broken, 'test/crash', { x: 4 })).toBeUndefined();
    expect(outcome(broken, 'test/crash', { x: 'a' })).toBeUndefined();
    expect(outcome(broken, 'test/crash', { x: -1 })).toBe('threw TypeError: boom');
  });

  it('finds the crash from random input', () => {
    const details = fc.check(
      fc.property(fieldsJunk(['x']), (input) => outcome(broken, 'test/crash', input) === undefined),
      { numRuns: 5000, seed: 1 },
    );
    expect(details.failed).toBe(true);
    expect(outcome(broken, 'test/crash', details.counterexample?.[0])).toBe('threw TypeError: boom');
  });

  it('covers every registered solver', () => {
    expect(registry.list().length).toBeGreaterThan(0);
  });
});
