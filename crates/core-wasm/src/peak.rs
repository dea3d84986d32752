//! The machine's SIMD128 multiply-add peak, measured by the bench in the same run as the GEMM: a register-only loop
//! of independent f32x4 chains acc ← acc·m + c. WebAssembly SIMD in Rust 1.63 has no fused multiply-add (relaxed
//! SIMD's f32x4.relaxed_madd is not available), so a "multiply-add" is one f32x4.mul and one f32x4.add: 8 flops per
//! chain step, and the peak is what the multiply and add pipes sustain together. 12 chains cover the mul→add latency
//! (about 6 cycles) at 2 chain steps per cycle and fit in the 16 xmm registers V8 allocates on x86-64.
use crate::simd::ld;
use core::arch::wasm32::*;

/// Chains kept in flight.
pub const PEAK_CHAINS: usize = 12;

/// Runs `iters` steps of [`PEAK_CHAINS`] chains (8 flops per chain step) and returns a value that depends on all of
/// them (so no step can be optimised away). `m` and `c` come from the caller so nothing is known at compile time.
#[no_mangle]
pub extern "C" fn simd_peak(iters: u32, m: f32, c: f32) -> f32 {
    let (mv, cv) = (f32x4_splat(m), f32x4_splat(c));
    let mut acc = [f32x4_splat(0.0); PEAK_CHAINS];
    for (i, a) in acc.iter_mut().enumerate() {
        *a = f32x4_splat(i as f32);
    }
    for _ in 0..iters {
        for a in acc.iter_mut() {
            *a = f32x4_add(f32x4_mul(*a, mv), cv);
        }
    }
    let mut s = f32x4_splat(0.0);
    for a in acc {
        s = f32x4_add(s, a);
    }
    f32x4_extract_lane::<0>(s) + f32x4_extract_lane::<1>(s) + f32x4_extract_lane::<2>(s) + f32x4_extract_lane::<3>(s)
}

/// Independent v128 accumulators of [`read_peak`].
const READ_ACCS: usize = 8;

/// The machine's read bandwidth for a buffer of `len` floats, measured by the bench in the same run as the GEMV (a
/// dense layer at batch 1 reads each weight once, so its roof is how fast B's bytes can be read): an OR of every v128
/// of the buffer into [`READ_ACCS`] accumulators, through one advancing pointer (each load addresses it plus a
/// constant, which V8 folds into the x86 address). Fastest of the reads tried on the bench machine, each right after
/// 8 MB of other streams as in the bench's rounds (same-run GB/s, loaded machine): OR × 8 58–75, OR × 4 60–74, OR × 16
/// 57–65, f32 add × 4 53–67, one u32 per 64-byte line 56–70, the earlier indexed loops 43–46 (2–3 integer ops per
/// load). The fold after the loop runs from the last accumulator down: folded from the first, TurboFan kept one
/// accumulator on the stack through the loop (a reload per iteration: 42–45 GB/s in the same rounds as 57–69).
/// Returns the OR's first lane (the floats past the last whole group of 4·[`READ_ACCS`] are not read).
#[no_mangle]
pub unsafe extern "C" fn read_peak(p: *const f32, len: usize) -> u32 {
    let mut acc = [f32x4_splat(0.0); READ_ACCS];
    let mut q = p;
    let end = p.add(len / (4 * READ_ACCS) * (4 * READ_ACCS));
    while q < end {
        for u in 0..READ_ACCS {
            acc[u] = v128_or(acc[u], ld(q.add(4 * u)));
        }
        q = q.add(4 * READ_ACCS);
    }
    let mut s = acc[READ_ACCS - 1];
    for u in (0..READ_ACCS - 1).rev() {
        s = v128_or(acc[u], s);
    }
    u32x4_extract_lane::<0>(s)
}
