/**
 * The losses of optim/loss and optim/mlp-step: per-element terms, reduction,
 * gradient w.r.t. the predictions (or logits), and the worked steps. Pure
 * functions on rows (samples) × columns (outputs or classes).
 */
import { add, DnnInputError, eq, frac, mul, num, type Step, step, type Tex, tex } from '@dnn/core';
import * as z from 'zod/mini';
import { type SoftmaxParts, softmaxParts, softplus } from './activations.js';
import { cellPath, type Rows } from './grid.js';
import { type LogBase, lnOfBase, logCall, logName } from './log-base.js';
import { math } from './math-text.js';
import { assertFinite, SHOW_MAX, showRows } from './show.js';

/** Loss kinds of the catalog. */
export const LOSS_KINDS = [
  'bce',
  'cross-entropy',
  'softmax-cross-entropy',
  'mse',
  'sse',
  'half-sse',
  'hinge',
  'exponential',
] as const;

/** One of {@link LOSS_KINDS}. */
export type LossKind = (typeof LOSS_KINDS)[number];

/** How per-element (or per-sample) terms are combined. */
export type Reduction = 'mean' | 'sum';

/** Targets of a probability row may miss 1 by this much (typed decimals such as 0.33/0.33/0.34 pass). */
export const ROW_SUM_TOLERANCE = 1e-6;

/** The loss options shared by optim/loss and optim/mlp-step, as schema fields. */
export const lossOptionFields = {
  reduction: z
    ._default(z.enum(['mean', 'sum']), 'mean')
    .check(
      z.describe(
        'mean (over samples for cross-entropy and softmax-cross-entropy, over all elements otherwise) or sum; sse and half-sse are sums whatever this says.',
      ),
    ),
  logZero: z
    .optional(z.number().check(z.maximum(0)))
    .check(
      z.describe(
        'Value used for log(0) (in the chosen base), e.g. -1e9 as some exams allow. Without it, log(0) with a non-zero coefficient is an input error; a log(0) multiplied by a zero target always counts 0.',
      ),
    ),
};

/** Settings of one loss evaluation. */
export interface LossSettings {
  kind: LossKind;
  reduction: Reduction;
  logBase: LogBase;
  logZero?: number | undefined;
  /**
   * False: the numbers only, with empty `steps` and `gradientSteps` (optim/mlp-step's later iterations show none, and
   * writing them cost as much as the loss itself). Default true.
   */
  explain?: boolean | undefined;
}

/** Predictions and targets in row form, with the input paths used in error messages. */
export interface LossData {
  predictions: Rows;
  targets: Rows;
  paths: { predictions: string; targets: string };
  /**
   * Pre-activations behind `predictions` (σ for bce, softmax for cross-entropy):
   * the logs are then taken from them stably (ln σ(z) = −softplus(−z), ln softmax = z − logsumexp),
   * so a saturated output never reads as log(0).
   */
  logits?: number[][];
}

/** A loss evaluated, with its worked steps. */
export interface LossResult {
  /** The reduced loss. */
  loss: number;
  /** Per-element terms ℓ before the reduction (for the cross-entropies, −t·log p per class). */
  terms: number[][];
  /** N of the mean (1 for a sum). */
  divisor: number;
  /** ∂L/∂predictions (∂L/∂logits for softmax-cross-entropy); null where it is infinite (log at 0). */
  gradient: (number | null)[][];
  /** Why some gradient entries are null, else null. */
  gradientReason: string | null;
  /** With logits (or for softmax-cross-entropy): ∂L/∂logits. */
  logitsGradient?: number[][];
  /** softmax-cross-entropy: the softmax of each row of logits. */
  probabilities?: number[][];
  /** Steps up to the loss value. */
  steps: Step[];
  /** Steps of the gradient w.r.t. the predictions (logits for softmax-cross-entropy). */
  gradientSteps: Step[];
  notes: string[];
}

const CROSS_ENTROPIES: readonly LossKind[] = ['cross-entropy', 'softmax-cross-entropy'];

/** True for the kinds that take logs (and so use logBase and logZero). */
export function usesLogs(kind: LossKind): boolean {
  return kind === 'bce' || CROSS_ENTROPIES.includes(kind);
}

/** Evaluates a loss: validates values, computes terms, reduction and gradient, and writes the steps. */
export function computeLoss(settings: LossSettings, data: LossData): LossResult {
  validate(settings.kind, data);
  const P = data.predictions.rows;
  const rows = P.length;
  const cols = P[0]?.length ?? 0;
  const kind = settings.kind;
  const divisor =
    settings.reduction === 'sum' || kind === 'sse' || kind === 'half-sse'
      ? 1
      : CROSS_ENTROPIES.includes(kind)
        ? rows
        : rows * cols;
  const explain = settings.explain !== false;
  const core = usesLogs(kind) ? logLoss(settings, data) : pointwiseLoss(kind, data, explain);
  const flat = core.terms.flat();
  const total = flat.reduce((a, b) => a + b, 0);
  const loss = total / divisor;
  assertFinite(loss, data.paths.predictions, 'the loss');
  const scale = (g: number | null) => (g === null ? null : g / divisor);
  const gradient = core.grad.map((r) => r.map(scale));
  assertFinite(
    gradient.flat().filter((g): g is number => g !== null),
    data.paths.predictions,
    'the gradient',
  );
  const logitsGradient = core.logitsGrad?.map((r) => r.map((g) => g / divisor));
  const hasNull = gradient.some((r) => r.includes(null));

  const steps: Step[] = [...core.steps];
  const gradientSteps: Step[] = [];
  if (explain) {
    const pieces = CROSS_ENTROPIES.includes(kind) ? core.terms.map((r) => r.reduce((a, b) => a + b, 0)) : flat;
    steps.push(reductionStep(kind, pieces, total, divisor, loss, rows));
    gradientSteps.push(step('Gradient of each term', core.gradFormula));
    gradientSteps.push(
      step(
        divisor === 1
          ? 'Gradient of the loss'
          : `Gradient of the loss (each term's gradient divided by N = ${divisor})`,
        eq(kind === 'softmax-cross-entropy' ? math('∂L/∂z') : math('∂L/∂p'), showRows(gradient)),
      ),
    );
  }
  const notes = [...core.notes];
  const unnormalised =
    kind === 'cross-entropy' && !data.logits ? unnormalisedNote(settings, data, total, divisor) : null;
  if (unnormalised) notes.push(unnormalised);
  if (settings.reduction === 'sum' && divisor === 1 && (kind === 'sse' || kind === 'half-sse')) {
    // nothing to add: sums anyway
  } else if (kind === 'sse' || kind === 'half-sse') {
    notes.push(`${kind} is a sum over all elements whatever the reduction (use mse for the mean).`);
  }
  if (divisor > 1) {
    notes.push(
      CROSS_ENTROPIES.includes(kind)
        ? `mean over the ${rows} sample row${rows === 1 ? '' : 's'} (PyTorch CrossEntropyLoss and Keras categorical cross-entropy average over samples, not classes).`
        : `mean over all ${rows * cols} elements (PyTorch reduction="mean").`,
    );
  }
  return {
    loss,
    terms: core.terms,
    divisor,
    gradient,
    gradientReason: hasNull
      ? 'log(0) was replaced by logZero, but its derivative is still infinite: those gradient entries are null'
      : null,
    ...(logitsGradient ? { logitsGradient } : {}),
    ...(core.probabilities ? { probabilities: core.probabilities } : {}),
    steps,
    gradientSteps,
    notes,
  };
}

/**
 * cross-entropy on given probabilities: a note for prediction rows that do not sum to 1 (within
 * {@link ROW_SUM_TOLERANCE}) — the loss keeps the textbook −∑ t·log p on the values as given, and
 * the note gives the value of Keras's categorical_crossentropy and TF.js, which divide each row by
 * its sum first. Null when every row is a distribution.
 */
function unnormalisedNote(settings: LossSettings, data: LossData, total: number, divisor: number): string | null {
  const sums = data.predictions.rows.map((r) => r.reduce((a, b) => a + b, 0));
  const off = sums.flatMap((sum, i) => (Math.abs(sum - 1) > ROW_SUM_TOLERANCE ? [i] : []));
  if (off.length === 0) return null;
  const first = off[0] as number;
  const where =
    data.predictions.kind === 'matrix'
      ? `prediction row ${first + 1}${off.length > 1 ? ` (and ${off.length - 1} more)` : ''} sums to ${sums[first]}`
      : `the predictions sum to ${sums[first]}`;
  // −∑ t·log(p/s) = −∑ t·log p + (∑ t)·log s, row by row.
  const ln = lnOfBase(settings.logBase);
  const shift = data.targets.rows.reduce((acc, tRow, i) => {
    const sum = sums[i] as number;
    return acc + (sum > 0 ? (tRow.reduce((a, b) => a + b, 0) * Math.log(sum)) / ln : Number.NaN);
  }, 0);
  const keras = Number.isFinite(shift) ? ` would give L = ${(total + shift) / divisor}` : ' would differ';
  return `The predictions are not a probability distribution: ${where}, not 1. Cross-entropy here uses them as given (−∑ t·log p); Keras's categorical_crossentropy and TF.js divide each row by its sum first, which${keras}. Normalise them, or give raw scores to softmax-cross-entropy.`;
}

interface CoreLoss {
  terms: number[][];
  grad: (number | null)[][];
  logitsGrad?: number[][];
  probabilities?: number[][];
  gradFormula: Tex;
  steps: Step[];
  notes: string[];
}

function validate(kind: LossKind, data: LossData): void {
  const P = data.predictions.rows;
  const T = data.targets.rows;
  const { paths } = data;
  if (T.length !== P.length || T[0]?.length !== P[0]?.length) {
    throw new DnnInputError(
      paths.targets,
      `has shape ${T.length}×${T[0]?.length ?? 0} but the predictions have ${P.length}×${P[0]?.length ?? 0}; they must match`,
    );
  }
  const cellP = (i: number, j: number) => cellPath(paths.predictions, data.predictions.kind, i, j);
  const cellT = (i: number, j: number) => cellPath(paths.targets, data.targets.kind, i, j);
  const crossEntropy = CROSS_ENTROPIES.includes(kind);
  // indexed loops, the kind tests hoisted: this runs on every element of every loss (mlp-step: every step)
  for (let i = 0; i < T.length; i++) {
    const row = T[i] as number[];
    for (let j = 0; j < row.length; j++) {
      const t = row[j] as number;
      const p = P[i]?.[j] as number;
      if ((kind === 'hinge' || kind === 'exponential') && t !== 1 && t !== -1) {
        throw new DnnInputError(
          cellT(i, j),
          `${kind} loss needs targets −1 or +1, got ${t} (map 0/1 labels to −1/+1 first, as Keras does)`,
        );
      }
      if ((kind === 'bce' || crossEntropy) && (t < 0 || t > 1)) {
        throw new DnnInputError(cellT(i, j), `a target probability must be between 0 and 1, got ${t}`);
      }
      if ((kind === 'bce' || kind === 'cross-entropy') && !data.logits && (p < 0 || p > 1)) {
        throw new DnnInputError(
          cellP(i, j),
          `a predicted probability must be between 0 and 1, got ${p}${kind === 'cross-entropy' ? ' (for raw scores use softmax-cross-entropy)' : ''}`,
        );
      }
    }
    if (crossEntropy) {
      const sum = row.reduce((a, b) => a + b, 0);
      if (Math.abs(sum - 1) > ROW_SUM_TOLERANCE) {
        throw new DnnInputError(
          data.targets.kind === 'matrix' ? `${paths.targets}[${i}]` : paths.targets,
          `the target probabilities of a sample must sum to 1, these sum to ${sum} (one-hot: a single 1)`,
        );
      }
    }
  }
}

const NEG = (inner: Tex): Tex => tex(`−[${inner.text}]`, `-\\left[${inner.latex}\\right]`, 'sum');

/** bce, cross-entropy and softmax-cross-entropy: terms −coefficient·log(x), with the log(0) rules. */
function logLoss(settings: LossSettings, data: LossData): CoreLoss {
  const { kind, logBase: base, logZero } = settings;
  const ln = lnOfBase(base);
  const P = data.predictions.rows;
  const T = data.targets.rows;
  const notes: string[] = [];
  let zeroTargetSkipped = false;
  let usedLogZero = false;
  const logitRows = kind === 'softmax-cross-entropy' ? P : data.logits;
  const softmaxes =
    kind === 'softmax-cross-entropy' || (kind === 'cross-entropy' && logitRows)
      ? logitRows?.map((r) => softmaxParts(r))
      : undefined;
  const probs = softmaxes ? softmaxes.map((s) => s.probabilities) : P;

  /** log_b of x, where lnX (natural log) is known stably or null to take it from x. */
  const logb = (x: number, lnX: number | null, path: string, coefficient: number): number => {
    if (lnX !== null) return lnX / ln;
    if (x > 0) return Math.log(x) / ln;
    if (logZero !== undefined) {
      usedLogZero = true;
      return logZero;
    }
    throw new DnnInputError(
      path,
      `log(0) is −∞ here: the ${coefficient === 1 ? 'target' : 'coefficient'} ${coefficient} multiplies log(${x === 0 ? 0 : x}). Give logZero (e.g. −1e9, as some exams allow) to replace log(0) by a large negative number`,
    );
  };
  const cellP = (i: number, j: number) => cellPath(data.paths.predictions, data.predictions.kind, i, j);

  const terms: number[][] = [];
  const grad: (number | null)[][] = [];
  const logitsGrad: number[][] = [];
  const shown: Tex[] = [];
  const explain = settings.explain !== false;
  const show = explain && P.length * (P[0]?.length ?? 0) <= 12;
  for (const [i, tRow] of T.entries()) {
    const pRow = probs[i] as number[];
    const zRow = logitRows?.[i];
    const tSum = tRow.reduce((a, b) => a + b, 0);
    const termRow: number[] = [];
    const gradRow: (number | null)[] = [];
    const lgRow: number[] = [];
    for (const [j, t] of tRow.entries()) {
      const p = pRow[j] as number;
      if (kind === 'bce') {
        const zij = zRow?.[j];
        const lnP = zij === undefined ? null : -softplus(-zij);
        const ln1mP = zij === undefined ? null : -softplus(zij);
        const a = t === 0 ? 0 : t * logb(p, lnP, cellP(i, j), t);
        const b = t === 1 ? 0 : (1 - t) * logb(1 - p, ln1mP, cellP(i, j), 1 - t);
        if ((t === 0 && p === 0) || (t === 1 && p === 1)) zeroTargetSkipped = true;
        termRow.push(-(a + b));
        const ga = t === 0 ? 0 : p === 0 ? null : t / p;
        const gb = t === 1 ? 0 : p === 1 ? null : (1 - t) / (1 - p);
        gradRow.push(ga === null || gb === null ? null : -(ga - gb) / ln);
        lgRow.push((p - t) / ln);
        if (show) {
          shown.push(
            eq(
              math(`ℓ_${i + 1}${j + 1}`),
              NEG(
                add(mul(t, logCall(base, p)), mul(math(`1 − ${fmtNum(t)}`), logCall(base, math(`1 − ${fmtNum(p)}`)))),
              ),
              -(a + b),
            ),
          );
        }
      } else {
        const lnP = softmaxes ? (softmaxes[i]?.logProbabilities[j] as number) : null;
        const value = t === 0 ? 0 : t * logb(p, lnP, cellP(i, j), t);
        if (t === 0 && p === 0) zeroTargetSkipped = true;
        termRow.push(-value);
        gradRow.push(t === 0 ? 0 : p === 0 ? null : -t / (p * ln));
        lgRow.push((p * tSum - t) / ln);
      }
    }
    terms.push(termRow);
    grad.push(gradRow);
    logitsGrad.push(lgRow);
  }

  const steps: Step[] = [];
  const L = logName(base);
  if (explain && kind === 'bce') {
    steps.push(
      step(
        'Binary cross-entropy of each element',
        tex(
          `ℓ = −[t·${L}(p) + (1 − t)·${L}(1 − p)]`,
          `\\ell = -\\left[t\\,${latexLog(base)}(p) + (1 - t)\\,${latexLog(base)}(1 - p)\\right]`,
          'sum',
        ),
      ),
    );
    for (const s of shown) steps.push(step('Substitute', s));
    if (!show) steps.push(step('Terms', eq(math('ℓ'), showRows(terms))));
  } else if (explain) {
    if (softmaxes) steps.push(...softmaxSteps(softmaxes));
    steps.push(
      step(
        'Cross-entropy of each sample',
        tex(`ℓ_n = −∑_k t_nk·${L}(p_nk)`, `\\ell_n = -\\sum_k t_{nk}\\,${latexLog(base)}(p_{nk})`, 'sum'),
      ),
    );
    if (T.length <= 12 && (T[0]?.length ?? 0) <= 12) {
      for (const [i, tRow] of T.entries()) {
        const pieces = tRow.flatMap((t, j) =>
          t === 0
            ? []
            : [mul(t, logCall(base, (probs[i]?.[j] as number) > 0 ? (probs[i]?.[j] as number) : math(`p_${j + 1}`)))],
        );
        const value = (terms[i] ?? []).reduce((a, b) => a + b, 0);
        steps.push(
          step(
            `Sample ${i + 1} (terms with target 0 vanish)`,
            eq(math(`ℓ_${i + 1}`), NEG(pieces.length ? add(...pieces) : num(0)), value),
          ),
        );
      }
    }
  }
  if (zeroTargetSkipped)
    notes.push(
      'A log(0) multiplied by a zero target counts 0 (the limit t·log p → 0), as the usual convention 0·log 0 = 0.',
    );
  if (usedLogZero)
    notes.push(`log(0) replaced by logZero = ${logZero} (in the ${L} base) where its coefficient is not zero.`);
  if (base !== 'e')
    notes.push(`Logarithms in base ${base}: every term and gradient is the natural-log value divided by ln ${base}.`);
  if (data.logits && kind !== 'softmax-cross-entropy') {
    notes.push(
      'The logs were taken from the pre-activations (ln σ(z) = −softplus(−z), ln softmax(z) = z − logsumexp(z)), so saturated outputs never read as log(0).',
    );
  }
  const gradFormula =
    kind === 'bce'
      ? math(`∂ℓ/∂p = −(t/p − (1 − t)/(1 − p))${base === 'e' ? '' : `/ln ${base}`}`)
      : kind === 'cross-entropy'
        ? math(`∂ℓ/∂p_k = −t_k/p_k${base === 'e' ? '' : `/ln ${base}`}`)
        : math(
            `∂ℓ/∂z_k = (p_k·∑_j t_j − t_k)${base === 'e' ? '' : `/ln ${base}`} = p_k − t_k for a one-hot or probability target`,
          );
  return {
    terms,
    grad: kind === 'softmax-cross-entropy' ? logitsGrad : grad,
    ...(data.logits || kind === 'softmax-cross-entropy' ? { logitsGrad } : {}),
    ...(kind === 'softmax-cross-entropy' ? { probabilities: probs } : {}),
    gradFormula,
    steps,
    notes,
  };
}

function latexLog(base: LogBase): string {
  return base === 'e' ? '\\ln' : `\\log_{${base}}`;
}

function fmtNum(x: number): string {
  return num(x).text;
}

/** Worked steps of a row-wise, max-subtracted softmax. */
export function softmaxSteps(parts: SoftmaxParts[], temperature = 1): Step[] {
  const steps: Step[] = [];
  const T = temperature === 1 ? '' : `/T`;
  steps.push(
    step(
      'Softmax, with the maximum subtracted first (same result, no overflow)',
      tex(
        `p_k = e^((z_k − max z)${T}) / ∑_j e^((z_j − max z)${T})`,
        `p_k = \\frac{e^{(z_k - \\max z)${temperature === 1 ? '' : '/T'}}}{\\sum_j e^{(z_j - \\max z)${temperature === 1 ? '' : '/T'}}}`,
      ),
    ),
  );
  const many = parts.length > SHOW_MAX / 4;
  for (const [i, s] of parts.entries()) {
    if (many && i >= 4) break;
    const tag = parts.length === 1 ? '' : ` (row ${i + 1})`;
    steps.push(step(`Maximum logit${tag}`, eq(math('max z'), s.max)));
    steps.push(
      step(`Shifted logits${T ? ' divided by T' : ''}${tag}`, eq(math(`(z − max z)${T}`), showRows([s.shifted]))),
    );
    steps.push(step(`Exponentials${tag}`, eq(math('e^(…)'), showRows([s.exps]))));
    steps.push(step(`Their sum${tag}`, eq(math('S'), s.sum)));
    steps.push(step(`Probabilities p = e^(…)/S${tag}`, eq(math('p'), showRows([s.probabilities]))));
  }
  if (many) steps.push(step(`The other ${parts.length - 4} rows work the same way`));
  if (parts.some((s) => s.probabilities.some((p) => p === 0))) {
    steps.push(
      step(
        'Some probabilities underflow to 0 in double precision; their logs are still exact',
        eq(math('ln p_k'), math('(z_k − max z) − ln S')),
      ),
    );
  }
  return steps;
}

/** mse, sse, half-sse, hinge, exponential: element-wise terms. */
function pointwiseLoss(kind: LossKind, data: LossData, explain: boolean): CoreLoss {
  const P = data.predictions.rows;
  const T = data.targets.rows;
  const terms: number[][] = [];
  const grad: number[][] = [];
  const notes: string[] = [];
  let kink = false;
  const shown: Tex[] = [];
  const show = explain && P.length * (P[0]?.length ?? 0) <= 12;
  for (const [i, pRow] of P.entries()) {
    const termRow: number[] = [];
    const gradRow: number[] = [];
    for (const [j, p] of pRow.entries()) {
      const t = T[i]?.[j] as number;
      const d = p - t;
      let term: number;
      let g: number;
      switch (kind) {
        case 'hinge': {
          const margin = 1 - t * p;
          term = Math.max(0, margin);
          g = margin > 0 ? -t : 0;
          if (margin === 0) kink = true;
          break;
        }
        case 'exponential':
          term = Math.exp(-t * p);
          g = -t * term;
          break;
        case 'half-sse':
          term = 0.5 * d * d;
          g = d;
          break;
        default:
          term = d * d;
          g = 2 * d;
      }
      termRow.push(term);
      gradRow.push(g);
      // Substitutions are written only for the few elements shown (O(elements) numbers, not texts).
      if (show) shown.push(eq(math(`ℓ_${i + 1}${j + 1}`), pointwiseSubstitution(kind, p, t), term));
    }
    terms.push(termRow);
    grad.push(gradRow);
  }
  assertFinite(terms.flat(), data.paths.predictions, 'a loss term');
  const formula: Record<string, [string, string, string]> = {
    mse: ['Squared error of each element', 'ℓ = (p − t)²', '\\ell = (p - t)^2'],
    sse: ['Squared error of each element', 'ℓ = (p − t)²', '\\ell = (p - t)^2'],
    'half-sse': ['Half squared error of each element', 'ℓ = ½(p − t)²', '\\ell = \\frac{1}{2}(p - t)^2'],
    hinge: ['Hinge loss of each element', 'ℓ = max(0, 1 − t·p)', '\\ell = \\max(0, 1 - t\\,p)'],
    exponential: ['Exponential loss of each element', 'ℓ = e^(−t·p)', '\\ell = e^{-t\\,p}'],
  };
  const [title, text, latex] = formula[kind] as [string, string, string];
  const steps: Step[] = explain ? [step(title, tex(text, latex, 'sum'))] : [];
  for (const s of shown) steps.push(step('Substitute', s));
  if (explain && !show) steps.push(step('Terms', eq(math('ℓ'), showRows(terms))));
  if (kink) notes.push('hinge: where 1 − t·p = 0 exactly the loss has a kink; the subgradient 0 is used there.');
  const gradFormulas: Record<string, string> = {
    mse: '∂ℓ/∂p = 2(p − t)',
    sse: '∂ℓ/∂p = 2(p − t)',
    'half-sse': '∂ℓ/∂p = p − t',
    hinge: '∂ℓ/∂p = −t if 1 − t·p > 0, else 0',
    exponential: '∂ℓ/∂p = −t·e^(−t·p)',
  };
  return { terms, grad, gradFormula: math(gradFormulas[kind] as string), steps, notes };
}

/** ℓ with p and t substituted, for one shown element of a pointwise loss. */
function pointwiseSubstitution(kind: LossKind, p: number, t: number): Tex {
  switch (kind) {
    case 'hinge':
      return tex(
        `max(0, 1 − ${fmtNum(t)}·${paren(p)})`,
        `\\max\\left(0, 1 - ${num(t).latex} \\cdot ${parenLatex(p)}\\right)`,
      );
    case 'exponential':
      return tex(`e^(−${fmtNum(t)}·${paren(p)})`, `e^{-${num(t).latex} \\cdot ${parenLatex(p)}}`);
    case 'half-sse':
      return tex(`½(${fmtNum(p)} − ${paren(t)})²`, `\\frac{1}{2}\\left(${num(p).latex} - ${parenLatex(t)}\\right)^2`);
    default:
      return tex(`(${fmtNum(p)} − ${paren(t)})²`, `\\left(${num(p).latex} - ${parenLatex(t)}\\right)^2`);
  }
}

function paren(x: number): string {
  return x < 0 ? `(${fmtNum(x)})` : fmtNum(x);
}

function parenLatex(x: number): string {
  return x < 0 ? `\\left(${num(x).latex}\\right)` : num(x).latex;
}

function reductionStep(
  kind: LossKind,
  flat: number[],
  total: number,
  divisor: number,
  loss: number,
  rows: number,
): Step {
  const sumTex = flat.length <= 12 ? add(...flat) : math('∑ ℓ');
  if (divisor === 1) {
    return step(
      flat.length > 1 ? 'Sum of the terms' : 'A single term, so',
      flat.length === 1 ? eq(math('L'), loss) : eq(math('L'), sumTex, total),
    );
  }
  const what = CROSS_ENTROPIES.includes(kind) ? `${rows} samples` : `${divisor} elements`;
  return step(`Mean over the ${what}`, eq(math('L'), frac(flat.length <= 12 ? sumTex : total, divisor), loss));
}
