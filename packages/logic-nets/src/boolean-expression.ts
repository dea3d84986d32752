/**
 * The boolean expression language of the logic/* solvers: names, `0`/`1`,
 * `!` (NOT), `&` (AND), `^` (XOR), `xnor`, `|` (OR) and parentheses, with
 * precedence `!` > `&` > `^`/`xnor` > `|` (binary operators are left-associative).
 * A parser of its own, never `eval`; errors point at the character.
 */
import { DnnInputError } from '@dnn/core';

/** A parsed boolean expression. */
export type BoolExpr =
  | { op: 'var'; name: string }
  | { op: 'const'; value: boolean }
  | { op: 'not'; arg: BoolExpr }
  | { op: 'and' | 'or' | 'xor' | 'xnor'; left: BoolExpr; right: BoolExpr };

type Kind = 'name' | 'const' | 'not' | 'and' | 'or' | 'xor' | 'xnor' | '(' | ')' | 'end';
interface Token {
  kind: Kind;
  text: string;
  pos: number;
}

/** Symbols accepted for the operators (the catalog's `& | ! ^` plus common spellings). */
const SYMBOLS: [string, Kind][] = [
  ['&&', 'and'],
  ['||', 'or'],
  ['&', 'and'],
  ['∧', 'and'],
  ['|', 'or'],
  ['∨', 'or'],
  ['!', 'not'],
  ['~', 'not'],
  ['¬', 'not'],
  ['^', 'xor'],
  ['⊕', 'xor'],
  ['⊙', 'xnor'],
  ['(', '('],
  [')', ')'],
];

const KEYWORDS: Record<string, Kind> = { and: 'and', or: 'or', not: 'not', xor: 'xor', xnor: 'xnor' };

/** Characters students type from other notations, with the hint to give. */
const HINTS: Record<string, string> = {
  '+': 'use | for OR (write "y & z | x & y" for yz + xy)',
  '*': 'use & for AND',
  '·': 'use & for AND',
  "'": 'write !x for the complement of x',
  '=': 'an expression has no "="; give only the right-hand side',
};

function fail(source: string, pos: number, what: string, hint?: string): never {
  const shown = `${source.slice(0, pos)}▸${source.slice(pos)}`;
  throw new DnnInputError('expression', `${what} at character ${pos + 1}: ${shown}${hint ? ` (${hint})` : ''}`);
}

/**
 * A name or a number where `lastIndex` points. Sticky, so that each token is matched in place: the former
 * `^…` regex on `source.slice(i)` copied the rest of the source once per token.
 */
const WORD = /[A-Za-z_][A-Za-z0-9_]*|[0-9]+/y;

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  // Index loops, not for-of: a destructuring for-of puts an iterator and a try/finally in TurboFan's graph.
  outer: while (i < source.length) {
    const ch = source[i] as string;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    WORD.lastIndex = i;
    const word = WORD.exec(source);
    if (word) {
      const text = word[0];
      const lower = text.toLowerCase();
      const keyword = Object.hasOwn(KEYWORDS, lower) ? KEYWORDS[lower] : undefined;
      if (keyword) tokens.push({ kind: keyword, text, pos: i });
      else if (/^[0-9]/.test(text)) {
        if (text !== '0' && text !== '1') fail(source, i, `only the constants 0 and 1 are allowed, not ${text}`);
        tokens.push({ kind: 'const', text, pos: i });
      } else if (/^(true|false)$/i.test(text))
        tokens.push({ kind: 'const', text: /^t/i.test(text) ? '1' : '0', pos: i });
      else tokens.push({ kind: 'name', text, pos: i });
      i += text.length;
      continue;
    }
    for (let s = 0; s < SYMBOLS.length; s++) {
      const [symbol, kind] = SYMBOLS[s] as [string, Kind];
      if (source.startsWith(symbol, i)) {
        tokens.push({ kind, text: symbol, pos: i });
        i += symbol.length;
        continue outer;
      }
    }
    fail(source, i, `unexpected character ${JSON.stringify(ch)}`, HINTS[ch]);
  }
  tokens.push({ kind: 'end', text: '', pos: source.length });
  return tokens;
}

/**
 * Parses a boolean expression such as `x & !y | z xnor w`. Throws a
 * {@link DnnInputError} at `expression` naming the character at fault.
 */
export function parseBoolean(source: string): BoolExpr {
  if (source.trim() === '') throw new DnnInputError('expression', 'the expression is empty');
  const tokens = tokenize(source);
  let k = 0;
  const peek = (): Token => tokens[k] as Token;
  const describe = (t: Token) => (t.kind === 'end' ? 'the end of the expression' : JSON.stringify(t.text));

  const binary = (kinds: Kind[], operand: () => BoolExpr) => (): BoolExpr => {
    let left = operand();
    while (kinds.includes(peek().kind)) {
      const op = tokens[k++]?.kind as 'and' | 'or' | 'xor' | 'xnor';
      left = { op, left, right: operand() };
    }
    return left;
  };
  const primary = (): BoolExpr => {
    const t = tokens[k++] as Token;
    if (t.kind === 'not') return { op: 'not', arg: primary() };
    if (t.kind === 'name') return { op: 'var', name: t.text };
    if (t.kind === 'const') return { op: 'const', value: t.text === '1' };
    if (t.kind === '(') {
      const inner = orExpr();
      const close = peek();
      if (close.kind !== ')') fail(source, close.pos, `expected ")" to close the "(" at character ${t.pos + 1}`);
      k++;
      return inner;
    }
    return fail(source, t.pos, `expected a name, 0, 1, "!" or "(" but found ${describe(t)}`);
  };
  const andExpr = binary(['and'], primary);
  const xorExpr = binary(['xor', 'xnor'], andExpr);
  const orExpr = binary(['or'], xorExpr);

  const tree = orExpr();
  const rest = peek();
  if (rest.kind !== 'end') {
    const juxtaposed = rest.kind === 'name' || rest.kind === 'const' || rest.kind === '(' || rest.kind === 'not';
    if (juxtaposed)
      fail(source, rest.pos, `missing operator before ${describe(rest)}`, 'write & for AND: "y & z", not "yz"');
    fail(source, rest.pos, `unexpected ${describe(rest)}`);
  }
  return tree;
}

/** The variable names of an expression, in order of first appearance. */
export function expressionVariables(e: BoolExpr): string[] {
  const seen = new Set<string>();
  const walk = (x: BoolExpr): void => {
    if (x.op === 'var') seen.add(x.name);
    else if (x.op === 'not') walk(x.arg);
    else if (x.op !== 'const') {
      walk(x.left);
      walk(x.right);
    }
  };
  walk(e);
  return [...seen];
}

/**
 * Evaluates an expression on all 2ⁿ rows at once. Row r assigns variable i the
 * bit n − 1 − i of r (the first variable is the most significant, as in a truth table).
 */
export function truthVector(e: BoolExpr, variables: readonly string[]): Uint8Array {
  const n = variables.length;
  const size = 2 ** n;
  const index = new Map(variables.map((v, i) => [v, i]));
  const go = (x: BoolExpr): Uint8Array => {
    const out = new Uint8Array(size);
    switch (x.op) {
      case 'const':
        out.fill(x.value ? 1 : 0);
        return out;
      case 'var': {
        const shift = n - 1 - (index.get(x.name) as number);
        for (let r = 0; r < size; r++) out[r] = (r >> shift) & 1;
        return out;
      }
      case 'not': {
        const a = go(x.arg);
        for (let r = 0; r < size; r++) out[r] = 1 - (a[r] as number);
        return out;
      }
      default: {
        const a = go(x.left);
        const b = go(x.right);
        for (let r = 0; r < size; r++) {
          const p = a[r] as number;
          const q = b[r] as number;
          out[r] = x.op === 'and' ? p & q : x.op === 'or' ? p | q : x.op === 'xor' ? p ^ q : 1 - (p ^ q);
        }
        return out;
      }
    }
  };
  return go(e);
}
