//! The machine's SIMD128 multiply-add peak, measured by the bench in the same run as the GEMM: a register-only loop
//! of independent f32x4 chains acc ← acc·m + c. WebAssembly SIMD in Rust 1.63 has no fused multiply-add (relaxed
//! SIMD's f32x4.relaxed_madd is not available), so a "multiply-add" is one f32x4.mul and one f32x4.add: 8 flops per
//! chain step, and the peak is what the multiply and add pipes sustain together. 12 chains cover the mul→add latency
//! (about 6 cycles) at 2 chain steps per cycle and fit in the 16 xmm registers V8 allocates on x86-64.
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
/// constant, which V8 folds into the x86 address). Fastest of the folds tried on the bench machine with B read right
/// after another 4 MB stream (same-run GB/s): OR × 8 81–85, OR × 4 73–81, f32 add × 4 72–74, and the earlier indexed
/// loops 36–62 (2–3 integer ops per load); v128.or has a latency of one cycle, f32x4.add three. Returns the OR's
/// first lane (the floats past the last whole group of 4·[`READ_ACCS`] are not read).
#[no_mangle]
pub unsafe extern "C" fn read_peak(p: *const f32, len: usize) -> u32 {
    let mut acc = [u32x4_splat(0); READ_ACCS];
    let mut q = p;
    let end = p.add(len / (4 * READ_ACCS) * (4 * READ_ACCS));
    while q < end {
        for (u, a) in acc.iter_mut().enumerate() {
            *a = v128_or(*a, v128_load(q.add(4 * u) as *const v128));
        }
        q = q.add(4 * READ_ACCS);
    }
    let mut s = acc[0];
    for a in &acc[1..] {
        s = v128_or(s, *a);
    }
    u32x4_extract_lane::<0>(s)
}
