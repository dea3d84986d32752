/**
 * The max and average pooling layers of conv/backprop: forward through the
 * shared pooling kernels (values as conv/pool), backward by routing. A max
 * sends each output gradient to the window cell that won (the first maximum
 * in row-major order, or shared equally at a tie with `maxTie: "split"`); a
 * padded cell that wins keeps its share, which is lost. An average sends
 * g/count to every cell it averaged.
 */
import { eq, frac, num, rel, type Step, step, tex } from '@dnn/core';
import { poolChannels } from './kernel-backend.js';
import { poolGradInput } from './kernel-backend-grad.js';
import {
  gradSym,
  type LayerPass,
  layerSym,
  mapShape,
  type PassContext,
  type PoolRoute,
  type Value,
  valueSteps,
} from './layer-pass.js';
import { poolCellStep } from './pool.js';
import {
  checkPaddingBelowKernel,
  inside,
  tapCol,
  tapRow,
  type WindowGeometry,
  windowGeometry,
} from './sliding-window.js';
import { checkFinite } from './tensor.js';
import { cellSteps, paddedMatrices } from './window-steps.js';

/** A validated pooling layer spec. */
export interface PoolLayerSpec {
  type: 'maxpool' | 'avgpool';
  kernel: number | number[];
  stride?: number | number[] | undefined;
  padding: number | number[] | 'valid' | 'same';
  padValue: 'zero' | 'ignore';
}

/** Where one output cell's gradient goes: window cells (row, col of the input; may be padding) and their shares. */
interface Route {
  cells: { iy: number; ix: number; real: boolean }[];
  /** Fraction of the gradient each cell receives. */
  share: number;
  /** Cells tied at the maximum (max pooling), else 0. */
  tied: number;
}

/** Runs a pooling layer forward; its `backward` routes the output gradient to the input. */
export function poolPass(spec: PoolLayerSpec, x: Value, ctx: PassContext): LayerPass {
  const { n, path } = ctx;
  const kind = spec.type === 'maxpool' ? 'max' : 'avg';
  const xShape = mapShape(x, path, spec.type);
  const [C, H, W] = xShape;
  const g = windowGeometry({
    size: [H, W],
    kernel: spec.kernel,
    stride: spec.stride ?? spec.kernel,
    padding: spec.padding,
    kernelPath: `${path}.kernel`,
    title: `Layer ${n} (${spec.type}): output size`,
  });
  if (spec.padValue === 'ignore') {
    checkPaddingBelowKernel(
      g,
      `${path}.padding`,
      'with padValue "ignore" such a window has no value (PyTorch requires padding ≤ kernel/2)',
    );
  }
  const [Ho, Wo] = g.out;
  const reads = C * Ho * Wo * g.kernel[0] * g.kernel[1];
  ctx.charge(2 * reads, (spec.type === 'maxpool' ? 5 : 2) * C * Ho * Wo + C * H * W);
  const opts = { kind, kernel: g.kernel, stride: g.stride, pads: g.pads, padValue: spec.padValue } as const;
  const out = poolChannels(x.data, xShape, opts, { precision: 'double' }).result.data;
  checkFinite(out, path, `an average of layer ${n}`);
  const rank2 = x.shape.length === 2;
  const outShape = rank2 ? [Ho, Wo] : [C, Ho, Wo];
  const how = { kind, padValue: spec.padValue } as const;
  const steps: Step[] = [
    step(
      `Layer ${n} (${spec.type}): ${g.kernel.join('×')} windows, stride ${g.stride.join('×')}, each channel alone${g.pads.top + g.pads.left + g.pads.bottom + g.pads.right > 0 ? `; padded cells ${spec.padValue === 'zero' ? 'count as 0' : 'are left out'}` : ''}`,
    ),
    ...g.steps,
    ...(spec.padValue === 'zero'
      ? paddedMatrices(g, x.data, xShape)
      : paddedMatrices(g, x.data, xShape, tex('∅', '\\varnothing'), 'Padded input (∅: padding, left out)')),
    ...cellSteps(g, C, (c, y, xo) => poolCellStep(g, x.data, xShape, how, out, c, y, xo, rank2)),
    ...valueSteps(`Layer ${n} output`, (c) => (c === null ? layerSym('Y', n) : layerSym('Y', n, c)), out, outShape),
  ];
  const routes = () => routeAll(g, x.data, xShape, spec, ctx.maxTie);
  return {
    output: { data: out, shape: outShape },
    steps,
    notes: g.notes,
    backward: (gy) => poolBackward(g, x.data, xShape, rank2, routes(), gy, ctx, spec),
  };
}

/** The route of every output cell, in [C][H_out][W_out] order. */
function routeAll(
  g: WindowGeometry,
  x: Float64Array,
  [C, H, W]: [number, number, number],
  spec: PoolLayerSpec,
  maxTie: 'first' | 'split',
): Route[] {
  const routes: Route[] = [];
  const [kH, kW] = g.kernel;
  for (let c = 0; c < C; c++) {
    for (let y = 0; y < g.out[0]; y++) {
      for (let xo = 0; xo < g.out[1]; xo++) {
        const cells: { iy: number; ix: number; real: boolean; v: number }[] = [];
        for (let a = 0; a < kH; a++) {
          for (let b = 0; b < kW; b++) {
            const iy = tapRow(g, y, a);
            const ix = tapCol(g, xo, b);
            const real = inside(H, W, iy, ix);
            if (!real && spec.padValue === 'ignore') continue;
            cells.push({ iy, ix, real, v: real ? (x[(c * H + iy) * W + ix] as number) : 0 });
          }
        }
        if (spec.type === 'avgpool') {
          routes.push({ cells, share: 1 / cells.length, tied: 0 });
          continue;
        }
        // Strictly greater keeps the first maximum in row-major order.
        let best = cells[0] as (typeof cells)[number];
        for (const cell of cells) if (cell.v > best.v) best = cell;
        const winners = cells.filter((cell) => cell.v === best.v);
        const chosen = maxTie === 'split' ? winners : [best];
        routes.push({ cells: chosen, share: 1 / chosen.length, tied: winners.length });
      }
    }
  }
  return routes;
}

/** ∂L/∂X by routing: the float64 loop (the kernels' fallback). */
function routeGradients(xShape: [number, number, number], out: readonly number[], routes: Route[], gy: Float64Array) {
  const [C, H, W] = xShape;
  const gx = new Float64Array(C * H * W);
  routes.forEach((r, i) => {
    const c = Math.floor(i / (out[0]! * out[1]!));
    const d = (gy[i] as number) * r.share;
    for (const cell of r.cells) {
      if (cell.real) gx[(c * H + cell.iy) * W + cell.ix] = (gx[(c * H + cell.iy) * W + cell.ix] as number) + d;
    }
  });
  return gx;
}

function poolBackward(
  g: WindowGeometry,
  x: Float64Array,
  xShape: [number, number, number],
  rank2: boolean,
  routes: Route[],
  gy: Float64Array,
  ctx: PassContext,
  spec: PoolLayerSpec,
) {
  const { type } = spec;
  const [C, H, W] = xShape;
  const [Ho, Wo] = g.out;
  let lost = 0;
  routes.forEach((r, i) => {
    if ((gy[i] as number) * r.share !== 0) lost += r.cells.filter((cell) => !cell.real).length;
  });
  const geo = {
    kind: type === 'maxpool' ? ('max' as const) : ('avg' as const),
    x: xShape,
    kernel: g.kernel,
    stride: g.stride,
    pads: g.pads,
    out: g.out,
    padValue: spec.padValue,
    maxTie: ctx.maxTie,
    counts: {
      *[Symbol.iterator]() {
        for (const r of routes) yield r.cells.length;
      },
    },
  };
  const gx = poolGradInput(geo, x, gy, () => routeGradients(xShape, g.out, routes, gy));
  checkFinite(gx, ctx.path, `an input gradient of layer ${ctx.n}`);
  const { n } = ctx;
  const xSym = (c: number, iy: number, ix: number) => (rank2 ? gradSym('X', n, iy, ix) : gradSym('X', n, c, iy, ix));
  const ySym = (c: number, y: number, xo: number) => (rank2 ? gradSym('Y', n, y, xo) : gradSym('Y', n, c, y, xo));
  const steps: Step[] = [
    type === 'maxpool'
      ? step(
          `Layer ${n} (maxpool), local gradient: ∂Y/∂X is 1 for the cell that gave the maximum and 0 for the others, so each output gradient is routed to its window's maximum (${ctx.maxTie === 'first' ? 'at a tie, the first maximum in row-major order takes it all' : 'at a tie, the tied cells share it equally'}; a padded cell that wins keeps its share, which is lost)`,
        )
      : step(
          `Layer ${n} (avgpool), local gradient: ∂Y/∂X = 1/count for every cell of the window, so each cell receives the output gradient divided by the number of cells averaged`,
        ),
  ];
  steps.push(
    ...cellSteps(g, C, (c, y, xo) => {
      const i = (c * Ho + y) * Wo + xo;
      const r = routes[i] as Route;
      const d = (gy[i] as number) * r.share;
      const where = (cell: Route['cells'][number]) =>
        cell.real
          ? rank2
            ? `X[${cell.iy}][${cell.ix}]`
            : `X[${c}][${cell.iy}][${cell.ix}]`
          : `a padded cell (row ${cell.iy + g.pads.top}, column ${cell.ix + g.pads.left} of the padded input)`;
      const yName = rank2 ? `Y[${y}][${xo}]` : `Y[${c}][${y}][${xo}]`;
      const real = r.cells.filter((cell) => cell.real);
      const tie =
        r.tied > 1
          ? ` (${r.tied} cells tie at the maximum; ${ctx.maxTie === 'first' ? 'the first takes it' : 'they share it'})`
          : '';
      const title =
        type === 'maxpool'
          ? `${yName}: the maximum came from ${r.cells.map(where).join(' and ')}${tie}`
          : `${yName}: ${r.cells.length} cells averaged, each receives 1/${r.cells.length} of the gradient`;
      if (real.length === 0) {
        return step(`${title}: its gradient ${num(gy[i] as number).text} goes to the padding and is lost`);
      }
      const gyTex = ySym(c, y, xo);
      // The step shows the first 4 receiving cells: only those are typeset.
      const maths = real
        .slice(0, 4)
        .map((cell) =>
          rel('+=', '\\mathrel{+}=', [
            xSym(c, cell.iy, cell.ix),
            eq(r.share === 1 ? gyTex : frac(gyTex, r.cells.length), d),
          ]),
        );
      return step(title, ...maths);
    }),
  );
  steps.push(
    ...valueSteps(
      `Layer ${n}: gradient routed back to its input`,
      (c) => (c === null ? gradSym('X', n) : gradSym('X', n, c)),
      gx,
      rank2 ? [H, W] : xShape,
    ),
  );
  if (lost > 0 && type === 'maxpool') {
    steps.push(
      step(`Layer ${n}: ${lost} output gradient(s) went to padded cells, which are not inputs: they are dropped`),
    );
  }
  const routing =
    type === 'maxpool'
      ? routes.map((r, i): PoolRoute => {
          const c = Math.floor(i / (Ho * Wo));
          const at = (...idx: number[]) => (rank2 ? idx.slice(1) : idx);
          const real = r.cells.filter((cell) => cell.real);
          return {
            output: at(c, Math.floor(i / Wo) % Ho, i % Wo),
            inputs: real.map((cell) => at(c, cell.iy, cell.ix)),
            share: r.share,
            padded: r.cells.length - real.length,
          };
        })
      : undefined;
  return { input: gx, steps, ...(routing ? { routing } : {}) };
}
