/** optim/divergence properties: the textbook inequalities and a brute-force sum. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solve } from './index.js';

/** Random distributions on n outcomes, some entries exactly 0, normalised so the sum is 1 within 1e-12. */
const dist = (n: number) =>
  fc
    .array(fc.oneof(fc.constant(0), fc.double({ min: 0.001, max: 1, noNaN: true })), { minLength: n, maxLength: n })
    .filter((r) => r.some((x) => x > 0))
    .map((r) => {
      const s = r.reduce((a, b) => a + b, 0);
      return r.map((x) => x / s);
    });
const pair = fc.integer({ min: 1, max: 8 }).chain((n) => fc.tuple(dist(n), dist(n)));
const value = (p: number[], q: number[], kind: string, base: unknown = 'e') =>
  solve('optim/divergence', { p, q, kind, base } as Record<string, unknown>).answer;

describe('optim/divergence properties', () => {
  it('JS is symmetric and between 0 and ln 2 nats', () => {
    fc.assert(
      fc.property(pair, ([p, q]) => {
        const a = value(p, q, 'js').value as number;
        const b = value(q, p, 'js').value as number;
        expect(Math.abs(a - b)).toBeLessThan(1e-12);
        expect(a).toBeGreaterThanOrEqual(-1e-15);
        expect(a).toBeLessThanOrEqual(Math.LN2 + 1e-12);
      }),
    );
  });

  it('KL ≥ 0 when defined, and undefined exactly when some p > 0 has q = 0', () => {
    fc.assert(
      fc.property(pair, ([p, q]) => {
        const a = value(p, q, 'kl');
        const uncovered = p.some((x, i) => x > 0 && q[i] === 0);
        expect(a.defined).toBe(!uncovered);
        if (a.defined) expect(a.value as number).toBeGreaterThanOrEqual(-1e-12);
        else expect(a.value).toBeNull();
      }),
    );
  });

  it('KL(P‖P) = 0 and JS(P‖P) = 0', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }).chain((n) => dist(n)),
        (p) => {
          expect(Math.abs(value(p, p, 'kl').value as number)).toBeLessThan(1e-12);
          expect(Math.abs(value(p, p, 'js').value as number)).toBeLessThan(1e-12);
        },
      ),
    );
  });

  it('KL equals the brute-force sum Σ p·ln(p/q), and base b divides it by ln b', () => {
    fc.assert(
      fc.property(pair, fc.constantFrom(2, 10), ([p, q], base) => {
        fc.pre(p.every((x, i) => x === 0 || (q[i] as number) > 0));
        let brute = 0;
        for (const [i, x] of p.entries()) if (x > 0) brute += x * Math.log(x / (q[i] as number));
        const nats = value(p, q, 'kl').value as number;
        expect(Math.abs(nats - brute)).toBeLessThan(1e-12 * Math.max(1, brute));
        const inBase = value(p, q, 'kl', base).value as number;
        expect(Math.abs(inBase - brute / Math.log(base))).toBeLessThan(1e-12 * Math.max(1, brute));
      }),
    );
  });

  it('extreme probabilities (down to the subnormal 5e-324): KL and JS are finite and match a log-space oracle', () => {
    /** ln x computed independently of ln(p/q): x scaled into the normal range by an exact power of 2 first. */
    const lnScaled = (x: number) =>
      x < 2 ** -1000 ? Math.log(x * 2 ** 537 * 2 ** 537) - 1074 * Math.LN2 : Math.log(x);
    const tiny = fc.constantFrom(5e-324, 1e-320, 2.2250738585072014e-308, 1e-300, 1e-200, 1e-100, 1e-20);
    const extreme = fc.integer({ min: 2, max: 8 }).chain((n) =>
      fc.record({
        p: dist(n),
        // q: some entries tiny (far below the 1e-9 sum tolerance), the rest a distribution scaled to fill 1.
        smallAt: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
        small: fc.array(tiny, { minLength: n, maxLength: n }),
        rest: dist(n).filter((r) => r.every((x) => x > 0)),
      }),
    );
    fc.assert(
      fc.property(extreme, ({ p, smallAt, small, rest }) => {
        fc.pre(smallAt.some((b) => !b));
        const tinySum = small.reduce((acc, t, i) => acc + (smallAt[i] ? t : 0), 0);
        const restSum = rest.reduce((acc, r, i) => acc + (smallAt[i] ? 0 : r), 0);
        const q = rest.map((r, i) => (smallAt[i] ? (small[i] as number) : (r / restSum) * (1 - tinySum)));
        let oracle = 0;
        for (const [i, x] of p.entries()) if (x > 0) oracle += x * (lnScaled(x) - lnScaled(q[i] as number));
        const kl = value(p, q, 'kl');
        expect(kl.defined).toBe(true);
        expect(Number.isFinite(kl.value)).toBe(true);
        expect(Math.abs((kl.value as number) - oracle)).toBeLessThan(1e-9 * Math.max(1, Math.abs(oracle)));
        const js = value(p, q, 'js').value as number;
        expect(js).toBeGreaterThanOrEqual(-1e-15);
        expect(js).toBeLessThanOrEqual(Math.LN2 + 1e-12);
      }),
      { numRuns: 200 },
    );
  });

  it('a subnormal q where p is ½ gives KL ≈ ½·(744.44 + ln ½) nats, not an overflow', () => {
    // By hand: KL = ½·ln(½ / 5e-324) + ½·ln(½ / (1 − 5e-324)) = ½·(ln ½ − ln 5e-324) + ½·ln ½, ln 5e-324 = −1074·ln 2 − ln(…)≈ −744.440.
    const kl = value([0.5, 0.5], [5e-324, 1], 'kl');
    expect(kl.value as number).toBeCloseTo(0.5 * (Math.log(0.5) + 1074 * Math.LN2) + 0.5 * Math.log(0.5), 9);
  });
});
