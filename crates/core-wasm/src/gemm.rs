//! f32 GEMM: B packed into 8-column panels (zero-padded), A read in place, a
//! register-tiled micro-kernel of R rows × 8·Q columns (4×8 for bulk rows, 1..3×32
//! for the last rows, which also makes the LSTM's per-step vector·matrix fast).
use crate::simd::{ld, st};
use core::arch::wasm32::*;

/// Panel width (columns per packed panel).
pub const NR: usize = 8;
/// Depth of one K block (one packed block is KC × NC).
pub const KC: usize = 256;
/// Width of one N block.
pub const NC: usize = 512;

#[inline(always)]
unsafe fn micro<const R: usize, const Q: usize>(
    a: *const f32,
    lda: usize,
    kc: usize,
    bp: *const f32,
    pstride: usize,
    c: *mut f32,
    ldc: usize,
    ncols: usize,
    accumulate: bool,
) {
    let z = f32x4_splat(0.0);
    let mut acc = [[z; 8]; R];
    let mut p = 0;
    while p < kc {
        let mut bv = [z; 8];
        for q in 0..Q {
            let src = bp.add(q * pstride + p * NR);
            bv[2 * q] = ld(src);
            bv[2 * q + 1] = ld(src.add(4));
        }
        for r in 0..R {
            let av = v128_load32_splat(a.add(r * lda + p) as *const u32);
            for q in 0..2 * Q {
                acc[r][q] = f32x4_add(acc[r][q], f32x4_mul(av, bv[q]));
            }
        }
        p += 1;
    }
    for r in 0..R {
        let crow = c.add(r * ldc);
        if ncols == NR * Q {
            for q in 0..2 * Q {
                let ptr = crow.add(4 * q);
                let v = if accumulate { f32x4_add(ld(ptr), acc[r][q]) } else { acc[r][q] };
                st(ptr, v);
            }
        } else {
            let mut tmp = [0f32; 32];
            for q in 0..2 * Q {
                st(tmp.as_mut_ptr().add(4 * q), acc[r][q]);
            }
            for j in 0..ncols {
                let v = *tmp.get_unchecked(j);
                let ptr = crow.add(j);
                *ptr = if accumulate { *ptr + v } else { v };
            }
        }
    }
}

#[inline(always)]
unsafe fn rows_tail<const R: usize>(
    a: *const f32,
    lda: usize,
    kc: usize,
    bp: *const f32,
    nc: usize,
    c: *mut f32,
    ldc: usize,
    accumulate: bool,
) {
    let np = (nc + NR - 1) / NR;
    let ps = kc * NR;
    let mut q = 0;
    while q + 4 <= np {
        let w = (nc - q * NR).min(4 * NR);
        micro::<R, 4>(a, lda, kc, bp.add(q * ps), ps, c.add(q * NR), ldc, w, accumulate);
        q += 4;
    }
    while q < np {
        let w = (nc - q * NR).min(NR);
        micro::<R, 1>(a, lda, kc, bp.add(q * ps), ps, c.add(q * NR), ldc, w, accumulate);
        q += 1;
    }
}

/// C[m×nc] (+)= A[m×kc] · Bp, where Bp holds ⌈nc/8⌉ panels of kc×8 floats.
pub unsafe fn gemm_packed(
    a: *const f32,
    lda: usize,
    m: usize,
    kc: usize,
    bp: *const f32,
    nc: usize,
    c: *mut f32,
    ldc: usize,
    accumulate: bool,
) {
    let np = (nc + NR - 1) / NR;
    let ps = kc * NR;
    let mut i = 0;
    while i + 4 <= m {
        let ai = a.add(i * lda);
        let ci = c.add(i * ldc);
        for q in 0..np {
            let w = (nc - q * NR).min(NR);
            micro::<4, 1>(ai, lda, kc, bp.add(q * ps), ps, ci.add(q * NR), ldc, w, accumulate);
        }
        i += 4;
    }
    let (ai, ci) = (a.add(i * lda), c.add(i * ldc));
    match m - i {
        1 => rows_tail::<1>(ai, lda, kc, bp, nc, ci, ldc, accumulate),
        2 => rows_tail::<2>(ai, lda, kc, bp, nc, ci, ldc, accumulate),
        3 => rows_tail::<3>(ai, lda, kc, bp, nc, ci, ldc, accumulate),
        _ => {}
    }
}

/// Packs B[k0..k0+kc, j0..j0+nc] (row-major, leading dimension ldb) into panels.
pub unsafe fn pack_b(b: *const f32, ldb: usize, k0: usize, kc: usize, j0: usize, nc: usize, dst: *mut f32) {
    let np = (nc + NR - 1) / NR;
    for q in 0..np {
        let jj = j0 + q * NR;
        let w = (nc - q * NR).min(NR);
        let d = dst.add(q * kc * NR);
        if w == NR {
            for p in 0..kc {
                let s = b.add((k0 + p) * ldb + jj);
                st(d.add(p * NR), ld(s));
                st(d.add(p * NR + 4), ld(s.add(4)));
            }
        } else {
            for p in 0..kc {
                let s = b.add((k0 + p) * ldb + jj);
                for j in 0..NR {
                    *d.add(p * NR + j) = if j < w { *s.add(j) } else { 0.0 };
                }
            }
        }
    }
}

/// Floats needed by a packed block of kc × nc.
pub fn packed_len(kc: usize, nc: usize) -> usize {
    kc * ((nc + NR - 1) / NR) * NR
}

/// C[m×n] = A[m×k] · B[k×n] (all row-major, contiguous), blocked KC × NC.
pub unsafe fn matmul_impl(a: *const f32, b: *const f32, c: *mut f32, m: usize, k: usize, n: usize) {
    if m == 0 || n == 0 {
        return;
    }
    if k == 0 {
        core::ptr::write_bytes(c, 0, m * n);
        return;
    }
    let mut buf: Vec<f32> = Vec::with_capacity(packed_len(KC.min(k), NC.min(n)));
    let bp = buf.as_mut_ptr();
    let mut jc = 0;
    while jc < n {
        let nc = NC.min(n - jc);
        let mut pc = 0;
        while pc < k {
            let kc = KC.min(k - pc);
            pack_b(b, n, pc, kc, jc, nc, bp);
            gemm_packed(a.add(pc), k, m, kc, bp, nc, c.add(jc), n, pc > 0);
            pc += kc;
        }
        jc += nc;
    }
}

/// Exported: C[m×n] = A[m×k] · B[k×n], f32 row-major.
#[no_mangle]
pub unsafe extern "C" fn matmul(a: *const f32, b: *const f32, c: *mut f32, m: usize, k: usize, n: usize) {
    matmul_impl(a, b, c, m, k, n)
}
