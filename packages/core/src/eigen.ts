/**
 * Eigenvalues of a small real matrix by the complex shifted QR algorithm on
 * its Hessenberg form, with an iteration cap: it always terminates (ml-matrix's
 * EigenvalueDecomposition can loop forever, e.g. on [[1, 0, 0], [−1e−15, 0, −1], [0, 1, 0]]).
 */
import { DnnInputError } from './errors.js';
import { ldexp, maxAbs, unitScaled } from './scale.js';

/** A complex number (eigenvalues of non-symmetric matrices). */
export interface Complex {
  re: number;
  im: number;
}

const EPS = 2.220446049250313e-16;

/** Reduces A (real, square) to upper Hessenberg form by Householder similarity transforms. */
function hessenberg(A: number[][]): number[][] {
  const n = A.length;
  const H = A.map((r) => [...r]);
  for (let k = 0; k < n - 2; k++) {
    // Work on the column scaled to max |entry| = 1, so that squares neither underflow nor overflow.
    let scale = 0;
    for (let i = k + 1; i < n; i++) scale = Math.max(scale, Math.abs(H[i]?.[k] as number));
    if (scale === 0) continue;
    const v = new Array<number>(n).fill(0);
    let alpha = 0;
    for (let i = k + 1; i < n; i++) {
      v[i] = (H[i]?.[k] as number) / scale;
      alpha += (v[i] as number) ** 2;
    }
    alpha = Math.sqrt(alpha);
    if ((v[k + 1] as number) > 0) alpha = -alpha;
    v[k + 1] = (v[k + 1] as number) - alpha;
    const vv = v.reduce((s, x) => s + x * x, 0);
    if (vv === 0) continue;
    // H ← (I − 2vvᵀ/vᵀv)·H·(I − 2vvᵀ/vᵀv)
    for (let j = 0; j < n; j++) {
      let dot = 0;
      for (let i = k + 1; i < n; i++) dot += (v[i] as number) * (H[i]?.[j] as number);
      const f = (2 * dot) / vv;
      for (let i = k + 1; i < n; i++) (H[i] as number[])[j] = (H[i]?.[j] as number) - f * (v[i] as number);
    }
    for (let i = 0; i < n; i++) {
      const row = H[i] as number[];
      let dot = 0;
      for (let j = k + 1; j < n; j++) dot += (row[j] as number) * (v[j] as number);
      const f = (2 * dot) / vv;
      for (let j = k + 1; j < n; j++) row[j] = (row[j] as number) - f * (v[j] as number);
    }
  }
  return H;
}

const cabs = (re: number, im: number) => Math.hypot(re, im);

/** The eigenvalue of [[a, b], [c, d]] (complex entries) closest to d: the Wilkinson shift. */
function wilkinson(a: Complex, b: Complex, c: Complex, d: Complex): Complex {
  // λ = (a + d)/2 ± √(((a − d)/2)² + b·c)
  const hr = (a.re - d.re) / 2;
  const hi = (a.im - d.im) / 2;
  const qr = hr * hr - hi * hi + (b.re * c.re - b.im * c.im);
  const qi = 2 * hr * hi + (b.re * c.im + b.im * c.re);
  const mod = Math.sqrt(cabs(qr, qi));
  const arg = Math.atan2(qi, qr) / 2;
  const sr = mod * Math.cos(arg);
  const si = mod * Math.sin(arg);
  const mr = (a.re + d.re) / 2;
  const mi = (a.im + d.im) / 2;
  const l1 = { re: mr + sr, im: mi + si };
  const l2 = { re: mr - sr, im: mi - si };
  return cabs(l1.re - d.re, l1.im - d.im) <= cabs(l2.re - d.re, l2.im - d.im) ? l1 : l2;
}

/**
 * Eigenvalues of a real square matrix, complex in general, sorted by real part then imaginary part.
 * Throws a DnnInputError at `path` in the (never observed) case that the iteration does not converge.
 */
export function eigenvalues(A: readonly (readonly number[])[], path = 'matrix'): Complex[] {
  // Scale by a power of two to max |entry| ≈ 1 (eigenvalues scale along, exactly), so that no product underflows
  // or overflows; an eigenvalue beyond the float range comes back as ±Infinity for the caller to report.
  const { scaled, exponent } = unitScaled(A);
  if (maxAbs(scaled) === 0) return A.map(() => ({ re: 0, im: 0 }));
  return unitEigenvalues(scaled, path).map((z) => ({ re: ldexp(z.re, exponent), im: ldexp(z.im, exponent) }));
}

/** {@link eigenvalues} for a matrix already scaled to max |entry| ≈ 1. */
function unitEigenvalues(A: number[][], path: string): Complex[] {
  const n = A.length;
  const Hr = hessenberg(A);
  const Hi = Hr.map((r) => r.map(() => 0));
  const at = (i: number, j: number): Complex => ({ re: Hr[i]?.[j] as number, im: Hi[i]?.[j] as number });
  const norm = Math.max(1e-300, ...Hr.map((r) => r.reduce((s, v) => s + Math.abs(v), 0)));
  const out: Complex[] = [];
  let hi = n - 1;
  let iter = 0;
  let total = 0;
  while (hi >= 0) {
    let l = hi;
    while (l > 0) {
      const s =
        cabs(Hr[l - 1]?.[l - 1] as number, Hi[l - 1]?.[l - 1] as number) +
        cabs(Hr[l]?.[l] as number, Hi[l]?.[l] as number);
      // Negligible subdiagonal: relative to its diagonal neighbours, or (floor) to EPS·‖H‖.
      if (cabs(Hr[l]?.[l - 1] as number, Hi[l]?.[l - 1] as number) <= EPS * Math.max(s, EPS * norm)) {
        (Hr[l] as number[])[l - 1] = 0;
        (Hi[l] as number[])[l - 1] = 0;
        break;
      }
      l--;
    }
    if (l === hi) {
      out.push(at(hi, hi));
      hi--;
      iter = 0;
      continue;
    }
    iter++;
    total++;
    if (total > 100 * n + 100)
      throw new DnnInputError(path, 'the eigenvalue iteration did not converge for this matrix');
    let mu = wilkinson(at(hi - 1, hi - 1), at(hi - 1, hi), at(hi, hi - 1), at(hi, hi));
    if (iter % 11 === 10) {
      // Exceptional shift, breaks cycles.
      const e = cabs(Hr[hi]?.[hi - 1] as number, Hi[hi]?.[hi - 1] as number);
      mu = { re: (Hr[hi]?.[hi] as number) + 0.75 * e, im: 0.5 * e };
    }
    for (let k = l; k <= hi; k++) {
      (Hr[k] as number[])[k] = (Hr[k]?.[k] as number) - mu.re;
      (Hi[k] as number[])[k] = (Hi[k]?.[k] as number) - mu.im;
    }
    // QR of the active block by Givens rotations G_k = [[c̄, s̄], [−s, c]] on rows k, k+1.
    const rots: [number, number, number, number][] = [];
    for (let k = l; k < hi; k++) {
      const ar = Hr[k]?.[k] as number;
      const ai = Hi[k]?.[k] as number;
      const br = Hr[k + 1]?.[k] as number;
      const bi = Hi[k + 1]?.[k] as number;
      const r = Math.hypot(ar, ai, br, bi);
      const [cr, ci, sr, si] = r === 0 ? [1, 0, 0, 0] : [ar / r, ai / r, br / r, bi / r];
      rots.push([cr, ci, sr, si]);
      for (let j = k; j <= hi; j++) {
        const xr = Hr[k]?.[j] as number;
        const xi = Hi[k]?.[j] as number;
        const yr = Hr[k + 1]?.[j] as number;
        const yi = Hi[k + 1]?.[j] as number;
        // c̄x + s̄y and −s·x + c·y
        (Hr[k] as number[])[j] = cr * xr + ci * xi + (sr * yr + si * yi);
        (Hi[k] as number[])[j] = cr * xi - ci * xr + (sr * yi - si * yr);
        (Hr[k + 1] as number[])[j] = -(sr * xr - si * xi) + (cr * yr - ci * yi);
        (Hi[k + 1] as number[])[j] = -(sr * xi + si * xr) + (cr * yi + ci * yr);
      }
    }
    // R·Gᴴ on columns k, k+1: [x, y] → [x·c + y·s, −x·s̄ + y·c̄].
    rots.forEach(([cr, ci, sr, si], idx) => {
      const k = l + idx;
      for (let i = l; i <= Math.min(k + 1, hi); i++) {
        const xr = Hr[i]?.[k] as number;
        const xi = Hi[i]?.[k] as number;
        const yr = Hr[i]?.[k + 1] as number;
        const yi = Hi[i]?.[k + 1] as number;
        (Hr[i] as number[])[k] = xr * cr - xi * ci + (yr * sr - yi * si);
        (Hi[i] as number[])[k] = xr * ci + xi * cr + (yr * si + yi * sr);
        (Hr[i] as number[])[k + 1] = -(xr * sr + xi * si) + (yr * cr + yi * ci);
        (Hi[i] as number[])[k + 1] = -(xi * sr - xr * si) + (yi * cr - yr * ci);
      }
    });
    for (let k = l; k <= hi; k++) {
      (Hr[k] as number[])[k] = (Hr[k]?.[k] as number) + mu.re;
      (Hi[k] as number[])[k] = (Hi[k]?.[k] as number) + mu.im;
    }
  }
  // A real matrix has real or conjugate-pair eigenvalues: clear rounding noise (relative to the largest |λ|).
  const scale = Math.max(1e-300, ...out.map((z) => cabs(z.re, z.im)));
  return out
    .map((z) => ({ re: Math.abs(z.re) <= 1e-14 * scale ? 0 : z.re, im: Math.abs(z.im) <= 1e-12 * scale ? 0 : z.im }))
    .sort((a, b) => a.re - b.re || a.im - b.im);
}
