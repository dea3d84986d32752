/** Tokenizer and recursive-descent parser of the expression language. Never evaluates code. */
import { DnnInputError } from '../errors.js';
import {
  type BinaryOp,
  type Expr,
  UNARY_FUNCTIONS,
  type UnaryFunction,
  VARIADIC_FUNCTIONS,
  type VariadicFunction,
} from './ast.js';

type TokenType = 'num' | 'name' | 'op' | '(' | ')' | ',' | 'end';
interface Token {
  type: TokenType;
  text: string;
  pos: number;
  /** Primes after a name (`R''` → 2): the derivative of a declared abstract function. */
  primes?: number;
}

/** Options of {@link parseExpression}. */
export interface ParseOptions {
  /**
   * Names of abstract functions of one argument (e.g. `["R"]`): `R(u)` and its derivatives `R'(u)`, `R''(u)`
   * parse to `apply` nodes, which have no value. A declared name must not be a built-in function.
   */
  functions?: readonly string[];
}

const ALIASES: Record<string, string> = { '−': '-', '–': '-', '·': '*', '×': '*', '∗': '*', '÷': '/' };
const SUPERSCRIPTS: Record<string, string> = {
  '⁰': '0',
  '¹': '1',
  '²': '2',
  '³': '3',
  '⁴': '4',
  '⁵': '5',
  '⁶': '6',
  '⁷': '7',
  '⁸': '8',
  '⁹': '9',
};
/** Names written with a symbol: `σ(z)` is `sigmoid(z)`. */
const SYMBOL_NAMES: Record<string, string> = { σ: 'sigmoid' };

/** Characters of the expression shown on each side of an error's position. */
const CONTEXT = 40;

function fail(source: string, path: string, pos: number, what: string): never {
  const before = pos > CONTEXT ? `…${source.slice(pos - CONTEXT, pos)}` : source.slice(0, pos);
  const after = source.length - pos > CONTEXT ? `${source.slice(pos, pos + CONTEXT)}…` : source.slice(pos);
  const shown = `${before}▸${after}`;
  throw new DnnInputError(path, `${what} at character ${pos + 1}: ${shown}`);
}

/** A number, and a name with its primes, matched where the tokenizer stands (sticky: no slice of the rest). */
const NUMBER = /(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/y;
const NAME = /[A-Za-z_][A-Za-z0-9_]*('*)/y;

/** `pattern` (sticky) matched at index `i` of `source`, or null. */
function matchAt(pattern: RegExp, source: string, i: number): RegExpExecArray | null {
  pattern.lastIndex = i;
  return pattern.exec(source);
}

function tokenize(source: string, path: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i] as string;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const num = matchAt(NUMBER, source, i);
    if (num) {
      tokens.push({ type: 'num', text: num[0], pos: i });
      i += num[0].length;
      continue;
    }
    const symbol = SYMBOL_NAMES[ch];
    if (symbol) {
      tokens.push({ type: 'name', text: symbol, pos: i });
      i++;
      continue;
    }
    const name = matchAt(NAME, source, i);
    if (name) {
      const primes = name[1]?.length ?? 0;
      tokens.push({ type: 'name', text: name[0].slice(0, name[0].length - primes), pos: i, primes });
      i += name[0].length;
      continue;
    }
    if (source.startsWith('**', i)) {
      tokens.push({ type: 'op', text: '^', pos: i });
      i += 2;
      continue;
    }
    if (SUPERSCRIPTS[ch] || (ch === '⁻' && SUPERSCRIPTS[source[i + 1] ?? ''])) {
      // x², x¹⁰, x⁻¹: a superscript run is ^ followed by that (signed) integer.
      const start = i;
      let digits = '';
      if (ch === '⁻') i++;
      while (i < source.length && SUPERSCRIPTS[source[i] as string]) digits += SUPERSCRIPTS[source[i++] as string];
      tokens.push({ type: 'op', text: '^', pos: start });
      if (ch === '⁻') tokens.push({ type: 'op', text: '-', pos: start });
      tokens.push({ type: 'num', text: digits, pos: start });
      continue;
    }
    const op = ALIASES[ch] ?? ch;
    if ('+-*/^'.includes(op)) tokens.push({ type: 'op', text: op, pos: i });
    else if (op === '(' || op === ')' || op === ',') tokens.push({ type: op, text: op, pos: i });
    else fail(source, path, i, `unexpected character ${JSON.stringify(ch)}`);
    i++;
  }
  tokens.push({ type: 'end', text: '', pos: source.length });
  return tokens;
}

/**
 * Parses an expression such as `x^4 - 32x^2 + relu(a*x + b)`. `^` is
 * right-associative and binds tighter than unary minus (`-x^2` is −(x²));
 * a number directly before a name or `(` multiplies (`2x`). Errors are
 * {@link DnnInputError}s at `path` that point at the character.
 */
export function parseExpression(source: string, path = 'expression', options: ParseOptions = {}): Expr {
  if (source.trim() === '') throw new DnnInputError(path, 'the expression is empty');
  const abstract = new Set(options.functions ?? []);
  const tokens = tokenize(source, path);
  let k = 0;
  const peek = (): Token => tokens[k] as Token;
  const next = (): Token => tokens[k++] as Token;
  const isOp = (text: string) => peek().type === 'op' && peek().text === text;
  const unexpected = (t: Token): never =>
    fail(
      source,
      path,
      t.pos,
      t.type === 'end' ? 'the expression ends too early' : `unexpected ${JSON.stringify(t.text)}`,
    );

  const sum = (): Expr => {
    let left = product();
    while (isOp('+') || isOp('-')) {
      const t = next();
      left = { kind: 'binary', op: t.text as BinaryOp, left, right: product(), pos: t.pos };
    }
    return left;
  };
  const product = (): Expr => {
    let left = unary();
    for (;;) {
      if (isOp('*') || isOp('/')) {
        const t = next();
        left = { kind: 'binary', op: t.text as BinaryOp, left, right: unary(), pos: t.pos };
      } else if ((peek().type === 'name' || peek().type === '(') && tokens[k - 1]?.type === 'num') {
        left = { kind: 'binary', op: '*', left, right: unary(), pos: peek().pos };
      } else return left;
    }
  };
  const unary = (): Expr => {
    if (isOp('-')) {
      const t = next();
      return { kind: 'neg', arg: unary(), pos: t.pos };
    }
    if (isOp('+')) {
      next();
      return unary();
    }
    return power();
  };
  const power = (): Expr => {
    const base = primary();
    if (!isOp('^')) return base;
    const t = next();
    return { kind: 'binary', op: '^', left: base, right: unary(), pos: t.pos };
  };
  const primary = (): Expr => {
    const t = next();
    if (t.type === 'num') {
      const value = Number(t.text);
      if (!Number.isFinite(value)) fail(source, path, t.pos, `the number ${t.text} is too large`);
      return { kind: 'number', value, pos: t.pos };
    }
    if (t.type === '(') {
      const inner = sum();
      if (peek().type !== ')') fail(source, path, peek().pos, 'missing ")"');
      next();
      return inner;
    }
    if (t.type !== 'name') return unexpected(t);
    if (peek().type === '(' && abstract.has(t.text)) return apply(t);
    if (t.primes) fail(source, path, t.pos + t.text.length, 'a prime (′) may only follow a declared abstract function');
    if (peek().type === '(') return call(t);
    if (t.text === 'e') return { kind: 'constant', name: 'e', value: Math.E, pos: t.pos };
    if (t.text === 'pi') return { kind: 'constant', name: 'pi', value: Math.PI, pos: t.pos };
    return { kind: 'variable', name: t.text, pos: t.pos };
  };
  const apply = (name: Token): Expr => {
    next(); // (
    const arg = sum();
    if (peek().type !== ')') fail(source, path, peek().pos, `${name.text} takes one argument: missing ")"`);
    next();
    return { kind: 'apply', name: name.text, primes: name.primes ?? 0, args: [arg], pos: name.pos };
  };
  const call = (name: Token): Expr => {
    const unaryFn = (UNARY_FUNCTIONS as readonly string[]).includes(name.text);
    const variadicFn = (VARIADIC_FUNCTIONS as readonly string[]).includes(name.text);
    if (!unaryFn && !variadicFn) {
      fail(
        source,
        path,
        name.pos,
        `unknown function ${JSON.stringify(name.text)} (known: ${[...UNARY_FUNCTIONS, ...VARIADIC_FUNCTIONS].join(', ')})`,
      );
    }
    next(); // (
    const args = [sum()];
    while (peek().type === ',') {
      next();
      args.push(sum());
    }
    if (peek().type !== ')') fail(source, path, peek().pos, 'missing ")" or ","');
    next();
    if (unaryFn && args.length !== 1)
      fail(source, path, name.pos, `${name.text} takes one argument, not ${args.length}`);
    if (variadicFn && args.length < 2) fail(source, path, name.pos, `${name.text} takes at least two arguments`);
    return { kind: 'call', fn: name.text as UnaryFunction | VariadicFunction, args, pos: name.pos };
  };

  const expr = sum();
  if (peek().type !== 'end') unexpected(peek());
  return expr;
}
