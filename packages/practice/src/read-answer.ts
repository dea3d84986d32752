/**
 * Reading answers the way students write them: numbers with thousands separators, fractions and exact forms
 * (`2 ln 2`, `√2`, `e^-1`), and tuples such as `(4, 5, 5)`, `4×5×5`, `[4, 5, 5]` or rows `1, 2; 3, 4`.
 *
 * Every reader is a single pass over the text (no backtracking regular expression runs on unbounded input),
 * nesting is capped at {@link ANSWER_LIMITS}`.depth` and text at `.textLength`: past a limit the answer is
 * unreadable (a fair zero with a remark), never a stack overflow or a hang.
 *
 * The comma rule: a comma is a thousands separator only inside one number with no space after it, between
 * digit groups of exactly three (`44,865` is 44865, `1,234,567` is 1234567); any other comma separates items
 * (`4, 5, 5`, `4,5,5`, `1,5` is not a number). `128,256,512` is therefore ONE number: the reader says so in a
 * remark, and a list must be written with spaces after the commas or with ×. A space groups thousands only
 * where one number is asked (`44 865`); where a list is asked, spaces separate items (`4 5 5`).
 */
import { evaluate, parseExpression } from '@dnn/core';

/** The limits of a student's answer: longer text or deeper nesting is unreadable. */
export const ANSWER_LIMITS = {
  /** Characters in one text answer (a field's string). */
  textLength: 1_000_000,
  /** Nesting of lists and objects in one field (the catalog's deepest answer field has 5 levels). */
  depth: 32,
  /** Values (list items, object entries) in one field. */
  nodes: 1_000_000,
  /** Characters of an exact form such as `2 ln 2` handed to the expression parser. */
  expressionLength: 200,
} as const;

const MINUSES = /[−–‒﹣－]/g;
const GROUP_SPACES = new Set([' ', '\u00a0', '\u2009', '\u202f']);
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/** Why a value cannot be graded (too deep, too many values, too long a text), or undefined when it can. */
export function answerLimitProblem(value: unknown): string | undefined {
  const stack: [unknown, number][] = [[value, 0]];
  let nodes = 0;
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (++nodes > ANSWER_LIMITS.nodes) return `it has more than ${ANSWER_LIMITS.nodes} values`;
    if (typeof node === 'string' && node.length > ANSWER_LIMITS.textLength)
      return `a text of ${node.length} characters is over the limit of ${ANSWER_LIMITS.textLength}`;
    if (node === null || typeof node !== 'object') continue;
    if (depth >= ANSWER_LIMITS.depth) return `it is nested more than ${ANSWER_LIMITS.depth} levels deep`;
    for (const child of Array.isArray(node) ? node : Object.values(node)) stack.push([child, depth + 1]);
  }
  return undefined;
}

/**
 * The text of a plain decimal `s` (sign, digits grouped by `,` or a space in threes, decimals, exponent) without
 * its group separators, or undefined when `s` is not one. One pass.
 */
function plainDecimal(s: string, spacesGroup: boolean): { text: string; grouped: boolean } | undefined {
  let i = s[0] === '-' || s[0] === '+' ? 1 : 0;
  let digits = 0;
  let run = 0;
  let separator: string | undefined;
  let kept = s.slice(0, i);
  for (; i < s.length; i++) {
    const c = s[i] as string;
    if (isDigit(c)) {
      digits++;
      run++;
      continue;
    }
    const groups = c === ',' || (spacesGroup && GROUP_SPACES.has(c));
    if (!groups || run === 0) break;
    const kind = c === ',' ? ',' : ' ';
    // A separator between groups: 1–3 digits before the first, exactly 3 in every group, 3 digits after.
    if ((separator !== undefined && (kind !== separator || run !== 3)) || run > 3) return undefined;
    if (!(isDigit(s[i + 1]) && isDigit(s[i + 2]) && isDigit(s[i + 3]) && !isDigit(s[i + 4]))) return undefined;
    kept += s.slice(i - run, i);
    separator = kind;
    run = 0;
  }
  const intEnd = i;
  kept += s.slice(intEnd - run, intEnd);
  if (s[i] === '.') {
    i++;
    while (isDigit(s[i])) {
      i++;
      digits++;
    }
  }
  if (digits === 0) return undefined;
  if (s[i] === 'e' || s[i] === 'E') {
    const start = i + (s[i + 1] === '-' || s[i + 1] === '+' ? 2 : 1);
    let j = start;
    while (isDigit(s[j])) j++;
    if (j === start) return undefined;
    i = j;
  }
  if (i !== s.length) return undefined;
  return { text: kept + s.slice(intEnd, i), grouped: separator !== undefined };
}

/** `√2` → `sqrt 2`, `ln 2` → `ln(2)`: exact forms as the expression parser reads them (text ≤ 200 characters). */
function expressionText(s: string): string {
  return s
    .replace(/√/g, 'sqrt ')
    .replace(/π/g, 'pi')
    .replace(/\b(sqrt|ln|log10|log2|log|exp)\s+(\d+(?:\.\d+)?|pi\b|e\b)/g, '$1($2)');
}

/**
 * A number written by a student: a JSON number, a decimal (`1e-3`, `−0.5` with a Unicode minus, `44,865`,
 * `44 865`), a fraction (`14/3`, `4/1`), or an exact form of constants (`2 ln 2`, `√2`, `e^-1`, `pi/2`);
 * undefined when it is none of these or not finite. `notes` collects what a reader should be told (a comma read
 * as a thousands separator, a decimal comma).
 */
export function readStudentNumber(got: unknown, notes: string[] = []): number | undefined {
  if (typeof got === 'number') return Number.isFinite(got) ? got : undefined;
  if (typeof got !== 'string' || got.length > ANSWER_LIMITS.textLength) return undefined;
  const s = got.trim().replace(MINUSES, '-');
  if (s === '') return undefined;
  const slash = s.indexOf('/');
  if (slash > 0 && slash === s.lastIndexOf('/')) {
    const p = plainDecimal(s.slice(0, slash).trim(), false);
    const q = plainDecimal(s.slice(slash + 1).trim(), false);
    if (p && q) {
      const value = Number(p.text) / Number(q.text);
      if (p.grouped || q.grouped) notes.push(`read ${JSON.stringify(got)} with commas as thousands separators`);
      return Number.isFinite(value) ? value : undefined;
    }
  }
  const plain = plainDecimal(s, true);
  if (plain) {
    const value = Number(plain.text);
    if (plain.grouped) notes.push(`read ${JSON.stringify(got)} as ${plain.text} (thousands separators)`);
    return Number.isFinite(value) ? value : undefined;
  }
  if (/^-?\d+,\d{1,2}$|^-?\d+,\d{4,}$/.test(s.length <= 40 ? s : ''))
    notes.push(`${JSON.stringify(got)} looks like a decimal comma: write ${JSON.stringify(s.replace(',', '.'))}`);
  return exactForm(s);
}

/** The value of an exact form of constants (`2 ln 2`), or undefined (variables, syntax errors, long text). */
function exactForm(s: string): number | undefined {
  if (s.length > ANSWER_LIMITS.expressionLength || !/[a-zπ√]/i.test(s)) return undefined;
  try {
    const value = evaluate(parseExpression(expressionText(s), 'answer'), {});
    return Number.isFinite(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

const OPEN: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
const CLOSE = new Set([')', ']', '}']);

interface Level {
  close: string;
  rows: unknown[][];
  items: unknown[];
  text: string;
  /** A bracketed list that ended just before: the pending item. */
  list?: unknown[];
  /** Parentheses inside the current item's text (`sqrt(2)`). */
  inner: number;
  separated: boolean;
}

const newLevel = (close: string): Level => ({ close, rows: [], items: [], text: '', inner: 0, separated: false });

/** Ends the current item; an empty one counts (`1,,2` has a blank middle) except at the end of a row (`4, 5,`). */
function endItem(level: Level, last = false): void {
  const text = level.text.trim();
  if (level.list) level.items.push(level.list);
  else if (text !== '' || (level.separated && !last)) level.items.push(text);
  level.list = undefined;
  level.text = '';
}

function endRow(level: Level): void {
  endItem(level, true);
  level.rows.push(level.items);
  level.items = [];
}

/** A finished level: its rows (a row of one item is that item), or its items; unseparated numbers split at spaces. */
function levelValue(level: Level): unknown[] {
  if (level.rows.length > 0) {
    endRow(level);
    return level.rows.filter((row) => row.length > 0).map((row) => (row.length === 1 ? row[0] : row));
  }
  endItem(level, true);
  const [only] = level.items;
  if (level.items.length === 1 && typeof only === 'string' && !level.separated) {
    const words = only.split(/\s+/);
    if (words.length > 1 && words.every((w) => plainDecimal(w.replace(MINUSES, '-'), false))) return words;
  }
  return level.items;
}

/**
 * A list written by a student, as nested lists of item texts: `(4, 5, 5)`, `[4, 5, 5]`, `{4, 5, 5}`, `4×5×5`,
 * `4x5x5`, `4 5 5`, `4/1, 5, 5`, rows `1, 2; 3, 4` or one per line, nested brackets `[[1, 2], [3, 4]]`.
 * Items keep their text (`"4/1"`, `"2 ln 2"`) for {@link readStudentNumber}. Undefined for unbalanced brackets,
 * nesting beyond {@link ANSWER_LIMITS}`.depth` or text beyond `.textLength` (the reason goes to `notes`).
 */
export function readStudentList(text: string, notes: string[] = []): unknown[] | undefined {
  if (text.length > ANSWER_LIMITS.textLength) return undefined;
  const stack: Level[] = [newLevel('')];
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    const level = stack[stack.length - 1] as Level;
    const close = OPEN[c];
    if (close !== undefined && (level.text.trim() !== '' || level.inner > 0)) {
      level.text += c; // a call or grouping inside an item: sqrt(2), 2(3)
      level.inner++;
    } else if (close !== undefined) {
      if (stack.length > ANSWER_LIMITS.depth) {
        notes.push(`the answer is nested more than ${ANSWER_LIMITS.depth} levels deep`);
        return undefined;
      }
      stack.push(newLevel(close));
    } else if (CLOSE.has(c) && level.inner > 0) {
      level.text += c;
      level.inner--;
    } else if (CLOSE.has(c)) {
      if (c !== level.close) {
        notes.push(`unbalanced ${JSON.stringify(c)} at character ${i + 1}`);
        return undefined;
      }
      stack.pop();
      const parent = stack[stack.length - 1] as Level;
      parent.list = levelValue(level);
    } else if (c === ',' && isDigit(text[i - 1]) && /^\d{3}(?!\d)/.test(text.slice(i + 1, i + 5))) {
      level.text += c; // a thousands separator: 44,865
    } else if (c === ',' || c === '×' || c === '✕' || (isTimes(text, i) && level.inner === 0)) {
      endItem(level);
      level.separated = true;
    } else if (c === ';' || c === '\n') {
      endRow(level);
      level.separated = true;
    } else if (level.list && c.trim() !== '' && c !== '\r') {
      notes.push(`unexpected ${JSON.stringify(c)} after a list at character ${i + 1}`);
      return undefined;
    } else level.text += c;
  }
  if (stack.length !== 1) {
    notes.push('a bracket is not closed');
    return undefined;
  }
  const items = levelValue(stack[0] as Level);
  return items.length === 1 && Array.isArray(items[0]) ? items[0] : items;
}

/** An `x` or `X` between digits (`4x5x5`), not a letter of a word (`exp`). */
function isTimes(text: string, i: number): boolean {
  const c = text[i];
  if (c !== 'x' && c !== 'X') return false;
  let before = i - 1;
  while (text[before] === ' ') before--;
  let after = i + 1;
  while (text[after] === ' ') after++;
  const prev = text[before];
  return (isDigit(prev) || prev === ')' || prev === ']') && (isDigit(text[after]) || text[after] === '(');
}

/**
 * A structured value written as text: JSON (`[{"weights": …}]`) when the text is JSON within the limits, else
 * undefined. Lets a spreadsheet cell carry a list of objects.
 */
export function readStudentJson(text: string, notes: string[] = []): unknown {
  const t = text.trim();
  if (!(t.startsWith('[') || t.startsWith('{')) || t.length > ANSWER_LIMITS.textLength) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(t);
  } catch {
    return undefined;
  }
  const problem = answerLimitProblem(value);
  if (problem) {
    notes.push(`the answer cannot be read: ${problem}`);
    return undefined;
  }
  return value;
}
