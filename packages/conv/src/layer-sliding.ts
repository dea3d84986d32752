/**
 * conv/summary rules of the sliding-window layers: convolutions (1-D, 2-D,
 * transposed), pooling (max, average, global, adaptive). Output sizes come
 * from geometry.ts, the same formulas as conv/output-shape.
 */
import { add, ceil, DnnInputError, eq, floor, frac, mul, sub, type Tex, vec, words } from '@dnn/core';
import {
  type Axis,
  axisPadding,
  type PaddingValue,
  slidingFormula,
  slidingSize,
  toPair,
  transposedFormula,
  transposedSameFormula,
  transposedSize,
} from './geometry.js';
import {
  type Field,
  type FieldLayer,
  fieldMaths,
  growField,
  transposedField,
  transposedFieldMaths,
} from './layer-field.js';
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

/** True when both axes of a field carry the same numbers. */
function sameField(f: Field[]): boolean {
  return f.length === 2 && f[0]?.r === f[1]?.r && f[0]?.j === f[1]?.j;
}

/** Maths per axis, shown once without the axis suffix when both axes carry the same numbers. */
function perAxis(names: string[], same: boolean, make: (i: number, suffix: string) => Tex[]): Tex[] {
  return same ? make(0, '') : names.flatMap((name, i) => make(i, names.length === 1 ? '' : name));
}

/** Output sizes of a sliding layer with their formulas and notes. */
function slide(axes: Axis[], path: string, ceilMode: boolean) {
  const maths: Tex[] = [];
  const notes: string[] = [];
  const sizes = axes.map((a, i) => {
    const r = slidingSize(a, `${path}.kernel`, ceilMode);
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
  const same = axes.length === 2 && sameAxis(axes[0] as Axis, axes[1]) && sameField(field);
  const maths = perAxis(
    axes.map((a) => a.name),
    same,
    (i, suffix) => fieldMaths(field[i] as Field, fieldLayer(axes[i] as Axis), next[i] as Field, `${label}${suffix}`),
  );
  return { field: next, maths };
}

/** What a filter bank (conv or conv-transpose) reports, given its sizes and field. */
interface FilterBank {
  shape: number[];
  field: Field[] | null;
  weightShape: number[];
  kernel: number[];
  cin: number;
  cout: number;
  bias: boolean;
  /** The factors whose product is the multiplication count. */
  macFactors: number[];
  what: string;
  sizeMaths: Tex[];
  fieldMaths: Tex[];
  notes: string[];
}

/** The outcome of a filter bank: params (kH·kW·Cin + 1)·Cout (or without the + 1), MACs, shapes. */
function filterBank(b: FilterBank): LayerOutcome {
  const { kernel, cin, cout, bias } = b;
  const params = product(kernel) * cin * cout + (bias ? cout : 0);
  const macs = product(b.macFactors);
  return {
    shape: b.shape,
    layout: b.shape.length === 2 ? 'map1d' : 'map2d',
    field: b.field,
    weightShape: b.weightShape,
    biasShape: bias ? [cout] : null,
    params,
    buffers: 0,
    macs,
    what: b.what,
    maths: [
      ...b.sizeMaths,
      eq('output', vec(b.shape)),
      eq('params', bias ? mul(add(mul(...kernel, cin), 1), cout) : mul(...kernel, cin, cout), params),
      eq('MACs', mul(...b.macFactors), macs),
      ...b.fieldMaths,
    ],
    notes: b.notes,
  };
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
  const grown = growAll(st.field, axes, label);
  if (st.layout === 'sequence') {
    notes.push(
      `${path}: the [L, D] sequence is read as D = ${cin} channels over L = ${view.sizes[0]} steps (Keras Conv1D; PyTorch needs a transpose to [D, L]).`,
    );
  }
  return filterBank({
    shape: [cout, ...sizes],
    field: grown.field,
    weightShape: [cout, cin, ...kernel],
    kernel,
    cin,
    cout,
    bias: spec.bias,
    macFactors: [cout, ...sizes, cin, ...kernel],
    what: what(spec, kernel, `${cout} filter${cout === 1 ? '' : 's'} `),
    sizeMaths: maths,
    fieldMaths: grown.maths,
    notes,
  });
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
    const r = transposedSize(a, op, `${path}.padding`);
    maths.push(transposedFormula(a, op, r.out));
    return r.out;
  });
  const kernel = axes.map((a) => a.kernel);
  const cin = view.channels;
  const cout = spec.outChannels;
  let field: Field[] | null = null;
  const fieldTex: Tex[] = [];
  if (st.field && st.field.length === 2) {
    const prev = st.field;
    const next = axes.map((a, i) => transposedField(prev[i] as Field, a.kernel, a.stride, a.dilation));
    const same = sameAxis(axes[0] as Axis, axes[1]) && sameField(prev);
    fieldTex.push(
      ...perAxis(['H', 'W'], same, (i, suffix) => {
        const a = axes[i] as Axis;
        return transposedFieldMaths(
          prev[i] as Field,
          a.kernel,
          a.stride,
          a.dilation,
          next[i] as Field,
          `${label}${suffix}`,
        );
      }),
    );
    field = next;
  }
  const notes = [
    `${path}: a transposed convolution's output unit receives at most ⌈k·g/s⌉ taps (g = gcd(d, s)), which sets its field; the jump shrinks to j/s.`,
  ];
  if (spec.padding === 'same') {
    notes.push(`${path}: padding "same" for a transposed convolution follows Keras: output = input × stride.`);
  }
  return filterBank({
    shape: [cout, ...sizes],
    field,
    weightShape: [cin, cout, ...kernel],
    kernel,
    cin,
    cout,
    bias: spec.bias,
    macFactors: [cin, ...view.sizes, cout, ...kernel],
    what: what(spec, kernel, `${cout} filter${cout === 1 ? '' : 's'} `),
    sizeMaths: maths,
    fieldMaths: fieldTex,
    notes,
  });
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
    const { sizes, first } = adaptiveWindows(n, o);
    return { n, o, first, kmin: Math.min(...sizes), kmax: Math.max(...sizes) };
  });
  const sameSizes = windows[0]?.n === windows[1]?.n && windows[0]?.o === windows[1]?.o;
  maths.push(
    ...perAxis(view.names, sameSizes, (i, suffix) => {
      const { n, o, kmin, kmax } = windows[i] as (typeof windows)[number];
      if (n % o === 0) return [eq(`k${suffix}`, `s${suffix}`, frac(n, o), n / o)];
      return [
        eq(`size${suffix}`, sub(ceil(frac(mul(add('i', 1), n), o)), floor(frac(mul('i', n), o)))),
        words(kmin === kmax ? `(every window ${kmax} cells)` : `(${kmin} to ${kmax} cells)`),
      ];
    }),
  );
  windows.forEach(({ n, o, kmin, kmax }, i) => {
    if (n % o !== 0 && !(i > 0 && sameSizes)) {
      notes.push(
        `${path} (${view.names[i]}): ${n}/${o} is not whole, so PyTorch's windows overlap or differ (${kmin} to ${kmax} cells); the field shown is the largest and the jump the average spacing ${n}/${o}·j.`,
      );
    }
  });
  const shape = [view.channels, ...out];
  let field: Field[] | null = null;
  const fieldTex: Tex[] = [];
  if (st.field && st.field.length === 2) {
    const prev = st.field;
    const next = windows.map(({ kmax, first, n, o }, i) => {
      const f = prev[i] as Field;
      return { r: f.r + (kmax - 1) * f.j, j: (f.j * n) / o, start: f.start + ((first - 1) / 2) * f.j };
    });
    fieldTex.push(
      ...perAxis(view.names, sameSizes && sameField(prev), (i, suffix) => {
        const { kmax, n, o } = windows[i] as (typeof windows)[number];
        const [p, q] = [prev[i] as Field, next[i] as Field];
        return [
          eq(`r_${label}${suffix}`, add(p.r, mul(sub(kmax, 1), p.j)), q.r),
          eq(`j_${label}${suffix}`, mul(frac(n, o), p.j), q.j),
        ];
      }),
    );
    field = next;
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
