//! Small SIMD helpers: loads, stores and a vectorised exp.
use core::arch::wasm32::*;

#[inline(always)]
pub unsafe fn ld(p: *const f32) -> v128 {
    v128_load(p as *const v128)
}

#[inline(always)]
pub unsafe fn st(p: *mut f32, v: v128) {
    v128_store(p as *mut v128, v)
}

/// dst[i] += src[i] for i < len, four lanes at a time (the same sums as a scalar loop).
#[inline(always)]
pub unsafe fn add_into(dst: *mut f32, src: *const f32, len: usize) {
    let mut i = 0;
    while i + 4 <= len {
        st(dst.add(i), f32x4_add(ld(dst.add(i)), ld(src.add(i))));
        i += 4;
    }
    while i < len {
        *dst.add(i) += *src.add(i);
        i += 1;
    }
}

/// exp(x) for four lanes (Cephes expf: range reduction by ln 2 and a degree-6
/// polynomial, about 2 ulp); inputs are clamped to [-87.33, 88.37].
#[inline(always)]
pub fn exp4(x: v128) -> v128 {
    let x = f32x4_pmin(f32x4_pmax(x, f32x4_splat(-87.336_54)), f32x4_splat(88.376_26));
    let n = f32x4_nearest(f32x4_mul(x, f32x4_splat(core::f32::consts::LOG2_E)));
    let r = f32x4_sub(x, f32x4_mul(n, f32x4_splat(0.693_359_4)));
    let r = f32x4_sub(r, f32x4_mul(n, f32x4_splat(-2.121_944_4e-4)));
    let mut y = f32x4_splat(1.987_569_1e-4);
    y = f32x4_add(f32x4_mul(y, r), f32x4_splat(1.398_2e-3));
    y = f32x4_add(f32x4_mul(y, r), f32x4_splat(8.333_452e-3));
    y = f32x4_add(f32x4_mul(y, r), f32x4_splat(4.166_579_6e-2));
    y = f32x4_add(f32x4_mul(y, r), f32x4_splat(1.666_666_5e-1));
    y = f32x4_add(f32x4_mul(y, r), f32x4_splat(5.000_000_1e-1));
    y = f32x4_add(f32x4_add(f32x4_mul(f32x4_mul(y, r), r), r), f32x4_splat(1.0));
    let e = i32x4_shl(i32x4_add(i32x4_trunc_sat_f32x4(n), i32x4_splat(127)), 23);
    f32x4_mul(y, e)
}

/// 1 / (1 + exp(−x)) for four lanes.
#[inline(always)]
pub fn sigmoid4(x: v128) -> v128 {
    let one = f32x4_splat(1.0);
    f32x4_div(one, f32x4_add(one, exp4(f32x4_neg(x))))
}

/// tanh(x) = sign(x)·(1 − e)/(1 + e) with e = exp(−2|x|), four lanes.
#[inline(always)]
pub fn tanh4(x: v128) -> v128 {
    let one = f32x4_splat(1.0);
    let e = exp4(f32x4_mul(f32x4_abs(x), f32x4_splat(-2.0)));
    let t = f32x4_div(f32x4_sub(one, e), f32x4_add(one, e));
    // copy the sign bit of x onto t
    let sign = v128_and(x, u32x4_splat(0x8000_0000));
    v128_or(t, sign)
}

/// Applies `f` to `len` floats from `src` into `dst` (may alias), four at a time;
/// the tail goes through a zero-padded temporary so it uses the same formula.
#[inline(always)]
pub unsafe fn map4(src: *const f32, dst: *mut f32, len: usize, f: impl Fn(v128) -> v128) {
    let mut i = 0;
    while i + 4 <= len {
        st(dst.add(i), f(ld(src.add(i))));
        i += 4;
    }
    if i < len {
        let mut t = [0f32; 4];
        for j in 0..len - i {
            t[j] = *src.add(i + j);
        }
        let v = f(ld(t.as_ptr()));
        st(t.as_mut_ptr(), v);
        for j in 0..len - i {
            *dst.add(i + j) = t[j];
        }
    }
}
