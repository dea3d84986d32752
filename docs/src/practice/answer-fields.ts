/**
 * The Practice page's answer form, made from a solver's grading rubric: one
 * field per graded answer path, the text a student types turned into the
 * value the grader reads (the calculator's parsing, plus fractions and
 * `none`), and the answer object built from those values.
 */
import { defaultRubric, getPath, type Rubric, rubrics } from '@dnn/practice';
import { type Field, formatJsonText, humanize, parseJsonText } from '../components/schema-fields';
import { findSolver } from '../registry';
import { skeleton, structuredField } from './structured-fields';

/** One field of the answer form. */
export interface AnswerField {
  /** The rubric's answer path, e.g. `outputShape` or `layers[*].params`. */
  path: string;
  /** A readable label made from the path. */
  label: string;
  /** Points for a fully right value. */
  points: number;
  /** What to type, in a few words (from the kind of value, never the value). */
  hint: string;
  /** Edit in a text area (matrices, objects). */
  multiline: boolean;
  /** The grid or row editor's field, for a matrix or a list of records (else a text box). */
  editor?: Field;
  /** The editor's starting value: blank grids and rows. */
  initial?: unknown;
}

/** The rubric that grades solver `id` (a point per answer field when it has none, as the grader does). */
export function rubricFor(id: string, answer: Record<string, unknown>): Rubric {
  return rubrics.find((r) => r.id === id) ?? defaultRubric(id, answer);
}

/**
 * The form's fields for a problem: the rubric's fields that this input asks
 * for, in the order a student works — the order of the solver's answer
 * (forward pass, loss, gradients, update), not the rubric's order of weight.
 */
export function answerFields(id: string, input: unknown, answer: Record<string, unknown>): AnswerField[] {
  const order = Object.keys(answer);
  const position = (path: string) => {
    const i = order.indexOf(segments(path)[0] ?? path);
    return i < 0 ? order.length : i;
  };
  return rubricFor(id, answer)
    .fields.filter((f) => f.when?.(input) ?? true)
    .map((f) => {
      const sample = shapeSample(id, f.path, answer);
      const kind = kindOf(sample, itemOf(f.path));
      const label = labelOf(f.path);
      const editor = structuredField(f.path, label, sample);
      return {
        path: f.path,
        label,
        points: f.points,
        hint: editor ? EDITOR_HINT[editor.kind === 'records' ? 'records' : 'grid'] : kind.hint,
        multiline: kind.multiline,
        ...(editor ? { editor, initial: skeleton(sample) } : {}),
      };
    })
    .sort((a, b) => position(a.path) - position(b.path));
}

const EDITOR_HINT = {
  grid: 'the matrix in the grid: one box per entry, rows and columns added with the buttons',
  records: 'one card per item, its matrices in the grids',
};

/** What a `[*]` path has one value per: `layers[*].params` → `layer`; undefined for other paths. */
function itemOf(path: string): string | undefined {
  const keys = segments(path);
  const star = keys.indexOf('*');
  if (star <= 0) return undefined;
  const list = keys[star - 1] as string;
  return humanize(list.endsWith('s') ? list.slice(0, -1) : `${list} entry`).toLowerCase();
}

function segments(path: string): string[] {
  return path.match(/[^.[\]]+/g) ?? [];
}

/** `outputShape` → `Output shape`; `layers[*].params` → `Params of each layer`; `multiLayer.layers` → `Layers (multi layer)`. */
export function labelOf(path: string): string {
  const keys = segments(path);
  const last = humanize(keys.at(-1) ?? path);
  const item = itemOf(path);
  if (item) return `${last} of each ${item}`;
  if (keys.length > 1) return `${last} (${keys.slice(0, -1).map(humanize).join(' ').toLowerCase()})`;
  return last;
}

/**
 * A value showing what kind of answer a path takes: this problem's, or when
 * that is null (a thing that does not exist here) the solver's examples', so
 * the hint never gives away that the answer is "none".
 */
function shapeSample(id: string, path: string, answer: Record<string, unknown>): unknown {
  const own = getPath(answer, path);
  if (own !== null && own !== undefined) return own;
  for (const ex of findSolver(id)?.examples ?? []) {
    const v = getPath(ex.answer, path);
    if (v !== null && v !== undefined) return v;
  }
  return undefined;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function kindOf(v: unknown, item?: string): { hint: string; multiline: boolean } {
  if (typeof v === 'number') return { hint: 'a number, e.g. 4.5 or 14/3', multiline: false };
  if (typeof v === 'boolean') return { hint: 'true or false', multiline: false };
  if (typeof v === 'string') return { hint: 'a word or phrase', multiline: false };
  if (Array.isArray(v)) {
    if (v.length > 0 && v.every(Array.isArray))
      return item
        ? { hint: `one ${item} per line, e.g. 16, 28, 28`, multiline: true }
        : { hint: 'a matrix or a list of lists: one row per line, e.g. 1, 2 then 3, 4', multiline: true };
    if (v.length > 0 && v.every(isObject)) return { hint: 'a JSON list of objects', multiline: true };
    if (v.length > 0 && v.every((x) => typeof x === 'string'))
      return { hint: 'words, separated by commas', multiline: false };
    return {
      hint: item ? `one number per ${item}, e.g. 5, 8, 8` : 'a list of numbers, e.g. 5, 8, 8',
      multiline: false,
    };
  }
  if (isObject(v)) {
    const keys = Object.keys(v);
    const nested = Object.values(v).some((x) => x !== null && typeof x === 'object');
    return { hint: `JSON: {${keys.map((k) => `"${k}": …`).join(', ')}}`, multiline: nested };
  }
  return { hint: 'a value, or none', multiline: false };
}

const NONE = /^(none|null|n\/a|—)$/i;
const WRITTEN_TUPLE = /^\(.*\)$|^[-+−]?\d+(\.\d+)?(\s*[×xX*]\s*[-+−]?\d+(\.\d+)?)+$/;
const SINGLE_FRACTION = /^[-+]?\d+(\.\d+)?\s*\/\s*[-+]?\d+(\.\d+)?$/;
const TOKEN = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?(\/[-+]?\d+(\.\d+)?)?$/i;
const BARE_KEY = /([{,]\s*)([A-Za-z_$][\w$]*)\s*:/g;
const FRACTION = /(^|[\s,[:])([-+]?\d+(?:\.\d+)?)\s*\/\s*([-+]?\d+(?:\.\d+)?)(?=\s*(?:[,\]}]|$))/gm;

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Numbers and fractions of one line (`1/2, 3  4`), fractions kept as text for the grader; undefined if anything else is there. */
function tokens(line: string): (number | string)[] | undefined {
  const parts = line
    .replace(/\s*\/\s*/g, '/')
    .replace(/[[\]]/g, ' ')
    .split(/[\s,;]+/)
    .filter(Boolean);
  if (parts.length === 0 || !parts.every((p) => TOKEN.test(p))) return undefined;
  return parts.map((p) => (p.includes('/') ? p : Number(p)));
}

/**
 * A typed answer as the value the grader reads. The calculator's parsing
 * (JSON, a bare word, `5, 8, 8`, one matrix row per line), plus: fractions
 * (`14/3`, `1/3, 2/3`, `[[1/2, 1], [0, 2]]`, `{a: 3/2}`) kept as text the
 * grader reads exactly, unquoted object keys, `none` for null, and words
 * separated by commas as a list. Empty text is no answer (undefined).
 */
export function parseAnswerText(text: string): unknown {
  const t = text.trim();
  if (t === '') return undefined;
  if (NONE.test(t)) return null;
  // Tuples and products as written in exams, (4, 5, 5) and 4×5×5: the grader reads them (and says how).
  if (WRITTEN_TUPLE.test(t)) return t;
  // Fractions first: the calculator's parsing would turn 14/3 into a float, the grader reads it exactly.
  if (SINGLE_FRACTION.test(t)) return t.replace(/\s+/g, '');
  const hasFraction = /\d\s*\/\s*[-+]?\d/.test(t);
  const plain = hasFraction ? t : parseJsonText(t);
  if (typeof plain !== 'string' || /^[A-Za-z_][\w-]*$/.test(t)) return plain;
  const relaxed = t.replace(BARE_KEY, '$1"$2":').replace(FRACTION, '$1"$2/$3"');
  const json = tryJson(relaxed);
  if (json !== undefined) return json;
  const lines = t.split(/\n+/).filter((l) => l.replace(/[[\],\s]/g, '') !== '');
  const rows = lines.map(tokens);
  if (rows.every(Boolean)) return lines.length > 1 ? rows : rows[0];
  const list = tryJson(`[${relaxed}]`);
  if (list !== undefined) return list;
  if (t.includes(',') && !/[[\]{}"]/.test(t))
    return t
      .split(',')
      .map((w) => w.trim())
      .filter(Boolean);
  return t;
}

/** The text of an expected value as the form takes it back (`none` for null). */
export function answerText(value: unknown): string {
  return value === null ? 'none' : formatJsonText(value);
}

function put(container: unknown, keys: readonly string[], value: unknown): unknown {
  const [key, ...rest] = keys;
  if (key === undefined) return value;
  if (key === '*') {
    const items = Array.isArray(value) ? value : [value];
    const list = Array.isArray(container) ? [...container] : [];
    items.forEach((item, i) => {
      list[i] = put(list[i], rest, item);
    });
    return list;
  }
  // An index (`gradients[0].weight`) sets one item of the list the `[*]` fields of the same list fill.
  if (/^\d+$/.test(key) && !isObject(container)) {
    const list = Array.isArray(container) ? [...container] : [];
    list[Number(key)] = put(list[Number(key)], rest, value);
    return list;
  }
  const obj: Record<string, unknown> = isObject(container) ? { ...container } : {};
  obj[key] = put(obj[key], rest, value);
  return obj;
}

/**
 * The answer object from the values typed per path (undefined ones left out):
 * `layers[*].params` = [a, b] becomes `layers: [{params: a}, {params: b}]`,
 * merged with the other `layers[*]` fields.
 */
export function buildAnswer(values: Readonly<Record<string, unknown>>): Record<string, unknown> {
  let answer: unknown = {};
  for (const [path, value] of Object.entries(values)) {
    if (value !== undefined) answer = put(answer, segments(path), value);
  }
  return answer as Record<string, unknown>;
}
