/**
 * The package's front door, typed per id: `solve('conv/output-shape', {...})` checks the input against that
 * solver's schema type at compile time and returns its answer type. `pnpm typecheck` (tsc over src/, this file
 * included) fails if any `@ts-expect-error` line below compiles; vitest runs the same calls.
 */
import { DnnInputError, type Solution } from '@dnn/core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { type ConvSolverId, get, list, type OutputShapeAnswer, outputShape, solve, solvers } from './index.js';

describe('@dnn/conv solve(id, input) is typed per id', () => {
  it('the README example compiles and runs: answer.outputShape is number[]', () => {
    const { answer, notes } = solve('conv/output-shape', {
      inputShape: [3, 256, 256],
      outChannels: 96,
      kernel: 11,
      stride: 4,
      padding: 5,
    });
    expectTypeOf(answer.outputShape).toEqualTypeOf<number[]>();
    expectTypeOf(answer).toEqualTypeOf<OutputShapeAnswer>();
    expect(answer.outputShape).toEqual([96, 64, 64]);
    expect(notes.join(' ')).toMatch(/floor/);
  });

  it('ids are the catalog ids, as literal types', () => {
    expectTypeOf<ConvSolverId>().toEqualTypeOf<
      | 'conv/output-shape'
      | 'conv/summary'
      | 'conv/receptive-field'
      | 'conv/forward'
      | 'conv/pool'
      | 'conv/solve-kernel'
      | 'conv/kernel-effect'
      | 'conv/batchnorm'
      | 'conv/init-variance'
      | 'conv/backprop'
      | 'conv/design-kernel'
    >();
    expect(list().map((s) => s.id)).toEqual(solvers.map((s) => s.id));
    expectTypeOf(get('conv/pool')).toEqualTypeOf<(typeof solvers)[4]>();
  });

  it('an unknown id, a misspelt field, a wrong type and a missing field do not compile (and throw DnnInputError)', () => {
    const calls = [
      // @ts-expect-error unknown id
      () => solve('conv/output-shapes', { inputShape: [3, 8, 8], kernel: 3 }),
      // @ts-expect-error misspelt field: `kernels` for `kernel`
      () => solve('conv/output-shape', { inputShape: [3, 8, 8], outChannels: 4, kernels: 3 }),
      // @ts-expect-error misspelt field in conv/forward: `kernel` for `weight`
      () => solve('conv/forward', { input: [[1]], kernel: [[1]] }),
      // @ts-expect-error wrong type: padding is a number, a pair, "valid" or "same"
      () => solve('conv/output-shape', { inputShape: [3, 8, 8], outChannels: 4, kernel: 3, padding: 'full' }),
      // @ts-expect-error missing required field `kernel`
      () => solve('conv/output-shape', { inputShape: [3, 8, 8], outChannels: 4 }),
      // @ts-expect-error the validated call on the solver object is typed the same way
      () => outputShape.run({ inputShape: [3, 8, 8], outChannels: 4, kernels: 3 }),
    ];
    for (const call of calls) expect(call).toThrow(DnnInputError);
  });

  it('outputShape.run validates, where the inner solve trusts its input', () => {
    expectTypeOf(outputShape.run).returns.toEqualTypeOf<Solution<OutputShapeAnswer>>();
    expect(() => outputShape.run({ inputShape: [4, 8, 8], outChannels: 4, kernel: 0, stride: 0 })).toThrow(
      DnnInputError,
    );
    expect(outputShape.run({ inputShape: [4, 8, 8], outChannels: 4, kernel: 3 }).answer.outputShape).toEqual([4, 6, 6]);
  });

  it('input whose type is not known statically is validated at run time', () => {
    const fromJson: unknown = JSON.parse('{"inputShape":[5,5],"kernel":3}');
    expect(solve('conv/output-shape', fromJson).answer.outputShape).toEqual([3, 3]);
  });
});
