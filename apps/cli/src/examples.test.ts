/**
 * Every solver's own `examples` (exam cases with hand-derived answers) run as
 * tests, and every solver meets the catalog's conventions: ids, titles,
 * documented fields, steps and notes.
 */
import { a, s } from '@dnn/core';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { registry } from './registry.js';

/** Checks that `actual` contains `expected` (numbers within 1e-9 relative); returns the first mismatch. */
function mismatch(actual: unknown, expected: unknown, path = 'answer'): string | undefined {
  if (typeof expected === 'number' && typeof actual === 'number') {
    return Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected))
      ? undefined
      : `${path}: ${actual} ≠ ${expected}`;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length)
      return `${path}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`;
    for (const [i, e] of expected.entries()) {
      const m = mismatch(actual[i], e, `${path}[${i}]`);
      if (m) return m;
    }
    return undefined;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') return `${path}: ${JSON.stringify(actual)} is not an object`;
    for (const [k, e] of Object.entries(expected)) {
      const m = mismatch((actual as Record<string, unknown>)[k], e, `${path}.${k}`);
      if (m) return m;
    }
    return undefined;
  }
  return Object.is(actual, expected) ? undefined : `${path}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`;
}

/** Paths of answer fields (top level, record fields, table columns) without a `kind` or `title`. */
function untitledAnswerFields(schema: Record<string, unknown>, path = 'answer'): string[] {
  const props = schema.properties as Record<string, Record<string, unknown>> | undefined;
  if (!props) return [];
  return Object.entries(props).flatMap(([key, raw]) => {
    const fieldSchema = (raw.anyOf as Record<string, unknown>[] | undefined)?.find((o) => o.type !== 'null') ?? raw;
    const here = `${path}.${key}`;
    const own = fieldSchema.kind && fieldSchema.title ? [] : [here];
    const items = fieldSchema.items as Record<string, unknown> | undefined;
    const inner =
      fieldSchema.kind === 'record'
        ? fieldSchema
        : ['table', 'trajectory'].includes(fieldSchema.kind as string)
          ? items
          : undefined;
    return [...own, ...(inner ? untitledAnswerFields(inner, here) : [])];
  });
}

describe.each(registry.list().map((info) => [info.id, info]))('%s', (id, info) => {
  const solver = registry.get(id);

  it('has a catalog id, a title, a description and at least one example', () => {
    expect(id).toMatch(/^[a-z]+\/[a-z-]+$/);
    expect(id.startsWith(`${info.package.replace('@dnn/', '').replace('logic-nets', 'logic')}/`)).toBe(true);
    expect(info.title.length).toBeGreaterThan(3);
    expect(solver.description.length).toBeGreaterThan(10);
    expect(solver.examples.length).toBeGreaterThan(0);
  });

  it('documents every input field in its JSON Schema', () => {
    const schema = s.toJsonSchema(solver.input) as { properties?: Record<string, { description?: string }> };
    const undocumented = Object.entries(schema.properties ?? {}).filter(([, f]) => !f.description);
    expect(undocumented.map(([name]) => name)).toEqual([]);
  });

  it('declares every answer field with a title and a display kind', () => {
    expect(untitledAnswerFields(a.answerJsonSchema(solver.answer))).toEqual([]);
  });

  for (const example of solver.examples as { title: string; source: string; input: unknown; answer: unknown }[]) {
    it(`example: ${example.title}`, () => {
      expect(example.source.length).toBeGreaterThan(5);
      const solution = registry.solve(id, example.input);
      expect(mismatch(solution.answer, example.answer)).toBeUndefined();
      const declared = solver.answer.safeParse(solution.answer);
      expect(declared.error?.message).toBeUndefined();
      expect(solution.steps.length).toBeGreaterThan(0);
      for (const st of solution.steps) {
        expect(st.latex.replace(/\\text\{[^}]*\}/g, '')).not.toMatch(/[·−×≤≥⌊⌋⌈⌉σηλ∂]/);
        // Every step's maths must render in KaTeX (the docs site's renderer), strictly.
        expect(() => katex.renderToString(st.latex, { throwOnError: true, strict: 'error' }), st.latex).not.toThrow();
      }
    });
  }
});
