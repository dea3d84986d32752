/** The umbrella registry: every solver, typed per id (tsc checks the `@ts-expect-error` lines). */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { conv, DnnInputError, get, list, packages, rnn, type SolverId, solve } from './index.js';

describe('dnn-solvers', () => {
  it('lists every solver of the four solver packages, in catalog order, each id once', () => {
    const ids = list().map((s) => s.id);
    expect(ids).toEqual(packages.flatMap((p) => p.solvers.map((s) => s.id)));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('conv/output-shape');
    expect(ids).toContain('logic/perceptron');
  });

  it('solves any id, typed per id', () => {
    const { answer } = solve('rnn/params', { cell: 'lstm', inputSize: 10, hiddenSize: 20 });
    expectTypeOf(answer.params).toBeNumber();
    expect(answer.params).toBe(4 * (20 * (10 + 20) + 20));
    expect(
      solve('conv/output-shape', { inputShape: [3, 32, 32], outChannels: 8, kernel: 3 }).answer.outputShape,
    ).toEqual([8, 30, 30]);
    expectTypeOf<'optim/step'>().toExtend<SolverId>();
  });

  it('an unknown id or a misspelt field does not compile, and throws DnnInputError', () => {
    // @ts-expect-error unknown id
    expect(() => solve('rnn/param', { cell: 'lstm', inputSize: 1, hiddenSize: 1 })).toThrow(DnnInputError);
    // @ts-expect-error misspelt field
    expect(() => solve('rnn/params', { cell: 'lstm', inputSize: 1, hiddenSizes: 1 })).toThrow(DnnInputError);
  });

  it('re-exports the packages as namespaces; get returns the solver with its validated run', () => {
    expect(get('conv/output-shape')).toBe(conv.outputShape);
    expect(rnn.params.run({ cell: 'rnn', inputSize: 3, hiddenSize: 5 }).answer.params).toBe(5 * (3 + 5) + 5);
  });
});
