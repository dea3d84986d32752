/**
 * Is a polynomial bounded below / above? A witness direction when not (f along t·d for axes and pairs of axes,
 * read off the leading power of t), a proof when it is for the two cases that allow one cheaply: a separable
 * polynomial whose every part has an even top power with a positive (negative) coefficient, and a quadratic with a
 * positive (negative) definite Hessian. Anything else is left undecided (null).
 */
import { type Expr, Fraction } from '@dnn/core';
import { alongDirection, degree, isSeparable, type Poly, univariatePart } from './polynomial.js';

/** The verdicts and the sentence behind them. */
export interface Bounds {
  boundedBelow: boolean | null;
  boundedAbove: boolean | null;
  reason: string;
}

const power = (k: number) => (k === 1 ? 't' : `t^${k}`);

/** A direction tried for a witness, with the coefficients by power of t of f(t·d). */
interface Direction {
  d: number[];
  along: () => Fraction[];
}

/**
 * The axes (both ways) and pairs of axes, in the order they are tried; f along each is computed when first asked
 * and kept, since both witnesses (−∞ and +∞) walk the same list.
 */
function directionsOf(p: Poly, vars: readonly string[]): Direction[] {
  const n = vars.length;
  const ds: number[][] = [];
  for (let i = 0; i < n; i++) for (const s of [1, -1]) ds.push(vars.map((_, k) => (k === i ? s : 0)));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      for (const s of [1, -1]) ds.push(vars.map((_, k) => (k === i ? 1 : k === j ? s : 0)));
    }
  }
  return ds.map((d) => {
    let g: Fraction[] | undefined;
    return { d, along: () => (g ??= alongDirection(p, d)) };
  });
}

/** A direction along which f → +∞ (sign 1) or −∞ (sign −1), as a sentence; undefined when none is found. */
function witness(directions: readonly Direction[], vars: readonly string[], sign: 1 | -1): string | undefined {
  for (const { d, along } of directions) {
    const g = along();
    const m = g.length - 1;
    if (m < 1) continue;
    const lead = g[m] as Fraction;
    if (lead.compare(0) * sign <= 0) continue;
    const infinity = sign < 0 ? '−∞' : '+∞';
    const axis = d.filter((x) => x !== 0).length === 1;
    if (axis) {
      const i = d.findIndex((x) => x !== 0);
      const v = vars[i] as string;
      const c = lead.mul((d[i] as number) ** m); // the coefficient of v^m (d_i = ±1)
      const term = `${c.equals(1) ? '' : c.equals(-1) ? '-' : `${c.toFraction()}*`}${v}${m === 1 ? '' : `^${m}`}`;
      return `f → ${infinity} as ${v} → ${d[i] === 1 ? '+∞' : '−∞'} with the other variables at 0 (term ${term})`;
    }
    const desc = d.flatMap((x, k) => (x === 0 ? [] : [`${vars[k]} = ${x === 1 ? 't' : '−t'}`])).join(', ');
    return `f → ${infinity} along ${desc}, t → +∞ (f = ${lead.toFraction()}·${power(m)} + lower powers)`;
  }
  return undefined;
}

/** Leading principal minors all positive (exact): a positive definite matrix. */
function positiveDefinite(A: Fraction[][]): boolean {
  const n = A.length;
  const m = A.map((r) => [...r]);
  for (let k = 0; k < n; k++) {
    const pivot = (m[k] as Fraction[])[k] as Fraction;
    if (pivot.compare(0) <= 0) return false;
    for (let i = k + 1; i < n; i++) {
      const f = ((m[i] as Fraction[])[k] as Fraction).div(pivot);
      for (let j = k; j < n; j++)
        (m[i] as Fraction[])[j] = ((m[i] as Fraction[])[j] as Fraction).sub(f.mul((m[k] as Fraction[])[j] as Fraction));
    }
  }
  return true;
}

/** The constant Hessian of a quadratic. */
function quadraticHessian(p: Poly, n: number): Fraction[][] {
  const H = Array.from({ length: n }, () => Array.from({ length: n }, () => new Fraction(0)));
  for (const t of p.values()) {
    const idx = t.e.flatMap((k, i) => Array(k).fill(i) as number[]);
    if (idx.length !== 2) continue;
    const [i, j] = idx as [number, number];
    if (i === j) (H[i] as Fraction[])[i] = t.c.mul(2);
    else {
      (H[i] as Fraction[])[j] = t.c;
      (H[j] as Fraction[])[i] = t.c;
    }
  }
  return H;
}

/** Boundedness of f (a polynomial, or null for any other expression). */
export function boundedness(p: Poly | null, vars: readonly string[], _expr: Expr): Bounds {
  if (!p) {
    return { boundedBelow: null, boundedAbove: null, reason: 'f is not a polynomial: boundedness is not decided.' };
  }
  const n = vars.length;
  const directions = directionsOf(p, vars);
  const down = witness(directions, vars, -1);
  const up = witness(directions, vars, 1);
  const reasons: string[] = [];
  let below: boolean | null = down ? false : null;
  let above: boolean | null = up ? false : null;
  if (down) reasons.push(`Unbounded below: ${down}.`);
  if (up) reasons.push(`Unbounded above: ${up}.`);
  if (degree(p) <= 0) {
    return { boundedBelow: true, boundedAbove: true, reason: 'f is constant.' };
  }
  if (isSeparable(p)) {
    const parts = vars.map((_, i) => univariatePart(p, i)).filter((c) => c.length > 1);
    const evenTop = (sign: number) =>
      parts.every((c) => (c.length - 1) % 2 === 0 && (c[c.length - 1] as Fraction).compare(0) * sign > 0);
    if (below === null && evenTop(1)) {
      below = true;
      reasons.push('Bounded below: each variable’s part has an even top power with a positive coefficient.');
    }
    if (above === null && evenTop(-1)) {
      above = true;
      reasons.push('Bounded above: each variable’s part has an even top power with a negative coefficient.');
    }
  } else if (degree(p) === 2) {
    const H = quadraticHessian(p, n);
    if (below === null && positiveDefinite(H)) {
      below = true;
      reasons.push('Bounded below: a quadratic with a positive definite Hessian.');
    }
    if (above === null && positiveDefinite(H.map((r) => r.map((x) => x.neg())))) {
      above = true;
      reasons.push('Bounded above: a quadratic with a negative definite Hessian.');
    }
  }
  if (below === null)
    reasons.push('Bounded below: not decided (no witness direction among the axes and their pairs, and no proof).');
  if (above === null)
    reasons.push('Bounded above: not decided (no witness direction among the axes and their pairs, and no proof).');
  return { boundedBelow: below, boundedAbove: above, reason: reasons.join(' ') };
}
