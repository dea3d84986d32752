/**
 * Exact power-of-two scaling for the linear algebra: dividing a matrix by 2^k changes no significant bit, so an
 * iteration can run on entries of magnitude ≈ 1 (whose squares and products neither overflow nor underflow) and the
 * result is scaled back. This is what lets 1e160 or 1e-200 entries give right eigenvalues and determinants.
 */

/** x·2^e without intermediate overflow or underflow (2^e alone leaves the float range for |e| > 1023). */
export function ldexp(x: number, e: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  let out = x;
  let rest = e;
  while (rest > 1000 && Number.isFinite(out)) {
    out *= 2 ** 1000;
    rest -= 1000;
  }
  while (rest < -1000 && out !== 0) {
    out *= 2 ** -1000;
    rest += 1000;
  }
  return out * 2 ** rest;
}

/** The exponent k with 2^(k−1) ≤ |x| < 2^k (up to log2 rounding), for finite x ≠ 0. */
export function binaryExponent(x: number): number {
  return Math.floor(Math.log2(Math.abs(x))) + 1;
}

/** The largest |entry| of a matrix (0 for an empty or all-zero one). */
export function maxAbs(A: readonly (readonly number[])[]): number {
  let m = 0;
  for (const row of A) for (const v of row) m = Math.max(m, Math.abs(v));
  return m;
}

/**
 * `A / 2^k` with its largest |entry| in [½, 1], and `k` (0 for an all-zero matrix): eigenvalues of A are those of the
 * scaled matrix times 2^k.
 */
export function unitScaled(A: readonly (readonly number[])[]): { scaled: number[][]; exponent: number } {
  const m = maxAbs(A);
  if (m === 0 || !Number.isFinite(m)) return { scaled: A.map((r) => [...r]), exponent: 0 };
  const exponent = binaryExponent(m);
  return { scaled: A.map((r) => r.map((v) => ldexp(v, -exponent))), exponent };
}
