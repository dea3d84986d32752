//! f32 GEMM, GotoBLAS-style: B packed into 8-column panels (zero-padded) per KC × NC block, A packed into MR-row
//! panels, and a register-tiled micro-kernel of MR × 8. The micro-kernel is XNNPACK's "loadsplat" f32 GEMM for
//! wasmsimd on x86 (src/f32-gemm/wasmsimd-loadsplat.c.in, x86 variant): each A value is broadcast by one
//! `v128.load32_splat`, never by a lane shuffle, because V8 lowers shuffles on x86 to the ports of the multiplies and
//! adds. Beyond XNNPACK (which reads A in place through MR row pointers), A is packed too, so a k step reads A at
//! constant offsets from one pointer; with LLVM's loop strength reduction off (scripts/build-wasm.sh) those offsets
//! stay wasm load immediates, V8 folds them into x86 addressing, and a k step costs 2 loads + 4 broadcasts + 16 f32x4
//! ops + ~4 integer ops: the loop is bound by x86's 6-wide front end, not the FP pipes, so every instruction counts.
//! MR = 4, not XNNPACK's 6 × 8: TurboFan schedules a block's loads before its arithmetic, so 6 broadcasts + 12
//! accumulators + 2 B vectors exceed the 15 xmm registers V8 allocates and spill (measured: 0.6× the 4 × 8 kernel).
//! Rows short of MR are not padded to four: on B already packed (the LSTM's per-step vector·matrix) they take an
//! unpacked-A 1..3 × 32 kernel; a whole product with m < MR (a dense layer at batch 1) streams B in place
//! ([`few_rows`]).
use crate::simd::{ld, st};
use core::arch::wasm32::*;

/// Panel width (columns per packed panel).
pub const NR: usize = 8;
/// Rows of the packed micro-kernel.
pub const MR: usize = 4;
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
    kstride: usize,
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
            let src = bp.add(q * pstride + p * kstride);
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


/// C[rows × ncols] (+)= Ap · Bp for one MR-row A panel (kc × MR floats, k-major) and one B panel (kc × 8).
#[inline(always)]
unsafe fn micro_packed(
    ap: *const f32,
    bp: *const f32,
    kc: usize,
    c: *mut f32,
    ldc: usize,
    rows: usize,
    ncols: usize,
    accumulate: bool,
) {
    let z = f32x4_splat(0.0);
    let mut acc = [[z; 2]; MR];
    let (mut a, mut b) = (ap, bp);
    let end = bp.add(kc * NR);
    while b < end {
        let (b0, b1) = (ld(b), ld(b.add(4)));
        for r in 0..MR {
            let av = v128_load32_splat(a.add(r) as *const u32);
            acc[r][0] = f32x4_add(acc[r][0], f32x4_mul(av, b0));
            acc[r][1] = f32x4_add(acc[r][1], f32x4_mul(av, b1));
        }
        a = a.add(MR);
        b = b.add(NR);
    }
    for r in 0..rows {
        let crow = c.add(r * ldc);
        if ncols == NR {
            for q in 0..2 {
                let ptr = crow.add(4 * q);
                st(ptr, if accumulate { f32x4_add(ld(ptr), acc[r][q]) } else { acc[r][q] });
            }
        } else {
            let mut tmp = [0f32; 8];
            st(tmp.as_mut_ptr(), acc[r][0]);
            st(tmp.as_mut_ptr().add(4), acc[r][1]);
            for j in 0..ncols {
                let ptr = crow.add(j);
                *ptr = if accumulate { *ptr + tmp[j] } else { tmp[j] };
            }
        }
    }
}

/// Packs rows i0..i0+rows (≤ MR, zero-padded to MR) and columns 0..kc of A (leading dimension lda) k-major.
unsafe fn pack_a(a: *const f32, lda: usize, rows: usize, kc: usize, dst: *mut f32) {
    for r in 0..MR {
        if r < rows {
            let src = a.add(r * lda);
            for p in 0..kc {
                *dst.add(p * MR + r) = *src.add(p);
            }
        } else {
            for p in 0..kc {
                *dst.add(p * MR + r) = 0.0;
            }
        }
    }
}

#[inline(always)]
unsafe fn rows_tail<const R: usize, const Q: usize>(
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
    while q + Q <= np {
        let w = (nc - q * NR).min(Q * NR);
        micro::<R, Q>(a, lda, kc, bp.add(q * ps), ps, NR, c.add(q * NR), ldc, w, accumulate);
        q += Q;
    }
    while q < np {
        let w = (nc - q * NR).min(NR);
        micro::<R, 1>(a, lda, kc, bp.add(q * ps), ps, NR, c.add(q * NR), ldc, w, accumulate);
        q += 1;
    }
}

/// C[m×nc] (+)= A[m×kc] · Bp, where Bp holds ⌈nc/8⌉ panels of kc×8 floats. `ap` is room for one packed A panel
/// (kc × MR floats).
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
    ap: *mut f32,
) {
    if m < MR {
        match m {
            1 => rows_tail::<1, 4>(a, lda, kc, bp, nc, c, ldc, accumulate),
            2 => rows_tail::<2, 4>(a, lda, kc, bp, nc, c, ldc, accumulate),
            3 => rows_tail::<3, 2>(a, lda, kc, bp, nc, c, ldc, accumulate),
            _ => {}
        }
        return;
    }
    let np = (nc + NR - 1) / NR;
    let ps = kc * NR;
    let mut i = 0;
    while i < m {
        let rows = MR.min(m - i);
        pack_a(a.add(i * lda), lda, rows, kc, ap);
        let ci = c.add(i * ldc);
        for q in 0..np {
            let w = (nc - q * NR).min(NR);
            micro_packed(ap, bp.add(q * ps), kc, ci.add(q * NR), ldc, rows, w, accumulate);
        }
        i += MR;
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

/// Columns of C per block of [`few_rows`]: R × 4 KB of C stay in L1 while all of B's rows stream past.
const GEMV_NB: usize = 1024;
/// Widest row block of B that [`few_rows`] reads [`pass`]es of 4 rows from (4 rows × 1 KB: one sequential stretch of
/// memory when n is this narrow); wider blocks go one row per pass.
const NARROW: usize = 256;

/// c[0..nb] += Σₜ a[t]·b[t·ldb + 0..nb] over t = 0..T in increasing t, each c[j] formed as ((c + a₀b₀) + a₁b₁) + …, as
/// the reference forms it; U vectors of C per step. Every pointer advances by itself, so each load and store
/// addresses a pointer plus a constant: LLVM keeps the constant as the wasm load's offset (loop strength reduction is
/// off, build-wasm.sh) and V8 folds it into the x86 address, where the earlier indexed `rows[t].add(j)` cost 2–3
/// integer ops per vector load (V8 does not fold a shifted index). TurboFan issues a step's T·U loads of B together,
/// so T·U + U + T must stay within the 15 xmm registers it allocates: 1 × 8 and 4 × 2 do; 1 × 12 spills (0.6× in the
/// same rounds). Not inlined: one copy of each serves R = 1..3.
#[inline(never)]
unsafe fn pass<const T: usize, const U: usize>(a: *const f32, b: *const f32, ldb: usize, c: *mut f32, nb: usize) {
    let mut rows = [b; T];
    let mut av = [f32x4_splat(0.0); T];
    for t in 0..T {
        rows[t] = b.add(t * ldb);
        av[t] = f32x4_splat(*a.add(t));
    }
    let mut cq = c;
    let wide = c.add(nb / (4 * U) * (4 * U));
    while cq < wide {
        let mut acc = [f32x4_splat(0.0); U];
        for (u, v) in acc.iter_mut().enumerate() {
            *v = ld(cq.add(4 * u));
        }
        for t in 0..T {
            for (u, v) in acc.iter_mut().enumerate() {
                *v = f32x4_add(*v, f32x4_mul(av[t], ld(rows[t].add(4 * u))));
            }
            rows[t] = rows[t].add(4 * U);
        }
        for (u, v) in acc.iter().enumerate() {
            st(cq.add(4 * u), *v);
        }
        cq = cq.add(4 * U);
    }
    let vend = c.add(nb / 4 * 4);
    while cq < vend {
        let mut acc = ld(cq);
        for t in 0..T {
            acc = f32x4_add(acc, f32x4_mul(av[t], ld(rows[t])));
            rows[t] = rows[t].add(4);
        }
        st(cq, acc);
        cq = cq.add(4);
    }
    let end = c.add(nb);
    while cq < end {
        let mut v = *cq;
        for t in 0..T {
            v += *a.add(t) * *rows[t];
            rows[t] = rows[t].add(1);
        }
        *cq = v;
        cq = cq.add(1);
    }
}

/// C[R×n] = A[R×k] · B[k×n] for a few rows (a GEMV at R = 1, a dense layer at batch 1) without packing B: B is read
/// once, in place, row after row — one sequential stream, which the hardware prefetcher follows — and each row p adds
/// a[p]·B[p] into C's block in L1 ([`pass`]), so every sum is formed in p order, as the reference forms it. Rows of at
/// most [`NARROW`] floats go four to a pass (one row per pass there spends more on each call and loop than on the row:
/// 0.6–0.7× at n = 10 to 100). XNNPACK (and through it tfjs-backend-wasm) runs a dense layer at batch 1 as its 1 × 8
/// GEMM micro-kernel over weights packed once when the operator is created and cached with it (src/f32-gemm, tfjs's
/// batch_mat_mul_impl.cc operator cache); here no copy of B is made or kept, and B's rows in order cost the same
/// memory traffic as a packed copy. Same-run A/B against tfjs-wasm on the bench's 1×1024 · 1024×1024, each call right
/// after another 4 MB stream as in the bench's rounds, machine loaded by other jobs: one row per pass 1.36–1.45×; 2
/// rows 1.23–1.26×; 4 rows × 8 vectors per pass (C loaded and stored a quarter as often, 12 % faster with B in L2)
/// 1.12–1.19×, falling to 0.83× where the memory system is contended (several streams per pass fare worse than one
/// there); the indexed 8-row kernel before 1.05–1.10×. Earlier still, a walk of B in 32-column strips down all of k
/// read 128 bytes per 4 KB row: a page-crossing stride that no prefetcher follows (0.6–0.76× tfjs-wasm).
unsafe fn few_rows<const R: usize>(a: *const f32, b: *const f32, c: *mut f32, k: usize, n: usize) {
    core::ptr::write_bytes(c, 0, R * n);
    let mut jb = 0;
    while jb < n {
        let nb = GEMV_NB.min(n - jb);
        let mut p = 0;
        while p < k {
            let t = if nb <= NARROW && p + 4 <= k { 4 } else { 1 };
            for r in 0..R {
                let (ar, row, cr) = (a.add(r * k + p), b.add(p * n + jb), c.add(r * n + jb));
                if t == 4 {
                    pass::<4, 2>(ar, row, n, cr, nb);
                } else {
                    pass::<1, 8>(ar, row, n, cr, nb);
                }
            }
            p += t;
        }
        jb += nb;
    }
}

/// C[m×n] = A[m×k] · B[k×n] (all row-major, contiguous), blocked KC × NC; fewer than MR rows skip the packing.
pub unsafe fn matmul_impl(a: *const f32, b: *const f32, c: *mut f32, m: usize, k: usize, n: usize) {
    if m == 0 || n == 0 {
        return;
    }
    if k == 0 {
        core::ptr::write_bytes(c, 0, m * n);
        return;
    }
    match m {
        1 => return few_rows::<1>(a, b, c, k, n),
        2 => return few_rows::<2>(a, b, c, k, n),
        3 => return few_rows::<3>(a, b, c, k, n),
        _ => {}
    }
    let mut buf: Vec<f32> = Vec::with_capacity(packed_len(KC.min(k), NC.min(n)));
    let bp = buf.as_mut_ptr();
    let mut abuf: Vec<f32> = Vec::with_capacity(KC * MR);
    let ap = abuf.as_mut_ptr();
    let mut jc = 0;
    while jc < n {
        let nc = NC.min(n - jc);
        let mut pc = 0;
        while pc < k {
            let kc = KC.min(k - pc);
            pack_b(b, n, pc, kc, jc, nc, bp);
            gemm_packed(a.add(pc), k, m, kc, bp, nc, c.add(jc), n, pc > 0, ap);
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
