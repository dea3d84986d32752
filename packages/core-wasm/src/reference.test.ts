/** Hand-derived cases for the reference kernels (the oracle itself needs an oracle). */
import { describe, expect, it } from 'vitest';
import { referenceKernels as k } from './reference.js';

describe('reference kernels, by hand', () => {
  it('matmul: [[1,2],[3,4]]·[[5,6],[7,8]] = [[19,22],[43,50]]', () => {
    expect(Array.from(k.matmul([1, 2, 3, 4], [5, 6, 7, 8], 2, 2, 2))).toEqual([19, 22, 43, 50]);
  });

  it('conv2d: 3×3 input 1..9, 2×2 kernel [[1,0],[0,-1]], stride 1: y = x[i][j] − x[i+1][j+1] = −4 everywhere', () => {
    const y = k.conv2d([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 0, 0, -1], {
      channels: 1,
      height: 3,
      width: 3,
      outChannels: 1,
      kernel: 2,
    });
    expect(y.shape).toEqual([1, 1, 2, 2]);
    expect(Array.from(y.data)).toEqual([-4, -4, -4, -4]);
  });

  it('conv2d: padding 1, 3×3 ones kernel on a 2×2 input of ones sums the 4 cells every window covers (4), bias 1, relu', () => {
    const y = k.conv2d([1, 1, 1, 1], Array(9).fill(1), {
      channels: 1,
      height: 2,
      width: 2,
      outChannels: 1,
      kernel: 3,
      padding: 1,
      bias: [1],
      relu: true,
    });
    expect(Array.from(y.data)).toEqual([5, 5, 5, 5]);
  });

  it('conv2d: dilation 2 on 1×5 with kernel [1,1] adds x[j] and x[j+2]', () => {
    const y = k.conv2d([1, 2, 3, 4, 5], [1, 1], {
      channels: 1,
      height: 1,
      width: 5,
      outChannels: 1,
      kernel: [1, 2],
      dilation: 2,
    });
    expect(Array.from(y.data)).toEqual([4, 6, 8]);
  });

  it('pooling conventions: 2×2 input [[-1,-2],[-3,-4]], kernel 2, stride 2, padding 1', () => {
    const p = { channels: 1, height: 2, width: 2, kernel: 2, padding: 1 };
    // every window holds one input cell and three padded cells
    expect(Array.from(k.maxpool2d([-1, -2, -3, -4], { ...p, padValue: 'zero' }).data)).toEqual([0, 0, 0, 0]);
    expect(Array.from(k.maxpool2d([-1, -2, -3, -4], { ...p, padValue: 'ignore' }).data)).toEqual([-1, -2, -3, -4]);
    expect(Array.from(k.avgpool2d([-1, -2, -3, -4], { ...p, padValue: 'zero' }).data)).toEqual([
      -0.25, -0.5, -0.75, -1,
    ]);
    expect(Array.from(k.avgpool2d([-1, -2, -3, -4], { ...p, padValue: 'ignore' }).data)).toEqual([-1, -2, -3, -4]);
  });

  it('batchnorm: feature [1, 3] has mean 2, population variance 1 (sample 2); y = γ·(x−2)/1 + β', () => {
    const r = k.batchnorm([1, 3], { batch: 2, channels: 1, gamma: [2], beta: [0.5] });
    expect(Array.from(r.mean)).toEqual([2]);
    expect(Array.from(r.variance)).toEqual([1]);
    expect(Array.from(r.y)).toEqual([-1.5, 2.5]);
    expect(Array.from(k.batchnorm([1, 3], { batch: 2, channels: 1, mode: 'sample' }).variance)).toEqual([2]);
    // a constant feature with eps 0 has std 0: zNorm is 0, so y = β
    expect(Array.from(k.batchnorm([5, 5], { batch: 2, channels: 1, beta: [7] }).y)).toEqual([7, 7]);
  });

  it('lstm: one step, H = 1, all pre-activations 0: i = f = o = ½, g = 0, c = ½·c0, h = ½·tanh(c)', () => {
    const r = k.lstm([0], { steps: 1, inputSize: 1, hiddenSize: 1, w: [0, 0, 0, 0], r: [0, 0, 0, 0], c0: [2] });
    expect(Array.from(r.gates)).toEqual([0.5, 0.5, 0, 0.5]);
    expect(Array.from(r.c)).toEqual([1]);
    expect(r.h[0]).toBeCloseTo(0.5 * Math.tanh(1), 15);
  });

  it('softmax of [0, ln 3] is [1/4, 3/4]', () => {
    const y = k.softmax([0, Math.log(3)], 1, 2);
    expect(y[0]).toBeCloseTo(0.25, 15);
    expect(y[1]).toBeCloseTo(0.75, 15);
  });
});
