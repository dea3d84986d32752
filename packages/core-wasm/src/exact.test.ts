/** Hand-derived cases of the float32-exactness test (exact.ts). */
import { describe, expect, it } from 'vitest';
import { averageExact, dyadicRange, lowBit, sumOfProductsExact } from './exact.js';

describe('lowBit: v is an odd multiple of 2^lowBit(v)', () => {
  it.each([
    [1, 0],
    [3, 0],
    [12, 2], // 3·2²
    [-40, 3], // −5·2³
    [0.5, -1],
    [0.375, -3], // 3/8
    [2 ** 60, 60],
    [2 ** -1074, -1074], // smallest subnormal double
    [0.1, -55], // 0.1 in binary: 3602879701896397·2^−55
  ])('lowBit(%s) = %s', (v, e) => {
    expect(lowBit(v)).toBe(e);
  });
});

describe('dyadicRange', () => {
  it('integers: the largest magnitude and the common power of two (6, −12, 18 are multiples of 2¹)', () => {
    expect(dyadicRange([6, -12, 18])).toEqual({ maxAbs: 18, lowExp: 1, negativeZero: false });
  });
  it('binary fractions: 0.25 = 2^−2 is the finest step', () => {
    expect(dyadicRange([1, 0.5, -0.25])).toEqual({ maxAbs: 1, lowExp: -2, negativeZero: false });
  });
  it('zeros only: granularity +Infinity, and −0 is reported', () => {
    expect(dyadicRange([0, -0])).toEqual({ maxAbs: 0, lowExp: Number.POSITIVE_INFINITY, negativeZero: true });
  });
  it('null for values float32 cannot hold: 0.1, 2^24 + 1, 1e-40 (subnormal), 1e39, NaN, Infinity', () => {
    for (const v of [0.1, 2 ** 24 + 1, 1e-40, 1e39, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(dyadicRange([1, v])).toBeNull();
    }
  });
});

const r = (...v: number[]) => dyadicRange(v);

describe('sumOfProductsExact', () => {
  it('integers: 9 products of |x| ≤ 255, |w| ≤ 7 plus a bias of 100 stay below 2^24', () => {
    expect(sumOfProductsExact(r(255, -3), r(7, 1), 9, r(100))).toBe(true);
  });
  it('the bound is the limit: 4095·4097 = 2^24 − 1 fits, 4097·4097 = 2^24 + 8193 does not', () => {
    expect(sumOfProductsExact(r(4095), r(4097), 1)).toBe(true);
    expect(sumOfProductsExact(r(4097), r(4097), 1)).toBe(false);
  });
  it('powers of two only shift the grid: 2^12·2^12 = 2^24 is one unit of 2^24', () => {
    expect(sumOfProductsExact(r(2 ** 12), r(2 ** 12), 1)).toBe(true);
  });
  it('the grid counts: 1000.5 (a multiple of 2^−1) times 999, in units of 2^−1', () => {
    // 1000.5·999·16·2 = 31 983 984 > 2^24 = 16 777 216; with 8 terms 15 991 992 < 2^24
    expect(sumOfProductsExact(r(1000.5), r(999), 16)).toBe(false);
    expect(sumOfProductsExact(r(1000.5), r(999), 8)).toBe(true);
  });
  it('a bias on a finer grid refines the unit: x, w ≤ 99 (odd), bias 0.125 = 2^−3', () => {
    // (99·99·100 + 0.125)·8 = 7 840 801 < 2^24; with 300 terms (2 940 300.125)·8 = 23 522 401 > 2^24
    expect(sumOfProductsExact(r(99), r(99), 100, r(0.125))).toBe(true);
    expect(sumOfProductsExact(r(99), r(99), 300, r(0.125))).toBe(false);
  });
  it('any non-float32 input or bias (null) is never exact; all-zero weights always are', () => {
    expect(sumOfProductsExact(r(0.1), r(1), 1)).toBe(false);
    expect(sumOfProductsExact(r(1), r(1), 1, r(0.1))).toBe(false);
    expect(sumOfProductsExact(r(3), r(0, 0), 1000)).toBe(true);
  });
});

describe('averageExact', () => {
  it('window sums of integers divided by 4 (2×2) are exact; by 9 (3×3) are not', () => {
    expect(averageExact(r(255, 1), 4, [4])).toBe(true);
    expect(averageExact(r(255, 1), 9, [9])).toBe(false);
  });
  it('several power-of-two divisors (padValue "ignore" edges: 1, 2, 4) are fine', () => {
    expect(averageExact(r(3, -5), 4, [4, 2, 1])).toBe(true);
  });
  it('not for 0.1, nor for sums past 2^24', () => {
    expect(averageExact(r(0.1), 4, [4])).toBe(false);
    expect(averageExact(r(2 ** 22 + 1), 4, [4])).toBe(false); // 4·(2^22 + 1) > 2^24
    expect(averageExact(r(2 ** 22 - 1), 4, [4])).toBe(true);
  });
});
