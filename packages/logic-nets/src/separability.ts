/**
 * The separability analysis shared by logic/perceptron and logic/mlp: resolve
 * the function, decide separability exactly, and explain it in steps.
 */
import { type Step, step } from '@dnn/core';
import { type BooleanFunctionInput, type BoolFunction, distinct, resolveFunction } from './boolean-function.js';
import {
  certificateSteps,
  checkSteps,
  exhaustiveStep,
  inequalitySteps,
  samplesOf,
  tuple,
  unitTex,
} from './inequalities.js';
import { type Domains, type Sample, type Separation, separate } from './threshold.js';

/** Everything the two solvers need about one function's separability. */
export interface SeparabilityAnalysis {
  f: BoolFunction;
  samples: Sample[];
  domains: Domains;
  separation: Separation;
  steps: Step[];
  notes: string[];
  /** The non-separability certificate, when the function is not separable over the reals. */
  certificate?: { multipliers: { x: number[]; target: boolean; multiplier: number }[]; combination: string };
}

/** Words for the domains: `weights in {−1, 0, 1}, bias in {…}`. */
export function domainWords(d: Domains): string {
  const set = (v: number[]) => `{${v.join(', ')}}`;
  return `weights in ${d.weights ? set(d.weights) : 'ℝ'}, bias in ${d.bias ? set(d.bias) : 'ℝ'}`;
}

/** Convention notes shared by the logic solvers. */
export function conventionNotes(inp: BooleanFunctionInput, f: BoolFunction): string[] {
  const notes = [
    `Neuron: output ${inp.encoding === 'bipolar' ? '+1' : '1'} when w·x + b ${inp.fireWhen === '>0' ? '> 0' : '≥ 0'}, else ${inp.encoding === 'bipolar' ? '−1' : '0'} (fireWhen "${inp.fireWhen}").`,
    inp.encoding === 'bipolar'
      ? 'Bipolar encoding: false is −1 and true is +1, for inputs and outputs.'
      : 'Binary encoding: false is 0 and true is 1.',
    `Weight order: ${tuple(f.variables)}${inp.variables ? '' : inp.expression !== undefined ? ' (the expression’s names sorted; set variables to change it)' : ' (truth-table columns)'}.`,
  ];
  const missing = f.values.filter((v) => v < 0).length;
  if (missing > 0) {
    notes.push(
      `${missing} of the ${f.values.length} rows are not in the truth table: they are don't-cares (truthTable.unlisted "dont-care"; the network only has to match the listed rows).`,
    );
  }
  if (f.filledRows) {
    notes.push(
      `${f.filledRows} of the ${f.values.length} rows are not in the truth table: they were filled in as false (${inp.encoding === 'bipolar' ? '−1' : '0'}), the default truthTable.unlisted false for a table that lists only its true rows. Version 1 read such rows as don't-cares; set truthTable.unlisted to "dont-care" for that.`,
    );
  }
  return notes;
}

/** Decides separability (real weights, or the given finite domains) with the proof as steps. */
export function analyseSeparability(inp: BooleanFunctionInput): SeparabilityAnalysis {
  const f = resolveFunction(inp);
  const samples = samplesOf(f, inp.encoding);
  const domains: Domains = {
    weights: inp.weightDomain && distinct(inp.weightDomain),
    bias: inp.biasDomain && distinct(inp.biasDomain),
  };
  const separation = separate(samples, f.n, inp.fireWhen, domains);
  const steps = [...inequalitySteps(samples, f.variables, inp.fireWhen)];
  const notes = conventionNotes(inp, f);
  let certificate: SeparabilityAnalysis['certificate'];
  if (separation.separable) {
    const how =
      separation.method === 'exhaustive'
        ? `Exhaustive search over ${domainWords(domains)} (${separation.checked} weight vectors) finds`
        : separation.method === 'exact-lp'
          ? 'The exact linear program (simplex in fractions, every row with margin ≥ 1, scaled to integers) gives'
          : separation.method === 'chow-parameters'
            ? 'Weights along the Chow parameters (wᵢ = Σ over the rows of (±1 output)·(±1 input i): how strongly f follows each input), with an integer bias strictly inside the range they allow, give'
            : 'A search over small integer weights (no row exactly on the boundary) gives';
    steps.push(step(`${how} a separating perceptron`, ...unitTex(separation.unit)));
    steps.push(...checkSteps(separation.unit, samples, f.variables, inp.fireWhen));
    if (separation.method !== 'exhaustive') {
      notes.push(
        'Any positive multiple of these weights and bias works too; this is one solution among infinitely many.',
      );
    }
  } else {
    if (separation.method === 'exhaustive') steps.push(exhaustiveStep(separation, f.n, domainWords(domains)));
    if (separation.lambda) {
      const proof = certificateSteps(separation.lambda, samples, f.variables, inp.fireWhen);
      if (separation.method === 'exhaustive') {
        steps.push(step('Moreover no real weights exist either (Farkas/Gordan certificate):'));
      }
      steps.push(...proof.steps);
      certificate = {
        combination: proof.combination,
        multipliers: samples.flatMap((s, i) =>
          (separation.lambda?.[i] ?? 0) > 0
            ? [{ x: s.x, target: s.target, multiplier: separation.lambda?.[i] as number }]
            : [],
        ),
      };
      notes.push(
        separation.method === 'unateness'
          ? 'The proof adds four row inequalities: f rises with one input on one pair of rows and falls with it on another, which no single weight can do (a non-unate function is never separable). Such a certificate exists exactly when no separating weights exist (Gordan’s theorem).'
          : 'The proof adds row inequalities with non-negative multipliers (found by an exact simplex in fractions); such a certificate exists exactly when no separating weights exist (Gordan’s theorem).',
      );
    } else if (separation.realUnit) {
      steps.push(
        step(
          'With real weights the function is separable, e.g. (so the domain is what rules a single perceptron out)',
          ...unitTex(separation.realUnit),
        ),
      );
    }
  }
  return { f, samples, domains, separation, steps, notes, ...(certificate ? { certificate } : {}) };
}
