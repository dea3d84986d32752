/** The raw exports of `dnn_core.wasm` (crates/core-wasm). Pointers are byte offsets into `memory`; sizes are element counts. */
export interface CoreWasmExports {
  /** The module's linear memory (grows when `alloc` needs room; the old ArrayBuffer is then detached). */
  readonly memory: { readonly buffer: ArrayBuffer; grow(pages: number): number };
  /** ABI version of the exports below. */
  abi_version(): number;
  /** Allocates `bytes` bytes, 16-aligned; 0 on failure. */
  alloc(bytes: number): number;
  /** Frees a block from `alloc` (same `bytes`). */
  dealloc(ptr: number, bytes: number): void;
  /**
   * The SIMD128 multiply-add peak probe for benchmarks: `iters` steps of 12 independent f32x4 chains acc ← acc·m + c
   * (one f32x4.mul and one f32x4.add each — wasm SIMD has no fused multiply-add — so 96 flops per step), registers
   * only; returns a value depending on every chain.
   */
  simd_peak(iters: number, m: number, c: number): number;
  /**
   * The read-bandwidth probe for benchmarks: ORs every v128 of `len` floats at `ptr` (whole groups of 32 floats) into
   * 8 accumulators and returns the first lane, so a GEMV's time can be set against the time to read its bytes.
   */
  read_peak(ptr: number, len: number): number;
  /** C[m×n] = A[m×k]·B[k×n], row-major f32. */
  matmul(a: number, b: number, c: number, m: number, k: number, n: number): void;
  /** NCHW conv2d (groups 1); `bias` 0 for none; padding bottom/right implied by oh, ow. */
  conv2d(
    x: number,
    w: number,
    bias: number,
    y: number,
    n: number,
    c: number,
    h: number,
    wd: number,
    oc: number,
    kh: number,
    kw: number,
    sh: number,
    sw: number,
    pt: number,
    pl: number,
    dh: number,
    dw: number,
    oh: number,
    ow: number,
    relu: number,
  ): void;
  /** Max pooling of `planes` h×w planes; `padZero` 1 = padded cells are 0, 0 = they never win. */
  maxpool2d(
    x: number,
    y: number,
    planes: number,
    h: number,
    w: number,
    kh: number,
    kw: number,
    sh: number,
    sw: number,
    pt: number,
    pl: number,
    oh: number,
    ow: number,
    padZero: number,
  ): void;
  /** Average pooling; `countPad` 1 divides by kH·kW, 0 by the cells inside the image. */
  avgpool2d(
    x: number,
    y: number,
    planes: number,
    h: number,
    w: number,
    kh: number,
    kw: number,
    sh: number,
    sw: number,
    pt: number,
    pl: number,
    oh: number,
    ow: number,
    countPad: number,
  ): void;
  /** Depthwise conv2d (groups = c): weights [c][kh][kw], bias [c] or 0; geometry as `conv2d`. */
  dwconv2d(
    x: number,
    w: number,
    bias: number,
    y: number,
    n: number,
    c: number,
    h: number,
    wd: number,
    kh: number,
    kw: number,
    sh: number,
    sw: number,
    pt: number,
    pl: number,
    dh: number,
    dw: number,
    oh: number,
    ow: number,
  ): void;
  /** ∂L/∂X of conv2d (geometry as `conv2d`): gy [n][oc][oh][ow], weights → gx [n][c][h][w]. */
  conv2d_grad_input(
    gy: number,
    w: number,
    gx: number,
    n: number,
    c: number,
    h: number,
    wd: number,
    oc: number,
    kh: number,
    kw: number,
    sh: number,
    sw: number,
    pt: number,
    pl: number,
    dh: number,
    dw: number,
    oh: number,
    ow: number,
  ): void;
  /** ∂L/∂W of conv2d, summed over the batch: x, gy → gw [oc][c][kh][kw]. */
  conv2d_grad_weight(
    x: number,
    gy: number,
    gw: number,
    n: number,
    c: number,
    h: number,
    wd: number,
    oc: number,
    kh: number,
    kw: number,
    sh: number,
    sw: number,
    pt: number,
    pl: number,
    dh: number,
    dw: number,
    oh: number,
    ow: number,
  ): void;
  /** ∂L/∂X of max pooling (first maximum in row-major order; `padZero` as `maxpool2d`). */
  maxpool2d_grad(
    x: number,
    gy: number,
    gx: number,
    planes: number,
    h: number,
    w: number,
    kh: number,
    kw: number,
    sh: number,
    sw: number,
    pt: number,
    pl: number,
    oh: number,
    ow: number,
    padZero: number,
  ): void;
  /** ∂L/∂X of average pooling (`countPad` as `avgpool2d`). */
  avgpool2d_grad(
    gy: number,
    gx: number,
    planes: number,
    h: number,
    w: number,
    kh: number,
    kw: number,
    sh: number,
    sw: number,
    pt: number,
    pl: number,
    oh: number,
    ow: number,
    countPad: number,
  ): void;
  /** Batch norm over NCHW; mode 0 inference, 1 population batch stats, 2 sample batch stats (written to mean, var). */
  batchnorm(
    x: number,
    y: number,
    n: number,
    c: number,
    hw: number,
    gamma: number,
    beta: number,
    mean: number,
    variance: number,
    eps: number,
    mode: number,
  ): void;
  /** LSTM forward (Keras layout W [I][4H], R [H][4H], gates i, f, g, o); cand 0 tanh 1 sigmoid; cell 0 tanh 1 sigmoid 2 linear. */
  lstm(
    x: number,
    w: number,
    r: number,
    b: number,
    h0: number,
    c0: number,
    hs: number,
    cs: number,
    gates: number,
    t: number,
    batch: number,
    ni: number,
    nh: number,
    cand: number,
    cell: number,
  ): void;
  /** y = max(0, x). */
  act_relu(x: number, y: number, len: number): void;
  /** y = σ(x). */
  act_sigmoid(x: number, y: number, len: number): void;
  /** y = tanh(x). */
  act_tanh(x: number, y: number, len: number): void;
  /** Row-wise softmax of rows × cols. */
  softmax(x: number, y: number, rows: number, cols: number): void;
}
