/**
 * A tokenizer for the subset of Python that model code uses (names,
 * numbers, strings, brackets, operators, comments), grouping tokens into
 * logical lines as Python does: a line ends at a newline outside brackets.
 * Text is only read, never run.
 */

/** One token with the 1-based line it starts on. */
export interface Token {
  kind: 'name' | 'number' | 'string' | 'op';
  text: string;
  /** Number value for `number`, unquoted text for `string`. */
  value?: number | string;
  line: number;
}

/** A logical line: its tokens and the source lines it spans. */
export interface LogicalLine {
  tokens: Token[];
  first: number;
  last: number;
}

/** An error at a line of the code (turned into an input error that quotes the line). */
export class CodeError extends Error {
  constructor(
    readonly line: number,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'CodeError';
  }
}

const OPS = [
  '**',
  '//',
  '->',
  '==',
  '!=',
  '<=',
  '>=',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  ',',
  ':',
  '.',
  '=',
  '*',
  '/',
  '+',
  '-',
  '%',
  '@',
  ';',
  '<',
  '>',
];
/** {@link OPS} as one sticky alternation, in the same order (two-character operators first): one match per token instead of a scan of the list. */
const OP = new RegExp(OPS.map((o) => o.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&')).join('|'), 'y');
const CLOSE: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const NUMBER = /(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d+)?/y;
const MAX_DEPTH = 40;

/** A Markdown fence line (from its start to its end): pasting leaves it in, it is not code. */
const FENCE_LINE = /(?<![^\n])[^\S\n]*```[^\n]*/g;
/** A `>>>` / `...` prompt at a line's start, with the space after it. */
const PROMPT = /(?<![^\n])[^\S\n]*(?:>>>|\.\.\.)(?: |(?![^\n]))/g;

/**
 * The code without what pasting leaves in (fence lines emptied, prompts removed), line breaks kept. Two replaces over
 * the whole text rather than split/map/join per line: the join's array changed map between inputs and deoptimised
 * {@link tokenize}, which TurboFan then compiled twice (≈ 21 ms more per thread).
 */
function cleanCode(code: string): string {
  // Each replace only runs when the literal its pattern needs occurs (so the result is the same): the two
  // line-start patterns are tried at every position of the text, ≈ 40 % of tokenize's time on pasted code
  // without fences or prompts (the usual case).
  let src = code.includes('\r') ? code.replace(/\r\n?/g, '\n') : code;
  if (src.includes('```')) src = src.replace(FENCE_LINE, '');
  if (src.includes('>>>') || src.includes('...')) src = src.replace(PROMPT, '');
  return src;
}

/** Reads a string literal starting at `i` (prefixes r, b, u, f allowed; triple quotes too). */
function readString(src: string, i: number, line: number): { end: number; value: string; lines: number } {
  const quote = src[i] as string;
  const triple = src.startsWith(quote.repeat(3), i);
  const close = triple ? quote.repeat(3) : quote;
  let j = i + close.length;
  let value = '';
  let lines = 0;
  while (j < src.length) {
    const c = src[j] as string;
    if (src.startsWith(close, j)) return { end: j + close.length, value, lines };
    if (c === '\n') {
      if (!triple) throw new CodeError(line, 'a string is not closed on its line');
      lines++;
    }
    if (c === '\\' && j + 1 < src.length) {
      value += src[j + 1];
      if (src[j + 1] === '\n') lines++;
      j += 2;
      continue;
    }
    value += c;
    j++;
  }
  throw new CodeError(line, 'a string is never closed');
}

/** Splits code into logical lines of tokens; throws {@link CodeError} on a character outside the subset. */
export function tokenize(code: string): LogicalLine[] {
  const src = cleanCode(code);
  const out: LogicalLine[] = [];
  let tokens: Token[] = [];
  const stack: { open: string; line: number }[] = [];
  let line = 1;
  let first = 1;
  let i = 0;
  const endLine = () => {
    if (tokens.length) out.push({ tokens, first, last: line });
    tokens = [];
  };
  while (i < src.length) {
    const c = src[i] as string;
    if (c === '\n') {
      if (stack.length === 0) endLine();
      line++;
      if (tokens.length === 0) first = line;
      i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\f') {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === '\\' && src[i + 1] === '\n') {
      i += 2;
      line++;
      continue;
    }
    if (tokens.length === 0) first = line;
    NAME.lastIndex = i;
    const name = NAME.exec(src);
    if (name) {
      const text = name[0];
      const quote = src[i + text.length];
      // The quote and the length first: most names are longer than a string prefix, and the regex test per name was
      // ≈ 5 % of tokenize.
      if ((quote === '"' || quote === "'") && text.length <= 2 && /^[rbufRBUF]{1,2}$/.test(text)) {
        const s = readString(src, i + text.length, line);
        tokens.push({ kind: 'string', text: src.slice(i, s.end), value: s.value, line });
        line += s.lines;
        i = s.end;
        continue;
      }
      tokens.push({ kind: 'name', text, line });
      i += text.length;
      continue;
    }
    NUMBER.lastIndex = i;
    const num = (c >= '0' && c <= '9') || c === '.' ? NUMBER.exec(src) : null;
    if (num && num[0] !== '.') {
      const text = num[0];
      tokens.push({ kind: 'number', text, value: Number(text.replace(/_/g, '')), line });
      i += text.length;
      continue;
    }
    if (c === '"' || c === "'") {
      const s = readString(src, i, line);
      tokens.push({ kind: 'string', text: src.slice(i, s.end), value: s.value, line });
      line += s.lines;
      i = s.end;
      continue;
    }
    OP.lastIndex = i;
    const op = OP.exec(src)?.[0];
    if (!op)
      throw new CodeError(line, `the character ${JSON.stringify(c)} is not part of the Python this reader knows`);
    if (op === '(' || op === '[' || op === '{') {
      if (stack.length >= MAX_DEPTH) throw new CodeError(line, `brackets nest deeper than ${MAX_DEPTH} levels`);
      stack.push({ open: op, line });
    } else if (CLOSE[op]) {
      const top = stack.pop();
      if (!top || top.open !== CLOSE[op]) throw new CodeError(line, `${op} closes no matching ${CLOSE[op]}`);
    }
    tokens.push({ kind: 'op', text: op, line });
    i += op.length;
  }
  const open = stack.at(-1);
  if (open) throw new CodeError(open.line, `${open.open} is never closed`);
  endLine();
  return out;
}
