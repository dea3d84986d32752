/**
 * Backward-kernel workloads (the gradients of conv/backprop) against tfjs-backend-wasm's gradient kernels, called
 * directly (no forward pass in the timing): Conv2DBackpropInput (tf.conv2dTranspose), MaxPoolGrad, AvgPoolGrad.
 * tfjs-backend-wasm has no Conv2DBackpropFilter, so its weight-gradient row runs the same contraction as a forward
 * conv2d on its XNNPACK path: ∂W[c][a][b][o] = conv(X[c] as a batch of one-channel images, ∂Y as a filter).
 * No dnn-ts rows: the TypeScript reference of the gradients is the kernels' oracle (plain loops), not a fast path.
 */
import { inMemory, rand, rt, type Workload } from './kernels-inputs.js';
import { tf, useTfjs } from './kernels-peers.js';

const ex = rt.exports;

/** NHWC of an NCHW array (tfjs's layout), as a tensor. */
const nhwc = (a: Float32Array, c: number, h: number, w: number) =>
  tf.tensor4d(a, [1, c, h, w]).transpose([0, 2, 3, 1]) as tf.Tensor4D;

interface ConvShape {
  c: number;
  h: number;
  oc: number;
  k: number;
  p: number;
}

/** ∂L/∂X and ∂L/∂W of a stride-1 conv2d. */
function convGrads({ c, h, oc, k, p }: ConvShape): Workload[] {
  const o = h + 2 * p - k + 1;
  const x = rand(c * h * h, 21);
  const w = rand(oc * c * k * k, 22);
  const gy = rand(oc * o * o, 23);
  const shape = `1x${c}x${h}x${h}, ${oc} filters ${k}x${k}, stride 1, pad ${p}`;
  const flops = 2 * oc * o * o * c * k * k;
  const input: Workload = {
    kernel: 'conv2d-grad-input',
    shape,
    flops,
    impls: {
      'dnn-wasm': () =>
        inMemory(rt, [gy, w, c * h * h], ([pg, pw, px]) =>
          ex.conv2d_grad_input(pg!, pw!, px!, 1, c, h, h, oc, k, k, 1, 1, p, p, 1, 1, o, o),
        ),
      'tfjs-wasm': async () => {
        await useTfjs('wasm');
        const tdy = nhwc(gy, oc, o, o);
        const tw = tf.tensor4d(w, [oc, c, k, k]).transpose([2, 3, 1, 0]) as tf.Tensor4D;
        const pad = p === (k - 1) / 2 ? 'same' : 'valid';
        return {
          prepare: () => useTfjs('wasm'),
          run: () => tf.conv2dTranspose(tdy, tw, [1, h, h, c], 1, pad).dispose(),
        };
      },
    },
  };
  const weight: Workload = {
    kernel: 'conv2d-grad-weight',
    shape: `${shape} (tfjs-wasm: as a conv2d, no Conv2DBackpropFilter)`,
    flops,
    impls: {
      'dnn-wasm': () =>
        inMemory(rt, [x, gy, oc * c * k * k], ([px, pg, pw]) =>
          ex.conv2d_grad_weight(px!, pg!, pw!, 1, c, h, h, oc, k, k, 1, 1, p, p, 1, 1, o, o),
        ),
      'tfjs-wasm': async () => {
        await useTfjs('wasm');
        const tx = tf.tensor4d(x, [c, h, h, 1]);
        const tdy = nhwc(gy, oc, o, o).reshape([o, o, 1, oc]) as tf.Tensor4D;
        const pads: [[number, number], [number, number], [number, number], [number, number]] = [
          [0, 0],
          [p, p],
          [p, p],
          [0, 0],
        ];
        return { prepare: () => useTfjs('wasm'), run: () => tf.conv2d(tx, tdy, 1, pads).dispose() };
      },
    },
  };
  return [input, weight];
}

/** ∂L/∂X of max or average pooling (padding ignored, as in tfjs). */
function poolGrad(kind: 'max' | 'avg', c: number, h: number, k: number, s: number, p: number): Workload {
  const o = Math.floor((h + 2 * p - k) / s) + 1;
  const x = rand(c * h * h, 24);
  const gy = rand(c * o * o, 25);
  const attrs = { filterSize: k, strides: s, pad: p };
  return {
    kernel: kind === 'max' ? 'maxpool2d-grad' : 'avgpool2d-grad',
    shape: `1x${c}x${h}x${h}, ${k}x${k}, stride ${s}, pad ${p} (padding ignored)`,
    flops: c * o * o * k * k,
    impls: {
      'dnn-wasm': () =>
        kind === 'max'
          ? inMemory(rt, [x, gy, c * h * h], ([px, pg, pd]) =>
              ex.maxpool2d_grad(px!, pg!, pd!, c, h, h, k, k, s, s, p, p, o, o, 0),
            )
          : inMemory(rt, [gy, c * h * h], ([pg, pd]) =>
              ex.avgpool2d_grad(pg!, pd!, c, h, h, k, k, s, s, p, p, o, o, 0),
            ),
      'tfjs-wasm': async () => {
        await useTfjs('wasm');
        const tx = nhwc(x, c, h, h);
        const tdy = nhwc(gy, c, o, o);
        const ty = kind === 'max' ? tf.maxPool(tx, k, s, p) : undefined;
        const run =
          kind === 'max'
            ? () =>
                (
                  tf.engine().runKernel('MaxPoolGrad', { dy: tdy, input: tx, output: ty! }, attrs) as tf.Tensor
                ).dispose()
            : () => (tf.engine().runKernel('AvgPoolGrad', { dy: tdy, input: tx }, attrs) as tf.Tensor).dispose();
        return { prepare: () => useTfjs('wasm'), run };
      },
    },
  };
}

/** The gradient workloads (small shapes when `quick`). */
export function backwardWorkloads(quick: boolean): Workload[] {
  if (quick) {
    return [
      ...convGrads({ c: 8, h: 16, oc: 8, k: 3, p: 1 }),
      poolGrad('max', 8, 16, 3, 2, 1),
      poolGrad('avg', 8, 16, 3, 2, 1),
    ];
  }
  return [
    ...convGrads({ c: 64, h: 56, oc: 64, k: 3, p: 1 }),
    poolGrad('max', 64, 112, 3, 2, 1),
    poolGrad('avg', 64, 112, 3, 2, 1),
  ];
}
