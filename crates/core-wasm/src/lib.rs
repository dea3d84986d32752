//! WASM SIMD128 kernels for `@dnn/core-wasm`.
//!
//! Every export takes raw pointers into linear memory (f32, row-major) and sizes;
//! the TypeScript loader allocates with `alloc`, copies in, calls, copies out.
//! No external crates: `core::arch::wasm32` intrinsics only. Build with
//! `-C target-feature=+simd128` (see `scripts/build-wasm.sh`).
#![allow(clippy::missing_safety_doc, clippy::too_many_arguments)]

mod act;
mod conv;
mod depthwise;
mod gemm;
mod grad;
mod lstm;
mod norm;
mod peak;
mod pool;
mod simd;
mod window;

use std::alloc::{alloc as sys_alloc, dealloc as sys_dealloc, Layout};

/// Allocates `bytes` bytes aligned to 16; returns 0 on failure.
#[no_mangle]
pub extern "C" fn alloc(bytes: usize) -> *mut u8 {
    match Layout::from_size_align(bytes.max(1), 16) {
        Ok(layout) => unsafe { sys_alloc(layout) },
        Err(_) => core::ptr::null_mut(),
    }
}

/// Frees a block returned by `alloc` with the same `bytes`.
#[no_mangle]
pub unsafe extern "C" fn dealloc(ptr: *mut u8, bytes: usize) {
    if !ptr.is_null() {
        sys_dealloc(ptr, Layout::from_size_align_unchecked(bytes.max(1), 16));
    }
}

/// ABI version, bumped whenever an export's signature changes.
#[no_mangle]
pub extern "C" fn abi_version() -> u32 {
    1
}
