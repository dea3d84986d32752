import { type AnySolver, isDnnInputError } from '@dnn/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solve, solvers } from './index.js';

/** Small numbers, scalars, vectors, matrices and junk: the shapes the rnn/* fields take, right and wrong. */
const numeric = fc.oneof(
  fc.double({ noNaN: false }),
  fc.integer({ min: -5, max: 5 }),
  fc.array(fc.double({ min: -3, max: 3 }), { maxLength: 4 }),
  fc.array(fc.array(fc.double({ min: -3, max: 3 }), { maxLength: 4 }), { maxLength: 4 }),
  fc.constantFrom(null, 'x', true, [], [[]], 1e308, -1e308, 0, 1, 2),
);
const gates = fc.oneof(
  fc.record({ i: numeric, f: numeric, g: numeric, o: numeric }, { requiredKeys: [] }),
  fc.constant({ i: 0.5, f: -1, g: 2, o: 1 }),
);
const fields: Record<string, fc.Arbitrary<unknown>> = {
  cell: fc.constantFrom('rnn', 'lstm', 'gru', 'x'),
  inputSize: fc.oneof(fc.integer({ min: -2, max: 1e7 }), fc.double(), fc.constantFrom(3, 4, 10)),
  hiddenSize: fc.oneof(fc.integer({ min: -2, max: 1e7 }), fc.double()),
  totalParams: fc.oneof(
    fc.integer({ min: -2, max: Number.MAX_SAFE_INTEGER }),
    fc.double(),
    fc.constantFrom(45, 180, 192, 1600),
  ),
  bias: fc.boolean(),
  biasesPerGate: fc.integer({ min: 0, max: 3 }),
  outputSize: fc.integer({ min: 0, max: 1e7 }),
  outputBias: fc.boolean(),
  Wxh: numeric,
  Whh: numeric,
  bh: numeric,
  h0: numeric,
  c0: numeric,
  xs: fc.oneof(fc.array(numeric, { maxLength: 6 }), fc.array(fc.double(), { maxLength: 6 })),
  Why: numeric,
  by: numeric,
  Wx: gates,
  Wh: gates,
  b: gates,
  activation: fc.constantFrom('tanh', 'relu', 'sigmoid', 'linear', 'softmax', 'x'),
  outputActivation: fc.constantFrom('tanh', 'relu', 'sigmoid', 'linear', 'softmax'),
  candidateActivation: fc.constantFrom('tanh', 'sigmoid', 'linear'),
  cellActivation: fc.constantFrom('tanh', 'sigmoid', 'linear'),
  reluGradAtZero: fc.constantFrom(0, 1, 0.5),
  target: fc.constantFrom('h', 'y', 'z'),
  steps: fc.oneof(fc.integer({ min: -1, max: 20000 }), fc.double()),
  activationGrad: fc.double(),
  U: numeric,
  W: numeric,
  V: numeric,
  projSize: fc.oneof(fc.integer({ min: -1, max: 2000 }), fc.double(), fc.constantFrom(1, 2, 3)),
  Whr: numeric,
  weightsPerStep: fc.array(
    fc.oneof(
      fc.record({ Wxh: numeric, Whh: numeric, U: numeric, W: numeric, V: numeric, bh: numeric }, { requiredKeys: [] }),
      fc.record({ Wx: gates, Wh: gates, U: gates, W: gates, V: numeric, b: gates }, { requiredKeys: [] }),
      fc.jsonValue(),
    ),
    { maxLength: 5 },
  ),
};

/** Inputs that use only the solver's own field names (so that many get past the schema). */
function nearInputs(solver: AnySolver): fc.Arbitrary<Record<string, unknown>> {
  const keys = Object.keys((solver.input as unknown as { shape: Record<string, unknown> }).shape);
  return fc.record(Object.fromEntries(keys.map((k) => [k, fields[k] ?? fc.jsonValue()])), { requiredKeys: [] });
}

describe('rnn/* robustness', () => {
  for (const solver of solvers) {
    it(`${solver.id}: arbitrary input gives a Solution with ASCII LaTeX or a DnnInputError, quickly`, () => {
      let solved = 0;
      fc.assert(
        fc.property(
          fc.oneof(
            fc.jsonValue(),
            nearInputs(solver),
            nearInputs(solver),
            // An example with one field replaced: mostly valid, sometimes not.
            fc
              .tuple(
                fc.constantFrom(...solver.examples.map((e) => e.input as Record<string, unknown>)),
                nearInputs(solver),
              )
              .map(([example, patch]) => ({ ...example, ...Object.fromEntries(Object.entries(patch).slice(0, 1)) })),
          ),
          (input) => {
            const start = performance.now();
            try {
              const sol = solve(solver.id, input);
              for (const st of sol.steps) expect(st.latex, st.title).toMatch(/^[\x20-\x7e]*$/);
              JSON.stringify(sol);
              solved++;
            } catch (e) {
              if (!isDnnInputError(e)) throw e;
            }
            expect(performance.now() - start).toBeLessThan(2000);
          },
        ),
        { numRuns: 1500 },
      );
      expect(solved).toBeGreaterThan(0);
    });
  }
});
