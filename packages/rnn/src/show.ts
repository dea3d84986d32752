/**
 * How the recurrent solvers write vectors, matrices and matrix–vector
 * arithmetic in their steps: column vectors, scalars for 1×1 quantities, and
 * shortened rendering of large arrays (the answer always holds every number).
 */
import { add, joined, lift, matrix, matvec, memoByText, mul, num, sym, type Tex, type TexLike, tex } from '@dnn/core';

/** Vectors longer than this are shown shortened in steps. */
export const SHOWN_ENTRIES = 12;
/** Matrix–vector products are written out cell by cell up to this many weights. */
export const SHOWN_WEIGHTS = 64;

function shorten(v: readonly number[]): TexLike[] {
  if (v.length <= SHOWN_ENTRIES) return [...v];
  const dots = tex('…', '\\ldots'); // \ldots: \dots decides its kind by looking ahead, ~5 KaTeX expansions per use
  return [...v.slice(0, SHOWN_ENTRIES - 2), dots, v[v.length - 1] as number];
}

/**
 * A column vector: `[a, b]ᵀ` in text, a one-column `bmatrix` in LaTeX; a length-1 vector is its number.
 * The text is that of `matrix([cells])` without its outer brackets, the LaTeX that of `matrix(cells.map((c) => [c]))`:
 * both are joined in one pass over the cells, as building the two matrices (each with both renderings, half of
 * them thrown away) cost a tenth of rnn/lstm-forward.
 */
export function col(v: readonly number[]): Tex {
  if (v.length === 1) return num(v[0] as number);
  const { text, latex } = joined(shorten(v), lift, ', ', ' \\\\ '); // each number formatted once for both
  return tex(`[${text}]ᵀ`, `\\begin{bmatrix}${latex}\\end{bmatrix}`);
}

/** A matrix, shortened to its first rows/columns when large; a 1×1 matrix is its number. */
export function mat(M: readonly (readonly number[])[]): Tex {
  if (M.length === 1 && M[0]?.length === 1) return num(M[0][0] as number);
  const rows = M.length <= SHOWN_ENTRIES ? M : [...M.slice(0, SHOWN_ENTRIES - 2), M[M.length - 1] as number[]];
  return matrix(rows.map((r) => shorten(r)));
}

/** One term `W·v` of an affine map. */
export interface Product {
  /** Symbol of the matrix, e.g. `W_xh`. */
  W: string;
  /** Symbol of the vector, e.g. `x_1`. */
  v: string;
  M: number[][];
  x: number[];
  /** `col(x)`, when the caller has rendered it already (the same x feeds several products, e.g. the four gates). */
  shown?: Tex | undefined;
}

/** Adds vectors element-wise. */
export function addVectors(...vs: readonly (readonly number[])[]): number[] {
  const out = new Array<number>(vs[0]?.length ?? 0);
  for (let i = 0; i < out.length; i++) {
    let s = 0; // left to right from 0, as a reduce would
    for (const v of vs) s += v[i] as number;
    out[i] = s;
  }
  return out;
}

/**
 * Evaluates `Σ W·v (+ b)` and returns the value with the chain of maths that
 * shows it: symbols, substituted numbers, each product, and the sum. With
 * `explain` false the chain is empty: the time steps that are not shown cost
 * their multiply-adds only, not the formatting of every number.
 */
export function affine(
  products: Product[],
  bias?: { name: string; value: readonly number[] },
  explain = true,
): {
  value: number[];
  chain: Tex[];
} {
  const parts = products.map((p) => matvec(p.M, p.x));
  const value = addVectors(...parts, ...(bias ? [bias.value] : []));
  if (!explain) return { value, chain: [] };
  let key = bias ? bias.name : '';
  for (const p of products) key += `\u0000${p.W}\u0001${p.v}`;
  const symbolic = symbolicSum(key);
  const weights = products.reduce((s, p) => s + p.M.length * p.x.length, 0);
  const chain: Tex[] = [symbolic];
  if (weights <= SHOWN_WEIGHTS) {
    const b = bias ? [col(bias.value)] : [];
    chain.push(add(...products.map((p) => mul(mat(p.M), p.shown ?? col(p.x))), ...b));
    if (value.length > 1 || products.length > 1 || bias) chain.push(add(...parts.map(col), ...b));
  }
  chain.push(col(value));
  return { value, chain };
}

/**
 * The symbolic link `W·v + … (+ b)` of {@link affine}, by a key `b` then `\0W\1v` per product, made once per key:
 * the same names recur in every gate, time step and request, and building the sum each time cost a fifth of affine.
 */
const symbolicSum = memoByText((key) => {
  const [bias, ...pairs] = key.split('\u0000');
  const terms: TexLike[] = pairs.map((pair) => {
    const [W, v] = pair.split('\u0001');
    return mul(W as string, v as string);
  });
  return add(...terms, ...(bias ? [bias] : []));
});

/** A symbol that never takes parentheses, e.g. `h_{t−1}`, `δ_{t−1}` or `act′(z_t)` (δ, ρ and ′ get their LaTeX forms too). */
export const atom: (text: string) => Tex = memoByText((text) => makeAtom(text));

function makeAtom(text: string): Tex {
  const latex = sym(text)
    .latex.replace(/δ/g, '\\delta ')
    .replace(/ρ/g, '\\rho ')
    .replace(/′/g, "'")
    .replace(/\bact'/g, "\\operatorname{act}'");
  return tex(text, latex);
}
