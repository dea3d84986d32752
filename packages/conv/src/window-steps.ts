/**
 * Step builders shared by the sliding-window solvers: where a window sits,
 * feature maps and kernels shown as matrices (only when small enough to read).
 */
import { eq, matrix, type Step, step, type TexLike } from '@dnn/core';
import { indexed, type WindowGeometry } from './sliding-window.js';
import { arrayOf } from './tensor.js';

/** Largest matrix side shown in a step. */
const MAX_SIDE = 16;

/** `rows 0–2, columns 1–3 of the padded input` for the window of output (y, x). */
export function cellRange(g: WindowGeometry, y: number, x: number): string {
  const padded = g.pads.top + g.pads.bottom + g.pads.left + g.pads.right > 0;
  const r0 = y * g.stride[0];
  const c0 = x * g.stride[1];
  const r1 = r0 + g.dilation[0] * (g.kernel[0] - 1);
  const c1 = c0 + g.dilation[1] * (g.kernel[1] - 1);
  const every = g.dilation.some((d) => d > 1) ? ` taking every ${g.dilation.join('/')}-th row/column` : '';
  const span = (a: number, b: number) => (a === b ? `${a}` : `${a}–${b}`);
  return `${r0 === r1 ? 'row' : 'rows'} ${span(r0, r1)}, ${c0 === c1 ? 'column' : 'columns'} ${span(c0, c1)} of the ${padded ? 'padded ' : ''}input${every}`;
}

/**
 * One step per matrix of a flat [n][h][w] array, as `name[i] = [[…]]`
 * (`name = [[…]]` when `squeeze` and n = 1); a single step naming the shape
 * when there are more than `maxMatrices` matrices or a side exceeds 16.
 */
export function matrixSteps(
  title: string,
  name: string,
  data: ArrayLike<number>,
  shape: readonly [number, number, number],
  maxMatrices: number,
  squeeze = false,
): Step[] {
  const [n, h, w] = shape;
  if (n > maxMatrices || h > MAX_SIDE || w > MAX_SIDE) {
    return [step(`${title}: ${n}×${h}×${w} values, too many to show here (see the answer)`)];
  }
  return arrayOf(n, (i) => {
    const rows = arrayOf(h, (r) => arrayOf(w, (c) => data[(i * h + r) * w + c] as number));
    return step(
      squeeze && n === 1 ? title : `${title}, channel ${i}`,
      eq(squeeze && n === 1 ? name : indexed(name, i), matrix(rows)),
    );
  });
}

/**
 * The padded input as matrices (padding cells shown as `fill`), when there is
 * padding and the maps are small; otherwise nothing.
 */
export function paddedMatrices(
  g: WindowGeometry,
  x: ArrayLike<number>,
  shape: readonly [number, number, number],
  fill: TexLike = 0,
  title = 'Zero-padded input',
): Step[] {
  const [C, H, W] = shape;
  const { top, bottom, left, right } = g.pads;
  const Hp = H + top + bottom;
  const Wp = W + left + right;
  if (top + bottom + left + right === 0 || C > 4 || Hp > MAX_SIDE || Wp > MAX_SIDE) return [];
  return arrayOf(C, (c) => {
    const rows = arrayOf(Hp, (r) =>
      arrayOf(Wp, (q): TexLike => {
        const iy = r - top;
        const ix = q - left;
        return iy >= 0 && iy < H && ix >= 0 && ix < W ? (x[(c * H + iy) * W + ix] as number) : fill;
      }),
    );
    return step(C === 1 ? title : `${title}, channel ${c}`, eq(C === 1 ? 'X_pad' : indexed('X_pad', c), matrix(rows)));
  });
}

/** Output values shown in full when there are at most this many; otherwise only the first few. */
const ALL_CELLS = 16;
const FIRST_CELLS = 4;

/**
 * The worked steps of the output values, in reading order over [C][H_out][W_out]:
 * every value for small outputs (≤ 16), else the first 4 and a summary step.
 */
export function cellSteps(
  g: WindowGeometry,
  channels: number,
  cell: (c: number, y: number, x: number) => Step,
): Step[] {
  const [Ho, Wo] = g.out;
  const total = channels * Ho * Wo;
  const detailed = total <= ALL_CELLS ? total : FIRST_CELLS;
  const steps = arrayOf(detailed, (i) => cell(Math.floor(i / (Ho * Wo)), Math.floor(i / Wo) % Ho, i % Wo));
  if (detailed < total) {
    steps.push(
      step(
        `The other ${total - detailed} output values are computed the same way, moving the window by the stride (${g.stride.join(', ')})`,
      ),
    );
  }
  return steps;
}
