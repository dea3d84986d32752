import { describe, expect, it } from 'vitest';
import { divergence } from './divergence.js';
import { solve } from './index.js';
import { expectNear, itRejects } from './input-errors.test-util.js';

const run = (input: unknown) => solve('optim/divergence', input);
const P = [0, 0, 0.2, 0.3, 0.1, 0.4];
const Q = [0.3, 0.1, 0.2, 0.1, 0.3, 0];

describe('optim/divergence: exam cases (derived by hand in each example source)', () => {
  for (const example of divergence.examples) {
    it(example.title, () => {
      expectNear(run(example.input).answer, example.answer);
    });
  }

  it('BITS exam table: both KL columns of the JS computation, base 10, by hand', () => {
    // KL(P‖M): 0.3·log(0.3/0.2) + 0.1·log(0.1/0.2) + 0.4·log(0.4/0.2); KL(Q‖M): 0.3·log 2 + 0.1·log 2 + 0.1·log(0.5) + 0.3·log(1.5).
    const a = run({ p: P, q: Q, kind: 'js', base: 10 }).answer;
    expectNear(a.klPM, 0.3 * Math.log10(1.5) + 0.1 * Math.log10(0.5) + 0.4 * Math.log10(2));
    expectNear(a.klQM, 0.4 * Math.log10(2) + 0.1 * Math.log10(0.5) + 0.3 * Math.log10(1.5));
    expectNear(a.mixture, [0.15, 0.05, 0.2, 0.2, 0.2, 0.2]);
    expectNear(a.value, 0.1431363764, 1e-9);
  });

  it('KL is undefined in both directions for the exam table (each has an outcome the other misses)', () => {
    for (const [p, q, x] of [
      [P, Q, 6],
      [Q, P, 1],
    ] as const) {
      const a = run({ p, q, kind: 'kl' }).answer;
      expect(a).toMatchObject({ value: null, defined: false });
      expect(a.reason).toContain(`x_${x}`);
    }
  });
});

describe('optim/divergence: conventions', () => {
  it('terms with p = 0 count 0, so KL is defined when only Q has extra support', () => {
    // KL([1, 0] ‖ [0.5, 0.5]) = ln 2.
    expectNear(run({ p: [1, 0], q: [0.5, 0.5], kind: 'kl' }).answer, { value: Math.LN2, defined: true, reason: null });
  });

  it('JS of disjoint distributions is exactly ln 2 (1 bit)', () => {
    expectNear(run({ p: [1, 0], q: [0, 1], kind: 'js' }).answer.value, Math.LN2);
    expectNear(run({ p: [1, 0], q: [0, 1], kind: 'js', base: 2 }).answer.value, 1);
  });

  it('steps list every term; latex stays ASCII', () => {
    const sol = run({ p: P, q: Q, kind: 'js', base: 10 });
    const text = sol.steps.map((s) => s.text).join('\n');
    expect(text).toContain('0.3·log_10(0.3/0.2) = 0.0528273777167');
    expect(text).toContain('M = [0.15, 0.05, 0.2, 0.2, 0.2, 0.2]');
    for (const st of sol.steps) expect(st.latex).toMatch(/^[\x20-\x7E]*$/);
  });
});

describe('optim/divergence: bad input is a DnnInputError naming the field', () => {
  itRejects('optim/divergence', [
    ['p does not sum to 1', { p: [0.5, 0.4], q: [0.5, 0.5], kind: 'kl' }, 'p', /sum to 1.*0.9/],
    ['q does not sum to 1', { p: [0.5, 0.5], q: [0.6, 0.6], kind: 'js' }, 'q', /sum to 1/],
    ['negative probability', { p: [1.5, -0.5], q: [0.5, 0.5], kind: 'kl' }, 'p[0]', /at most 1/],
    ['negative entry', { p: [0.5, 0.5], q: [-0.5, 1], kind: 'kl' }, 'q[0]', /at least 0/],
    ['different lengths', { p: [0.5, 0.5], q: [0.2, 0.3, 0.5], kind: 'kl' }, 'q', /has 3 probabilities but p has 2/],
    ['missing kind', { p: [1], q: [1] }, 'kind', /is required: one of "kl", "js"/],
    ['unknown kind', { p: [1], q: [1], kind: 'tv' }, 'kind', /must be one of/],
    ['bad base', { p: [1], q: [1], kind: 'kl', base: 'two' }, 'base', /"e", 2 or 10/],
    ['empty', { p: [], q: [], kind: 'kl' }, 'p', /at least 1/],
  ]);
});
