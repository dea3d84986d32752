//! Window iteration shared by the forward kernels (conv, depthwise, pooling) and their gradients: where a sliding
//! window of output o starts, which of its cells lie inside the input, and the zero-padded copy of a plane that lets
//! the forward kernels read every tap without a bounds check.
use crate::simd::{ld, st};
use core::arch::wasm32::*;

/// Kernel and output geometry of a sliding window over one plane (the arguments of conv2d, pooling and their
/// gradients; pooling has no dilation: dh = dw = 1).
#[derive(Clone, Copy)]
pub struct Window {
    pub kh: usize,
    pub kw: usize,
    pub sh: usize,
    pub sw: usize,
    /// Leading (top, left) padding; the trailing padding is implied by oh, ow.
    pub pt: usize,
    pub pl: usize,
    pub dh: usize,
    pub dw: usize,
    pub oh: usize,
    pub ow: usize,
}

/// First input row/column of output o's window (negative inside the leading padding).
#[inline(always)]
pub fn origin(o: usize, s: usize, pad: usize) -> isize {
    (o * s) as isize - pad as isize
}

/// Input cells [lo, hi) of output o's window of k cells (stride s, leading padding pad, no dilation) that lie inside
/// 0..size; lo == hi when the window is entirely in the padding.
#[inline(always)]
pub fn span(o: usize, s: usize, pad: usize, k: usize, size: usize) -> (usize, usize) {
    let s0 = origin(o, s, pad);
    let lo = s0.max(0) as usize;
    let hi = (s0 + k as isize).min(size as isize).max(lo as isize) as usize;
    (lo, hi)
}

/// Outputs [lo, hi) of `out` whose tap at offset `off` within the window (ky·dH or kx·dW) reads inside 0..size:
/// o·s − pad + off ∈ [0, size). The adjoint view of [`span`]: per tap, the outputs it touches.
#[inline(always)]
pub fn tap_range(out: usize, s: usize, pad: usize, off: usize, size: usize) -> (usize, usize) {
    // o·s + off − pad ≥ 0  ⇔  o ≥ ⌈(pad − off)/s⌉
    let lo = if pad > off { (pad - off + s - 1) / s } else { 0 };
    // o·s < size + pad − off
    let lim = size + pad;
    let hi = if lim > off { ((lim - off + s - 1) / s).min(out) } else { 0 };
    (lo.min(hi), hi)
}

/// Length of a padded axis that holds the leading padding, the input, and every tap of every output:
/// max(pad + size, (out − 1)·s + (k − 1)·d + 1) (the trailing padding is implied by `out`); out ≥ 1.
#[inline(always)]
pub fn padded_len(size: usize, pad: usize, out: usize, s: usize, k: usize, d: usize) -> usize {
    (size + pad).max((out - 1) * s + (k - 1) * d + 1)
}

/// Copies an h × w plane into a zero-padded plane of row length `ld`, at row `pt` and column `pl`. Only the interior
/// is written, so a buffer reused for plane after plane keeps its zero border (XNNPACK's indirect convolution makes
/// padding free by pointing padded taps at a zero buffer, src/indirection.c; a padded copy does the same for kernels
/// that read rows).
pub unsafe fn copy_padded(src: *const f32, h: usize, w: usize, dst: *mut f32, ld: usize, pt: usize, pl: usize) {
    for r in 0..h {
        core::ptr::copy_nonoverlapping(src.add(r * w), dst.add((r + pt) * ld + pl), w);
    }
}

/// [`copy_padded`] for stride-2 kernels: each padded row (row length 2·`half`) is stored as its even columns then its
/// odd columns, so that the taps of four consecutive stride-2 outputs are four consecutive floats. Deinterleaves
/// eight inputs per step with two lane shuffles (XNNPACK's stride-2 CHW dwconv kernels split even and odd columns
/// with the same shuffles, src/f32-dwconv2d-chw/3x3s2p1-wasmsimd.c.in); only interior cells are written.
pub unsafe fn copy_padded_split(src: *const f32, h: usize, w: usize, dst: *mut f32, half: usize, pt: usize, pl: usize) {
    // input column j = 2i + e sits at padded column pl + j: half (pl + e) mod 2, index ⌊(pl + e)/2⌋ + i
    let even_dst = (pl % 2) * half + pl / 2;
    let odd_dst = ((pl + 1) % 2) * half + (pl + 1) / 2;
    for r in 0..h {
        let (s, d) = (src.add(r * w), dst.add((r + pt) * 2 * half));
        let (de, dodd) = (d.add(even_dst), d.add(odd_dst));
        let mut i = 0;
        while 2 * i + 8 <= w {
            let (v0, v1) = (ld(s.add(2 * i)), ld(s.add(2 * i + 4)));
            st(de.add(i), i32x4_shuffle::<0, 2, 4, 6>(v0, v1));
            st(dodd.add(i), i32x4_shuffle::<1, 3, 5, 7>(v0, v1));
            i += 4;
        }
        for j in 2 * i..w {
            *(if j % 2 == 0 { de } else { dodd }).add(j / 2) = *s.add(j);
        }
    }
}
