/**
 * A parser for the Python subset of model code: imports, assignments and
 * expression statements built from names, attributes, calls with positional
 * and keyword arguments, numbers, strings, tuples, lists, dicts and integer
 * arithmetic. It builds a tree that model-code.ts reads; nothing is ever
 * executed (no eval, no Function).
 */
import { CodeError, type LogicalLine, type Token, tokenize } from './python-tokens.js';

/** An expression of the subset. */
export type PyExpr =
  | { k: 'num'; v: number; line: number }
  | { k: 'str'; v: string; line: number }
  | { k: 'name'; id: string; line: number }
  | { k: 'attr'; obj: PyExpr; name: string; line: number }
  | { k: 'call'; fn: PyExpr; args: PyExpr[]; kwargs: { name: string; value: PyExpr }[]; line: number }
  | { k: 'tuple' | 'list'; items: PyExpr[]; line: number }
  | { k: 'dict'; entries: [PyExpr, PyExpr][]; line: number }
  | { k: 'bin'; op: string; l: PyExpr; r: PyExpr; line: number }
  | { k: 'neg'; e: PyExpr; line: number }
  | { k: 'index'; obj: PyExpr; idx: PyExpr; line: number };

/** A statement: `import …`, `target = value`, or an expression. `first`/`last` are its source lines. */
export type PyStatement = { first: number; last: number } & (
  | { k: 'import' }
  | { k: 'assign'; target: PyExpr; value: PyExpr }
  | { k: 'expr'; value: PyExpr }
);

const BLOCKS = new Set([
  'def',
  'class',
  'if',
  'for',
  'while',
  'with',
  'try',
  'return',
  'lambda',
  'elif',
  'else',
  'async',
]);

/** Recursive-descent parser over one logical line. */
class LineParser {
  private i = 0;
  constructor(private readonly t: Token[]) {}

  private peek(text?: string): Token | undefined {
    const tok = this.t[this.i];
    return text === undefined || tok?.text === text ? tok : undefined;
  }
  private line(): number {
    return (this.t[this.i] ?? this.t[this.t.length - 1])?.line ?? 1;
  }
  private take(text: string): Token {
    const tok = this.t[this.i];
    if (tok?.text !== text) {
      throw new CodeError(this.line(), `expected ${text} ${tok ? `before ${JSON.stringify(tok.text)}` : 'at the end'}`);
    }
    this.i++;
    return tok;
  }
  private eat(text: string): boolean {
    if (this.t[this.i]?.text !== text || this.t[this.i]?.kind === 'string') return false;
    this.i++;
    return true;
  }

  statement(first: number, last: number): PyStatement {
    const head = this.t[0];
    if (head?.kind === 'name' && (head.text === 'import' || head.text === 'from')) return { k: 'import', first, last };
    if (head?.kind === 'name' && BLOCKS.has(head.text)) {
      throw new CodeError(
        head.line,
        `\`${head.text}\` blocks are not read: write the model as straight-line code (Sequential, add, or layer calls)`,
      );
    }
    const value = this.expr();
    if (this.eat('=')) {
      if (value.k !== 'name' && value.k !== 'attr') throw new CodeError(value.line, 'only a name can be assigned to');
      const rhs = this.expr();
      this.end();
      return { k: 'assign', target: value, value: rhs, first, last };
    }
    this.end();
    return { k: 'expr', value, first, last };
  }

  private end(): void {
    this.eat(';');
    const tok = this.peek();
    if (!tok) return;
    const prose = tok.kind === 'name' && this.t[this.i - 1]?.kind === 'name';
    throw new CodeError(
      tok.line,
      `unexpected ${JSON.stringify(tok.text)}${prose ? ' (words in a row are not Python; a comment starts with #)' : ''}`,
    );
  }

  private expr(): PyExpr {
    let l = this.term();
    for (let op = this.peek(); op && (op.text === '+' || op.text === '-') && op.kind === 'op'; op = this.peek()) {
      this.i++;
      l = { k: 'bin', op: op.text, l, r: this.term(), line: op.line };
    }
    return l;
  }

  private term(): PyExpr {
    let l = this.unary();
    for (let op = this.peek(); op && op.kind === 'op' && ['*', '/', '//', '%'].includes(op.text); op = this.peek()) {
      this.i++;
      l = { k: 'bin', op: op.text, l, r: this.unary(), line: op.line };
    }
    return l;
  }

  private unary(depth = 0): PyExpr {
    if (depth > 20) throw new CodeError(this.line(), 'more than 20 signs or powers in a row');
    const op = this.peek();
    if (op?.kind === 'op' && (op.text === '-' || op.text === '+')) {
      this.i++;
      const e = this.unary(depth + 1);
      return op.text === '-' ? { k: 'neg', e, line: op.line } : e;
    }
    const base = this.postfix();
    const pow = this.peek('**');
    if (pow?.kind === 'op') {
      this.i++;
      return { k: 'bin', op: '**', l: base, r: this.unary(depth + 1), line: pow.line };
    }
    return base;
  }

  private postfix(): PyExpr {
    let e = this.atom();
    for (;;) {
      const tok = this.peek();
      if (tok?.kind !== 'op') return e;
      if (tok.text === '.') {
        this.i++;
        const name = this.t[this.i];
        if (name?.kind !== 'name') throw new CodeError(tok.line, 'a name must follow "."');
        this.i++;
        e = { k: 'attr', obj: e, name: name.text, line: name.line };
      } else if (tok.text === '(') {
        e = this.call(e);
      } else if (tok.text === '[') {
        this.i++;
        const idx = this.expr();
        this.take(']');
        e = { k: 'index', obj: e, idx, line: tok.line };
      } else return e;
    }
  }

  private call(fn: PyExpr): PyExpr {
    const open = this.take('(');
    const args: PyExpr[] = [];
    const kwargs: { name: string; value: PyExpr }[] = [];
    while (!this.eat(')')) {
      const tok = this.peek();
      if (tok?.kind === 'op' && (tok.text === '*' || tok.text === '**')) {
        throw new CodeError(tok.line, `${tok.text}-unpacking of arguments is not read; write the arguments out`);
      }
      if (tok?.kind === 'name' && this.t[this.i + 1]?.text === '=' && this.t[this.i + 1]?.kind === 'op') {
        this.i += 2;
        if (kwargs.some((k) => k.name === tok.text))
          throw new CodeError(tok.line, `argument ${tok.text} is given twice`);
        kwargs.push({ name: tok.text, value: this.expr() });
      } else {
        if (kwargs.length) throw new CodeError(this.line(), 'a positional argument follows a keyword argument');
        args.push(this.expr());
      }
      if (!this.eat(',')) {
        this.take(')');
        break;
      }
    }
    return { k: 'call', fn, args, kwargs, line: open.line };
  }

  private sequence(close: string): { items: PyExpr[]; comma: boolean } {
    const items: PyExpr[] = [];
    let comma = false;
    while (!this.eat(close)) {
      items.push(this.expr());
      if (!this.eat(',')) {
        this.take(close);
        break;
      }
      comma = true;
    }
    return { items, comma };
  }

  private atom(): PyExpr {
    const tok = this.t[this.i];
    if (!tok) throw new CodeError(this.line(), 'the line ends in the middle of an expression');
    this.i++;
    if (tok.kind === 'number') return { k: 'num', v: tok.value as number, line: tok.line };
    if (tok.kind === 'string') {
      let v = tok.value as string;
      while (this.peek()?.kind === 'string') v += this.t[this.i++]?.value as string;
      return { k: 'str', v, line: tok.line };
    }
    if (tok.kind === 'name') return { k: 'name', id: tok.text, line: tok.line };
    if (tok.text === '(') {
      const { items, comma } = this.sequence(')');
      return items.length === 1 && !comma ? (items[0] as PyExpr) : { k: 'tuple', items, line: tok.line };
    }
    if (tok.text === '[') return { k: 'list', items: this.sequence(']').items, line: tok.line };
    if (tok.text === '{') {
      const entries: [PyExpr, PyExpr][] = [];
      while (!this.eat('}')) {
        const key = this.expr();
        this.take(':');
        entries.push([key, this.expr()]);
        if (!this.eat(',')) {
          this.take('}');
          break;
        }
      }
      return { k: 'dict', entries, line: tok.line };
    }
    throw new CodeError(tok.line, `unexpected ${JSON.stringify(tok.text)}`);
  }
}

/** Parses model code into statements; throws {@link CodeError} naming the line it cannot read. */
export function parsePython(code: string): PyStatement[] {
  return tokenize(code).map((l: LogicalLine) => new LineParser(l.tokens).statement(l.first, l.last));
}

/** The dotted name of `a.b.c` (undefined for anything else). */
export function dottedName(e: PyExpr): string | undefined {
  if (e.k === 'name') return e.id;
  if (e.k === 'attr') {
    const base = dottedName(e.obj);
    return base === undefined ? undefined : `${base}.${e.name}`;
  }
  return undefined;
}
