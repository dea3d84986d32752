//! Depthwise conv2d (groups = C, one kH×kW filter per channel, MobileNet's layer), NCHW. Each plane is copied once
//! into a zero-padded buffer; then every output row accumulates its kH·kW shifted input rows, four outputs per
//! f32x4 at stride 1. At stride 2 the copy itself splits each padded row into its even and odd columns (one pass with
//! lane shuffles, window.rs), so that every tap again reads four consecutive floats; other strides are scalar.
//! XNNPACK's dwconv micro-kernels (src/f32-dwconv, "up" variants) vectorise across channels of NHWC data; in NCHW the
//! contiguous axis is the row, so the row is vectorised here, as XNNPACK's NCHW dwconv kernels for sparse inference
//! do (src/f32-dwconv2d-chw).
use crate::simd::{ld, st};
use crate::window::{copy_padded, copy_padded_split, padded_len};
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
    let hp = padded_len(h, pt, oh, sh, kh, dh);
    let wp = padded_len(w, pl, ow, sw, kw, dw) + 8;
    // stride 2 reads a split plane (even columns, then odd: row length 2·half), every other stride the padded plane
    let half = (wp + 1) / 2;
    let rl = if sw == 2 { 2 * half } else { wp };
    let mut pad: Vec<f32> = vec![0.0; hp * rl + 8];
    let xp = pad.as_mut_ptr();
    let mut tv: Vec<v128> = vec![f32x4_splat(0.0); kh * kw];
    let mut off: Vec<usize> = vec![0; kh * kw];
    let fast3 = kh == 3 && kw == 3 && dw == 1 && (sw == 1 || sw == 2);
    // each plane overwrites the same interior cells, so the padding stays zero throughout
    for plane in 0..n * c {
        let ci = plane % c;
        let xs = x.add(plane * h * w);
        if sw == 2 {
            copy_padded_split(xs, h, w, xp, half, pt, pl);
        } else {
            copy_padded(xs, h, w, xp, wp, pt, pl);
        }
        let taps = wt.add(ci * kh * kw);
        let b = if bias.is_null() { 0.0 } else { *bias.add(ci) };
        // the plane's taps, splatted once, and each tap's offset in the padded plane
        for t in 0..kh * kw {
            *tv.get_unchecked_mut(t) = f32x4_splat(*taps.add(t));
            let (ky, kx) = (t / kw, t % kw);
            // stride 2: column kx·dW is in the even (first) or odd (second) half of the row
            *off.get_unchecked_mut(t) =
                if sw == 2 { ky * dh * rl + (kx * dw % 2) * half + kx * dw / 2 } else { ky * dh * rl + kx * dw };
        }
        let yp = y.add(plane * oh * ow);
        let step = if sw == 2 { 1 } else { sw };
        let mut t9 = [f32x4_splat(0.0); 9];
        if fast3 {
            t9.copy_from_slice(&tv);
        }
        let mut oy = 0;
        while oy < oh {
            let row = xp.add(oy * sh * rl) as *const f32;
            let out = yp.add(oy * ow);
            // rows of output done at once (two when the 3×3 kernel shares three of its four input rows)
            let (ox, done) = if fast3 && sw == 1 && sh == 1 && dh == 1 && oy + 1 < oh {
                (dw3x3_rows2([row, row.add(rl), row.add(2 * rl), row.add(3 * rl)], &t9, b, out, out.add(ow), ow), 2)
            } else if fast3 {
                let r3 = [row, row.add(dh * rl), row.add(2 * dh * rl)];
                (if sw == 2 { dw3x3_row::<true>(r3, half, &t9, b, out, ow) } else { dw3x3_row::<false>(r3, 0, &t9, b, out, ow) }, 1)
            } else if step == 1 {
                (rows(row, &tv, &off, b, out, ow), 1)
            } else {
                (0, 1)
            };
            for r in 0..done {
                let (row, out) = (row.add(r * rl), out.add(r * ow));
                for o in ox..ow {
                    let mut acc = b;
                    for t in 0..kh * kw {
                        acc += *taps.add(t) * *row.add(o * step + *off.get_unchecked(t));
                    }
                    *out.add(o) = acc;
                }
            }
            oy += done;
        }
    }
}

/// Outputs 0..⌊ow/4⌋·4 of one output row whose taps read contiguously from `row` + the tap's offset: each tap's
/// splatted weight times four inputs, summed in tap order; returns the first output left to the scalar tail.
#[inline(always)]
unsafe fn rows(row: *const f32, tv: &[v128], off: &[usize], b: f32, out: *mut f32, ow: usize) -> usize {
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

/// [`rows`] for a 3×3 kernel of row dilation 1 (MobileNet's): its nine weights in registers and one pointer per input
/// row, each tap a load at a constant offset from it (XNNPACK's 3x3 CHW kernels keep i0, i1, i2 the same way,
/// src/f32-dwconv2d-chw/3x3p1-wasmsimd*.c.in, so no per-tap offset is held in a register). `SPLIT`: the rows are split
/// into even and odd halves (stride 2), so the three taps of a row are even[o], odd[o] = even[o + half], even[o + 1].
#[inline(always)]
unsafe fn dw3x3_row<const SPLIT: bool>(r: [*const f32; 3], half: usize, t: &[v128; 9], b: f32, out: *mut f32, ow: usize) -> usize {
    let (c1, c2) = if SPLIT { (half, 1) } else { (1, 2) };
    let bv = f32x4_splat(b);
    let mut ox = 0;
    while ox + 4 <= ow {
        let mut acc = bv;
        for ky in 0..3 {
            let p = r[ky].add(ox);
            acc = f32x4_add(acc, f32x4_mul(t[3 * ky], ld(p)));
            acc = f32x4_add(acc, f32x4_mul(t[3 * ky + 1], ld(p.add(c1))));
            acc = f32x4_add(acc, f32x4_mul(t[3 * ky + 2], ld(p.add(c2))));
        }
        st(out.add(ox), acc);
        ox += 4;
    }
    ox
}

/// Two output rows of a 3×3 kernel at stride 1, dilation 1: four input rows, each loaded once at three offsets and
/// used by both outputs (XNNPACK's "2x4" CHW variants, src/f32-dwconv2d-chw/gen/3x3p1-*-2x4.c); each output's taps are
/// still added in tap order. Returns the first output of either row left to the scalar tail.
#[inline(always)]
unsafe fn dw3x3_rows2(r: [*const f32; 4], t: &[v128; 9], b: f32, out0: *mut f32, out1: *mut f32, ow: usize) -> usize {
    let bv = f32x4_splat(b);
    let mut ox = 0;
    while ox + 4 <= ow {
        let (mut a0, mut a1) = (bv, bv);
        for i in 0..4 {
            let p = r[i].add(ox);
            let v = [ld(p), ld(p.add(1)), ld(p.add(2))];
            for kx in 0..3 {
                if i < 3 {
                    a0 = f32x4_add(a0, f32x4_mul(t[3 * i + kx], v[kx]));
                }
                if i > 0 {
                    a1 = f32x4_add(a1, f32x4_mul(t[3 * (i - 1) + kx], v[kx]));
                }
            }
        }
        st(out0.add(ox), a0);
        st(out1.add(ox), a1);
        ox += 4;
    }
    ox
}
