//! Elementwise activations and a row-wise softmax.
use crate::simd::{exp4, ld, map4, sigmoid4, st, tanh4};
use core::arch::wasm32::*;

/// y = max(0, x) (y may alias x).
#[no_mangle]
pub unsafe extern "C" fn act_relu(x: *const f32, y: *mut f32, len: usize) {
    map4(x, y, len, |v| f32x4_pmax(v, f32x4_splat(0.0)))
}

/// y = 1 / (1 + e^−x).
#[no_mangle]
pub unsafe extern "C" fn act_sigmoid(x: *const f32, y: *mut f32, len: usize) {
    map4(x, y, len, sigmoid4)
}

/// y = tanh x.
#[no_mangle]
pub unsafe extern "C" fn act_tanh(x: *const f32, y: *mut f32, len: usize) {
    map4(x, y, len, tanh4)
}

/// Softmax of each of `rows` rows of `cols` values (max subtracted first).
#[no_mangle]
pub unsafe extern "C" fn softmax(x: *const f32, y: *mut f32, rows: usize, cols: usize) {
    for r in 0..rows {
        let (src, dst) = (x.add(r * cols), y.add(r * cols));
        let mut m = f32::NEG_INFINITY;
        for j in 0..cols {
            let v = *src.add(j);
            if v > m {
                m = v;
            }
        }
        let mv = f32x4_splat(m);
        map4(src, dst, cols, |v| exp4(f32x4_sub(v, mv)));
        let mut s = 0f32;
        let mut acc = f32x4_splat(0.0);
        let mut j = 0;
        while j + 4 <= cols {
            acc = f32x4_add(acc, ld(dst.add(j)));
            j += 4;
        }
        s += f32x4_extract_lane::<0>(acc) + f32x4_extract_lane::<1>(acc) + f32x4_extract_lane::<2>(acc) + f32x4_extract_lane::<3>(acc);
        while j < cols {
            s += *dst.add(j);
            j += 1;
        }
        let inv = f32x4_splat(1.0 / s);
        let mut j = 0;
        while j + 4 <= cols {
            st(dst.add(j), f32x4_mul(ld(dst.add(j)), inv));
            j += 4;
        }
        while j < cols {
            *dst.add(j) /= s;
            j += 1;
        }
    }
}
