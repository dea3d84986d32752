//! Depthwise conv2d (groups = C, one kH×kW filter per channel, MobileNet's layer), NCHW. Each plane is copied once
//! into a zero-padded buffer; then every output row accumulates its kH·kW shifted input rows, four outputs per
//! f32x4 at stride 1; at stride 2 the padded plane is first split into its even and odd columns, so that every tap
//! again reads four consecutive floats (no lane shuffle per tap); other strides are scalar. XNNPACK's dwconv micro-kernels (src/f32-dwconv, "up"
//! variants) vectorise across channels of NHWC data; in NCHW the contiguous axis is the row, so the row is
//! vectorised here, as XNNPACK's NCHW dwconv kernels for sparse inference do (src/f32-dwconv2d-chw).
use crate::simd::{ld, st};
use core::arch::wasm32::*;

/// Exported depthwise conv2d: x [n][c][h][w], wt [c][kh][kw], bias [c] or null → y [n][c][oh][ow].
#[no_mangle]
pub unsafe extern "C" fn dwconv2d(
    x: *const f32,
    wt: *const f32,
    bias: *const f32,
    y: *mut f32,
    n: usize,
    c: usize,
    h: usize,
    w: usize,
    kh: usize,
    kw: usize,
    sh: usize,
    sw: usize,
    pt: usize,
    pl: usize,
    dh: usize,
    dw: usize,
    oh: usize,
    ow: usize,
) {
    if oh == 0 || ow == 0 {
        return;
    }
    let hp = (h + pt).max((oh - 1) * sh + (kh - 1) * dh + 1);
    let wp = (w + pl).max((ow - 1) * sw + (kw - 1) * dw + 1) + 8;
    let mut pad: Vec<f32> = vec![0.0; hp * wp];
    let xp = pad.as_mut_ptr();
    // stride 2: the padded plane split into even and odd columns, row length ld = 2·wh
    let wh = (wp + 1) / 2;
    let ld = 2 * wh;
    let mut split: Vec<f32> = if sw == 2 { vec![0.0; hp * ld + 8] } else { Vec::new() };
    let sp = split.as_mut_ptr();
    let mut tv: Vec<v128> = vec![f32x4_splat(0.0); kh * kw];
    let mut off: Vec<usize> = vec![0; kh * kw];
    // each plane overwrites the same interior cells, so the padding stays zero throughout
    for plane in 0..n * c {
        let ci = plane % c;
        for r in 0..h {
            core::ptr::copy_nonoverlapping(x.add((plane * h + r) * w), xp.add((r + pt) * wp + pl), w);
        }
        let taps = wt.add(ci * kh * kw);
        let b = if bias.is_null() { 0.0 } else { *bias.add(ci) };
        // the plane's taps, splatted once, and each tap's offset in the padded plane
        for t in 0..kh * kw {
            *tv.get_unchecked_mut(t) = f32x4_splat(*taps.add(t));
            let (ky, kx) = (t / kw, t % kw);
            // stride 2 reads the split plane: column kx·dW is in the even (first) or odd (second) half of the row
            *off.get_unchecked_mut(t) =
                if sw == 2 { ky * dh * ld + (kx * dw % 2) * wh + kx * dw / 2 } else { ky * dh * wp + kx * dw };
        }
        let yp = y.add(plane * oh * ow);
        if sw == 2 {
            // split every padded row into its even and odd columns (one pass), so each tap reads contiguously
            for r in 0..hp {
                let (src, dst) = (xp.add(r * wp), sp.add(r * ld));
                for i in 0..wh {
                    *dst.add(i) = *src.add(2 * i);
                    *dst.add(wh + i) = *src.add(2 * i + 1);
                }
            }
        }
        let (src, rl, step) = if sw == 2 { (sp as *const f32, ld, 1) } else { (xp as *const f32, wp, sw) };
        for oy in 0..oh {
            let row = src.add(oy * sh * rl);
            let out = yp.add(oy * ow);
            let ox = if step == 1 { rows(row, &tv, &off, b, out, ow) } else { 0 };
            for o in ox..ow {
                let mut acc = b;
                for t in 0..kh * kw {
                    acc += *taps.add(t) * *row.add(o * step + *off.get_unchecked(t));
                }
                *out.add(o) = acc;
            }
        }
    }
}

/// Outputs 0..⌊ow/4⌋·4 of one output row whose taps read contiguously from `row` + the tap's offset: each tap's
/// splatted weight times four inputs, summed in tap order; returns the first output left to the scalar tail. The
/// 3×3 case (MobileNet's) is unrolled with its nine weights and offsets in locals, as XNNPACK's 3x3 dwconv kernels.
#[inline(always)]
unsafe fn rows(row: *const f32, tv: &[v128], off: &[usize], b: f32, out: *mut f32, ow: usize) -> usize {
    if tv.len() == 9 {
        let mut t9 = [f32x4_splat(0.0); 9];
        let mut o9 = [0usize; 9];
        t9.copy_from_slice(tv);
        o9.copy_from_slice(off);
        return rows_n::<9>(row, &t9, &o9, b, out, ow);
    }
    let bv = f32x4_splat(b);
    let mut ox = 0;
    while ox + 4 <= ow {
        let mut acc = bv;
        let base = row.add(ox);
        for t in 0..tv.len() {
            acc = f32x4_add(acc, f32x4_mul(*tv.get_unchecked(t), ld(base.add(*off.get_unchecked(t)))));
        }
        st(out.add(ox), acc);
        ox += 4;
    }
    ox
}

/// [`rows`] for a fixed tap count T (the loop over taps unrolled).
#[inline(always)]
unsafe fn rows_n<const T: usize>(row: *const f32, tv: &[v128; T], off: &[usize; T], b: f32, out: *mut f32, ow: usize) -> usize {
    let bv = f32x4_splat(b);
    let mut ox = 0;
    while ox + 4 <= ow {
        let mut acc = bv;
        let base = row.add(ox);
        for t in 0..T {
            acc = f32x4_add(acc, f32x4_mul(tv[t], ld(base.add(off[t]))));
        }
        st(out.add(ox), acc);
        ox += 4;
    }
    ox
}
