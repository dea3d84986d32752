/**
 * rnn/lstm-forward — the forward pass of an LSTM, gate by gate and time step
 * by time step, with the course variants (sigmoid candidate, linear or
 * sigmoid cell activation) and an optional output layer.
 */
import {
  a,
  add,
  checkLimit,
  DnnInputError,
  defineSolver,
  eq,
  lift,
  mul,
  type Step,
  s,
  step,
  type Tex,
  type TexLike,
  tex,
} from '@dnn/core';
import {
  kernels,
  type LstmResult,
  PRECISIONS,
  packGateMatrices,
  packGateVectors,
  precisionDescription,
  splitGates,
  withKernels,
} from '@dnn/core-wasm';
import * as z from 'zod/mini';
import { activate, activationChain, applyTex, type OutputActivation } from './activations.js';
import { hiddenStates, outputs } from './answer-fields.js';
import {
  assertFinite,
  hiddenVector,
  MAX_SIZE,
  type MatrixInput,
  rowCount,
  scalarOrMatrix,
  scalarOrVector,
  sequence,
  toMatrix,
  toSequence,
  type VectorInput,
} from './arrays.js';
import { type OutputLayer, outputAt, outputCost, outputFields, parseOutputLayer } from './output-layer.js';
import { perSet, perStepNotes, type WeightSet, type WeightSpec, weightSets, weightsPerStepField } from './per-step.js';
import { affine, atom, col } from './show.js';
import { DETAILED_STEPS, detailNote, MULTIPLY_ADDS, OUTPUT_VALUES, tableStep } from './unroll.js';

// Cost model: T·(4H·(D + P) + P·H + O·P) multiply-adds (≤ MULTIPLY_ADDS) and T·(5H + P + O) answer values (≤ OUTPUT_VALUES).

const GATE_KEYS = ['i', 'f', 'g', 'o'] as const;
type Gate = (typeof GATE_KEYS)[number];

const GATE_ROLE: Record<Gate, string> = {
  i: 'input gate',
  f: 'forget gate',
  g: 'candidate',
  o: 'output gate',
};

const gateMatrices = (what: string) =>
  s
    .object({
      i: scalarOrMatrix(`Input gate ${what}.`),
      f: scalarOrMatrix(`Forget gate ${what}.`),
      g: scalarOrMatrix(`Candidate (cell input) ${what}.`),
      o: scalarOrMatrix(`Output gate ${what}.`),
    })
    .check(z.describe(`The four ${what} {i, f, g, o}.`));

const gateBiases = s
  .object({
    i: z.optional(scalarOrVector('Input gate bias [H].')),
    f: z.optional(scalarOrVector('Forget gate bias [H].')),
    g: z.optional(scalarOrVector('Candidate bias [H].')),
    o: z.optional(scalarOrVector('Output gate bias [H].')),
  })
  .check(z.describe('Biases {i, f, g, o} (optional; a missing one is zeros).'));

const projection = scalarOrMatrix(
  'Projection weights W_hr [P][H] (PyTorch weight_hr): h_t = W_hr·(o_t∘act(c_t)); needed with projSize.',
);

/** The weights of rnn/lstm-forward, their exam names, and which every time step needs. */
const WEIGHTS: WeightSpec[] = [
  { name: 'Wx', alias: 'U', required: true },
  { name: 'Wh', alias: 'W', required: true },
  { name: 'b', required: false },
  { name: 'Why', alias: 'V', required: false, allOrNone: true },
  { name: 'by', required: false },
  { name: 'Whr', required: false },
];

const input = s.object({
  Wx: z
    .optional(gateMatrices('input weights [H][D]'))
    .check(
      z.describe(
        'The four input weights [H][D] {i, f, g, o}. Required unless given as U or in every weightsPerStep entry.',
      ),
    ),
  Wh: z
    .optional(gateMatrices('recurrent weights [H][H] ([H][P] with projSize)'))
    .check(
      z.describe(
        'The four recurrent weights [H][H] {i, f, g, o} ([H][P] with projSize). Required unless given as W or in every weightsPerStep entry.',
      ),
    ),
  b: z.optional(gateBiases),
  h0: z.optional(scalarOrVector('Initial hidden state h_0 [H] ([P] with projSize; optional, default zeros).')),
  c0: z.optional(scalarOrVector('Initial cell state c_0 [H] (optional, default zeros).')),
  xs: sequence(
    'Input sequence x_1 … x_T: one number or vector of D features per time step. At most 10⁸ multiply-adds (T × (4H(D + P) + PH + OP)) and 10⁶ output values (T × (5H + P + O)) per request.',
  ),
  candidateActivation: z._default(
    s.oneOf(
      ['tanh', 'sigmoid'],
      'Activation of the candidate g: tanh (standard, default) or sigmoid (some course variants).',
    ),
    'tanh',
  ),
  cellActivation: z._default(
    s.oneOf(
      ['tanh', 'sigmoid', 'linear'],
      'Activation of the cell state in h_t = o∘act(c_t): tanh (standard, default), sigmoid, or linear (the TUM form h_t = g1∘c_t).',
    ),
    'tanh',
  ),
  ...outputFields,
  precision: z._default(s.oneOf(PRECISIONS, precisionDescription('multiply-adds (T·4H·(D+H))', false)), 'double'),
  projSize: z.optional(
    s
      .positiveInt(
        'PyTorch proj_size (optional): h has projSize units P < H while the cell state c keeps H = hiddenSize; h_t = W_hr·(o_t∘act(c_t)), Wh is [H][P], Why [O][P]. Without it h and c have the same size.',
      )
      .check(z.maximum(MAX_SIZE)),
  ),
  Whr: z.optional(projection),
  U: z.optional(gateMatrices('input weights (exam name of Wx)')),
  W: z.optional(gateMatrices('recurrent weights (exam name of Wh)')),
  V: z.optional(scalarOrMatrix('Exam name of Why: give V or Why, not both.')),
  weightsPerStep: weightsPerStepField(
    s
      .object({
        Wx: z.optional(gateMatrices('input weights [H][D] of this time step')),
        Wh: z.optional(gateMatrices('recurrent weights of this time step')),
        b: z.optional(gateBiases),
        Why: z.optional(scalarOrMatrix('Output weights [O][H] of this time step.')),
        by: z.optional(scalarOrVector('Output bias [O] of this time step.')),
        Whr: z.optional(projection),
        U: z.optional(gateMatrices('input weights (exam name of Wx)')),
        W: z.optional(gateMatrices('recurrent weights (exam name of Wh)')),
        V: z.optional(scalarOrMatrix('Exam name of Why.')),
      })
      .check(z.describe('The weights of one time step; fields left out come from the top level.')),
    'Wx, Wh, b, Why, by, Whr, or the exam names U, W, V',
  ),
});

const gateRow = a.answer({
  i: a.vector('Input gate i_t', 'σ(Wx.i·x_t + Wh.i·h_{t−1} + b.i), [H]: how much of the candidate enters the cell.'),
  f: a.vector('Forget gate f_t', 'σ(Wx.f·x_t + Wh.f·h_{t−1} + b.f), [H]: how much of c_{t−1} is kept.'),
  g: a.vector(
    'Candidate g_t',
    'candidateActivation(Wx.g·x_t + Wh.g·h_{t−1} + b.g), [H]: the new cell content (tanh by default, sigmoid in some courses).',
  ),
  o: a.vector('Output gate o_t', 'σ(Wx.o·x_t + Wh.o·h_{t−1} + b.o), [H]: how much of the cell output reaches h_t.'),
});

/** Gate values of one time step, after their activations. */
export type GateValues = z.output<typeof gateRow>;

const answer = a.answer({
  h: hiddenStates,
  c: a.matrix(
    'Cell states',
    'c_t = f_t∘c_{t−1} + i_t∘g_t, [T][H]: row t is the cell state (the memory) after time step t (c_0 is not included).',
    { axes: ['t', 'H'] },
  ),
  gates: a.table(
    gateRow,
    'Gates',
    'One row per time step t = 1 … T: the gate values after their activations, each a vector of H.',
  ),
  y: outputs,
});

/** The answer of rnn/lstm-forward. */
export type LstmForwardAnswer = z.output<typeof answer>;

/** `a∘b` (element-wise product), or `a·b` when both are scalars. */
function circ(a: TexLike, b: TexLike, scalar = false): Tex {
  if (scalar) return mul(a, b);
  const l = lift(a);
  const r = lift(b);
  return tex(`${l.text}∘${r.text}`, `${l.latex} \\circ ${r.latex}`, 'product');
}

/** The element-wise product of two value vectors as maths. */
const hadamard = (a: number[], b: number[]): Tex => circ(col(a), col(b), a.length === 1);

const times = (a: number[], b: number[]) => a.map((v, k) => v * (b[k] as number));

/** Gates, cell state and hidden state of one time step. */
interface StepValues {
  gv: GateValues;
  c: number[];
  h: number[];
}

/** Time step n (0-based) of a kernel run. */
function kernelStep(run: LstmResult, n: number, H: number): StepValues {
  return {
    gv: splitGates(run.gates, H, n * 4 * H),
    c: Array.from(run.c.subarray(n * H, (n + 1) * H)),
    h: Array.from(run.h.subarray(n * H, (n + 1) * H)),
  };
}

/** Inputs of the LSTM kernel, already checked and shaped by the solver. */
interface KernelInputs {
  Wx: Record<Gate, number[][]>;
  Wh: Record<Gate, number[][]>;
  b: Record<Gate, number[] | undefined>;
  h0: number[];
  c0: number[];
  xs: number[][];
  candidateActivation: 'tanh' | 'sigmoid';
  cellActivation: 'tanh' | 'sigmoid' | 'linear';
}

/**
 * The whole sequence on the LSTM kernel (float32 WASM SIMD, or the float64 TypeScript reference without SIMD). Only
 * `precision: "single"` asks for it: the gates' transcendental functions make float32 results differ from float64,
 * so double precision always stays on the solver's own loop.
 */
function lstmOnKernel(
  inp: KernelInputs,
  precision: 'double' | 'single',
): { run: LstmResult | null; note: string | null } {
  const H = inp.h0.length;
  const D = inp.xs[0]?.length ?? 1;
  const T = inp.xs.length;
  const zeros = new Array<number>(H).fill(0);
  const { result, note } = withKernels(
    {
      work: T * 4 * H * (D + H),
      unit: 'multiply-adds',
      precision,
      exact: () => false,
      why: '',
      kernels,
    },
    (k) =>
      k.lstm(inp.xs.flat(), {
        steps: T,
        inputSize: D,
        hiddenSize: H,
        w: packGateMatrices(inp.Wx, H, D),
        r: packGateMatrices(inp.Wh, H, H),
        b: packGateVectors({ i: inp.b.i ?? zeros, f: inp.b.f ?? zeros, g: inp.b.g ?? zeros, o: inp.b.o ?? zeros }, H),
        h0: inp.h0,
        c0: inp.c0,
        candidateActivation: inp.candidateActivation,
        cellActivation: inp.cellActivation,
      }),
    () => null,
  );
  if (result) {
    for (const [what, values] of [
      ['a gate value', result.gates],
      ['a cell state', result.c],
      ['a hidden state', result.h],
    ] as const) {
      if (values.some((v) => !Number.isFinite(v))) {
        throw new DnnInputError(
          'precision',
          `${what} overflows the float32 range of precision "single" (about 3.4e38); use precision "double" for numbers this large`,
        );
      }
    }
  }
  return { run: result, note };
}

/** The standard form and the gate roles, as the exam asks to identify them. */
const GATE_NOTE =
  'Gate roles: the gate that multiplies c_{t−1} is the forget gate f, the one that multiplies the candidate is the input (update) gate i, the one that multiplies the cell output in h_t is the output gate o. In the TUM form g1 = σ(…), g2 = σ(…), g3 = σ(…), c_t = g2∘c_{t−1} + g3∘c̃_t, h_t = g1∘c_t: g1 is the output gate, g2 the forget gate, g3 the update (input) gate, and c_t the cell state (the memory).';

/** The checked weights of one time step. */
interface StepWeights {
  Wx: Record<Gate, number[][]>;
  Wh: Record<Gate, number[][]>;
  b: Record<Gate, number[] | undefined>;
  Whr: number[][] | null;
  out: OutputLayer | null;
}

/**
 * The size P of h: projSize with a projection (checked against H and the projection weights), else H. h0 and c0 of
 * different sizes without projSize is an input error that says why and what to give instead.
 */
function sizes(
  inp: { projSize?: number | undefined; h0?: VectorInput | undefined; c0?: VectorInput | undefined },
  first: WeightSet,
  H: number,
): number {
  const len = (v: VectorInput | undefined) => (v === undefined ? undefined : typeof v === 'number' ? 1 : v.length);
  const [nh, nc] = [len(inp.h0), len(inp.c0)];
  if (inp.projSize === undefined) {
    if (first.values.Whr !== undefined) {
      throw new DnnInputError(
        first.paths.Whr as string,
        'is the projection of h (PyTorch weight_hr); give projSize too',
      );
    }
    if (nh !== undefined && nc !== undefined && nh !== nc) {
      throw new DnnInputError(
        'h0',
        `has ${nh} entries but c0 has ${nc}: in an LSTM h_t = o_t∘tanh(c_t) element by element, so h and c have the same size. A cell whose h is smaller than c has a projection (PyTorch proj_size): give projSize = ${nh} and the projection weights Whr [${nh}][${nc}], with Wh [${nc}][${nh}]`,
      );
    }
    return H;
  }
  if (inp.projSize >= H) {
    throw new DnnInputError(
      'projSize',
      `must be smaller than the cell size H = ${H} (rows of Wh.i), as PyTorch requires proj_size < hidden_size`,
    );
  }
  return inp.projSize;
}

/** Checks the weights of one time step against H cells, P hidden units and D features. */
function parseStep(
  { values: v, paths: p }: WeightSet,
  { H, P, D, from }: { H: number; P: number; D: number; from: string },
  outputActivation: OutputActivation,
  projSize: number | undefined,
): StepWeights {
  const Wx = {} as Record<Gate, number[][]>;
  const Wh = {} as Record<Gate, number[][]>;
  const b = {} as Record<Gate, number[] | undefined>;
  const wh = v.Wh as Record<Gate, MatrixInput>;
  const wx = v.Wx as Record<Gate, MatrixInput>;
  const bias = v.b as Partial<Record<Gate, VectorInput>> | undefined;
  const shape =
    P === H
      ? `[H][H] (square, H = ${H} from ${from}; h and c of different sizes need projSize)`
      : `[H][P] (H = ${H} from ${from}, P = projSize ${P})`;
  for (const k of GATE_KEYS) {
    Wh[k] = toMatrix(wh[k], `${p.Wh}.${k}`, H, P, shape);
    Wx[k] = toMatrix(wx[k], `${p.Wx}.${k}`, H, D, `[H][D] (H = ${H}, D = ${D} features of xs[0])`);
    const bk = bias?.[k];
    b[k] = bk === undefined ? undefined : hiddenVector(bk, `${p.b}.${k}`, H, from);
  }
  let Whr: number[][] | null = null;
  if (projSize !== undefined) {
    if (v.Whr === undefined) {
      throw new DnnInputError('Whr', `is required with projSize: the projection weights [P][H] = ${P}×${H}`);
    }
    Whr = toMatrix(v.Whr as MatrixInput, p.Whr as string, P, H, '[P][H] (P = projSize, H = cells)');
  }
  const out = parseOutputLayer(
    { Why: v.Why as MatrixInput | undefined, by: v.by as VectorInput | undefined, outputActivation },
    P,
    p,
  );
  return { Wx, Wh, b, Whr, out };
}

/** rnn/lstm-forward: an LSTM unrolled over the input sequence. */
export const lstmForward = defineSolver({
  id: 'rnn/lstm-forward',
  title: 'Forward pass of an LSTM',
  description:
    'Gates, cell states and hidden states (and outputs) of an LSTM i, f, o = σ(Wx·x + Wh·h + b), g = tanh(…), c_t = f∘c_{t−1} + i∘g, h_t = o∘tanh(c_t), per time step, with the course variants as options.',
  input,
  answer,
  solveParsed(inp) {
    const xs = toSequence(inp.xs);
    const T = xs.length;
    const D = xs[0]?.length ?? 1;
    const { sets, aliases } = weightSets(inp, inp.weightsPerStep, T, WEIGHTS);
    const first = sets[0] as WeightSet;
    const whPath = first.paths.Wh as string;
    const H = rowCount((first.values.Wh as Record<Gate, MatrixInput>).i, `${whPath}.i`);
    const P = sizes(inp, first, H);
    const from = `the rows of ${whPath}.i`;
    const weights = perSet(sets, (set) => parseStep(set, { H, P, D, from }, inp.outputActivation, inp.projSize));
    const h0 = hiddenVector(inp.h0, 'h0', P, P === H ? from : 'projSize');
    const c0 = hiddenVector(inp.c0, 'c0', H, from);
    const out = weights[0]?.out ?? null;
    const proj = weights[0]?.Whr ?? null;
    const perStep = inp.weightsPerStep !== undefined;
    checkLimit(
      'xs',
      'multiplyAdds',
      T * (4 * H * (D + P) + (proj ? P * H : 0) + outputCost(out)),
      'the number of multiply-adds',
      MULTIPLY_ADDS,
    );
    checkLimit(
      'xs',
      'outputCells',
      T * (5 * H + P + (out?.W.length ?? 0)),
      'the number of output values (T × (5H + P + O): gates, c, h, y)',
      OUTPUT_VALUES,
    );
    if (inp.precision === 'single' && (perStep || proj)) {
      throw new DnnInputError(
        'precision',
        `"single" runs the whole sequence on the WASM LSTM kernel, which has one weight set and no projection; use precision "double" with ${perStep ? 'weightsPerStep' : 'projSize'}`,
      );
    }
    const w0 = weights[0] as StepWeights;
    const { run, note: backendNote } =
      perStep || proj
        ? { run: null, note: null }
        : lstmOnKernel(
            {
              ...w0,
              h0,
              c0,
              xs,
              candidateActivation: inp.candidateActivation,
              cellActivation: inp.cellActivation,
            },
            inp.precision,
          );

    const gateAct = (k: Gate) => (k === 'g' ? inp.candidateActivation : 'sigmoid');
    const cellAct = inp.cellActivation;
    const prevH = atom('h_{t−1}');
    const steps: Step[] = [
      step(
        'LSTM cell',
        ...GATE_KEYS.map((k) =>
          eq(
            `${k}_t`,
            applyTex(
              gateAct(k),
              add(mul(`W_x${k}`, 'x_t'), mul(`W_h${k}`, prevH), ...(weights.some((w) => w.b[k]) ? [`b_${k}`] : [])),
            ),
          ),
        ),
        eq('c_t', add(circ('f_t', atom('c_{t−1}')), circ('i_t', 'g_t'))),
        proj
          ? eq('h_t', mul('W_hr', add(circ('o_t', applyTex(cellAct, 'c_t')))))
          : eq('h_t', circ('o_t', applyTex(cellAct, 'c_t'))),
      ),
    ];
    const hs: number[][] = [];
    const cs: number[][] = [];
    const gates: GateValues[] = [];
    const ys: number[][] = [];
    let h = h0;
    let c = c0;
    /** One time step on the solver's own float64 loop, with its worked steps when `detail`. */
    const ownStep = (n: number, x: number[], hPrev: number[], cPrev: number[], detail: boolean): StepValues => {
      const t = n + 1;
      const { Wx, Wh, b, Whr } = weights[n] as StepWeights;
      const gv = {} as GateValues;
      // x_t and h_{t−1} enter all four gates: rendered once for the worked steps
      const xShown = detail ? col(x) : undefined;
      const hShown = detail ? col(hPrev) : undefined;
      for (const k of GATE_KEYS) {
        const bias = b[k];
        const pre = affine(
          [
            { W: `W_x${k}`, v: `x_${t}`, M: Wx[k], x, shown: xShown },
            { W: `W_h${k}`, v: `h_${t - 1}`, M: Wh[k], x: hPrev, shown: hShown },
          ],
          bias && { name: `b_${k}`, value: bias },
          detail,
        );
        assertFinite(pre.value, `xs[${n}]`, `the ${GATE_ROLE[k]} pre-activation`);
        gv[k] = activate(gateAct(k), pre.value);
        if (detail) {
          steps.push(
            step(`t = ${t}: ${GATE_ROLE[k]}`, eq(`${k}_${t}`, ...activationChain(gateAct(k), pre.chain, gv[k]))),
          );
        }
      }
      const kept = times(gv.f, cPrev);
      const added = times(gv.i, gv.g);
      const cNew = kept.map((v, k) => v + (added[k] as number));
      const squashed = activate(cellAct, cNew);
      const gated = times(gv.o, squashed);
      const projected = Whr ? affine([{ W: 'W_hr', v: `m_${t}`, M: Whr, x: gated }], undefined, detail) : null;
      const hNew = projected ? projected.value : gated;
      assertFinite(cNew, `xs[${n}]`, `c_${t}`);
      if (detail) {
        steps.push(
          step(
            `t = ${t}: cell state`,
            eq(
              `c_${t}`,
              add(circ(`f_${t}`, `c_${t - 1}`, H === 1), circ(`i_${t}`, `g_${t}`, H === 1)),
              add(hadamard(gv.f, cPrev), hadamard(gv.i, gv.g)),
              add(col(kept), col(added)),
              col(cNew),
            ),
          ),
        );
        const scalar = H === 1;
        const m = Whr ? `m_${t}` : `h_${t}`;
        steps.push(
          step(
            Whr ? `t = ${t}: cell output (before the projection)` : `t = ${t}: hidden state`,
            eq(
              m,
              circ(`o_${t}`, applyTex(cellAct, `c_${t}`), scalar),
              circ(col(gv.o), applyTex(cellAct, col(cNew)), scalar),
              ...(cellAct === 'linear' ? [] : [hadamard(gv.o, squashed)]),
              col(gated),
            ),
          ),
        );
        if (projected)
          steps.push(step(`t = ${t}: hidden state (projection to P = ${P})`, eq(`h_${t}`, ...projected.chain)));
      }
      return { gv, c: cNew, h: hNew };
    };
    for (const [n, x] of xs.entries()) {
      const t = n + 1;
      const detail = t <= DETAILED_STEPS;
      // the own loop runs for the worked steps, and for the answer unless the kernel computed it
      const own = run && !detail ? null : ownStep(n, x, h, c, detail);
      const value = run ? kernelStep(run, n, H) : (own as StepValues);
      if (own) {
        h = own.h;
        c = own.c;
      }
      gates.push(value.gv);
      cs.push(value.c);
      hs.push(value.h);
      const outT = (weights[n] as StepWeights).out;
      if (outT) {
        const o = outputAt(outT, t, value.h, detail);
        assertFinite(o.y, `xs[${n}]`, `y_${t}`);
        ys.push(o.y);
        if (o.step) steps.push(o.step);
      }
    }
    steps.push(
      tableStep(
        'Unrolled over time',
        ['i_t', 'f_t', 'g_t', 'o_t', 'c_t', 'h_t', ...(out ? ['y_t'] : [])],
        gates.map((gv, n) => [gv.i, gv.f, gv.g, gv.o, cs[n] ?? [], hs[n] ?? [], ...(out ? [ys[n] ?? []] : [])]),
      ),
    );
    const notes = [
      `Candidate activation: ${inp.candidateActivation}; cell activation in h_t: ${cellAct}${cellAct === 'linear' ? ' (the TUM form h_t = o∘c_t)' : ''}${inp.candidateActivation === 'tanh' && cellAct === 'tanh' ? ' (the standard LSTM, as PyTorch and Keras)' : ''}.`,
      GATE_NOTE,
      ...(inp.h0 === undefined || inp.c0 === undefined ? ['Missing initial states are zeros.'] : []),
      'Gate order differs between libraries: PyTorch stacks (i, f, g, o), Keras (i, f, c, o) with the kernel transposed [D][4H]; TensorFlow.js LSTM defaults to a hard sigmoid for the gates.',
      ...(proj
        ? [
            `Projection (PyTorch proj_size = ${P}): the cell state c has H = ${H} units, the hidden state h = W_hr·(o∘act(c)) has P = ${P}; the gates read h_{t−1}, so Wh is [H][P], and the output layer reads h.`,
          ]
        : []),
      ...perStepNotes(perStep, aliases, { U: 'Wx', W: 'Wh', V: 'Why' }),
      ...detailNote(T),
      ...(backendNote ? [backendNote] : []),
    ];
    return {
      answer: { h: hs, c: cs, gates, y: out ? ys : null } satisfies LstmForwardAnswer,
      steps,
      notes,
    };
  },
  examples: [
    {
      title: 'BITS sample LSTM, first time step: x1 = 1, h0 = c0 = 0, sigmoid candidate and cell activation',
      source:
        'Exam problem (weights of step 1: W_o = 0.9, U_o = 0.4, W_i = 0.1, U_i = 0.9, W_f = 0.5, U_f = 0.6, W = 0.2, U = 0.5; U acts on x, W on h). By hand: o = σ(0.4) = 0.598688, i = σ(0.9) = 0.710950, f = σ(0.6) = 0.645656, g = σ(0.5) = 0.622459, c = 0.645656·0 + 0.710950·0.622459 = 0.442537, h = 0.598688·σ(0.442537) = 0.364519 (NumPy agrees). The rubric uses 0.3 instead of U_i = 0.9 for the input gate (i = 0.574, c = 0.355, h = 0.351).',
      input: {
        Wx: { i: 0.9, f: 0.6, g: 0.5, o: 0.4 },
        Wh: { i: 0.1, f: 0.5, g: 0.2, o: 0.9 },
        xs: [1],
        candidateActivation: 'sigmoid',
        cellActivation: 'sigmoid',
      },
      answer: {
        gates: [
          {
            i: [0.7109495026250039],
            f: [0.6456563062257954],
            g: [0.6224593312018546],
            o: [0.598687660112452],
          },
        ],
        c: [[0.44253715192225107]],
        h: [[0.3645190144103836]],
        y: null,
      },
    },
    {
      title: 'TUM form h_t = g1∘c_t (linear cell activation), scalar LSTM over two steps',
      source:
        'Constructed for the TUM definition (g1 output, g2 forget, g3 update gate); by hand and NumPy: t = 1: i = σ(0.5), f = σ(−0.5), g = tanh(1), o = σ(0.2), c1 = σ(−0.5)·1 + σ(0.5)·tanh(1) = 0.851602, h1 = σ(0.2)·c1 = 0.468240; t = 2 likewise from h1: c2 = 0.950153, h2 = 0.610705.',
      input: {
        Wx: { i: 0.5, f: -0.5, g: 1, o: 0.2 },
        Wh: { i: 0.1, f: 0.2, g: -0.3, o: 0.4 },
        h0: 0,
        c0: 1,
        xs: [1, 2],
        cellActivation: 'linear',
      },
      answer: {
        c: [[0.8516020577616117], [0.9501526684265642]],
        h: [[0.4682397635385987], [0.6107053643435849]],
      },
    },
    {
      title: 'BITS sample LSTM over three steps with weights that change per time step (x = 1, 1, 0)',
      source:
        'Exam problem (the t-th entry of each weight vector is the weight of time step t; U acts on x, W on h; sigmoid candidate and cell activation as in its solution; h0 = c0 = 0). By hand (Python math.exp), t = 1 as in the one-step example; t = 2: i = σ(0.1 + 0.4·0.364519) = 0.561144, f = σ(0.2 + 0.3·0.364519) = 0.576728, g = σ(0.6 + 0.3·0.364519) = 0.670259, o = σ(0.3 + 0.1·0.364519) = 0.583328, c = 0.576728·0.442537 + 0.561144·0.670259 = 0.631335, h = 0.583328·σ(0.631335) = 0.380792; t = 3 (x = 0): i = f = σ(0.2·0.380792) = 0.519030, g = σ(0.8·0.380792) = 0.575575, o = σ(0.3·0.380792) = 0.528528, c = 0.626423, h = 0.344430. The rubric’s ŷ applies V to the cell state; this solver’s output layer reads h, so no V is given here.',
      input: {
        xs: [1, 1, 0],
        candidateActivation: 'sigmoid',
        cellActivation: 'sigmoid',
        weightsPerStep: [
          { U: { i: 0.9, f: 0.6, g: 0.5, o: 0.4 }, W: { i: 0.1, f: 0.5, g: 0.2, o: 0.9 } },
          { U: { i: 0.1, f: 0.2, g: 0.6, o: 0.3 }, W: { i: 0.4, f: 0.3, g: 0.3, o: 0.1 } },
          { U: { i: 0.3, f: 0.3, g: 0.2, o: 0.2 }, W: { i: 0.2, f: 0.2, g: 0.8, o: 0.3 } },
        ],
      },
      answer: {
        c: [[0.44253715192225107], [0.6313354826068568], [0.6264231917576588]],
        h: [[0.3645190144103836], [0.38079223350387587], [0.3444303247722877]],
        gates: [
          {},
          { i: [0.5611443422367185], f: [0.5767279880804393], g: [0.6702587783897258], o: [0.5833283907464432] },
          { i: [0.5190304143577756], f: [0.5190304143577756], g: [0.575574891870458], o: [0.5285283990417783] },
        ],
        y: null,
      },
    },
    {
      title: 'Projection (PyTorch proj_size = 1): 2 cells, 1 hidden unit, one step',
      source:
        'Constructed; by hand: x = 1, h0 = 0, c0 = [0, 0]; i = o = σ(0) = 0.5, g = tanh([1, −1]) = ±0.761594, c = 0.5·g = [0.380797, −0.380797], o∘tanh(c) = [0.181700, −0.181700], h = W_hr·that = [1, −1]·[0.181700, −0.181700] = tanh(0.380797) = 0.363399.',
      input: {
        Wx: { i: [[0], [0]], f: [[0], [0]], g: [[1], [-1]], o: [[0], [0]] },
        Wh: { i: [[0], [0]], f: [[0], [0]], g: [[0], [0]], o: [[0], [0]] },
        projSize: 1,
        Whr: [[1, -1]],
        xs: [1],
      },
      answer: {
        c: [[0.3807970779778824, -0.3807970779778824]],
        h: [[0.3633994843890525]],
      },
    },
  ],
});
