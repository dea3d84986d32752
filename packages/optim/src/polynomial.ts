/**
 * Exact multivariate polynomials over the rationals (fraction.js), read from a parsed expression, and the
 * real roots of univariate ones: rational roots found exactly, a quadratic remainder solved in surds, anything
 * left numerically (then flagged as not exact). Used by optim/critical-points.
 */
import { type Expr, Fraction, toFraction } from '@dnn/core';

/** A polynomial: monomial key (exponents joined by ",") → exponents and coefficient. */
export type Poly = Map<string, { e: number[]; c: Fraction }>;

/** Largest exponent and number of terms accepted when expanding (bounds the work). */
const MAX_POWER = 16;
const MAX_TERMS = 4000;

const ZERO = new Fraction(0);

function addTerm(p: Poly, e: number[], c: Fraction): void {
  if (c.equals(0)) return;
  const key = e.join(',');
  const t = p.get(key);
  if (!t) p.set(key, { e, c });
  else {
    const sum = t.c.add(c);
    if (sum.equals(0)) p.delete(key);
    else t.c = sum;
  }
}

const constantPoly = (n: number, c: Fraction): Poly => {
  const p: Poly = new Map();
  addTerm(p, Array<number>(n).fill(0), c);
  return p;
};

function plus(a: Poly, b: Poly, sign = 1): Poly {
  const out: Poly = new Map();
  for (const t of a.values()) addTerm(out, t.e, t.c);
  for (const t of b.values()) addTerm(out, t.e, sign < 0 ? t.c.neg() : t.c);
  return out;
}

function times(a: Poly, b: Poly): Poly | null {
  if (a.size * b.size > MAX_TERMS * 4) return null;
  const out: Poly = new Map();
  for (const s of a.values()) {
    for (const t of b.values())
      addTerm(
        out,
        s.e.map((k, i) => k + (t.e[i] as number)),
        s.c.mul(t.c),
      );
  }
  return out.size > MAX_TERMS ? null : out;
}

/** The polynomial of `expr` in `vars`, or null when it is not one (functions, division by a variable, e, π, …). */
export function toPoly(expr: Expr, vars: readonly string[]): Poly | null {
  const n = vars.length;
  const go = (e: Expr): Poly | null => {
    switch (e.kind) {
      case 'number':
        return constantPoly(n, toFraction(e.value));
      case 'variable': {
        const i = vars.indexOf(e.name);
        if (i < 0) return null;
        const p: Poly = new Map();
        addTerm(
          p,
          vars.map((_, k) => (k === i ? 1 : 0)),
          new Fraction(1),
        );
        return p;
      }
      case 'neg': {
        const a = go(e.arg);
        return a && plus(constantPoly(n, ZERO), a, -1);
      }
      case 'binary': {
        const a = go(e.left);
        if (!a) return null;
        if (e.op === '^') {
          if (e.right.kind !== 'number' || !Number.isInteger(e.right.value)) return null;
          const k = e.right.value;
          if (k < 0 || k > MAX_POWER) return null;
          let out: Poly | null = constantPoly(n, new Fraction(1));
          for (let i = 0; i < k && out; i++) out = times(out, a);
          return out;
        }
        const b = go(e.right);
        if (!b) return null;
        if (e.op === '+') return plus(a, b);
        if (e.op === '-') return plus(a, b, -1);
        if (e.op === '*') return times(a, b);
        // division only by a non-zero constant
        if (b.size !== 1) return null;
        const [t] = [...b.values()] as [{ e: number[]; c: Fraction }];
        if (t.e.some((k) => k !== 0)) return null;
        return times(a, constantPoly(n, t.c.inverse()));
      }
      default:
        return null;
    }
  };
  return go(expr);
}

/** ∂p/∂x_i. */
export function differentiate(p: Poly, i: number): Poly {
  const out: Poly = new Map();
  for (const t of p.values()) {
    const k = t.e[i] as number;
    if (k > 0)
      addTerm(
        out,
        t.e.map((x, j) => (j === i ? x - 1 : x)),
        t.c.mul(k),
      );
  }
  return out;
}

/** Total degree (−∞ as −1 for the zero polynomial). */
export function degree(p: Poly): number {
  let d = -1;
  for (const t of p.values())
    d = Math.max(
      d,
      t.e.reduce((s, k) => s + k, 0),
    );
  return d;
}

/** True when no term mixes two variables. */
export function isSeparable(p: Poly): boolean {
  return [...p.values()].every((t) => t.e.filter((k) => k > 0).length <= 1);
}

/** The part of a separable polynomial in variable i alone, as coefficients by power (constants excluded). */
export function univariatePart(p: Poly, i: number): Fraction[] {
  const coefs: Fraction[] = [];
  for (const t of p.values()) {
    const k = t.e[i] as number;
    if (k === 0) continue;
    while (coefs.length <= k) coefs.push(ZERO);
    coefs[k] = (coefs[k] as Fraction).add(t.c);
  }
  if (coefs.length) coefs[0] = ZERO;
  return coefs;
}

/** Exact value at a rational point. */
export function evalExact(p: Poly, x: readonly Fraction[]): Fraction {
  let s = ZERO;
  for (const t of p.values()) {
    let term = t.c;
    t.e.forEach((k, i) => {
      if (k) term = term.mul((x[i] as Fraction).pow(k));
    });
    s = s.add(term);
  }
  return s;
}

/** Value at a float point. */
export function evalFloat(p: Poly, x: readonly number[]): number {
  let s = 0;
  for (const t of p.values()) {
    let term = t.c.valueOf();
    t.e.forEach((k, i) => {
      if (k) term *= (x[i] as number) ** k;
    });
    s += term;
  }
  return s;
}

/** A real root of a univariate polynomial: its value and, when known exactly, its text ("3/2", "(1 + √5)/2"). */
export interface Root {
  value: number;
  exact: string | null;
}

const trim = (c: Fraction[]): Fraction[] => {
  const out = [...c];
  while (out.length && (out[out.length - 1] as Fraction).equals(0)) out.pop();
  return out;
};

/** c(x) by Horner's rule, highest power first (a plain loop: a typed array's reduceRight is a call per entry). */
function hornerF(c: Float64Array, x: number): number {
  let acc = 0;
  for (let k = c.length - 1; k >= 0; k--) acc = acc * x + (c[k] as number);
  return acc;
}

/**
 * Real roots of a float polynomial (coefficients by power) by isolating them between the roots of its derivative.
 * The coefficients come in a Float64Array: arrays from `map` were SMI or double arrays by their values, and each
 * new kind deopted this function and `hornerF` ("wrong map").
 */
export function floatRoots(c: Float64Array): number[] {
  const n = c.length - 1;
  if (n < 1) return [];
  if (n === 1) return [-(c[0] as number) / (c[1] as number)];
  const lead = c[n] as number;
  const bound = 1 + Math.max(...c.slice(0, n).map((a) => Math.abs(a / lead)));
  const crit = floatRoots(c.slice(1).map((a, k) => a * (k + 1))).filter((x) => Math.abs(x) < bound);
  const points = [-bound, ...crit.sort((a, b) => a - b), bound];
  const scale = (x: number) => {
    let s = 0;
    for (let k = 0; k < c.length; k++) s += Math.abs(c[k] as number) * Math.abs(x) ** k;
    return s;
  };
  const roots: number[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    let lo = points[i] as number;
    let hi = points[i + 1] as number;
    const flo = hornerF(c, lo);
    if (Math.abs(flo) <= 1e-12 * scale(lo)) roots.push(lo);
    const fhi = hornerF(c, hi);
    if (flo * fhi < 0) {
      // Bisection: a step depends on (lo, hi) alone, so once a step leaves both unchanged (adjacent floats) the
      // remaining steps of the 200 would too, and it stops there; f(lo) is kept, not evaluated again per step.
      let fLo = flo;
      for (let k = 0; k < 200; k++) {
        const mid = (lo + hi) / 2;
        const fm = hornerF(c, mid);
        if (fm === 0) {
          lo = hi = mid;
          break;
        }
        if (fm * fLo < 0) {
          if (hi === mid) break;
          hi = mid;
        } else {
          if (lo === mid) break;
          lo = mid;
          fLo = fm;
        }
      }
      roots.push((lo + hi) / 2);
    }
  }
  const last = points[points.length - 1] as number;
  if (Math.abs(hornerF(c, last)) <= 1e-12 * scale(last)) roots.push(last);
  return roots
    .sort((a, b) => a - b)
    .filter((x, i, xs) => i === 0 || Math.abs(x - (xs[i - 1] as number)) > 1e-9 * (1 + Math.abs(x)));
}

/** The simplest fraction within 1e-9 of x (denominator ≤ 10⁴), by continued fractions. */
function rationalGuess(x: number): Fraction | null {
  if (!Number.isFinite(x) || Math.abs(x) > 1e9) return null;
  let h0 = 1;
  let h1 = 0;
  let k0 = 0;
  let k1 = 1;
  let r = x;
  for (let i = 0; i < 30; i++) {
    const a = Math.floor(r);
    [h0, h1] = [a * h0 + h1, h0];
    [k0, k1] = [a * k0 + k1, k0];
    if (k0 > 1e4) return null;
    if (Math.abs(h0 / k0 - x) <= 1e-9 * (1 + Math.abs(x))) return new Fraction(h0, k0);
    r = 1 / (r - a);
    if (!Number.isFinite(r)) break;
  }
  return null;
}

/** Divides by (x − r); returns the quotient when the remainder is 0, else null. */
function deflate(c: readonly Fraction[], r: Fraction): Fraction[] | null {
  const n = c.length - 1;
  const q: Fraction[] = Array(n).fill(ZERO);
  let acc = ZERO;
  for (let k = n; k >= 1; k--) {
    acc = acc.mul(r).add(c[k] as Fraction);
    q[k - 1] = acc;
  }
  return acc
    .mul(r)
    .add(c[0] as Fraction)
    .equals(0)
    ? q
    : null;
}

/** √ of a non-negative fraction when it is rational. */
function rationalSqrt(f: Fraction): Fraction | null {
  const root = (v: bigint): bigint | null => {
    if (v < 0n) return null;
    let x = BigInt(Math.floor(Math.sqrt(Number(v))));
    while (x * x > v) x--;
    while ((x + 1n) * (x + 1n) <= v) x++;
    return x * x === v ? x : null;
  };
  const n = root(f.n);
  const d = root(f.d);
  return n !== null && d !== null ? new Fraction(n, d) : null;
}

/**
 * Every real root of a univariate polynomial with rational coefficients (by power): rational roots exactly, a
 * remaining quadratic in surds; `complete` is false when a remainder of degree ≥ 3 had to be solved numerically.
 */
export function realRoots(coefs: readonly Fraction[]): { roots: Root[]; complete: boolean } {
  let c = trim([...coefs]);
  if (c.length <= 1) return { roots: [], complete: true }; // constant: no root (or identically zero: handled by caller)
  const roots: Root[] = [];
  const exact = new Map<string, Root>();
  const addExact = (r: Fraction) => {
    const key = r.toFraction();
    if (!exact.has(key)) exact.set(key, { value: r.valueOf(), exact: key });
  };
  for (const guess of floatRoots(Float64Array.from(c, (f) => f.valueOf()))) {
    const r = rationalGuess(guess);
    if (!r) continue;
    let q = deflate(c, r);
    if (!q) continue;
    while (q) {
      addExact(r);
      c = q;
      q = c.length > 1 ? deflate(c, r) : null;
    }
  }
  roots.push(...exact.values());
  let complete = true;
  const deg = c.length - 1;
  if (deg === 1) addRoot(roots, (c[0] as Fraction).neg().div(c[1] as Fraction));
  else if (deg === 2) {
    const [c0, c1, c2] = c as [Fraction, Fraction, Fraction];
    const disc = c1.mul(c1).sub(c2.mul(c0).mul(4));
    if (disc.compare(0) >= 0) {
      const s = rationalSqrt(disc);
      if (s) {
        addRoot(roots, c1.neg().add(s).div(c2.mul(2)));
        addRoot(roots, c1.neg().sub(s).div(c2.mul(2)));
      } else {
        const mid = c1.neg().div(c2.mul(2));
        // √disc / |2·c2| = (k/q)·√r / |2·c2| with disc = p/q, p·q = k²·r and r square-free (small factors)
        const [k, r] = squareFree(disc.n * disc.d);
        const coef = new Fraction(k, disc.d).div(c2.mul(2).abs());
        const rad = Math.sqrt(disc.valueOf()) / Math.abs(c2.mul(2).valueOf());
        const surd = `${coef.n === 1n ? '' : coef.n}√${r}${coef.d === 1n ? '' : `/${coef.d}`}`;
        const text = (sign: string) =>
          `${mid.equals(0) ? (sign === '+' ? '' : '−') : `${mid.toFraction()} ${sign} `}${surd}`;
        roots.push({ value: mid.valueOf() - rad, exact: text('−') }, { value: mid.valueOf() + rad, exact: text('+') });
      }
    }
  } else if (deg >= 3) {
    complete = false;
    for (const x of floatRoots(Float64Array.from(c, (f) => f.valueOf()))) roots.push({ value: x, exact: null });
  }
  return { roots: roots.sort((a, b) => a.value - b.value), complete };
}

/** [k, r] with v = k²·r, pulling out square factors of primes below 1000. */
function squareFree(v: bigint): [bigint, bigint] {
  let k = 1n;
  let r = v;
  for (let p = 2n; p < 1000n && p * p <= r; p++) {
    while (r % (p * p) === 0n) {
      r /= p * p;
      k *= p;
    }
  }
  return [k, r];
}

function addRoot(roots: Root[], r: Fraction): void {
  if (!roots.some((x) => x.exact === r.toFraction())) roots.push({ value: r.valueOf(), exact: r.toFraction() });
}

/** The simplest fraction near x when p's gradient vanishes there exactly (for numerically found points). */
export function exactPoint(grads: readonly Poly[], x: readonly number[]): Fraction[] | null {
  const guess = x.map(rationalGuess);
  if (guess.some((g) => g === null)) return null;
  const fx = guess as Fraction[];
  return grads.every((g) => evalExact(g, fx).equals(0)) ? fx : null;
}

/** Coefficients by power of t of p(t·d) (d a direction of small integers). */
export function alongDirection(p: Poly, d: readonly number[]): Fraction[] {
  const out: Fraction[] = [];
  for (const t of p.values()) {
    if (t.e.some((k, i) => k > 0 && d[i] === 0)) continue;
    const k = t.e.reduce((s, x) => s + x, 0);
    const factor = t.e.reduce((s, x, i) => s * (d[i] as number) ** x, 1);
    while (out.length <= k) out.push(ZERO);
    out[k] = (out[k] as Fraction).add(t.c.mul(factor));
  }
  return trim(out);
}
