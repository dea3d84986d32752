import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getPath } from './compare.js';
import { DIFFICULTIES, generateExercise } from './generator.js';
import { specNonTrivial, zeroed } from './generators.spec-non-trivial.test-util.js';
import { grade } from './grade.js';
import { generators, rubrics } from './index.js';
import { isPartialForm } from './rubric.js';
import { registry } from './test-registry.test-util.js';

const seed = fc.integer({ min: 0, max: 2 ** 31 - 1 });
const difficulty = fc.constantFrom(...DIFFICULTIES);

describe('every solver has a generator and grading weights', () => {
  it('generator ids are exactly the registered solver ids', () => {
    expect(generators.map((g) => g.id).sort()).toEqual(
      registry
        .list()
        .map((s) => s.id)
        .sort(),
    );
  });

  it('rubric ids are exactly the registered solver ids, each with positive points', () => {
    expect(rubrics.map((r) => r.id).sort()).toEqual(
      registry
        .list()
        .map((s) => s.id)
        .sort(),
    );
    for (const r of rubrics) for (const f of r.fields) expect(f.points).toBeGreaterThan(0);
  });
});

describe.each(generators.map((g) => [g.id]))('%s generator', (id) => {
  it('every generated input is valid for its solver and solves without error', () => {
    fc.assert(
      fc.property(seed, difficulty, (s, d) => {
        const exercise = generateExercise(registry, generators, id, s, d);
        expect(exercise.question.length).toBeGreaterThan(20);
        expect(exercise.solution.steps.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });

  it("every question is non-trivial: by the generator's own definition and by the spec (an independent list)", () => {
    const generator = generators.find((g) => g.id === id)!;
    const spec = specNonTrivial[id]!;
    expect(spec, `no non-triviality spec for ${id}`).toBeDefined();
    fc.assert(
      fc.property(seed, difficulty, (s, d) => {
        const { input, solution } = generateExercise(registry, generators, id, s, d);
        expect(generator.nonTrivial(solution.answer, input)).toBe(true);
        expect(spec(solution.answer as Answer, input as Answer)).toBe(true);
        // The generator's definition is not vacuous: the answer with every number 0 and every list empty
        // is trivial to it wherever the spec calls it trivial.
        const zero = zeroed(solution.answer) as Answer;
        if (!spec(zero, input as Answer)) expect(generator.nonTrivial(zero, input)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('the same seed gives the same question', () => {
    fc.assert(
      fc.property(seed, difficulty, (s, d) => {
        expect(generateExercise(registry, generators, id, s, d)).toEqual(
          generateExercise(registry, generators, id, s, d),
        );
      }),
      { numRuns: 50 },
    );
  });

  it("the grader gives full marks to the solver's own answer", () => {
    fc.assert(
      fc.property(seed, difficulty, (s, d) => {
        const { input, solution } = generateExercise(registry, generators, id, s, d);
        const g = grade(registry, rubrics, id, input, solution.answer);
        expect(g.score).toBe(g.maxScore);
      }),
      { numRuns: 100 },
    );
  });

  it('the grader gives full marks to the documented equivalent forms, and a partial form its share with its remark', () => {
    const fields = rubrics.find((r) => r.id === id)?.fields.filter((f) => f.equivalents) ?? [];
    fc.assert(
      fc.property(seed, difficulty, (s, d) => {
        const { input, solution } = generateExercise(registry, generators, id, s, d);
        for (const field of fields.filter((f) => f.when?.(input) ?? true)) {
          for (const form of field.equivalents?.(getPath(solution.answer, field.path), input) ?? []) {
            // Each form alone: forms of fields under one list (a trajectory's params and grads) may not combine.
            const value = isPartialForm(form) ? form.value : form;
            const g = grade(registry, rubrics, id, input, setPath(solution.answer, field.path, value));
            const got = g.fields.find((f) => f.path === field.path);
            // A partial form that happens to equal the answer (a 4×4×4 shape read channels-last) is simply right.
            const same = JSON.stringify(value) === JSON.stringify(getPath(solution.answer, field.path));
            if (isPartialForm(form) && !same) {
              expect(got?.verdict).toBe('partial');
              // Per-item fields (a summary's shapes) keep full points for items the form leaves unchanged.
              expect(got?.points).toBeGreaterThanOrEqual(field.points * form.credit - 1e-9);
              expect(got?.points).toBeLessThan(field.points);
              // Per-item fields' remarks list the wrong items instead (the layout is not named there yet).
              if (!field.path.includes('[*]')) expect(got?.remarks?.join(' ')).toContain(form.remark);
            } else expect(got?.verdict).toBe('correct');
          }
        }
      }),
      { numRuns: fields.length ? 50 : 1 },
    );
  });

  it('the grader gives less than full marks to a perturbed answer', () => {
    fc.assert(
      fc.property(seed, difficulty, (s, d) => {
        const { input, solution } = generateExercise(registry, generators, id, s, d);
        const g = grade(registry, rubrics, id, input, perturb(solution.answer));
        expect(g.score).toBeLessThan(g.maxScore);
      }),
      { numRuns: 100 },
    );
  });
});

describe('optim/mlp-step is never degenerate (issue 15)', () => {
  const nonZeroUpdate = (input: Answer, answer: Answer) =>
    (answer.updated as Layer[]).some((layer, l) => {
      const before = (input.layers as Layer[])[l]!;
      return (
        layer.weights.some((row, i) => row.some((w, j) => w !== before.weights[i]![j])) ||
        layer.bias.some((b, i) => b !== before.bias[i])
      );
    });

  it('the easy question of seed 778208 (loss 0, all gradients 0 before) now has a loss and an update', () => {
    const { input, solution } = generateExercise(registry, generators, 'optim/mlp-step', 778208, 'easy');
    expect(solution.answer.loss).toBeGreaterThan(0);
    expect(nonZeroUpdate(input as Answer, solution.answer)).toBe(true);
  });

  it('every question has loss > 0 and an SGD step that changes some weight or bias', () => {
    fc.assert(
      fc.property(seed, difficulty, (s, d) => {
        const { input, solution } = generateExercise(registry, generators, 'optim/mlp-step', s, d);
        expect(solution.answer.loss).toBeGreaterThan(0);
        expect(nonZeroUpdate(input as Answer, solution.answer)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

type Answer = Record<string, unknown>;
type Layer = { weights: number[][]; bias: number[] };

/** A copy of `value` with `path` (which may map over a list at `[*]`) set to `replacement`. */
function setPath(value: unknown, path: string, replacement: unknown): unknown {
  const put = (node: unknown, keys: string[], v: unknown): unknown => {
    const [key, ...rest] = keys;
    if (key === undefined) return v;
    if (key === '*') return (v as unknown[]).map((item, i) => put((node as unknown[])[i], rest, item));
    const copy = (Array.isArray(node) ? [...node] : { ...(node as object) }) as Record<string, unknown>;
    copy[key] = put(copy[key], rest, v);
    return copy;
  };
  return put(value, path.match(/[^.[\]]+/g) ?? [], replacement);
}

/** Changes every number (×1.5 + 1, or −2 → −1: the fixed point of ×1.5 + 1), flips every boolean and alters every string. */
function perturb(value: unknown): unknown {
  if (typeof value === 'number') return value === -2 ? -1 : value * 1.5 + 1;
  if (typeof value === 'boolean') return !value;
  if (typeof value === 'string') return `${value}?`;
  if (value === null) return 1;
  if (Array.isArray(value)) return value.map(perturb);
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, perturb(v)]));
  return value;
}
