//! Batch normalisation over NCHW (statistics per channel across N, H, W),
//! computed in f64 inside: y = γ·(x − μ)/√(σ² + ε) + β, and y = β when √(σ² + ε) = 0.
//! mode 0: inference (μ, σ² read from `mean`, `var`); mode 1: batch statistics with
//! the population variance; mode 2: the sample variance (÷ (count − 1), 0 when count < 2).
//! In modes 1 and 2 the statistics are written to `mean` and `var`.
#[no_mangle]
pub unsafe extern "C" fn batchnorm(
    x: *const f32,
    y: *mut f32,
    n: usize,
    c: usize,
    hw: usize,
    gamma: *const f32,
    beta: *const f32,
    mean: *mut f32,
    var: *mut f32,
    eps: f64,
    mode: u32,
) {
    let count = n * hw;
    for ch in 0..c {
        let (mu, v) = if mode == 0 {
            (*mean.add(ch) as f64, *var.add(ch) as f64)
        } else {
            let mut s = 0f64;
            for b in 0..n {
                let p = x.add((b * c + ch) * hw);
                for j in 0..hw {
                    s += *p.add(j) as f64;
                }
            }
            let mu = if count > 0 { s / count as f64 } else { 0.0 };
            let mut ss = 0f64;
            for b in 0..n {
                let p = x.add((b * c + ch) * hw);
                for j in 0..hw {
                    let d = *p.add(j) as f64 - mu;
                    ss += d * d;
                }
            }
            let div = if mode == 2 { count as f64 - 1.0 } else { count as f64 };
            let v = if div > 0.0 { ss / div } else { 0.0 };
            *mean.add(ch) = mu as f32;
            *var.add(ch) = v as f32;
            (mu, v)
        };
        let g = if gamma.is_null() { 1.0 } else { *gamma.add(ch) as f64 };
        let be = if beta.is_null() { 0.0 } else { *beta.add(ch) as f64 };
        let sd = (v + eps).sqrt();
        let scale = if sd > 0.0 { g / sd } else { 0.0 };
        for b in 0..n {
            let off = (b * c + ch) * hw;
            let (p, q) = (x.add(off), y.add(off));
            for j in 0..hw {
                *q.add(j) = ((*p.add(j) as f64 - mu) * scale + be) as f32;
            }
        }
    }
}
