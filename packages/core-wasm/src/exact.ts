/**
 * When is a WASM kernel's float32 result identical to float64 arithmetic? When every input is a float32 number and
 * every product and partial sum the kernel forms is exact in float32: then both precisions compute the exact
 * mathematical value, whatever the summation order. The test used here is a bound: all values are integer
 * multiples of 2^e (their binary granularity) no larger than M in magnitude, so a sum of products is a multiple
 * of 2^(e₁+e₂) no larger than M₁·M₂·terms; it is exact in float32 when that is below 2^24 units of 2^(e₁+e₂).
 * Integers below 2^24 in total and fractions k/2^m of moderate size (the usual exam numbers) pass; 0.1 never does.
 */

/** Magnitude and binary granularity of a set of float32-representable numbers. */
export interface DyadicRange {
  /** Largest |v|. */
  maxAbs: number;
  /** Every v is an integer multiple of 2^lowExp (+Infinity when all are zero). */
  lowExp: number;
  /** Some v is −0 (kernels may not keep the sign of a zero as JavaScript's f64 loops do). */
  negativeZero: boolean;
}

/** Below this granularity float32 numbers are subnormal: kept out of the exact paths. */
const MIN_EXP = -126;
/** Float32's largest power of two with room to spare. */
const MAX_EXP = 126;

const f64 = new Float64Array(1);
const words = new Uint32Array(f64.buffer);
/** Index of the high 32-bit word of f64 (little-endian engines: 1). */
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/** Number of trailing zero bits of a non-zero 32-bit integer. */
const ctz = (u: number): number => 31 - Math.clz32(u & -u);

/** The exponent of the lowest set bit of a finite non-zero double: v is an odd multiple of 2^lowBit(v). */
export function lowBit(v: number): number {
  f64[0] = v;
  const lo = words[1 - HI]!;
  const hi = words[HI]!;
  const biased = (hi >>> 20) & 0x7ff;
  const unit = biased === 0 ? -1074 : biased - 1075; // v = mantissa · 2^unit, mantissa with its implicit bit
  if (lo !== 0) return unit + ctz(lo);
  return unit + 32 + ctz((hi & 0xfffff) | (biased === 0 ? 0 : 0x100000));
}

/**
 * The {@link DyadicRange} of `values`, or null when some value is not exactly a normal float32 number (0.1, 1e-40,
 * NaN, ±Infinity…): then no float32 kernel can reproduce float64 results bit for bit.
 */
export function dyadicRange(values: ArrayLike<number>): DyadicRange | null {
  let maxAbs = 0;
  let lowExp = Number.POSITIVE_INFINITY;
  let negativeZero = false;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v === 0) {
      if (Object.is(v, -0)) negativeZero = true;
      continue;
    }
    if (Math.fround(v) !== v) return null; // also NaN and out-of-range values
    const a = Math.abs(v);
    if (a > maxAbs) {
      if (a >= 2 ** MAX_EXP) return null;
      maxAbs = a;
    }
    const e = lowBit(v);
    if (e < lowExp) {
      if (e < MIN_EXP) return null;
      lowExp = e;
    }
  }
  return { maxAbs, lowExp, negativeZero };
}

/** Float32 holds every multiple of 2^exp up to `bound` in magnitude (with a margin for f64 rounding of `bound`). */
function fits(bound: number, exp: number): boolean {
  if (exp === Number.POSITIVE_INFINITY) return true; // only zeros
  return exp >= MIN_EXP && bound * (1 + 2 ** -30) < 2 ** Math.min(24 + exp, MAX_EXP);
}

/** Granularity of products a·b (+Infinity when either side is all zeros). */
const productExp = (a: DyadicRange, b: DyadicRange): number => a.lowExp + b.lowExp;

/**
 * True when every partial sum of at most `terms` products a_i·b_j, plus `addend` (e.g. a bias), is exact in
 * float32 — so a float32 kernel and a float64 loop both give the exact value, in any order. `addend` null means "not
 * float32-exact" (as {@link dyadicRange} reports it), undefined means none.
 */
export function sumOfProductsExact(
  a: DyadicRange | null,
  b: DyadicRange | null,
  terms: number,
  addend?: DyadicRange | null,
): boolean {
  if (!a || !b || addend === null) return false;
  const exp = Math.min(productExp(a, b), addend?.lowExp ?? Number.POSITIVE_INFINITY);
  return fits(a.maxAbs * b.maxAbs * terms + (addend?.maxAbs ?? 0), exp);
}

/**
 * True when every partial sum of at most `terms` of the values, divided by any of the `divisors` (powers of two),
 * is exact in float32 — an average pooling whose windows hold `terms` cells. False for any divisor that is not a
 * power of two (a float32 quotient like 1/3 rounds differently from the float64 one).
 */
export function averageExact(a: DyadicRange | null, terms: number, divisors: Iterable<number>): boolean {
  if (!a) return false;
  let shift = 0;
  for (const d of divisors) {
    if (!(d >= 1 && Number.isInteger(d)) || (d & (d - 1)) !== 0) return false;
    shift = Math.max(shift, Math.log2(d));
  }
  return fits(a.maxAbs * terms, a.lowExp) && (a.lowExp === Number.POSITIVE_INFINITY || a.lowExp - shift >= MIN_EXP);
}
