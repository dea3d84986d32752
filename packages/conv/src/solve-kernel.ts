/**
 * conv/solve-kernel — unknown kernel entries from known output cells: one
 * linear equation per known output, solved exactly over the rationals.
 */
import {
  a,
  add,
  DnnInputError,
  defineSolver,
  eq,
  Fraction,
  frac,
  fractionString,
  mul,
  num,
  type Step,
  s,
  solveExact,
  step,
  sym,
  type Tex,
  tex,
  toFraction,
} from '@dnn/core';
import * as z from 'zod/mini';
import { paddingField, strideField } from './geometry.js';
import { indexed, inside, tapCol, tapRow, windowGeometry } from './sliding-window.js';
import { checkFinite, nestedNumbers, toTensor } from './tensor.js';
import { cellRange } from './window-steps.js';

/** Largest kernel side, and largest input / output side. */
const MAX_KERNEL = 11;
const MAX_SIDE = 64;
/** Equations written out one by one; the rest are summarised. */
const MAX_EQUATION_STEPS = 12;
/**
 * Work bound for exact elimination, equations × unknowns²: @dnn/core's
 * solveExact takes about 20 µs per unit on exam-sized integers, so this keeps
 * a request under about half a second (a 5×5 kernel of unknowns with 40 known outputs).
 */
const MAX_ELIMINATION = 25_000;

const NAME = /^[A-Za-z][A-Za-z0-9_]{0,19}$/;

const input = s.object({
  input: nestedNumbers([2], 'Input image [H][W] (the known part, from the top-left corner).'),
  kernel: z
    .array(z.array(z.union([z.number(), s.textOrFraction()])).check(z.minLength(1), z.maxLength(MAX_KERNEL)))
    .check(
      z.minLength(1),
      z.maxLength(MAX_KERNEL),
      z.describe(
        'Kernel [kH][kW]: numbers (or exact fractions such as "1/9") for known taps, names such as "x" for unknown ones (a name may repeat).',
      ),
    ),
  output: z
    .array(z.array(z.nullable(z.number())).check(z.maxLength(MAX_SIDE)))
    .check(
      z.minLength(1),
      z.maxLength(MAX_SIDE),
      z.describe(
        "Output [H'][W'] from the top-left corner: numbers for known cells, null for unknown ones; rows may be shorter than the full output.",
      ),
    ),
  stride: z._default(strideField, 1),
  padding: z._default(paddingField, 0),
  flip: z
    ._default(z.boolean(), false)
    .check(
      z.describe(
        'false (default): cross-correlation (PyTorch, TensorFlow, most exams); true: the kernel is rotated by 180° first.',
      ),
    ),
});

const answer = a.answer({
  values: a.map(a.scalar('Value'), 'Unknowns', 'Each unknown’s name → its value.'),
  exact: a.map(
    a.fraction('Exact value'),
    'Exact unknowns',
    'Each unknown’s name → its exact value as a fraction in lowest terms (`"7/6"`, integers as `"3"`).',
  ),
  equations: a.list(
    a.text('Equation'),
    'Equations',
    'One linear equation per known output that involves an unknown, the known taps moved to the right (`3·x + 3·z = 2`).',
  ),
  kernel: a.matrix('Kernel', 'The kernel [kH][kW] with the unknowns filled in, as given (not flipped).', {
    axes: ['kH', 'kW'],
  }),
});

/** The answer of conv/solve-kernel. */
export type SolveKernelAnswer = z.output<typeof answer>;

/** A fraction as maths: `7/6`, `−1/2`, `3`. */
function fractionTex(f: Fraction): Tex {
  const [n, d] = fractionString(f).split('/');
  if (d === undefined) return num(Number(n));
  const negative = (n as string).startsWith('-');
  const t = frac(num(Math.abs(Number(n))), num(Number(d)));
  return negative ? tex(`−${t.text}`, `-${t.latex}`, 'sum') : t;
}

/** `3·x − 3·z` (terms with a zero coefficient left out; `0` when all are). */
function linearTex(coefficients: Fraction[], names: string[]): Tex {
  let text = '';
  let latex = '';
  coefficients.forEach((c, i) => {
    if (c.equals(0)) return;
    const negative = c.compare(0) < 0;
    const magnitude = c.abs();
    const name = sym(names[i] as string);
    const term = magnitude.equals(1) ? name : mul(fractionTex(magnitude), name);
    if (text === '') {
      text = `${negative ? '−' : ''}${term.text}`;
      latex = `${negative ? '-' : ''}${term.latex}`;
    } else {
      text += ` ${negative ? '−' : '+'} ${term.text}`;
      latex += ` ${negative ? '-' : '+'} ${term.latex}`;
    }
  });
  return text === '' ? num(0) : tex(text, latex, 'sum');
}

interface Equation {
  /** Output row, column. */
  at: [number, number];
  coefficients: Fraction[];
  /** Right-hand side after moving the known taps over. */
  rhs: Fraction;
  /** The window sum written out, for the steps. */
  products: Tex[];
  output: number;
  known: Fraction;
}

/** Checks the kernel is rectangular and its strings are names; returns the unknowns in reading order. */
function readKernel(kernel: (number | string)[][]): string[] {
  const width = (kernel[0] as (number | string)[]).length;
  const names: string[] = [];
  kernel.forEach((row, i) => {
    if (row.length !== width) {
      throw new DnnInputError(
        `kernel[${i}]`,
        `has ${row.length} entries but row 0 has ${width}: every row must have the same length`,
      );
    }
    row.forEach((v, j) => {
      if (typeof v === 'number') return;
      if (!NAME.test(v)) {
        throw new DnnInputError(
          `kernel[${i}][${j}]`,
          `${JSON.stringify(v)} is neither a number nor an unknown name (a letter, then letters, digits or _; at most 20 characters)`,
        );
      }
      if (!names.includes(v)) names.push(v);
    });
  });
  if (names.length === 0) {
    throw new DnnInputError('kernel', 'has no unknown entries: write the unknown taps as names such as "x"');
  }
  return names;
}

/** Digits of the longest fraction in the system (numerator and denominator). */
function longestFraction(equations: Equation[]): number {
  let digits = 1;
  for (const e of equations) {
    for (const f of [...e.coefficients, e.rhs])
      digits = Math.max(digits, fractionString(f).replace(/[-/]/g, '').length);
  }
  return digits;
}

/**
 * Rejects systems whose exact elimination would be slow: equations × unknowns²,
 * times digits/4 once the fractions are longer than 4 digits (long decimals
 * make every fraction operation slower; measured: a 3×3 kernel of unknowns with
 * 10 outputs of 15-digit decimals takes 0.1 s, a 5×5 one with 26 outputs 3.6 s).
 */
function checkEliminationWork(equations: Equation[], unknowns: number): void {
  const digits = longestFraction(equations);
  const work = equations.length * unknowns * unknowns * Math.max(1, digits / 4);
  if (work > MAX_ELIMINATION) {
    throw new DnnInputError(
      'output',
      `${equations.length} equations in ${unknowns} unknowns${digits > 4 ? ` with fractions of up to ${digits} digits` : ''} is more than this solver eliminates exactly in reasonable time; give only the output cells you need (a few more than the unknowns)${digits > 4 ? ' or shorter decimals' : ''}`,
    );
  }
}

/** conv/solve-kernel: unknown kernel taps from known outputs, exactly. */
export const solveKernel = defineSolver({
  id: 'conv/solve-kernel',
  title: 'Unknown kernel entries from known outputs',
  description:
    'Finds unknown kernel entries (named like "x") from an input image and some known output cells: each known output gives one linear equation, solved exactly in fractions; under-determined or contradictory systems are reported.',
  input,
  answer,
  solveParsed(inp) {
    const t = toTensor(inp.input, 'input', MAX_SIDE, ' (give the top-left part that the known outputs need)');
    const [H, W] = t.shape as [number, number];
    const names = readKernel(inp.kernel);
    const kH = inp.kernel.length;
    const kW = (inp.kernel[0] as unknown[]).length;
    const g = windowGeometry({
      size: [H, W],
      kernel: [kH, kW],
      stride: inp.stride,
      padding: inp.padding,
      kernelPath: 'kernel',
      title: 'Output size of the convolution',
    });
    const [Ho, Wo] = g.out;
    if (inp.output.length > Ho) {
      throw new DnnInputError(
        'output',
        `has ${inp.output.length} rows but this input and kernel give only ${Ho} output row(s)`,
      );
    }
    inp.output.forEach((row, i) => {
      if (row.length > Wo) {
        throw new DnnInputError(
          `output[${i}]`,
          `has ${row.length} cells but this input and kernel give only ${Wo} output column(s)`,
        );
      }
    });

    // Windows overlap, so the same input values recur: each converted to a fraction once.
    const fractions = new Map<number, Fraction>();
    const fractionOf = (v: number): Fraction => {
      let f = fractions.get(v);
      if (f === undefined) {
        f = toFraction(v);
        fractions.set(v, f);
      }
      return f;
    };
    const equations: Equation[] = [];
    const steps: Step[] = [...g.steps];
    const notes: string[] = [];
    inp.output.forEach((row, oy) => {
      row.forEach((o, ox) => {
        if (o === null) return;
        const coefficients = names.map(() => new Fraction(0));
        let known = new Fraction(0);
        const products: Tex[] = [];
        for (let a = 0; a < kH; a++) {
          for (let b = 0; b < kW; b++) {
            const iy = tapRow(g, oy, a);
            const ix = tapCol(g, ox, b);
            const v = inside(H, W, iy, ix) ? (t.data[iy * W + ix] as number) : 0;
            const tap = (inp.kernel[inp.flip ? kH - 1 - a : a] as (number | string)[])[inp.flip ? kW - 1 - b : b] as
              | number
              | string;
            products.push(mul(v, typeof tap === 'number' ? tap : sym(tap)));
            if (typeof tap === 'number') known = known.add(fractionOf(v).mul(fractionOf(tap)));
            else {
              const u = names.indexOf(tap);
              coefficients[u] = (coefficients[u] as Fraction).add(fractionOf(v));
            }
          }
        }
        const rhs = toFraction(o).sub(known);
        if (coefficients.every((c) => c.equals(0))) {
          if (!rhs.equals(0)) {
            throw new DnnInputError(
              `output[${oy}][${ox}]`,
              `involves no unknown (its window multiplies every unknown tap by 0), and the known taps give ${fractionString(known)}, not ${o}: the data contradict each other`,
            );
          }
          notes.push(`O[${oy}][${ox}] involves no unknown; the known taps give ${o}, as stated (a check only).`);
          return;
        }
        equations.push({ at: [oy, ox], coefficients, rhs, products, output: o, known });
      });
    });
    if (equations.length === 0) {
      throw new DnnInputError(
        'output',
        `no known output cell involves an unknown, so ${names.join(', ')} can take any value: give known output values (numbers, not null) whose windows cover the unknown taps`,
      );
    }
    checkEliminationWork(equations, names.length);
    const eqTexts = new Map<Equation, Tex>();
    const eqText = (e: Equation) => {
      let t = eqTexts.get(e);
      if (t === undefined) {
        t = eq(linearTex(e.coefficients, names), fractionTex(e.rhs));
        eqTexts.set(e, t);
      }
      return t;
    };
    steps.push(
      step(
        `Each known output is the sum of its window times the kernel${inp.flip ? ' (rotated by 180°)' : ''}: one linear equation per known output, the known taps moved to the right-hand side`,
      ),
    );
    equations.slice(0, MAX_EQUATION_STEPS).forEach((e) => {
      const [oy, ox] = e.at;
      steps.push(
        step(
          `${indexed('O', oy, ox).text}: window at ${cellRange(g, oy, ox)}`,
          eq(indexed('O', oy, ox), add(...e.products), e.output),
          eqText(e),
        ),
      );
    });
    if (equations.length > MAX_EQUATION_STEPS) {
      steps.push(step(`The other ${equations.length - MAX_EQUATION_STEPS} equations are built the same way`));
    }
    const label = (e: Equation) => `O[${e.at[0]}][${e.at[1]}] (${eqText(e).text})`;
    const result = solveExact(
      equations.map((e) => e.coefficients),
      equations.map((e) => e.rhs),
    );
    if (result.kind === 'inconsistent') {
      const involved = names.filter((_, u) =>
        result.conflicting.some((i) => !(equations[i] as Equation).coefficients[u]?.equals(0)),
      );
      throw new DnnInputError(
        'output',
        `the known outputs contradict each other: ${result.conflicting.map((i) => label(equations[i] as Equation)).join(', ')} cannot all hold (conflicting unknowns: ${involved.join(', ')})`,
      );
    }
    if (result.kind === 'underdetermined') {
      const free = result.free.map((u) => names[u] as string);
      throw new DnnInputError(
        'output',
        `the known outputs do not determine every unknown: ${free.join(', ')} ${free.length === 1 ? 'is' : 'are'} free (the ${equations.length} equation(s) fix only ${names.length - free.length} of the ${names.length} unknowns); give more known output cells`,
      );
    }
    const values: Record<string, number> = {};
    const exact: Record<string, string> = {};
    names.forEach((n, u) => {
      const x = result.x[u] as Fraction;
      values[n] = x.valueOf();
      exact[n] = fractionString(x);
    });
    steps.push(
      step(
        `Solve the ${equations.length} equation(s) in ${names.length} unknown(s) exactly (Gauss–Jordan elimination in fractions)`,
        ...names.map((n, u) => eq(sym(n), fractionTex(result.x[u] as Fraction))),
      ),
    );
    checkFinite(Object.values(values), 'output', 'a solved kernel value');
    const kernel = inp.kernel.map((row) => row.map((v) => (typeof v === 'number' ? v : (values[v] as number))));
    if (equations.length > names.length) {
      notes.push(
        `${equations.length} equations for ${names.length} unknowns: the extra ones are consistent with the solution.`,
      );
    }
    notes.push(
      inp.flip
        ? 'flip: true — true convolution, the kernel is rotated by 180° before sliding.'
        : 'Cross-correlation (the kernel is not flipped), as PyTorch, TensorFlow and most exams compute "convolution".',
    );
    return {
      answer: {
        values,
        exact,
        equations: equations.map((e) => eqText(e).text),
        kernel,
      } satisfies SolveKernelAnswer,
      steps,
      notes,
    };
  },
  examples: [
    {
      title: 'Exam: find x, y, z of F from the top-left of I and O (stride 1, no padding)',
      source:
        "Exam problem (I, F with unknowns x, y, z, O = [4, 0, −3]). By hand from the matrices as printed: 3x + 3z − 3 + 5 = 4, 3y − 3z + 8 + 3 = 0, 3x − 3y − 4 − 5 = −3, i.e. 3x + 3z = 2, 3y − 3z = −11, 3x − 3y = 6 → x = −1/2, y = −5/2, z = 7/6 (checked with conv/forward). The rubric's first equation 3x + 3y = 12 (hence x = 3, y = 1, z = 14/3) does not follow from the printed I.",
      input: {
        input: [
          [3, 0, 3, -3, 0],
          [-3, 2, 0, 3, -2],
          [-5, 0, 3, -2, 0],
        ],
        kernel: [
          ['x', 'y', 'z'],
          [1, 0, 2],
          [-1, 1, 0],
        ],
        output: [[4, 0, -3]],
      },
      answer: {
        exact: { x: '-1/2', y: '-5/2', z: '7/6' },
        equations: ['3·x + 3·z = 2', '3·y − 3·z = −11', '3·x − 3·y = 6'],
      },
    },
    {
      title: 'A whole 2×2 kernel from a 3×3 image and its 2×2 output',
      source:
        'By hand: O[0][0] = a + 2b + d = 3, O[0][1] = 2a + c + 3d = 7, O[1][0] = b + 2c = −2, O[1][1] = a + 3b + d = 3; subtracting the first from the last gives b = 0, then c = −1, a + d = 3 and 2a + 3d = 8 → d = 2, a = 1.',
      input: {
        input: [
          [1, 2, 0],
          [0, 1, 3],
          [2, 0, 1],
        ],
        kernel: [
          ['a', 'b'],
          ['c', 'd'],
        ],
        output: [
          [3, 7],
          [-2, 3],
        ],
      },
      answer: { values: { a: 1, b: 0, c: -1, d: 2 } },
    },
  ],
});
