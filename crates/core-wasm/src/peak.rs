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
