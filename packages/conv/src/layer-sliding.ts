/**
 * conv/summary rules of the sliding-window layers: convolutions (1-D, 2-D,
 * transposed), pooling (max, average, global, adaptive). Output sizes come
 * from geometry.ts, the same formulas as conv/output-shape.
 */
import { add, DnnInputError, eq, frac, mul, type Tex, vec, words } from '@dnn/core';
import {
  type Axis,
  axisPadding,
  type PaddingValue,
  slidingFormula,
  slidingOutput,
  toPair,
  transposedFormula,
  transposedOutput,
  transposedSameFormula,
} from './geometry.js';
import { type Field, type FieldLayer, fieldMaths, growField, transposedField } from './layer-field.js';
import type { SpecOf } from './layer-specs.js';
import {
  type LayerOutcome,
  type LayerState,
  product,
  type SpatialView,
  spatialView,
  wholeField,
} from './layer-state.js';

/** Window settings of a sliding layer (numbers or pairs). */
interface Window {
  kernel: number | readonly number[];
  stride: number | readonly number[];
  padding: PaddingValue;
  dilation: number | readonly number[];
}

/** The axes of a sliding layer, resolved from the view and the window. */
function axesOf(view: SpatialView, w: Window): Axis[] {
  const [k, s, d] = [toPair(w.kernel), toPair(w.stride), toPair(w.dilation)];
  return view.sizes.map((size, i) => {
    const ax = i as 0 | 1;
    return {
      name: view.names[i] as string,
      size,
      kernel: k[ax],
      stride: s[ax],
      dilation: d[ax],
      padding: axisPadding(w.padding, ax, size, k[ax], s[ax], d[ax]),
    };
  });
}

/** True when two axes carry the same numbers (then the steps show one of them). */
function sameAxis(a: Axis, b: Axis | undefined): boolean {
  return (
    b !== undefined &&
    a.size === b.size &&
    a.kernel === b.kernel &&
    a.stride === b.stride &&
    a.dilation === b.dilation &&
    a.padding.before === b.padding.before &&
    a.padding.after === b.padding.after
  );
}

/** Output sizes of a sliding layer with their formulas and notes. */
function slide(axes: Axis[], path: string, ceilMode: boolean) {
  const maths: Tex[] = [];
  const notes: string[] = [];
  const sizes = axes.map((a, i) => {
    const r = slidingOutput(a, `${path}.kernel`, ceilMode);
    maths.push(
      i > 0 && sameAxis(a, axes[0]) ? eq(`${a.name}_out`, r.out) : slidingFormula(a, r.numerator, r.out, ceilMode),
    );
    if (r.remainder !== 0 && !(i > 0 && sameAxis(a, axes[0]))) {
      notes.push(
        `${path} (${a.name}): ${r.numerator}/${a.stride} is not a whole number; ${ceilMode ? 'ceilMode rounds up' : `the floor drops the last ${r.remainder} padded row(s)/column(s), which no window reaches`}.`,
      );
    }
    if (a.padding.before !== a.padding.after) {
      notes.push(
        `${path} (${a.name}): "same" padding adds ${a.padding.before} before and ${a.padding.after} after (TensorFlow rule).`,
      );
    }
    return r.out;
  });
  return { sizes, maths, notes };
}

/** One axis as a layer of the field recursion. */
function fieldLayer(a: Axis): FieldLayer {
  return { kernel: a.kernel, stride: a.stride, padding: a.padding.before, dilation: a.dilation };
}

/** Grows the field along every axis, with the r / j maths (one axis when both carry the same numbers). */
function growAll(field: Field[] | null, axes: Axis[], label: string): { field: Field[] | null; maths: Tex[] } {
  if (!field || field.length !== axes.length) return { field: null, maths: [] };
  const next = axes.map((a, i) => growField(field[i] as Field, fieldLayer(a)));
  const same =
    axes.length === 2 &&
    sameAxis(axes[0] as Axis, axes[1]) &&
    field[0]?.r === field[1]?.r &&
    field[0]?.j === field[1]?.j;
  const shown = same ? [axes[0] as Axis] : axes;
  const maths = shown.flatMap((a, i) =>
    fieldMaths(field[i] as Field, fieldLayer(a), next[i] as Field, shown.length === 1 ? label : `${label}${a.name}`),
  );
  return { field: next, maths };
}

/** `(kH·kW·Cin + 1)·Cout` or `kH·kW·Cin·Cout`: the weights (and biases) of a filter bank. */
function filterParams(kernel: number[], cin: number, cout: number, bias: boolean): { value: number; tex: Tex } {
  const perFilter = product(kernel) * cin;
  const value = perFilter * cout + (bias ? cout : 0);
  const tex = bias ? mul(add(mul(...kernel, cin), 1), cout) : mul(...kernel, cin, cout);
  return { value, tex: eq('params', tex, value) };
}

function what(w: Window, kernel: number[], extra: string): string {
  const stride = toPair(w.stride);
  const strideText = kernel.length === 1 || stride[0] === stride[1] ? `${stride[0]}` : stride.join('×');
  const pads = typeof w.padding === 'string' ? [] : toPair(w.padding).slice(0, kernel.length);
  const pad = typeof w.padding === 'string' ? `"${w.padding}"` : pads[0] === pads[1] ? `${pads[0]}` : pads.join('×');
  return `${extra}${kernel.join('×')}, stride ${strideText}, padding ${pad}`;
}

/** conv1d and conv2d. */
export function convLayer(
  spec: SpecOf<'conv1d'> | SpecOf<'conv2d'>,
  st: LayerState,
  path: string,
  label: string,
): LayerOutcome {
  const rank = spec.type === 'conv1d' ? 1 : 2;
  const view = spatialView(st, rank, path, spec.type);
  const axes = axesOf(view, spec);
  const kernel = axes.map((a) => a.kernel);
  const { sizes, maths, notes } = slide(axes, path, false);
  const cin = view.channels;
  const cout = spec.outChannels;
  const shape = view.rebuild(cout, sizes);
  const params = filterParams(kernel, cin, cout, spec.bias);
  const macs = cout * product(sizes) * cin * product(kernel);
  const grown = growAll(st.field, axes, label);
  if (st.layout === 'sequence') {
    notes.push(
      `${path}: the [L, D] sequence is read as D = ${cin} channels over L = ${view.sizes[0]} steps (Keras Conv1D; PyTorch needs a transpose to [D, L]).`,
    );
  }
  return {
    shape: rank === 1 ? [cout, sizes[0] as number] : shape,
    layout: rank === 1 ? 'map1d' : 'map2d',
    field: grown.field,
    weightShape: [cout, cin, ...kernel],
    biasShape: spec.bias ? [cout] : null,
    params: params.value,
    buffers: 0,
    macs,
    what: what(spec, kernel, `${cout} filters `),
    maths: [
      ...maths,
      eq('output', vec(rank === 1 ? [cout, sizes[0] as number] : shape)),
      params.tex,
      eq('MACs', mul(cout, ...sizes, cin, ...kernel), macs),
      ...grown.maths,
    ],
    notes,
  };
}

/** convtranspose2d: weight [Cin, Cout, kH, kW]; "same" follows Keras (out = in·s). */
export function convTransposeLayer(
  spec: SpecOf<'convtranspose2d'>,
  st: LayerState,
  path: string,
  label: string,
): LayerOutcome {
  const view = spatialView(st, 2, path, spec.type);
  const axes = axesOf(view, { ...spec, padding: spec.padding === 'same' ? 0 : spec.padding });
  const outputPadding = toPair(spec.outputPadding);
  const maths: Tex[] = [];
  const sizes = axes.map((a, i) => {
    const op = outputPadding[i as 0 | 1];
    if (op >= Math.max(a.stride, a.dilation)) {
      throw new DnnInputError(
        `${path}.outputPadding`,
        `must be smaller than the stride or the dilation (PyTorch's rule), got ${op}`,
      );
    }
    if (spec.padding === 'same') {
      const r = transposedSameFormula(a);
      maths.push(r.tex);
      return r.out;
    }
    const r = transposedOutput(a, op, `${path}.padding`);
    maths.push(transposedFormula(a, op, r.out));
    return r.out;
  });
  const kernel = axes.map((a) => a.kernel);
  const cin = view.channels;
  const cout = spec.outChannels;
  const shape = [cout, ...sizes];
  const params = filterParams(kernel, cin, cout, spec.bias);
  const macs = cin * product(view.sizes) * cout * product(kernel);
  let field: Field[] | null = null;
  const fieldTex: Tex[] = [];
  if (st.field && st.field.length === 2) {
    field = axes.map((a, i) => transposedField(st.field![i] as Field, a.kernel, a.stride, a.dilation));
    fieldTex.push(
      ...axes.flatMap((a, i) => [
        eq(`r_${label}${a.name}`, (field![i] as Field).r),
        eq(`j_${label}${a.name}`, frac(st.field![i]!.j, a.stride), (field![i] as Field).j),
      ]),
    );
  }
  const notes = [
    `${path}: a transposed convolution's output unit receives at most ⌈k·g/s⌉ taps (g = gcd(d, s)), which sets its field; the jump shrinks to j/s.`,
  ];
  if (spec.padding === 'same')
    notes.push(`${path}: padding "same" for a transposed convolution follows Keras: output = input × stride.`);
  return {
    shape,
    layout: 'map2d',
    field,
    weightShape: [cin, cout, ...kernel],
    biasShape: spec.bias ? [cout] : null,
    params: params.value,
    buffers: 0,
    macs,
    what: what(spec, kernel, `${cout} filters `),
    maths: [
      ...maths,
      eq('output', vec(shape)),
      params.tex,
      eq('MACs', mul(cin, ...view.sizes, cout, ...kernel), macs),
      ...fieldTex,
    ],
    notes,
  };
}

/** maxpool1d, maxpool2d, avgpool2d: channels kept, stride defaults to the kernel. */
export function poolLayer(
  spec: SpecOf<'maxpool1d'> | SpecOf<'maxpool2d'> | SpecOf<'avgpool2d'>,
  st: LayerState,
  path: string,
  label: string,
): LayerOutcome {
  const view = spatialView(st, spec.type === 'maxpool1d' ? 1 : 2, path, spec.type);
  const w: Window = { kernel: spec.kernel, stride: spec.stride ?? spec.kernel, padding: spec.padding, dilation: 1 };
  const axes = axesOf(view, w);
  const { sizes, maths, notes } = slide(axes, path, spec.ceilMode);
  const shape = view.rebuild(view.channels, sizes);
  const grown = growAll(st.field, axes, label);
  return {
    shape,
    layout: st.layout,
    field: grown.field,
    weightShape: null,
    biasShape: null,
    params: 0,
    buffers: 0,
    macs: 0,
    what: what(
      w,
      axes.map((a) => a.kernel),
      'window ',
    ),
    maths: [...maths, eq('output', vec(shape)), eq('params', 0), ...grown.maths],
    notes,
  };
}

/** globalavgpool: [C, H, W] or [C, L] → [C]; a [L, D] sequence → [D]. */
export function globalPoolLayer(st: LayerState, path: string): LayerOutcome {
  const view = spatialView(st, st.layout === 'map2d' ? 2 : 1, path, 'globalavgpool');
  const shape = [view.channels];
  return {
    shape,
    layout: 'vector',
    field: wholeField(st.extent),
    weightShape: null,
    biasShape: null,
    params: 0,
    buffers: 0,
    macs: 0,
    what: `average over ${view.sizes.join('×')} per channel`,
    maths: [
      eq('output', vec(shape)),
      words('(one average per channel)'),
      eq('params', 0),
      eq('r', vec(st.extent)),
      words('(the whole input)'),
    ],
    notes: [],
  };
}

/** PyTorch adaptive pooling windows of one axis: from ⌊i·n/o⌋ to ⌈(i+1)·n/o⌉. */
function adaptiveWindows(n: number, o: number): { sizes: number[]; first: number } {
  const sizes: number[] = [];
  for (let i = 0; i < o; i++) sizes.push(Math.ceil(((i + 1) * n) / o) - Math.floor((i * n) / o));
  return { sizes, first: sizes[0] as number };
}

/** adaptiveavgpool2d: [C, H, W] → [C, oH, oW] with PyTorch's windows. */
export function adaptivePoolLayer(
  spec: SpecOf<'adaptiveavgpool2d'>,
  st: LayerState,
  path: string,
  label: string,
): LayerOutcome {
  const view = spatialView(st, 2, path, spec.type);
  const out = toPair(spec.outputSize);
  const maths: Tex[] = [];
  const notes: string[] = [];
  const windows = view.sizes.map((n, i) => {
    const o = out[i as 0 | 1];
    const name = view.names[i] as string;
    const { sizes, first } = adaptiveWindows(n, o);
    const kmax = Math.max(...sizes);
    if (n % o === 0) {
      maths.push(eq(`k_${name}`, `s_${name}`, frac(n, o), n / o));
    } else {
      maths.push(eq(`window_${name}`, `⌈(i + 1)·${n}/${o}⌉ − ⌊i·${n}/${o}⌋`, `${Math.min(...sizes)}…${kmax}`));
      notes.push(
        `${path} (${name}): ${n}/${o} is not whole, so the windows are uneven (${Math.min(...sizes)} to ${kmax} cells); the field shown is the largest and the jump the average spacing ${n}/${o}·j.`,
      );
    }
    return { kmax, first, n, o };
  });
  const shape = [view.channels, ...out];
  let field: Field[] | null = null;
  const fieldTex: Tex[] = [];
  if (st.field && st.field.length === 2) {
    field = windows.map(({ kmax, first, n, o }, i) => {
      const f = st.field![i] as Field;
      return { r: f.r + (kmax - 1) * f.j, j: (f.j * n) / o, start: f.start + ((first - 1) / 2) * f.j };
    });
    fieldTex.push(
      ...field.flatMap((f, i) => [eq(`r_${label}${view.names[i]}`, f.r), eq(`j_${label}${view.names[i]}`, f.j)]),
    );
  }
  return {
    shape,
    layout: 'map2d',
    field,
    weightShape: null,
    biasShape: null,
    params: 0,
    buffers: 0,
    macs: 0,
    what: `to ${out.join('×')}`,
    maths: [...maths, eq('output', vec(shape)), eq('params', 0), ...fieldTex],
    notes,
  };
}
