//! Backward kernels of conv/backprop (NCHW, groups 1; the geometry arguments mean what they mean in `conv2d` and the
//! pooling kernels):
//! - `conv2d_grad_input`: ∂L/∂X = col2im(Wᵀ · ∂L/∂Y). One GEMM [C·kH·kW × Cout]·[Cout × H′W′] into a column buffer,
//!   then each column row is added back under its tap (SIMD row adds at stride 1). This is the GEMM + col2im form of
//!   Caffe and of TensorFlow's Conv2DBackpropInput for the generic case; no zero-inserted ("dilated") output
//!   gradient, so strides cost nothing extra.
//! - `conv2d_grad_weight`: ∂L/∂Wᵀ = im2col(X) · (∂L/∂Y)ᵀ, one GEMM [C·kH·kW × H′W′]·[H′W′ × Cout] per image: the long
//!   H′W′ dimension becomes the GEMM's depth, so the packed 4 × 8 micro-kernel runs on its best shape (TensorFlow
//!   computes the same product as Conv2DBackpropFilter; XNNPACK, and so tfjs-backend-wasm, has no such kernel).
//! - `maxpool2d_grad`, `avgpool2d_grad`: route each output gradient as conv/backprop does: a max to its window's
//!   first maximum in row-major order (strictly greater replaces; a padded cell can win under `pad_zero` and its share
//!   is lost), an average to every cell it averaged, divided by the count (kH·kW under `count_pad`, else the cells
//!   inside the image). Reads each window once, one output at a time, like XNNPACK's argmaxpool / unpool pair
//!   (src/f32-argmaxpool, src/x32-unpool) but without storing the index map.
use crate::gemm::matmul_impl;
use crate::simd::add_into;
use crate::window::{origin, span, tap_range, Window};

/// Visits the im2col matrix of one image row by row: for tap (ci, ky, kx) — matrix row ci·kH·kW + ky·kW + kx — and
/// output row oy, calls `f(cols, src, lo, hi)` with `cols` the offset of that matrix row's segment (oy·W′ + column 0),
/// and `src` the offset in the [C][H][W] image of output lo's input cell, or None where the tap's input row is in the
/// padding; outputs [lo, hi) are those whose tap column lies inside the image (consecutive outputs step W-stride
/// cells apart). [`im2col`] and [`col2im`], adjoints of each other, share this one walk.
unsafe fn tap_rows(c: usize, h: usize, w: usize, g: &Window, mut f: impl FnMut(usize, Option<usize>, usize, usize)) {
    let nn = g.oh * g.ow;
    for ci in 0..c {
        for ky in 0..g.kh {
            for kx in 0..g.kw {
                let row = ((ci * g.kh + ky) * g.kw + kx) * nn;
                let (lo, hi) = tap_range(g.ow, g.sw, g.pl, kx * g.dw, w);
                for oy in 0..g.oh {
                    let iy = origin(oy, g.sh, g.pt) + (ky * g.dh) as isize;
                    // input column of output lo: lo·s + kx·dW − pad ≥ 0 by the choice of lo
                    let src = if iy >= 0 && iy < h as isize && lo < hi {
                        Some((ci * h + iy as usize) * w + lo * g.sw + kx * g.dw - g.pl)
                    } else {
                        None
                    };
                    f(row + oy * g.ow, src, lo, hi);
                }
            }
        }
    }
}

/// The explicit im2col matrix of one image: row kk = ci·kH·kW + ky·kW + kx, column j = oy·W′ + ox.
unsafe fn im2col(x: *const f32, c: usize, h: usize, w: usize, g: &Window, dst: *mut f32) {
    tap_rows(c, h, w, g, |cols, src, lo, hi| {
        let r = dst.add(cols);
        let src = match src {
            Some(src) => src,
            None => return core::ptr::write_bytes(r, 0, g.ow),
        };
        core::ptr::write_bytes(r, 0, lo);
        let s = x.add(src);
        if g.sw == 1 {
            core::ptr::copy_nonoverlapping(s, r.add(lo), hi - lo);
        } else {
            for i in 0..hi - lo {
                *r.add(lo + i) = *s.add(i * g.sw);
            }
        }
        core::ptr::write_bytes(r.add(hi), 0, g.ow - hi);
    });
}

/// Adds the column buffer back into one image's ∂L/∂X (the adjoint of [`im2col`]).
unsafe fn col2im(cols: *const f32, c: usize, h: usize, w: usize, g: &Window, gx: *mut f32) {
    tap_rows(c, h, w, g, |at, dst, lo, hi| {
        let dst = match dst {
            Some(dst) => dst,
            None => return,
        };
        let (r, d, len) = (cols.add(at + lo), gx.add(dst), hi - lo);
        if g.sw == 1 {
            add_into(d, r, len);
        } else {
            for i in 0..len {
                *d.add(i * g.sw) += *r.add(i);
            }
        }
    });
}

/// Exported ∂L/∂X of conv2d: gy [n][oc][oh][ow], wt [oc][c][kh][kw] → gx [n][c][h][w] (overwritten).
#[no_mangle]
pub unsafe extern "C" fn conv2d_grad_input(
    gy: *const f32,
    wt: *const f32,
    gx: *mut f32,
    n: usize,
    c: usize,
    h: usize,
    w: usize,
    oc: usize,
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
    core::ptr::write_bytes(gx, 0, n * c * h * w);
    let (kk, nn) = (c * kh * kw, oh * ow);
    if kk == 0 || nn == 0 || oc == 0 {
        return;
    }
    let g = Window { kh, kw, sh, sw, pt, pl, dh, dw, oh, ow };
    let mut wt_t: Vec<f32> = vec![0.0; kk * oc];
    for o in 0..oc {
        for q in 0..kk {
            *wt_t.get_unchecked_mut(q * oc + o) = *wt.add(o * kk + q);
        }
    }
    let mut cols: Vec<f32> = vec![0.0; kk * nn];
    for img in 0..n {
        matmul_impl(wt_t.as_ptr(), gy.add(img * oc * nn), cols.as_mut_ptr(), kk, oc, nn);
        col2im(cols.as_ptr(), c, h, w, &g, gx.add(img * c * h * w));
    }
}

/// Exported ∂L/∂W of conv2d: x [n][c][h][w], gy [n][oc][oh][ow] → gw [oc][c][kh][kw] (overwritten).
#[no_mangle]
pub unsafe extern "C" fn conv2d_grad_weight(
    x: *const f32,
    gy: *const f32,
    gw: *mut f32,
    n: usize,
    c: usize,
    h: usize,
    w: usize,
    oc: usize,
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
    let (kk, nn) = (c * kh * kw, oh * ow);
    core::ptr::write_bytes(gw, 0, oc * kk);
    if kk == 0 || nn == 0 || oc == 0 {
        return;
    }
    let g = Window { kh, kw, sh, sw, pt, pl, dh, dw, oh, ow };
    let mut cols: Vec<f32> = vec![0.0; kk * nn];
    let mut gy_t: Vec<f32> = vec![0.0; nn * oc];
    let mut gw_t: Vec<f32> = vec![0.0; kk * oc];
    for img in 0..n {
        im2col(x.add(img * c * h * w), c, h, w, &g, cols.as_mut_ptr());
        let gyi = gy.add(img * oc * nn);
        for o in 0..oc {
            for j in 0..nn {
                *gy_t.get_unchecked_mut(j * oc + o) = *gyi.add(o * nn + j);
            }
        }
        matmul_impl(cols.as_ptr(), gy_t.as_ptr(), gw_t.as_mut_ptr(), kk, nn, oc);
        for q in 0..kk {
            for o in 0..oc {
                *gw.add(o * kk + q) += *gw_t.get_unchecked(q * oc + o);
            }
        }
    }
}

/// Exported max-pool backward over `planes` planes: x [planes][h][w], gy [planes][oh][ow] → gx (overwritten).
#[no_mangle]
pub unsafe extern "C" fn maxpool2d_grad(
    x: *const f32,
    gy: *const f32,
    gx: *mut f32,
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
    core::ptr::write_bytes(gx, 0, planes * h * w);
    let (hi, wi) = (h as isize, w as isize);
    for p in 0..planes {
        let (xp, gp, gyp) = (x.add(p * h * w), gx.add(p * h * w), gy.add(p * oh * ow));
        for oy in 0..oh {
            let y0 = origin(oy, sh, pt);
            for ox in 0..ow {
                let x0 = origin(ox, sw, pl);
                // best: index of the winning real cell, or usize::MAX for padding (or nothing yet)
                let mut best = usize::MAX;
                let mut bv = 0f32;
                let mut any = false;
                for a in 0..kh as isize {
                    let iy = y0 + a;
                    let row_in = iy >= 0 && iy < hi;
                    for b in 0..kw as isize {
                        let ix = x0 + b;
                        let real = row_in && ix >= 0 && ix < wi;
                        if !real && pad_zero == 0 {
                            continue;
                        }
                        let v = if real { *xp.add((iy * wi + ix) as usize) } else { 0.0 };
                        if !any || v > bv {
                            any = true;
                            bv = v;
                            best = if real { (iy * wi + ix) as usize } else { usize::MAX };
                        }
                    }
                }
                if best != usize::MAX {
                    *gp.add(best) += *gyp.add(oy * ow + ox);
                }
            }
        }
    }
}

/// Exported average-pool backward: gy [planes][oh][ow] → gx [planes][h][w] (overwritten); `count_pad` ≠ 0 divides
/// by kH·kW (padded cells' shares are lost), else by the cells inside the image.
#[no_mangle]
pub unsafe extern "C" fn avgpool2d_grad(
    gy: *const f32,
    gx: *mut f32,
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
    core::ptr::write_bytes(gx, 0, planes * h * w);
    let xs: Vec<(usize, usize)> = (0..ow).map(|ox| span(ox, sw, pl, kw, w)).collect();
    for p in 0..planes {
        let gp = gx.add(p * h * w);
        for oy in 0..oh {
            let (ylo, yhi) = span(oy, sh, pt, kh, h);
            for (ox, &(xlo, xhi)) in xs.iter().enumerate() {
                let count = if count_pad != 0 { kh * kw } else { (yhi - ylo) * (xhi - xlo) };
                if count == 0 {
                    continue;
                }
                let d = *gy.add((p * oh + oy) * ow + ox) / count as f32;
                for iy in ylo..yhi {
                    let row = gp.add(iy * w);
                    for ix in xlo..xhi {
                        *row.add(ix) += d;
                    }
                }
            }
        }
    }
}
