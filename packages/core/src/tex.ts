/**
 * Maths values that render two ways at once: plain text (for terminals) and
 * KaTeX-compatible LaTeX. Solvers build step maths only from these helpers, so
 * every solver's steps read alike.
 */
import { fmt, fmtLatex, latexOfFormatted } from './format.js';

/** A piece of maths with its plain-text and LaTeX renderings. */
export interface Tex {
  readonly text: string;
  readonly latex: string;
  /** Binding strength: `atom` never needs parentheses; `power`, `product` and `sum` may. */
  readonly prec: 'atom' | 'power' | 'product' | 'sum';
}

/** Anything a builder accepts: a ready {@link Tex}, a number, or a symbol name. */
export type TexLike = Tex | number | string;

/** A raw piece of maths: `tex('H_out', 'H_{\\text{out}}')`. */
export function tex(text: string, latex: string = text, prec: Tex['prec'] = 'atom'): Tex {
  return { text, latex, prec };
}

/** A number, formatted without float noise (negative numbers bind like a sum). */
export function num(x: number): Tex {
  if (Number.isInteger(x) && x >= -SMALL_INT && x <= SMALL_INT) {
    const i = x + SMALL_INT;
    smallInts[i] ??= makeNum(x);
    return smallInts[i];
  }
  return makeNum(x);
}

/** Integers up to this magnitude are made once per process by {@link num} (a {@link Tex} is immutable). */
const SMALL_INT = 1024;
/**
 * {@link num} of −{@link SMALL_INT}…{@link SMALL_INT}, filled as they occur: steps write indices, counts and sizes
 * by the hundred per solution (in the bench's mixed batch, six in seven numbers formatted are integers).
 */
const smallInts: (Tex | undefined)[] = [];

function makeNum(x: number): Tex {
  if (!Number.isFinite(x)) return tex(fmt(x), fmtLatex(x), x < 0 ? 'sum' : 'atom');
  const s = fmt(x);
  return tex(x < 0 ? `−${s.slice(1)}` : s, latexOfFormatted(s), x < 0 ? 'sum' : 'atom');
}

/** Lifts numbers and plain symbol text (`H_out`, `(k − 1)·s`) into {@link Tex}. */
export function lift(x: TexLike): Tex {
  if (typeof x === 'number') return num(x);
  if (typeof x === 'string') return sym(x);
  return x;
}

/** The maths-mode LaTeX of the Unicode symbols that step text uses (`·` → `\cdot`, `σ` → `\sigma`). */
export const LATEX_SYMBOLS: Readonly<Record<string, string>> = {
  '·': ' \\cdot ',
  '−': ' - ',
  '×': ' \\times ',
  '≤': ' \\le ',
  '≥': ' \\ge ',
  '≠': ' \\ne ',
  '≈': ' \\approx ',
  '∘': ' \\circ ',
  '∞': '\\infty ',
  σ: '\\sigma ',
  η: '\\eta ',
  μ: '\\mu ',
  β: '\\beta ',
  γ: '\\gamma ',
  ε: '\\varepsilon ',
  λ: '\\lambda ',
  θ: '\\theta ',
  α: '\\alpha ',
  '∂': '\\partial ',
  '∑': '\\sum ',
  Δ: '\\Delta ',
  δ: '\\delta ',
  ℓ: '\\ell ',
  '…': '\\ldots ',
  '⌈': '\\lceil ',
  '⌉': '\\rceil ',
  '⌊': '\\lfloor ',
  '⌋': '\\rfloor ',
  '²': '^{2}',
  '³': '^{3}',
  ᵀ: '^{\\top}',
  '←': '\\leftarrow ',
  '→': '\\to ',
  '‖': '\\| ',
  '√': '\\surd ',
  '±': '\\pm ',
  '∈': '\\in ',
};

/** Matches any character of {@link LATEX_SYMBOLS}. */
const SYMBOL = new RegExp(`[${Object.keys(LATEX_SYMBOLS).join('')}]`, 'g');
/** Splits text around those characters, keeping them. */
const SYMBOL_SPLIT = new RegExp(`(${SYMBOL.source})`);

/**
 * A symbol or short formula written in plain text, e.g. `H_out` or
 * `(H_out − 1)·s`: multi-letter subscripts become `_{\text{out}}`, and
 * `· − × ≤ ≥ σ η …` their LaTeX commands.
 */
export const sym: (text: string) => Tex = memoByText((text) => makeSym(text));

/**
 * `make` remembered per text, for the builders whose texts recur in every solution (`H_out`, "for every"): each is
 * converted once and then shared, which is safe because a {@link Tex} is immutable. At most 4096 texts are kept
 * (then the memory starts again), so user-chosen names cannot grow it without bound.
 */
export function memoByText(make: (text: string) => Tex): (text: string) => Tex {
  const known = new Map<string, Tex>();
  return (text) => {
    const hit = known.get(text);
    if (hit) return hit;
    if (known.size >= 4096) known.clear();
    const made = make(text);
    known.set(text, made);
    return made;
  };
}

/**
 * One piece of {@link sym} text: a subscript `_x`/`_out`/`_1_1` (one subscript: further underscores are part of it,
 * so a name such as `w_1_1` never makes a double subscript), a `^` with something to raise, a mapped Unicode symbol,
 * a character LaTeX treats specially, a control character, or a run of whitespace.
 */
const SYM_PIECE = new RegExp(
  `_([A-Za-z0-9]+(?:_+[A-Za-z0-9]+)*_*)|(\\^)(?=[A-Za-z0-9(|−-])|${SYMBOL.source}|[\\\\$#%&~{}_^]|[\\u0000-\\u001f\\u007f]|\\s+`,
  'g',
);

/** Maths-mode LaTeX of the characters that would otherwise break a formula (user names are not trusted). */
const MATH_ESCAPES: Record<string, string> = {
  '\\': '\\backslash ',
  $: '\\$',
  '#': '\\#',
  '%': '\\%',
  '&': '\\&',
  '{': '\\{',
  '}': '\\}',
  '~': '\\sim ',
  _: '\\_',
  '^': '\\hat{}',
};

/** The mapped symbols that are superscripts (`²`, `ᵀ`): a second one on the same base would be a double superscript. */
const SUPERSCRIPT_SYMBOLS = new Set(['²', '³', 'ᵀ']);

/** Combining accents KaTeX typesets (acute, grave, circumflex, tilde, macron, breve, dots, ring, double acute, caron, cedilla). */
const KATEX_ACCENTS = /[\u0300-\u0304\u0306-\u0308\u030a-\u030c\u0327]/u;

/** What {@link typesettable} may change after composing: a combining mark or a lone surrogate. */
const MARK_OR_LONE_SURROGATE = /\p{M}|[\ud800-\udfff]/u;

/**
 * Text KaTeX can typeset: composed (NFC), combining marks kept only where KaTeX has that accent and a letter to put
 * it on (not one written as a macro, like α), lone surrogates (possible in JSON) as U+FFFD.
 */
function typesettable(text: string): string {
  const composed = text.normalize('NFC');
  // Most text has no mark and no lone surrogate: then the replacement below changes nothing.
  if (!MARK_OR_LONE_SURROGATE.test(composed)) return composed;
  return composed.replace(/(?<=(\p{L})?)\p{M}|[\ud800-\udfff]/gu, (c, letter: string | undefined) =>
    c.length === 1 && c >= '\ud800' && c <= '\udfff'
      ? '\ufffd'
      : // A letter written as a macro (α → \alpha) cannot carry a combining mark: KaTeX rejects `\alpha ̂`.
        letter && !Object.hasOwn(LATEX_SYMBOLS, letter) && KATEX_ACCENTS.test(c)
        ? c
        : '',
  );
}

function makeSym(text: string): Tex {
  // Scripts of the base being built: where its chain of scripts ends, and which kinds it has (x_1^2 is fine,
  // x^a^b is not: a second script of a kind gets an empty base `{}`).
  let chainEnd = -1;
  let kinds = '';
  let latex = typesettable(text).replace(
    SYM_PIECE,
    (piece: string, sub: string | undefined, caret: string | undefined, at: number) => {
      const kind = sub !== undefined ? '_' : caret !== undefined || SUPERSCRIPT_SYMBOLS.has(piece) ? '^' : '';
      if (!kind) {
        const mapped = LATEX_SYMBOLS[piece] ?? MATH_ESCAPES[piece];
        if (mapped !== undefined) return mapped;
        if (/^\s+$/.test(piece)) return ' ';
        // A control character: shown as its code point, never passed to LaTeX raw.
        return `\\text{U+${(piece.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}}`;
      }
      const contiguous = at === chainEnd;
      const repeated = contiguous && kinds.includes(kind);
      kinds = contiguous && !repeated ? kinds + kind : kind;
      chainEnd = at + (caret !== undefined ? 2 : piece.length);
      const base = repeated ? '{}' : '';
      if (sub !== undefined) return `${base}${sub.length === 1 ? `_${sub}` : `_{\\text{${escapeLatexText(sub)}}}`}`;
      return `${base}${caret ?? LATEX_SYMBOLS[piece]}`;
    },
  );
  latex = latex.replace(/ +/g, ' ').trim();
  latex = latex.replace(/\b(max|min|exp|log|tanh|sigmoid|relu)\(/g, (_, f: string) => `${operatorName(f)}(`);
  return tex(text, latex, /[+−-]/.test(text) ? 'sum' : 'atom');
}

/** Wraps in parentheses. */
export function paren(x: TexLike): Tex {
  const t = lift(x);
  return tex(`(${t.text})`, `\\left(${t.latex}\\right)`);
}

function wrapIf(x: TexLike, weaker: readonly Tex['prec'][]): Tex {
  const t = lift(x);
  return weaker.includes(t.prec) ? paren(t) : t;
}

const SUM: readonly Tex['prec'][] = ['sum'];

/**
 * The pieces joined by `textSep` and `latexSep` in one pass (steps build thousands of these: no arrays in between);
 * `piece(x, i)` makes the i-th. For builders of other layouts (a column vector: `joined(xs, lift, ', ', ' \\\\ ')`).
 */
export function joined<T>(
  items: readonly T[],
  piece: (x: T, i: number) => Tex,
  textSep: string,
  latexSep: string,
): { text: string; latex: string } {
  let text = '';
  let latex = '';
  for (let i = 0; i < items.length; i++) {
    const p = piece(items[i] as T, i);
    text = i === 0 ? p.text : `${text}${textSep}${p.text}`;
    latex = i === 0 ? p.latex : `${latex}${latexSep}${p.latex}`;
  }
  return { text, latex };
}

/** `a + b + …`; a negative number after the first term reads `a + (−1)`. */
export function add(...terms: TexLike[]): Tex {
  const { text, latex } = joined(terms, (t, i) => (i === 0 ? lift(t) : wrapIf(t, SUM)), ' + ', ' + ');
  return tex(text, latex, 'sum');
}

/** `a − b`. */
export function sub(a: TexLike, b: TexLike): Tex {
  const l = lift(a);
  const r = wrapIf(b, ['sum']);
  return tex(`${l.text} − ${r.text}`, `${l.latex} - ${r.latex}`, 'sum');
}

/** `a · b · …`. */
export function mul(...factors: TexLike[]): Tex {
  const { text, latex } = joined(factors, (f) => wrapIf(f, SUM), '·', ' \\cdot ');
  return tex(text, latex, 'product');
}

/** A fraction: `(a)/(b)` in text, `\frac{a}{b}` in LaTeX. */
export function frac(a: TexLike, b: TexLike): Tex {
  const n = wrapIf(a, ['sum', 'product']);
  const d = wrapIf(b, ['sum', 'product']);
  return tex(`${n.text}/${d.text}`, `\\frac{${lift(a).latex}}{${lift(b).latex}}`, 'product');
}

/** `a^b`. */
export function pow(a: TexLike, b: TexLike): Tex {
  const base = wrapIf(a, ['sum', 'product', 'power']);
  const e = lift(b);
  const eText = e.prec === 'atom' || e.prec === 'power' ? e.text : `(${e.text})`;
  return tex(`${base.text}^${eText}`, `{${base.latex}}^{${e.latex}}`, 'power');
}

/** `⌊x⌋`. */
export function floor(x: TexLike): Tex {
  const t = lift(x);
  return tex(`⌊${t.text}⌋`, `\\left\\lfloor ${t.latex} \\right\\rfloor`);
}

/** `⌈x⌉`. */
export function ceil(x: TexLike): Tex {
  const t = lift(x);
  return tex(`⌈${t.text}⌉`, `\\left\\lceil ${t.latex} \\right\\rceil`);
}

/** `√x`. */
export function sqrt(x: TexLike): Tex {
  const t = lift(x);
  return tex(`√(${t.text})`, `\\sqrt{${t.latex}}`);
}

/**
 * An upright operator name, `\mathop{\mathrm{max}}\nolimits`: what `\operatorname{max}` expands to, written out
 * because KaTeX counts each `\operatorname` as ~20 macro expansions against its limit of 1000 per formula (a table
 * with 50 of them would not render).
 */
export function operatorName(name: string): string {
  return `\\mathop{\\mathrm{${name}}}\\nolimits`;
}

/** A named function applied to arguments: `fn('max', [a, b])` → `max(a, b)`. */
export function call(name: string, args: TexLike[], latexName = operatorName(name)): Tex {
  const { text, latex } = joined(args, lift, ', ', ', ');
  return tex(`${name}(${text})`, `${latexName}\\left(${latex}\\right)`);
}

/** A chain of equalities `a = b = c` (or another relation, e.g. `'\\le'`). */
export function eq(...sides: TexLike[]): Tex {
  return rel('=', '=', sides);
}

/** A chain joined by a relation: `rel('≈', '\\approx', [a, b])`. */
export function rel(text: string, latex: string, sides: TexLike[]): Tex {
  const chain = joined(sides, lift, ` ${text} `, ` ${latex} `);
  return tex(chain.text, chain.latex, 'sum');
}

/** A vector or shape `[a, b, c]`. */
export function vec(items: TexLike[]): Tex {
  const { text, latex } = joined(items, lift, ', ', ', ');
  return tex(`[${text}]`, `\\left[${latex}\\right]`);
}

/** A matrix (row-major): text `[[1, 2], [3, 4]]`, LaTeX `bmatrix`. */
export function matrix(rows: TexLike[][]): Tex {
  const { text, latex } = joined(rows, matrixRow, ', ', ' \\\\ ');
  return tex(`[${text}]`, `\\begin{bmatrix}${latex}\\end{bmatrix}`);
}

/** One row of {@link matrix}: text `[1, 2]`, LaTeX `1 & 2`. */
function matrixRow(row: TexLike[]): Tex {
  const { text, latex } = joined(row, lift, ', ', ' & ');
  return tex(`[${text}]`, latex);
}

/** Plain words inside maths: `\text{…}` in LaTeX. */
export const words: (s: string) => Tex = memoByText((s) => makeWords(s));

function makeWords(s: string): Tex {
  const parts = typesettable(s)
    .split(SYMBOL_SPLIT)
    .filter((p) => p !== '');
  const latex = parts
    .map((p) => (p.length === 1 && LATEX_SYMBOLS[p] ? LATEX_SYMBOLS[p].trim() : `\\text{${escapeLatexText(p)}}`))
    .join(' ');
  return tex(s, latex);
}

const TEXT_COMMANDS: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  // pdflatex's default OT1 font encoding prints a bare < > | as ¡ ¿ —.
  '<': '\\textless{}',
  '>': '\\textgreater{}',
  '|': '\\textbar{}',
};

/** Escapes the characters LaTeX treats specially in text mode (and < > |, which OT1 fonts misprint); control characters become spaces. */
export function escapeLatexText(s: string): string {
  // Control characters (a newline in a user's name included) become spaces: LaTeX reads none of them as text.
  return s.replace(/[\\{}$&#%_^~<>|]|\p{Cc}/gu, (c) => TEXT_COMMANDS[c] ?? (isControl(c) ? ' ' : `\\${c}`));
}

/** True for a control character (Unicode category Cc: U+0000–U+001F, U+007F–U+009F). */
function isControl(c: string): boolean {
  const code = c.charCodeAt(0);
  return code <= 0x1f || (code >= 0x7f && code <= 0x9f);
}
