import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BoolExpr, parseBoolean, truthVector } from './boolean-expression.js';
import { bits, bruteForceSeparates, solveAs, tableInput } from './logic.test-util.js';
import type { PerceptronAnswer } from './perceptron.js';

const rule = fc.constantFrom('>0' as const, '>=0' as const);
const encoding = fc.constantFrom('binary' as const, 'bipolar' as const);
/** A truth table over n ≤ 3 variables with values 1, 0 or −1 (don't care, rarely). */
const fn = fc
  .integer({ min: 1, max: 3 })
  .chain((n) =>
    fc.record({
      n: fc.constant(n),
      values: fc.array(fc.constantFrom(0, 1, 1, 0, -1), { minLength: 2 ** n, maxLength: 2 ** n }),
    }),
  )
  .filter((f) => f.values.some((v) => v >= 0));

const run = (input: unknown) => solveAs<PerceptronAnswer>('logic/perceptron', input);

describe('logic/perceptron properties', () => {
  it('when separable, the returned weights satisfy every row inequality as the firing rule demands', () => {
    fc.assert(
      fc.property(fn, rule, encoding, ({ n, values }, fireWhen, enc) => {
        const { answer } = run({ ...tableInput(n, values, enc), fireWhen });
        if (!answer.separable) return;
        values.forEach((v, r) => {
          if (v < 0) return;
          const x = bits(r, n).map((b) => (enc === 'bipolar' ? 2 * b - 1 : b));
          const z = x.reduce((s, xi, i) => s + xi * (answer.weights?.[i] as number), answer.bias as number);
          const fires = fireWhen === '>0' ? z > 0 : z >= 0;
          expect(fires).toBe(v === 1);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('separable agrees with a brute-force search over integer weights in [−3, 3] and half-integer biases (n ≤ 3)', () => {
    fc.assert(
      fc.property(fn, ({ n, values }) => {
        const { answer } = run(tableInput(n, values, 'binary'));
        expect(answer.separable).toBe(bruteForceSeparates(values, n, 3));
      }),
      { numRuns: 200 },
    );
  });

  it('when not separable, the certificate’s multipliers combine the firing and silent rows to the same left side', () => {
    fc.assert(
      fc.property(fn, encoding, ({ n, values }, enc) => {
        const { answer } = run(tableInput(n, values, enc));
        if (answer.separable) return;
        const total = new Array(n + 1).fill(0);
        let firing = 0;
        for (const m of answer.certificate?.multipliers ?? []) {
          expect(m.multiplier).toBeGreaterThan(0);
          [...m.x, 1].forEach((v, j) => {
            total[j] += (m.target ? 1 : -1) * m.multiplier * v;
          });
          if (m.target) firing += m.multiplier;
        }
        expect(total).toEqual(new Array(n + 1).fill(0));
        expect(firing).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('functions generated from random weights are always found separable (n ≤ 8)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }).chain((n) =>
          fc.record({
            n: fc.constant(n),
            w: fc.array(fc.integer({ min: -9, max: 9 }), { minLength: n, maxLength: n }),
            b: fc.integer({ min: -20, max: 20 }),
          }),
        ),
        ({ n, w, b }) => {
          const values = Array.from({ length: 2 ** n }, (_, r) =>
            bits(r, n).reduce((s, x, i) => s + x * (w[i] as number), b + 0.5) > 0 ? 1 : 0,
          );
          expect(run(tableInput(n, values, 'binary')).answer.separable).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('a function with an XOR pattern on some 2-face of the cube is never separable', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 5 }).chain((n) =>
          fc.record({
            n: fc.constant(n),
            i: fc.integer({ min: 0, max: n - 1 }),
            j: fc.integer({ min: 0, max: n - 2 }),
            base: fc.integer({ min: 0, max: 2 ** n - 1 }),
            rest: fc.array(fc.constantFrom(0, 1), { minLength: 2 ** n, maxLength: 2 ** n }),
            xnor: fc.boolean(),
          }),
        ),
        ({ n, i, j, base, rest, xnor }) => {
          const a = 1 << i;
          const b = 1 << (j >= i ? j + 1 : j);
          const corner = base & ~a & ~b;
          const values = [...rest];
          // On the face {corner, +a, +b, +a+b}: XOR (or XNOR) of the two free coordinates.
          values[corner] = xnor ? 1 : 0;
          values[corner | a] = xnor ? 0 : 1;
          values[corner | b] = xnor ? 0 : 1;
          values[corner | a | b] = xnor ? 1 : 0;
          expect(run(tableInput(n, values, 'binary')).answer.separable).toBe(false);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('exhaustive search over {−1, 0, 1} agrees with a brute-force triple loop', () => {
    fc.assert(
      fc.property(fn, rule, ({ n, values }, fireWhen) => {
        const D = [-1, 0, 1];
        let found = false;
        const loop = (w: number[]): void => {
          if (found) return;
          if (w.length < n) {
            for (const d of D) loop([...w, d]);
            return;
          }
          for (const b of D) {
            const ok = values.every((v, r) => {
              if (v < 0) return true;
              const z = bits(r, n).reduce((s, x, k) => s + x * (w[k] as number), b);
              return (fireWhen === '>0' ? z > 0 : z >= 0) === (v === 1);
            });
            if (ok) found = true;
          }
        };
        loop([]);
        const { answer } = run({
          ...tableInput(n, values, 'binary'),
          weightDomain: D,
          biasDomain: D,
          fireWhen,
        });
        expect(answer.separable).toBe(found);
        if (found) {
          expect(D).toContain(answer.bias);
          for (const w of answer.weights ?? []) expect(D).toContain(w);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('parsing a printed random expression gives the truth table of a direct evaluation', () => {
    const names = ['a', 'b', 'c'];
    const tree: fc.Arbitrary<BoolExpr> = fc.letrec<{ e: BoolExpr }>((tie) => ({
      e: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.constantFrom(...names).map((name) => ({ op: 'var' as const, name })),
        fc.boolean().map((value) => ({ op: 'const' as const, value })),
        tie('e').map((arg) => ({ op: 'not' as const, arg })),
        fc
          .record({
            op: fc.constantFrom('and' as const, 'or' as const, 'xor' as const, 'xnor' as const),
            left: tie('e'),
            right: tie('e'),
          })
          .map((r) => r as BoolExpr),
      ),
    })).e;
    const symbols = { and: ' & ', or: ' | ', xor: ' ^ ', xnor: ' xnor ' };
    const print = (e: BoolExpr): string =>
      e.op === 'var'
        ? e.name
        : e.op === 'const'
          ? e.value
            ? '1'
            : '0'
          : e.op === 'not'
            ? `!(${print(e.arg)})`
            : `(${print(e.left)}${symbols[e.op]}${print(e.right)})`;
    const direct = (e: BoolExpr, env: Record<string, boolean>): boolean => {
      switch (e.op) {
        case 'var':
          return env[e.name] as boolean;
        case 'const':
          return e.value;
        case 'not':
          return !direct(e.arg, env);
        case 'and':
          return direct(e.left, env) && direct(e.right, env);
        case 'or':
          return direct(e.left, env) || direct(e.right, env);
        case 'xor':
          return direct(e.left, env) !== direct(e.right, env);
        case 'xnor':
          return direct(e.left, env) === direct(e.right, env);
      }
    };
    fc.assert(
      fc.property(tree, (e) => {
        const got = Array.from(truthVector(parseBoolean(print(e)), names));
        const want = Array.from({ length: 8 }, (_, r) => {
          const [a, b, c] = bits(r, 3).map((x) => x === 1);
          return direct(e, { a: a as boolean, b: b as boolean, c: c as boolean }) ? 1 : 0;
        });
        expect(got).toEqual(want);
      }),
      { numRuns: 300 },
    );
  });

  it('unlisted rows (default unlisted: false) give the same answer as the full table with those rows written as false', () => {
    fc.assert(
      fc.property(fn, rule, encoding, ({ n, values }, fireWhen, enc) => {
        const partial = run({ ...tableInput(n, values, enc, false), fireWhen });
        const full = run({
          ...tableInput(
            n,
            values.map((v) => Math.max(v, 0)),
            enc,
          ),
          fireWhen,
        });
        expect(partial.answer).toEqual(full.answer);
        expect(partial.notes.some((t) => /filled in as false/.test(t))).toBe(values.includes(-1));
      }),
      { numRuns: 200 },
    );
  });
});
