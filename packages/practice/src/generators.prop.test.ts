import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getPath } from './compare.js';
import { DIFFICULTIES, generateExercise } from './generator.js';
import { grade } from './grade.js';
import { generators, rubrics } from './index.js';
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

  it('the grader gives full marks to the documented equivalent forms', () => {
    const fields = rubrics.find((r) => r.id === id)?.fields.filter((f) => f.equivalents) ?? [];
    fc.assert(
      fc.property(seed, difficulty, (s, d) => {
        const { input, solution } = generateExercise(registry, generators, id, s, d);
        for (const field of fields) {
          for (const form of field.equivalents?.(getPath(solution.answer, field.path), input) ?? []) {
            // Each form alone: forms of fields under one list (a trajectory's params and grads) may not combine.
            const g = grade(registry, rubrics, id, input, setPath(solution.answer, field.path, form));
            expect(g.fields.find((f) => f.path === field.path)?.verdict).toBe('correct');
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
