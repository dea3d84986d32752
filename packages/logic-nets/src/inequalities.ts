/**
 * The row inequalities of a perceptron (one per truth-table row) and the
 * steps that prove a separation or its impossibility.
 */
import { add, eq, mul, rel, type Step, step, sym, type Tex, vec, words } from '@dnn/core';
import { type BoolFunction, type Encoding, encodeBit, encodedRow, type FireWhen } from './boolean-function.js';
import { dot, type Sample, type Separation, type Unit } from './threshold.js';

/** A row's inequality, and whether the returned unit satisfies it. */
export interface Inequality {
  /** The row's inputs as encoded numbers. */
  x: number[];
  /** The required output (1, or 0/−1). */
  target: number;
  /** The inequality in the weight names, e.g. `w_x + b > 0`. */
  text: string;
  /** w·x + b for the returned unit (null when there is none). */
  z: number | null;
  /** Whether z satisfies the inequality (null when there is no unit). */
  satisfied: boolean | null;
}

/** Names of the weights: `w_x` for a short variable name, else `w_1`, `w_2`, …. */
export function weightNames(variables: readonly string[]): string[] {
  return variables.map((v, i) => (/^[A-Za-z][0-9]*$/.test(v) ? `w_${v}` : `w_${i + 1}`));
}

/**
 * Σ cᵢ·nameᵢ (then `+ constant` when given: a last term of coefficient 1) as plain text with signs folded in:
 * `w_x − w_y + 2·b`. The `constant` saves rowTex two array copies per row; an index loop, no callback.
 */
export function linearForm(coefficients: readonly number[], names: readonly string[], constant?: string): string {
  let out = '';
  for (let i = 0; i < coefficients.length; i++) {
    const c = coefficients[i] as number;
    if (c === 0) continue;
    const magnitude = Math.abs(c) === 1 ? '' : `${Math.abs(c)}·`;
    const sign = out === '' ? (c < 0 ? '−' : '') : c < 0 ? ' − ' : ' + ';
    out += `${sign}${magnitude}${names[i]}`;
  }
  if (constant !== undefined) out += out === '' ? constant : ` + ${constant}`;
  return out === '' ? '0' : out;
}

/** Relation symbols a firing (true) or silent (false) row demands. */
export function relation(target: boolean, rule: FireWhen): [string, string] {
  if (target) return rule === '>0' ? ['>', '>'] : ['≥', '\\ge'];
  return rule === '>0' ? ['≤', '\\le'] : ['<', '<'];
}

/** The samples of a function's specified rows, encoded. */
export function samplesOf(f: BoolFunction, encoding: Encoding): Sample[] {
  const out: Sample[] = [];
  f.values.forEach((v, r) => {
    if (v >= 0) out.push({ x: encodedRow(r, f.n, encoding), target: v === 1 });
  });
  return out;
}

function rowTex(s: Sample, names: readonly string[], rule: FireWhen): Tex {
  const [text, latex] = relation(s.target, rule);
  return rel(text, latex, [sym(linearForm(s.x, names, 'b')), 0]);
}

/** `(0, 1)`. */
export function tuple(x: readonly (number | string)[]): string {
  return `(${x.join(', ')})`;
}

/** `(x, y) = (0, 1)`. */
export function rowLabel(variables: readonly string[], x: readonly number[]): string {
  return `${tuple(variables)} = ${tuple(x)}`;
}

/** One inequality per sample, evaluated for the unit when there is one. */
export function inequalities(
  samples: readonly Sample[],
  names: readonly string[],
  rule: FireWhen,
  encoding: Encoding,
  unit?: Unit,
): Inequality[] {
  return samples.map((s) => {
    const z = unit ? dot(unit.weights, s.x) + unit.bias : null;
    return {
      x: s.x,
      target: encodeBit(s.target ? 1 : 0, encoding),
      text: rowTex(s, names, rule).text,
      z,
      satisfied: z === null ? null : s.target ? (rule === '>0' ? z > 0 : z >= 0) : rule === '>0' ? z <= 0 : z < 0,
    };
  });
}

/** Rows shown one step each; larger tables are summarised. */
export const SHOWN_ROWS = 16;

/** Steps: the inequality each row demands. */
export function inequalitySteps(samples: readonly Sample[], variables: readonly string[], rule: FireWhen): Step[] {
  const names = weightNames(variables);
  if (samples.length > SHOWN_ROWS) {
    return [
      step(
        `Each of the ${samples.length} rows gives one inequality in ${[...names, 'b'].join(', ')} (listed in the answer's inequalities)`,
      ),
    ];
  }
  return samples.map((s) =>
    step(`Row ${rowLabel(variables, s.x)}: output ${s.target ? 'fires' : 'stays silent'}`, rowTex(s, names, rule)),
  );
}

/** Steps: the unit's weights, then z = w·x + b on every row. */
export function checkSteps(
  unit: Unit,
  samples: readonly Sample[],
  variables: readonly string[],
  rule: FireWhen,
): Step[] {
  if (samples.length > SHOWN_ROWS) {
    return [step(`z = w·x + b satisfies all ${samples.length} row inequalities (each z is in the answer)`)];
  }
  return samples.map((s) => {
    const z = dot(unit.weights, s.x) + unit.bias;
    const [text, latex] = relation(s.target, rule);
    const terms = unit.weights.map((w, i) => mul(w, s.x[i] as number));
    return step(
      `Check row ${rowLabel(variables, s.x)}`,
      eq('z', add(...terms, unit.bias), z),
      rel(text, latex, [z, 0]),
    );
  });
}

/**
 * Steps of the non-separability proof from multipliers λ: the firing rows'
 * inequalities and the silent rows' inequalities, each summed with λ, have the
 * same left side L but demand L > 0 and L ≤ 0 (or L ≥ 0 and L < 0).
 */
export function certificateSteps(
  lambda: readonly number[],
  samples: readonly Sample[],
  variables: readonly string[],
  rule: FireWhen,
): { steps: Step[]; combination: string } {
  const names = [...weightNames(variables), 'b'];
  const sum = (target: boolean) => {
    const c = new Array<number>(variables.length + 1).fill(0);
    samples.forEach((s, i) => {
      const l = lambda[i] as number;
      if (l <= 0 || s.target !== target) return;
      [...s.x, 1].forEach((v, j) => {
        c[j] = (c[j] as number) + l * v;
      });
    });
    return c;
  };
  const side = (target: boolean): Step => {
    const used = samples.flatMap((s, i) => (s.target === target && (lambda[i] as number) > 0 ? [i] : []));
    const parts = used.map((i) => {
      const form = linearForm([...(samples[i] as Sample).x, 1], names);
      const l = lambda[i] as number;
      return l === 1 ? `(${form})` : `${l}·(${form})`;
    });
    const [text, latex] = relation(target, rule);
    return step(
      `Add the ${target ? 'firing' : 'silent'} rows ${used.map((i) => tuple((samples[i] as Sample).x)).join(', ')}${used.some((i) => lambda[i] !== 1) ? ' with the multipliers shown' : ''}`,
      rel(text, latex, [eq(sym(parts.join(' + ')), sym(linearForm(sum(target), names))), 0]),
    );
  };
  const L = linearForm(sum(true), names);
  const [t1] = relation(true, rule);
  const [t0] = relation(false, rule);
  return {
    combination: L,
    steps: [
      side(true),
      side(false),
      step(
        `Both sums are the same expression L = ${L}, which cannot be ${t1} 0 and ${t0} 0 at once: no weights and bias exist`,
        words('not linearly separable'),
      ),
    ],
  };
}

/** Step: what the exhaustive search over a finite domain found. */
export function exhaustiveStep(sep: Extract<Separation, { separable: false }>, n: number, domains: string): Step {
  return step(
    `Exhaustive search over ${domains}: all ${sep.checked} weight vectors fail — for ${sep.emptyRange} the firing rows do not all score above the silent rows (no real bias fits), for ${sep.noAllowedBias} every fitting bias lies outside the bias domain`,
    eq(sym(`|W|^${n}`), sep.checked ?? 0),
  );
}

/** `w = [..], b = ..`. */
export function unitTex(unit: Unit): Tex[] {
  return [eq('w', vec(unit.weights)), eq('b', unit.bias)];
}
