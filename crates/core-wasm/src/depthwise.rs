//! Depthwise conv2d (groups = C, one kH×kW filter per channel, MobileNet's layer), NCHW. Each plane is copied once
//! into a zero-padded buffer; then every output row accumulates its kH·kW shifted input rows, four outputs per
//! f32x4 at stride 1 (an even/odd lane shuffle at stride 2). XNNPACK's dwconv micro-kernels (src/f32-dwconv, "up"
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
    // each plane overwrites the same interior cells, so the padding stays zero throughout
    for plane in 0..n * c {
        let ci = plane % c;
        for r in 0..h {
            core::ptr::copy_nonoverlapping(x.add((plane * h + r) * w), xp.add((r + pt) * wp + pl), w);
        }
        let taps = wt.add(ci * kh * kw);
        let b = if bias.is_null() { 0.0 } else { *bias.add(ci) };
        let yp = y.add(plane * oh * ow);
        for oy in 0..oh {
            let out = yp.add(oy * ow);
            let mut ox = 0;
            while ox + 4 <= ow {
                let mut acc = f32x4_splat(b);
                for ky in 0..kh {
                    let row = xp.add((oy * sh + ky * dh) * wp);
                    for kx in 0..kw {
                        let s = row.add(ox * sw + kx * dw);
                        let v = if sw == 1 {
                            ld(s)
                        } else if sw == 2 {
                            i32x4_shuffle::<0, 2, 4, 6>(ld(s), ld(s.add(4)))
                        } else {
                            f32x4(*s, *s.add(sw), *s.add(2 * sw), *s.add(3 * sw))
                        };
                        acc = f32x4_add(acc, f32x4_mul(f32x4_splat(*taps.add(ky * kw + kx)), v));
                    }
                }
                st(out.add(ox), acc);
                ox += 4;
            }
            while ox < ow {
                let mut acc = b;
                for ky in 0..kh {
                    let row = xp.add((oy * sh + ky * dh) * wp);
                    for kx in 0..kw {
                        acc += *taps.add(ky * kw + kx) * *row.add(ox * sw + kx * dw);
                    }
                }
                *out.add(ox) = acc;
                ox += 1;
            }
        }
    }
}
