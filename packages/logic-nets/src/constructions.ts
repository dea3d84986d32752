/**
 * Two-layer threshold networks for a boolean function: hidden units from a
 * sum of products (AND per implicant) or from counting thresholds, and an
 * output unit fitted to the hidden outputs on every specified row.
 */
import { type BoolFunction, type Encoding, encodedRow, type FireWhen } from './boolean-function.js';
import { type Layer, layerOf, runNetwork } from './network.js';
import { covers, type Implicant, literals } from './quine-mccluskey.js';
import { type Domains, fitPattern, type Sample, type Unit } from './threshold.js';

/** The encoded input vectors of all 2ⁿ rows. */
export function encodedRows(n: number, encoding: Encoding): number[][] {
  return Array.from({ length: 2 ** n }, (_, r) => encodedRow(r, n, encoding));
}

/** Samples over all 2ⁿ rows with a target per row (`rows`: precomputed {@link encodedRows}). */
export function allRows(n: number, encoding: Encoding, target: (r: number) => boolean, rows?: number[][]): Sample[] {
  const xs = rows ?? encodedRows(n, encoding);
  return xs.map((x, r) => ({ x, target: target(r) }));
}

/** An AND unit for one implicant: weight ±c per literal, 0 elsewhere, bias fitted on all rows. */
export function andUnit(
  imp: Implicant,
  n: number,
  rule: FireWhen,
  encoding: Encoding,
  domains: Domains,
  rows?: number[][],
): Unit | undefined {
  const pattern = new Array<number>(n).fill(0);
  for (const l of literals(imp, n)) pattern[l.index] = l.negated ? -1 : 1;
  return fitPattern(
    allRows(n, encoding, (r) => covers(imp, r), rows),
    pattern,
    rule,
    domains,
  );
}

/**
 * Adds an output unit over the hidden layer with weights `sign`·c per hidden
 * unit, fitted so the network reproduces f on every specified row.
 */
export function withOutput(
  hidden: readonly Unit[],
  signs: readonly number[],
  f: BoolFunction,
  rule: FireWhen,
  encoding: Encoding,
  domains: Domains,
): Layer[] | undefined {
  const first = layerOf(hidden);
  const samples: Sample[] = [];
  f.values.forEach((v, r) => {
    if (v < 0) return;
    const x = encodedRow(r, f.n, encoding);
    samples.push({ x: runNetwork([first], x, rule, encoding)[0] as number[], target: v === 1 });
  });
  const out = fitPattern(samples, signs, rule, domains);
  return out ? [first, layerOf([out])] : undefined;
}

/** The true rows, don't-care rows and false rows of f. */
export function rowSets(f: BoolFunction): { on: number[]; dc: number[]; off: number[] } {
  const on: number[] = [];
  const dc: number[] = [];
  const off: number[] = [];
  f.values.forEach((v, r) => {
    (v === 1 ? on : v === 0 ? off : dc).push(r);
  });
  return { on, dc, off };
}

/** Variables f depends on (flipping them changes a specified output). */
export function relevantVariables(f: BoolFunction): number[] {
  const out: number[] = [];
  for (let i = 0; i < f.n; i++) {
    const bit = 1 << (f.n - 1 - i);
    let relevant = false;
    f.values.forEach((v, r) => {
      const w = f.values[r ^ bit] as number;
      if (v >= 0 && w >= 0 && v !== w) relevant = true;
    });
    if (relevant) out.push(i);
  }
  return out;
}

/** Number of ones of row r among the given variables. */
export function onesAmong(r: number, n: number, vars: readonly number[]): number {
  return vars.reduce((c, i) => c + ((r >> (n - 1 - i)) & 1), 0);
}

/**
 * When f depends only on the number c of ones among its relevant variables:
 * g(c) for c = 0…k (don't-care counts copy their neighbour) and the counts
 * where g changes. Undefined when f is not symmetric.
 */
export function symmetricProfile(
  f: BoolFunction,
  vars: readonly number[],
): { g: number[]; changes: number[] } | undefined {
  const k = vars.length;
  const g = new Array<number>(k + 1).fill(-1);
  let symmetric = true;
  f.values.forEach((v, r) => {
    if (v < 0) return;
    const c = onesAmong(r, f.n, vars);
    if (g[c] === -1) g[c] = v;
    else if (g[c] !== v) symmetric = false;
  });
  if (!symmetric) return undefined;
  const firstKnown = g.find((v) => v >= 0) ?? 0;
  for (let c = 0; c <= k; c++) if (g[c] === -1) g[c] = c === 0 ? firstKnown : (g[c - 1] as number);
  const changes = g.flatMap((v, c) => (c > 0 && v !== g[c - 1] ? [c] : []));
  return { g, changes };
}

/**
 * The counting network: hidden unit j fires when at least tⱼ of `vars` are 1
 * (weights c on `vars`); the output adds them with alternating signs (+ where
 * g rises, − where it falls). Undefined when the domains forbid it.
 */
export function countingNetwork(
  f: BoolFunction,
  vars: readonly number[],
  changes: readonly number[],
  g: readonly number[],
  rule: FireWhen,
  encoding: Encoding,
  domains: Domains,
): Layer[] | undefined {
  const pattern = Array.from({ length: f.n }, (_, i) => (vars.includes(i) ? 1 : 0));
  const hidden: Unit[] = [];
  const rows = encodedRows(f.n, encoding);
  const ones = rows.map((_, r) => onesAmong(r, f.n, vars));
  for (const t of changes) {
    const u = fitPattern(
      allRows(f.n, encoding, (r) => (ones[r] as number) >= t, rows),
      pattern,
      rule,
      domains,
    );
    if (!u) return undefined;
    hidden.push(u);
  }
  const signs = changes.map((t) => ((g[t] as number) > (g[t - 1] as number) ? 1 : -1));
  return withOutput(hidden, signs, f, rule, encoding, domains);
}
