//! max / average pooling over NCHW planes. Per output row: a vertical reduction
//! of the window's input rows into a padded row buffer, then a horizontal
//! reduction (SIMD for stride 1 and 2). Padding conventions (`conv/pool`):
//! `pad_zero` = padded cells take part as 0 (max sees zeros, average divides by
//! kH·kW); otherwise they never win a max and are not counted in an average
//! (a window entirely in the padding gives −∞ for max, 0 for average).
use crate::simd::{ld, st};
use crate::window::{span, Window};
use core::arch::wasm32::*;

#[inline(always)]
fn red(is_max: bool, a: v128, b: v128) -> v128 {
    if is_max {
        f32x4_pmax(a, b)
    } else {
        f32x4_add(a, b)
    }
}

#[inline(always)]
fn red1(is_max: bool, a: f32, b: f32) -> f32 {
    if is_max {
        if a < b {
            b
        } else {
            a
        }
    } else {
        a + b
    }
}

#[inline(always)]
unsafe fn pool_impl(is_max: bool, x: *const f32, y: *mut f32, planes: usize, h: usize, w: usize, g: &Window, pad_zero: bool) {
    let Window { kh, kw, sh, sw, pt, pl, oh, ow, .. } = *g;
    if oh == 0 || ow == 0 || planes == 0 {
        return;
    }
    let padv = if is_max && !pad_zero { f32::NEG_INFINITY } else { 0.0 };
    let len = (pl + w).max((ow - 1) * sw + kw) + 16;
    let mut rb: Vec<f32> = vec![padv; len];
    let r = rb.as_mut_ptr();
    // columns of each output that fall inside the image (for the average's divisor)
    let mut cols: Vec<f32> = Vec::with_capacity(ow);
    for ox in 0..ow {
        let (lo, hi) = span(ox, sw, pl, kw, w);
        cols.push((hi - lo) as f32);
    }
    let full = (kh * kw) as f32;
    for pi in 0..planes {
        let xp = x.add(pi * h * w);
        let yp = y.add(pi * oh * ow);
        for oy in 0..oh {
            let (lo, hi) = span(oy, sh, pt, kh, h);
            let rows = hi - lo;
            let row = r.add(pl);
            if rows == 0 {
                for j in 0..w {
                    *row.add(j) = padv;
                }
            } else {
                // the first rows (up to three combined) in one pass, then one pass per further row
                let r0 = xp.add(lo * w);
                let r1 = xp.add((lo + 1).min(hi - 1) * w);
                let r2 = xp.add((lo + 2).min(hi - 1) * w);
                let mut j = 0;
                while j + 4 <= w {
                    let v = red(is_max, ld(r0.add(j)), ld(r1.add(j)));
                    let v = if rows >= 3 { red(is_max, v, ld(r2.add(j))) } else { v };
                    st(row.add(j), if rows >= 2 { v } else { ld(r0.add(j)) });
                    j += 4;
                }
                while j < w {
                    let mut v = *r0.add(j);
                    if rows >= 2 {
                        v = red1(is_max, v, *r1.add(j));
                    }
                    if rows >= 3 {
                        v = red1(is_max, v, *r2.add(j));
                    }
                    *row.add(j) = v;
                    j += 1;
                }
                for iy in lo + 3..hi {
                    let src = xp.add(iy * w);
                    let mut j = 0;
                    while j + 4 <= w {
                        st(row.add(j), red(is_max, ld(row.add(j)), ld(src.add(j))));
                        j += 4;
                    }
                    while j < w {
                        *row.add(j) = red1(is_max, *row.add(j), *src.add(j));
                        j += 1;
                    }
                }
                if is_max && pad_zero && rows < kh {
                    for j in 0..w {
                        *row.add(j) = red1(true, *row.add(j), 0.0);
                    }
                }
            }
            let out = yp.add(oy * ow);
            let mut ox = 0;
            if sw == 1 {
                while ox + 4 <= ow {
                    let mut acc = ld(r.add(ox));
                    for kx in 1..kw {
                        acc = red(is_max, acc, ld(r.add(ox + kx)));
                    }
                    st(out.add(ox), acc);
                    ox += 4;
                }
            } else if sw == 2 && kw == 3 {
                // out[o] = r[2o] ⊕ r[2o+1] ⊕ r[2o+2]: evens, odds, and evens shifted by one
                while ox + 4 <= ow {
                    let b = r.add(2 * ox);
                    let (v0, v1, v2) = (ld(b), ld(b.add(4)), ld(b.add(8)));
                    let ev = i32x4_shuffle::<0, 2, 4, 6>(v0, v1);
                    let od = i32x4_shuffle::<1, 3, 5, 7>(v0, v1);
                    let ev1 = i32x4_shuffle::<1, 2, 3, 4>(ev, v2);
                    st(out.add(ox), red(is_max, red(is_max, ev, od), ev1));
                    ox += 4;
                }
            } else if sw == 2 && kw == 2 {
                while ox + 4 <= ow {
                    let b = r.add(2 * ox);
                    let (v0, v1) = (ld(b), ld(b.add(4)));
                    let ev = i32x4_shuffle::<0, 2, 4, 6>(v0, v1);
                    let od = i32x4_shuffle::<1, 3, 5, 7>(v0, v1);
                    st(out.add(ox), red(is_max, ev, od));
                    ox += 4;
                }
            } else if sw == 2 {
                while ox + 4 <= ow {
                    let b = r.add(2 * ox);
                    let mut acc = i32x4_shuffle::<0, 2, 4, 6>(ld(b), ld(b.add(4)));
                    for kx in 1..kw {
                        let v = i32x4_shuffle::<0, 2, 4, 6>(ld(b.add(kx)), ld(b.add(kx + 4)));
                        acc = red(is_max, acc, v);
                    }
                    st(out.add(ox), acc);
                    ox += 4;
                }
            }
            while ox < ow {
                let b = r.add(ox * sw);
                let mut acc = *b;
                for kx in 1..kw {
                    acc = red1(is_max, acc, *b.add(kx));
                }
                *out.add(ox) = acc;
                ox += 1;
            }
            if !is_max {
                let rowsf = rows as f32;
                let mut ox = 0;
                if pad_zero {
                    let d = f32x4_splat(full);
                    while ox + 4 <= ow {
                        st(out.add(ox), f32x4_div(ld(out.add(ox)), d));
                        ox += 4;
                    }
                } else {
                    // divisor rows·cols per lane (small integers: the product is exact), 0 where no cell is inside
                    let rv = f32x4_splat(rowsf);
                    while ox + 4 <= ow {
                        let d = f32x4_mul(rv, ld(cols.as_ptr().add(ox)));
                        let q = f32x4_div(ld(out.add(ox)), d);
                        st(out.add(ox), v128_and(q, f32x4_gt(d, f32x4_splat(0.0))));
                        ox += 4;
                    }
                }
                while ox < ow {
                    let d = if pad_zero { full } else { rowsf * *cols.get_unchecked(ox) };
                    let o = out.add(ox);
                    *o = if d > 0.0 { *o / d } else { 0.0 };
                    ox += 1;
                }
            }
        }
    }
}

/// Exported max pooling over `planes` = N·C planes of h×w.
#[no_mangle]
pub unsafe extern "C" fn maxpool2d(
    x: *const f32,
    y: *mut f32,
    planes: usize,
    h: usize,
    w: usize,
    kh: usize,
    kw: usize,
    sh: usize,
    sw: usize,
    pt: usize,
    pl: usize,
    oh: usize,
    ow: usize,
    pad_zero: u32,
) {
    let g = Window { kh, kw, sh, sw, pt, pl, dh: 1, dw: 1, oh, ow };
    pool_impl(true, x, y, planes, h, w, &g, pad_zero != 0)
}

/// Exported average pooling; `count_pad` ≠ 0 divides by kH·kW (padded cells count as 0).
#[no_mangle]
pub unsafe extern "C" fn avgpool2d(
    x: *const f32,
    y: *mut f32,
    planes: usize,
    h: usize,
    w: usize,
    kh: usize,
    kw: usize,
    sh: usize,
    sw: usize,
    pt: usize,
    pl: usize,
    oh: usize,
    ow: usize,
    count_pad: u32,
) {
    let g = Window { kh, kw, sh, sw, pt, pl, dh: 1, dw: 1, oh, ow };
    pool_impl(false, x, y, planes, h, w, &g, count_pad != 0)
}
