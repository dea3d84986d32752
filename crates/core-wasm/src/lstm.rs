//! LSTM sequence forward, Keras layout: W [I][4H], R [H][4H], b [4H], gate blocks
//! in the order i, f, g, o. The input projection X·W of all steps is one GEMM;
//! each step adds h_{t−1}·R — one GEMM for all four gates against R packed once.
//! i, f, o = σ(·); g = cand(·); c_t = f∘c_{t−1} + i∘g; h_t = o∘cell(c_t).
use crate::gemm::{gemm_packed, matmul_impl, pack_b, packed_len, MR};
use crate::simd::{add_into, ld, map4, sigmoid4, st, tanh4};
use core::arch::wasm32::*;

#[inline(always)]
unsafe fn activate(p: *mut f32, len: usize, kind: u32) {
    match kind {
        0 => map4(p, p, len, tanh4),
        1 => map4(p, p, len, sigmoid4),
        _ => {}
    }
}

/// Exported LSTM forward. x [T][B][I]; h0, c0 [B][H] or null (zeros);
/// hs, cs [T][B][H] receive every step; `gates` [T][B][4H] (or null) receives the
/// gate values after their activations. `cand`: 0 tanh, 1 sigmoid;
/// `cell`: 0 tanh, 1 sigmoid, 2 linear.
#[no_mangle]
pub unsafe extern "C" fn lstm(
    x: *const f32,
    w: *const f32,
    r: *const f32,
    b: *const f32,
    h0: *const f32,
    c0: *const f32,
    hs: *mut f32,
    cs: *mut f32,
    gates: *mut f32,
    t: usize,
    batch: usize,
    ni: usize,
    nh: usize,
    cand: u32,
    cell: u32,
) {
    let g4 = 4 * nh;
    if t == 0 || batch == 0 || nh == 0 {
        return;
    }
    let mut own: Vec<f32> = Vec::new();
    let gb = if gates.is_null() {
        own.reserve_exact(t * batch * g4);
        own.as_mut_ptr()
    } else {
        gates
    };
    matmul_impl(x, w, gb, t * batch, ni, g4);
    if !b.is_null() {
        for row in 0..t * batch {
            add_into(gb.add(row * g4), b, g4);
        }
    }
    let mut rp: Vec<f32> = Vec::with_capacity(packed_len(nh, g4));
    pack_b(r, g4, 0, nh, 0, g4, rp.as_mut_ptr());
    let mut ap: Vec<f32> = Vec::with_capacity(nh * MR);
    let mut zeros: Vec<f32> = Vec::new();
    if h0.is_null() || c0.is_null() {
        zeros = vec![0.0; batch * nh];
    }
    let mut hprev = if h0.is_null() { zeros.as_ptr() } else { h0 };
    let mut cprev = if c0.is_null() { zeros.as_ptr() } else { c0 };
    for step in 0..t {
        let g = gb.add(step * batch * g4);
        gemm_packed(hprev, nh, batch, nh, rp.as_ptr(), g4, g, g4, true, ap.as_mut_ptr());
        let (ht, ct) = (hs.add(step * batch * nh), cs.add(step * batch * nh));
        for bi in 0..batch {
            let gr = g.add(bi * g4);
            map4(gr, gr, 2 * nh, sigmoid4);
            activate(gr.add(2 * nh), nh, cand);
            map4(gr.add(3 * nh), gr.add(3 * nh), nh, sigmoid4);
            let (ig, fg, gg, og) = (gr, gr.add(nh), gr.add(2 * nh), gr.add(3 * nh));
            let (cp, cn, hn) = (cprev.add(bi * nh), ct.add(bi * nh), ht.add(bi * nh));
            let mut j = 0;
            while j + 4 <= nh {
                let cv = f32x4_add(f32x4_mul(ld(fg.add(j)), ld(cp.add(j))), f32x4_mul(ld(ig.add(j)), ld(gg.add(j))));
                st(cn.add(j), cv);
                j += 4;
            }
            while j < nh {
                *cn.add(j) = *fg.add(j) * *cp.add(j) + *ig.add(j) * *gg.add(j);
                j += 1;
            }
            // h = o ∘ cell(c): activate a copy of c in h, then multiply by o
            core::ptr::copy_nonoverlapping(cn, hn, nh);
            activate(hn, nh, cell);
            let mut j = 0;
            while j + 4 <= nh {
                st(hn.add(j), f32x4_mul(ld(og.add(j)), ld(hn.add(j))));
                j += 4;
            }
            while j < nh {
                *hn.add(j) *= *og.add(j);
                j += 1;
            }
        }
        hprev = ht;
        cprev = ct;
    }
}
