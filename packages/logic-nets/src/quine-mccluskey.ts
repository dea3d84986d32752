/**
 * Minimal sum of products: Quine–McCluskey prime implicants, then a minimum
 * cover of the minterms (essential primes, then an exact branch-and-bound
 * search equivalent to expanding Petrick's product, within a work budget).
 */

/** A product term: the bits of `mask` are eliminated (−); the other bits of `value` are the literals. */
export interface Implicant {
  value: number;
  mask: number;
}

/** Literals of an implicant: variable index and whether it is complemented. */
export function literals(imp: Implicant, n: number): { index: number; negated: boolean }[] {
  const out: { index: number; negated: boolean }[] = [];
  for (let i = 0; i < n; i++) {
    const bit = 1 << (n - 1 - i);
    if (!(imp.mask & bit)) out.push({ index: i, negated: !(imp.value & bit) });
  }
  return out;
}

/** `x·y'`-style text of an implicant: `x & !y` (`1` for the empty product). */
export function implicantText(imp: Implicant, variables: readonly string[]): string {
  const lits = literals(imp, variables.length).map((l) => `${l.negated ? '!' : ''}${variables[l.index]}`);
  return lits.length ? lits.join(' & ') : '1';
}

/** Whether the implicant covers row r. */
export function covers(imp: Implicant, r: number): boolean {
  return (r & ~imp.mask) === imp.value;
}

/**
 * All prime implicants of the function with these true rows and don't-care
 * rows (n ≤ 12). Cost: O(3ⁿ · n) steps over a flag array of 4ⁿ bytes (16 MB
 * at n = 12), indexed by mask·2ⁿ + value; terms of different levels never
 * share an index (their masks differ in popcount).
 */
export function primeImplicants(onSet: readonly number[], dontCares: readonly number[], n: number): Implicant[] {
  const size = 2 ** n;
  const PRESENT = 1;
  const COMBINED = 2;
  const flags = new Uint8Array(size * size);
  let level: number[] = [];
  for (const r of [...onSet, ...dontCares]) {
    if (flags[r] === 0) level.push(r);
    flags[r] = PRESENT;
  }
  const primes: Implicant[] = [];
  while (level.length > 0) {
    const next: number[] = [];
    for (const k of level) {
      const value = k % size;
      const mask = (k - value) / size;
      for (let b = 0; b < n; b++) {
        const bit = 1 << b;
        if (mask & bit || value & bit) continue;
        const partner = k + bit;
        if (flags[partner] === 0) continue;
        flags[k] = (flags[k] as number) | COMBINED;
        flags[partner] = (flags[partner] as number) | COMBINED;
        const merged = (mask | bit) * size + value;
        if (flags[merged] === 0) {
          flags[merged] = PRESENT;
          next.push(merged);
        }
      }
    }
    for (const k of level)
      if (!((flags[k] as number) & COMBINED)) primes.push({ value: k % size, mask: Math.floor(k / size) });
    level = next;
  }
  return primes;
}

/** Above this many rows left after the essential primes, the cover is greedy (largest new coverage first), not searched. */
const GREEDY_ABOVE = 64;

/** Greedy set cover: repeatedly the prime covering the most uncovered rows. */
function greedyCover(remaining: readonly number[], usefulRows: readonly number[][]): number[] {
  const open = new Set(remaining);
  const chosen: number[] = [];
  while (open.size > 0) {
    let bestIndex = -1;
    let bestGain = 0;
    usefulRows.forEach((rows, i) => {
      let gain = 0;
      for (const r of rows) if (open.has(r)) gain++;
      if (gain > bestGain) {
        bestGain = gain;
        bestIndex = i;
      }
    });
    if (bestIndex < 0) break;
    chosen.push(bestIndex);
    for (const r of usefulRows[bestIndex] as number[]) open.delete(r);
  }
  return chosen;
}

/** Outcome of {@link minimumCover}. */
export interface Cover {
  /** The chosen prime implicants (essential ones first). */
  cover: Implicant[];
  /** The essential prime implicants (the only prime covering some minterm). */
  essential: Implicant[];
  /** True when the search finished: no cover has fewer terms (then fewer literals). */
  exact: boolean;
  /** The primes that cover some true row, in the numbering of `petrick`. */
  useful: Implicant[];
  /** Minterms left after the essential primes, with the primes that cover each (Petrick's sums). */
  petrick: { minterm: number; primes: number[] }[];
}

const literalCount = (imp: Implicant, n: number) => n - popcount(imp.mask);
function popcount(x: number): number {
  let c = 0;
  for (let v = x; v; v &= v - 1) c++;
  return c;
}

/**
 * A minimum cover of `onSet` by `primes`: fewest terms, then fewest literals.
 * Exact unless the branch-and-bound search exceeds `budget` units of work (row checks).
 */
export function minimumCover(primes: readonly Implicant[], onSet: readonly number[], n: number, budget = 2e7): Cover {
  const isOn = new Set(onSet);
  // Rows of each prime: value | s for every s ⊆ mask; keep the true rows only.
  const rowsOf = primes.map((p) => {
    const out: number[] = [];
    for (let sub = p.mask; ; sub = (sub - 1) & p.mask) {
      if (isOn.has(p.value | sub)) out.push(p.value | sub);
      if (sub === 0) break;
    }
    return out;
  });
  const keep = primes.flatMap((_, i) => ((rowsOf[i] as number[]).length > 0 ? [i] : []));
  const useful = keep.map((i) => primes[i] as Implicant);
  const usefulRows = keep.map((i) => rowsOf[i] as number[]);
  const coverers = new Map<number, number[]>(onSet.map((r) => [r, []]));
  usefulRows.forEach((rows, i) => {
    for (const r of rows) coverers.get(r)?.push(i);
  });
  const essentialIdx = new Set<number>();
  for (const list of coverers.values()) if (list.length === 1) essentialIdx.add(list[0] as number);
  const essential = [...essentialIdx].map((i) => useful[i] as Implicant);
  const remaining = onSet.filter((r) => !essential.some((p) => covers(p, r)));
  const petrick = remaining.map((r) => ({ minterm: r, primes: coverers.get(r) ?? [] }));

  let best: number[] | undefined;
  let bestCost = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY];
  let work = 0;
  const maxSize = Math.max(1, ...useful.map((p) => 2 ** popcount(p.mask)));
  let exact = true;
  const literalsOf = (chosen: number[]) => chosen.reduce((s, i) => s + literalCount(useful[i] as Implicant, n), 0);
  const search = (uncovered: number[], chosen: number[]): void => {
    if (work > budget) {
      exact = false;
      if (best) return;
    }
    if (uncovered.length === 0) {
      const c = [chosen.length, literalsOf(chosen)];
      if (c[0]! < bestCost[0]! || (c[0] === bestCost[0] && c[1]! < bestCost[1]!)) {
        best = [...chosen];
        bestCost = c;
      }
      return;
    }
    work += uncovered.length + chosen.length + 16;
    // Bound: every further prime covers at most maxSize rows.
    if (chosen.length + Math.ceil(uncovered.length / maxSize) > bestCost[0]!) return;
    // Branch on the minterm with the fewest covering primes (Petrick's shortest sum), widest prime first.
    let pick = uncovered[0] as number;
    for (const r of uncovered) if ((coverers.get(r)?.length ?? 0) < (coverers.get(pick)?.length ?? 0)) pick = r;
    const options = (coverers.get(pick) ?? []).map((i) => {
      const rest = uncovered.filter((r) => !covers(useful[i] as Implicant, r));
      work += uncovered.length;
      return { i, rest };
    });
    options.sort((a, b) => a.rest.length - b.rest.length);
    for (const { i, rest } of options) {
      search(rest, [...chosen, i]);
      if (!exact && best) return;
    }
  };
  if (remaining.length <= GREEDY_ABOVE) search(remaining, []);
  else {
    exact = false;
    best = greedyCover(remaining, usefulRows);
  }
  const rest = (best ?? []).map((i) => useful[i] as Implicant);
  return {
    cover: [...essential, ...rest],
    essential,
    exact,
    useful,
    petrick: petrick.map((p) => ({ ...p, primes: p.primes })),
  };
}
