/** Layout helpers: nested ↔ flat, and the LSTM gate packing used to call the kernel from rnn/lstm-forward. */
import { describe, expect, it } from 'vitest';
import { initSync, lstmRef } from './index.js';
import { packGateMatrices, packGateVectors, splitGates, toNested } from './layout.js';

describe('layout', () => {
  it('toNested inverts row-major flattening', () => {
    expect(toNested([1, 2, 3, 4, 5, 6], [2, 3])).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    expect(toNested([1, 2, 3, 4], [1, 2, 2])).toEqual([
      [
        [1, 2],
        [3, 4],
      ],
    ]);
    expect(() => toNested([1, 2], [3])).toThrow(RangeError);
  });

  it('per-gate [H][D] matrices packed to [D][4H] give the textbook LSTM: i = σ(Wx_i·x + Wh_i·h + b_i) …', () => {
    // H = 1, D = 2, one step from h0 = 0.5, c0 = 1; by hand: z_gate = Wx_gate·x + Wh_gate·h0 + b_gate
    const Wx = { i: [[1, 0]], f: [[0, 1]], g: [[1, 1]], o: [[-1, 0]] };
    const Wh = { i: [[2]], f: [[0]], g: [[-2]], o: [[1]] };
    const b = { i: [0], f: [1], g: [0], o: [0] };
    const x = [0.5, -0.5];
    const z = { i: 0.5 + 1, f: -0.5 + 1, g: 0 - 1, o: -0.5 + 0.5 };
    const sig = (v: number) => 1 / (1 + Math.exp(-v));
    const c = sig(z.f) * 1 + sig(z.i) * Math.tanh(z.g);
    const h = sig(z.o) * Math.tanh(c);
    const p = {
      steps: 1,
      inputSize: 2,
      hiddenSize: 1,
      w: packGateMatrices(Wx, 1, 2),
      r: packGateMatrices(Wh, 1, 1),
      b: packGateVectors(b, 1),
      h0: [0.5],
      c0: [1],
    };
    for (const k of [lstmRef, initSync({ backend: 'wasm' }).lstm]) {
      const r = k(x, p);
      expect(r.c[0]).toBeCloseTo(c, 6);
      expect(r.h[0]).toBeCloseTo(h, 6);
      const g = splitGates(r.gates, 1);
      expect(g.i[0]).toBeCloseTo(sig(z.i), 6);
      expect(g.g[0]).toBeCloseTo(Math.tanh(z.g), 6);
    }
  });
});
