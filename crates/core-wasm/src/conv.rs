//! conv2d NCHW (groups = 1): implicit im2col — the GEMM's B panels are packed
//! straight from the image — times the weights [Cout × Cin·kH·kW]; then bias and
//! an optional ReLU. 1×1 / stride 1 / no padding skips im2col entirely.
use crate::gemm::{gemm_packed, matmul_impl, packed_len, KC, MR, NC, NR};
use crate::simd::{ld, st};
use crate::window::{copy_padded, padded_len};
use core::arch::wasm32::*;

struct Geom {
    h: usize,
    w: usize,
    kh: usize,
    kw: usize,
    sw: usize,
    dh: usize,
    dw: usize,
}

/// Per-tap offsets of one K block: plane offset ci·H·W, the tap's displacement (ky·dH, kx·dW), and the two combined
/// (ci·H·W + ky·dH·W + kx·dW, the tap's offset from its output's window origin in the padded image).
struct Taps {
    plane: Vec<usize>,
    dy: Vec<i32>,
    dx: Vec<i32>,
    off: Vec<usize>,
}

fn taps(g: &Geom, k0: usize, kc: usize) -> Taps {
    let per = g.kh * g.kw;
    let mut t =
        Taps { plane: Vec::with_capacity(kc), dy: Vec::with_capacity(kc), dx: Vec::with_capacity(kc), off: Vec::with_capacity(kc) };
    for kk in k0..k0 + kc {
        let ci = kk / per;
        let rem = kk - ci * per;
        let ky = rem / g.kw;
        let kx = rem - ky * g.kw;
        t.plane.push(ci * g.h * g.w);
        t.dy.push((ky * g.dh) as i32);
        t.dx.push((kx * g.dw) as i32);
        t.off.push(ci * g.h * g.w + ky * g.dh * g.w + kx * g.dw);
    }
    t
}

/// Packs rows k0..k0+kc (tap index ci·kH·kW + ky·kW + kx) and output columns
/// j0..j0+nc of the implicit im2col matrix of one image.
unsafe fn pack_conv(x: *const f32, g: &Geom, t: &Taps, kc: usize, iy0: &[i32], ix0: &[i32], j0: usize, nc: usize, dst: *mut f32) {
    let (h, w) = (g.h as i32, g.w as i32);
    let np = (nc + NR - 1) / NR;
    for q in 0..np {
        let jb = j0 + q * NR;
        let width = (nc - q * NR).min(NR);
        let same_row = width == NR && *iy0.get_unchecked(jb) == *iy0.get_unchecked(jb + NR - 1);
        let (ry, rx) = (*iy0.get_unchecked(jb), *ix0.get_unchecked(jb));
        let d0 = dst.add(q * kc * NR);
        // eight outputs on one output row: in the padded image every tap of theirs is in range (the padding, and 16
        // spare columns, cover the window of every output), so each tap's panel row is eight floats at a fixed
        // offset from the first output's window origin — vector copies, no bounds checks
        if same_row && (g.sw == 1 || g.sw == 2) {
            let base = x.add((ry * g.w as i32 + rx) as usize);
            for p in 0..kc {
                let s = base.add(*t.off.get_unchecked(p));
                let d = d0.add(p * NR);
                if g.sw == 1 {
                    st(d, ld(s));
                    st(d.add(4), ld(s.add(4)));
                } else {
                    st(d, i32x4_shuffle::<0, 2, 4, 6>(ld(s), ld(s.add(4))));
                    st(d.add(4), i32x4_shuffle::<0, 2, 4, 6>(ld(s.add(8)), ld(s.add(12))));
                }
            }
            continue;
        }
        for p in 0..kc {
            let plane = x.add(*t.plane.get_unchecked(p));
            let (oy, ox) = (*t.dy.get_unchecked(p), *t.dx.get_unchecked(p));
            let d = d0.add(p * NR);
            for j in 0..NR {
                let mut v = 0.0;
                if j < width {
                    let iy = *iy0.get_unchecked(jb + j) + oy;
                    let ix = *ix0.get_unchecked(jb + j) + ox;
                    if iy >= 0 && iy < h && ix >= 0 && ix < w {
                        v = *plane.add((iy * w + ix) as usize);
                    }
                }
                *d.add(j) = v;
            }
        }
    }
}

/// Exported conv2d. x [n][c][h][w], wt [oc][c][kh][kw], bias [oc] or null,
/// y [n][oc][oh][ow]; padding top/left given, bottom/right implied by oh, ow.
#[no_mangle]
pub unsafe extern "C" fn conv2d(
    x: *const f32,
    wt: *const f32,
    bias: *const f32,
    y: *mut f32,
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
    relu: u32,
) {
    let kk = c * kh * kw;
    let nn = oh * ow;
    if n == 0 || oc == 0 || nn == 0 {
        return;
    }
    let direct = kh == 1 && kw == 1 && sh == 1 && sw == 1 && pt == 0 && pl == 0 && oh == h && ow == w;
    // Each image is first copied into a zero-padded plane set (the padding, plus 16 spare columns on the right), so
    // every tap of every output is in range and the packing copies whole 8-output panels with vector loads: the
    // scalar, bounds-checked path is left only for panels that straddle two output rows (window.rs: copy_padded).
    let hp = padded_len(h, pt, oh, sh, kh, dh);
    let wp = padded_len(w, pl, ow, sw, kw, dw) + 16;
    let g = Geom { h: hp, w: wp, kh, kw, sw, dh, dw };
    let mut iy0: Vec<i32> = Vec::with_capacity(nn);
    let mut ix0: Vec<i32> = Vec::with_capacity(nn);
    for j in 0..nn {
        iy0.push(((j / ow) * sh) as i32);
        ix0.push(((j % ow) * sw) as i32);
    }
    // K split into equal blocks of at most KC (576 = 3 × 192, not 256 + 256 + 64: no short last block)
    let kcs = if kk == 0 { 1 } else { (kk + (kk + KC - 1) / KC - 1) / ((kk + KC - 1) / KC) };
    let mut buf: Vec<f32> = if direct || kk == 0 { Vec::new() } else { Vec::with_capacity(packed_len(kcs, NC.min(nn))) };
    let bp = buf.as_mut_ptr();
    let mut abuf: Vec<f32> = Vec::with_capacity(KC * MR);
    let ap = abuf.as_mut_ptr();
    let mut padded: Vec<f32> = if direct || kk == 0 { Vec::new() } else { vec![0.0; c * hp * wp] };
    let mut tap_blocks: Vec<Taps> = Vec::new();
    if !direct {
        let mut pc = 0;
        while pc < kk {
            tap_blocks.push(taps(&g, pc, kcs.min(kk - pc)));
            pc += kcs;
        }
    }
    for img in 0..n {
        let xi = x.add(img * c * h * w);
        let yi = y.add(img * oc * nn);
        if kk == 0 {
            core::ptr::write_bytes(yi, 0, oc * nn);
        } else if direct {
            matmul_impl(wt, xi, yi, oc, c, nn);
        } else {
            let xp = padded.as_mut_ptr();
            for ci in 0..c {
                copy_padded(xi.add(ci * h * w), h, w, xp.add(ci * hp * wp), wp, pt, pl);
            }
            let mut jc = 0;
            while jc < nn {
                let nc = NC.min(nn - jc);
                let mut pc = 0;
                while pc < kk {
                    let kc = kcs.min(kk - pc);
                    pack_conv(xp, &g, &tap_blocks[pc / kcs], kc, &iy0, &ix0, jc, nc, bp);
                    gemm_packed(wt.add(pc), kk, oc, kc, bp, nc, yi.add(jc), nn, pc > 0, ap);
                    pc += kc;
                }
                jc += nc;
            }
        }
        epilogue(yi, bias, oc, nn, relu != 0);
    }
}

unsafe fn epilogue(y: *mut f32, bias: *const f32, oc: usize, nn: usize, relu: bool) {
    if bias.is_null() && !relu {
        return;
    }
    let zero = f32x4_splat(0.0);
    for o in 0..oc {
        let b = if bias.is_null() { 0.0 } else { *bias.add(o) };
        let bv = f32x4_splat(b);
        let row = y.add(o * nn);
        let mut j = 0;
        while j + 4 <= nn {
            let mut v = f32x4_add(ld(row.add(j)), bv);
            if relu {
                v = f32x4_pmax(v, zero);
            }
            st(row.add(j), v);
            j += 4;
        }
        while j < nn {
            let mut v = *row.add(j) + b;
            if relu && v < 0.0 {
                v = 0.0;
            }
            *row.add(j) = v;
            j += 1;
        }
    }
}
