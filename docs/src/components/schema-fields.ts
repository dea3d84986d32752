/**
 * Turns a solver's input JSON Schema (from `s.toJsonSchema`) into form fields,
 * and converts between field text and JSON values. Generic: no solver is named here.
 */

/** The parts of JSON Schema that zod's `toJSONSchema` emits and the forms use. */
export interface JsonSchema {
  type?: string | string[];
  description?: string;
  default?: unknown;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  additionalProperties?: boolean | JsonSchema;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  maxLength?: number;
  /** Form metadata from `s.when`: the field applies only while siblings have these values. */
  appliesWhen?: Record<string, unknown[]>;
  /** Form metadata from `s.alternative`: one of several ways to give the same thing. */
  alternativeOf?: string;
}

/** How a field is edited. */
export type FieldKind = 'number' | 'integer' | 'enum' | 'boolean' | 'string' | 'object' | 'json' | 'records';

/** One shape a record of a list may take (a layer type); `tag` is the field whose constant picks it. */
export interface RecordVariant {
  /** The discriminating field (`type`) and its value (`conv2d`), when the list mixes record kinds. */
  tag?: { name: string; value: string };
  /** The record's fields, keys relative to the record. */
  fields: Field[];
}

/** One form field (an object field has children). */
export interface Field {
  /** Field path as DnnInputError writes it: `padding`, `Wx.i`. */
  path: string;
  /** Path segments for reading and writing the value. */
  keys: string[];
  /** The input field's name (public API). */
  name: string;
  /** A readable label made from the name. */
  label: string;
  description?: string;
  kind: FieldKind;
  required: boolean;
  hasDefault: boolean;
  default?: unknown;
  /** Enum choices. */
  options?: string[];
  /** What a text field expects, e.g. `number or [h, w]`. */
  hint?: string;
  /** Edit in a multi-line text area (lists of objects that are not records). */
  multiline?: boolean;
  /** The field accepts a matrix of numbers (or channels of them): edited in a grid. */
  matrix?: boolean;
  /** For `records`: the kinds of record the list holds. */
  variants?: RecordVariant[];
  /** Shown only while each named sibling has one of these values (its default counts). */
  appliesWhen?: Record<string, unknown[]>;
  /** The group of alternatives this field belongs to (`the function`): one of them is shown at a time. */
  alternativeOf?: string;
  children?: Field[];
}

/** `outChannels` → `Out channels`, `padding` → `Padding`; names like `Wxh`, `h0`, `xs` stay as they are. */
export function humanize(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(' ');
  if (words.length === 1) return /^[a-z]{3,}$/.test(name) ? name[0]!.toUpperCase() + name.slice(1) : name;
  return words.map((w, i) => (i === 0 ? w[0]!.toUpperCase() + w.slice(1) : w.toLowerCase())).join(' ');
}

function types(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  return schema.type ? [schema.type] : [];
}

function enumValues(schema: JsonSchema): string[] | undefined {
  if (schema.enum?.every((v) => typeof v === 'string')) return schema.enum as string[];
  const alts = schema.anyOf ?? schema.oneOf;
  if (alts?.length && alts.every((a) => typeof a.const === 'string')) return alts.map((a) => a.const as string);
  return undefined;
}

/** Describes what a schema accepts, in a few words (for text fields' hints). */
export function describeSchema(schema: JsonSchema, depth = 0): string {
  if (depth > 3) return '…';
  const values = enumValues(schema);
  if (values) return values.map((v) => JSON.stringify(v)).join(' | ');
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  const alts = schema.anyOf ?? schema.oneOf;
  if (alts) return alts.map((a) => describeSchema(a, depth + 1)).join(' or ');
  const t = types(schema);
  if (t.includes('integer')) return 'whole number';
  if (t.includes('number')) return 'number';
  if (t.includes('boolean')) return 'true or false';
  if (t.includes('string')) return 'text';
  if (t.includes('null')) return 'null';
  if (t.includes('array')) {
    if (schema.prefixItems) return `[${schema.prefixItems.map((p) => describeSchema(p, depth + 1)).join(', ')}]`;
    return schema.items ? `list of (${describeSchema(schema.items, depth + 1)})` : 'list';
  }
  if (t.includes('object')) {
    if (schema.properties) return `{ ${Object.keys(schema.properties).join(', ')} }`;
    if (typeof schema.additionalProperties === 'object')
      return `{ name: ${describeSchema(schema.additionalProperties, depth + 1)} }`;
    return 'object';
  }
  return 'JSON';
}

function isNested(schema: JsonSchema | undefined): boolean {
  if (!schema) return false;
  const t = types(schema);
  return t.includes('array') || t.includes('object') || Boolean(schema.anyOf ?? schema.oneOf);
}

/** True when the schema (or one of its alternatives) is an array of arrays of numbers. */
function acceptsMatrix(schema: JsonSchema | undefined, depth = 0): boolean {
  if (!schema || depth > 4) return false;
  const alts = schema.anyOf ?? schema.oneOf;
  if (alts) return alts.some((a) => acceptsMatrix(a, depth + 1));
  const row = schema.items;
  return (
    types(schema).includes('array') &&
    !!row &&
    types(row).includes('array') &&
    !!row.items &&
    types(row.items).some((t) => t === 'number' || t === 'integer')
  );
}

/** The record variants of a list's item schema (one object, or a oneOf/anyOf of objects tagged by a constant). */
function recordVariants(item: JsonSchema | undefined, keys: string[]): RecordVariant[] | undefined {
  if (!item) return undefined;
  const objects = item.properties ? [item] : (item.oneOf ?? item.anyOf);
  if (!objects?.length || !objects.every((o) => o.properties)) return undefined;
  const tagName =
    objects.length > 1
      ? Object.keys(objects[0]?.properties ?? {}).find((k) =>
          objects.every((o) => typeof o.properties?.[k]?.const === 'string'),
        )
      : undefined;
  if (objects.length > 1 && !tagName) return undefined;
  return objects.map((o) => {
    const req = new Set(o.required ?? []);
    const fields = Object.entries(o.properties ?? {})
      .filter(([k]) => k !== tagName)
      .map(([k, sub]) => fieldFor(k, sub, [k], req.has(k), 2));
    return {
      ...(tagName ? { tag: { name: tagName, value: o.properties?.[tagName]?.const as string } } : {}),
      fields: fields.map((f) => ({ ...f, path: `${keys.join('.')}[].${f.path}` })),
    };
  });
}

function fieldFor(name: string, schema: JsonSchema, keys: string[], required: boolean, depth: number): Field {
  const path = keys.join('.');
  const base = {
    path,
    keys,
    name,
    label: humanize(name),
    description: schema.description,
    required,
    hasDefault: 'default' in schema,
    default: schema.default,
    ...(schema.appliesWhen ? { appliesWhen: schema.appliesWhen } : {}),
    ...(schema.alternativeOf ? { alternativeOf: schema.alternativeOf } : {}),
  };
  const options = enumValues(schema);
  if (options) return { ...base, kind: 'enum', options };
  const t = types(schema);
  if (!schema.anyOf && !schema.oneOf && t.length === 1) {
    if (t[0] === 'integer') return { ...base, kind: 'integer' };
    if (t[0] === 'number') return { ...base, kind: 'number' };
    if (t[0] === 'boolean') return { ...base, kind: 'boolean' };
    // Long texts (model code) get a text area: pasted lines keep their line breaks.
    if (t[0] === 'string') return { ...base, kind: 'string', multiline: (schema.maxLength ?? 0) >= 10000 };
    if (t[0] === 'object' && schema.properties && depth < 2) {
      const req = new Set(schema.required ?? []);
      const children = Object.entries(schema.properties).map(([k, s]) =>
        fieldFor(k, s, [...keys, k], req.has(k), depth + 1),
      );
      return { ...base, kind: 'object', children };
    }
  }
  if (depth < 2 && t.length === 1 && t[0] === 'array') {
    const variants = recordVariants(schema.items, keys);
    if (variants) return { ...base, kind: 'records', variants };
  }
  const matrix = acceptsMatrix(schema);
  const multiline =
    (t.includes('array') && isNested(schema.items)) ||
    (t.includes('object') && !schema.properties) ||
    (t.includes('object') && depth >= 2);
  return { ...base, kind: 'json', hint: describeSchema(schema), multiline, ...(matrix ? { matrix } : {}) };
}

/** The form fields of a solver's input schema (an object schema, as every solver has). */
export function fieldsOf(schema: JsonSchema): Field[] {
  if (!schema.properties) return [{ ...fieldFor('input', schema, [], true, 0), path: '' }];
  const req = new Set(schema.required ?? []);
  return Object.entries(schema.properties).map(([k, s]) => fieldFor(k, s, [k], req.has(k), 0));
}

/** Reads the value at `keys` inside `value`. */
export function getIn(value: unknown, keys: readonly string[]): unknown {
  let v = value;
  for (const k of keys) {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}

/** A copy of `value` with `keys` set (undefined deletes; an emptied object is dropped). */
export function setIn(value: unknown, keys: readonly string[], next: unknown): unknown {
  if (keys.length === 0) return next;
  const [head, ...rest] = keys as [string, ...string[]];
  const obj: Record<string, unknown> =
    value !== null && typeof value === 'object' && !Array.isArray(value) ? { ...(value as object) } : {};
  const child = setIn(obj[head], rest, next);
  const emptied =
    rest.length > 0 && child !== null && typeof child === 'object' && Object.keys(child as object).length === 0;
  if (child === undefined || emptied) delete obj[head];
  else obj[head] = child;
  return obj;
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const FRACTION = /^([-+]?(?:\d+\.?\d*|\.\d+))\s*\/\s*((?:\d+\.?\d*|\.\d+))$/;

/** Unicode minus and dashes → `-` (exams and our own steps write −3). */
function asciiMinus(text: string): string {
  return text.replace(/[\u2212\u2013]/g, '-');
}

/** `2.5`, `−3`, `1/9` as a number; undefined when the text is none of these. */
function numberOf(text: string): number | undefined {
  const t = asciiMinus(text.trim());
  if (NUMBER.test(t)) return Number(t);
  const f = FRACTION.exec(t);
  if (f && Number(f[2]) !== 0) return Number(f[1]) / Number(f[2]);
  return undefined;
}

/** A number field's text as a value: empty → undefined (the default applies), a number (`−3`, `1/9` too), or the text itself (the solver then says what is wrong). */
export function parseNumberText(text: string): unknown {
  const t = text.trim();
  if (t === '') return undefined;
  return numberOf(t) ?? text;
}

/** Splits `1, 2, 3`, `1 2 3` or `1/9, −1/9` into numbers, or returns undefined. */
function numberList(text: string): number[] | undefined {
  const parts = text
    .trim()
    .split(/[\s,;]+/)
    .filter(Boolean);
  const nums = parts.map(numberOf);
  return parts.length > 0 && nums.every((n) => n !== undefined) ? (nums as number[]) : undefined;
}

/** `3×32×32`, `3x32x32`, `(3, 32, 32)`: a shape or tuple as written in exams. */
const SHAPE = /^\(?\s*\d+(\s*[×xX*]\s*\d+)+\s*\)?$/;
/** `x=0, y=0` or `x: 1; y: −2`: a point as name/value pairs. */
const ASSIGNMENTS = /^\s*[A-Za-z_]\w*\s*[=:]\s*[^,;=:]+(\s*[,;]\s*[A-Za-z_]\w*\s*[=:]\s*[^,;=:]+)*\s*$/;
/** A LaTeX matrix pasted from notes: `\begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}`. */
const LATEX_MATRIX = /\\begin\{[pbvBV]?matrix\}([\s\S]*?)\\end\{[pbvBV]?matrix\}/;

/** Reads the exam notations JSON does not: shapes, tuples, points, LaTeX matrices, fractions; undefined when none fits. */
function notation(text: string): unknown {
  const t = asciiMinus(text.trim());
  if (SHAPE.test(t))
    return t
      .replace(/[()\s]/g, '')
      .split(/[×xX*]/)
      .map(Number);
  const latex = LATEX_MATRIX.exec(t);
  if (latex) {
    const rows = (latex[1] ?? '')
      .split(/\\\\/)
      .filter((r) => r.trim())
      .map((r) => numberList(r.replace(/&/g, ' ')));
    return rows.every(Boolean) ? rows : undefined;
  }
  if (ASSIGNMENTS.test(t)) {
    const pairs = t.split(/[,;]/).map((p) => p.split(/[=:]/).map((x) => x.trim()) as [string, string]);
    const values = pairs.map(([, v]) => numberOf(v));
    if (values.every((v) => v !== undefined)) return Object.fromEntries(pairs.map(([k], i) => [k, values[i]]));
  }
  // Tuples and fractions inside JSON-like text: ((1, 2), (3, 4)), [1/9, 1/9].
  const json = t
    .replace(/\(/g, '[')
    .replace(/\)/g, ']')
    .replace(/(-?(?:\d+\.?\d*|\.\d+))\s*\/\s*(\d+\.?\d*)/g, (m, a: string, b: string) =>
      Number(b) === 0 ? m : String(Number(a) / Number(b)),
    );
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

/**
 * A JSON field's text as a value. Accepts JSON, a bare word (`same`), numbers
 * separated by commas or spaces (`3, 32, 32`), one row per line for a matrix
 * (a spreadsheet paste), and exam notations: `(3, 32, 32)`, `3×32×32`, `1/9`,
 * `x=0, y=0`, the Unicode minus, a LaTeX `pmatrix`. Anything else is passed on
 * as text, so the solver names the field and says what is wrong.
 */
export function parseJsonText(text: string): unknown {
  const t = text.trim();
  if (t === '') return undefined;
  try {
    return JSON.parse(t);
  } catch {
    if (/^[A-Za-z_][\w-]*$/.test(t)) return t;
    const written = notation(t);
    if (written !== undefined) return written;
    const lines = t.split(/\n+/).filter((l) => l.trim());
    if (lines.length > 1) {
      const rows = lines.map((l) => numberList(l.replace(/[[\]]/g, ' ')));
      if (rows.every(Boolean)) return rows;
    }
    const list = numberList(t.replace(/^\[|\]$/g, ''));
    if (list) return list.length === 1 ? list[0] : list;
    return text;
  }
}

function isScalar(x: unknown): boolean {
  return x === null || typeof x !== 'object';
}

/** Formats a value for a JSON field: bare words for strings, one row per line for matrices and lists of objects. */
export function formatJsonText(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.length > 0 && value.every((r) => !isScalar(r))) {
    return `[\n${value.map((r) => `  ${compact(r)}`).join(',\n')}\n]`;
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value);
    if (entries.some(([, v]) => Array.isArray(v) && v.some((r) => !isScalar(r)))) return JSON.stringify(value, null, 2);
  }
  return compact(value);
}

function compact(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(compact).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}: ${compact(v)}`)
      .join(', ')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The field that shows an error at `path` (the longest field path that is a prefix of it). */
export function fieldForPath(fields: readonly Field[], path: string): Field | undefined {
  let best: Field | undefined;
  const visit = (fs: readonly Field[]) => {
    for (const f of fs) {
      const matches = f.path === path || path.startsWith(`${f.path}.`) || path.startsWith(`${f.path}[`);
      if (matches && f.path !== '' && (!best || f.path.length > best.path.length)) best = f;
      if (f.children) visit(f.children);
    }
  };
  visit(fields);
  return best;
}

/** The value a field of `fields` (siblings) has in `value`, or its default. */
function current(fields: readonly Field[], value: unknown, name: string): unknown {
  const own = getIn(value, [name]);
  return own !== undefined ? own : fields.find((f) => f.name === name)?.default;
}

/** True when a field applies to the current choices (its `appliesWhen` siblings have one of the listed values). */
export function applies(field: Field, fields: readonly Field[], value: unknown): boolean {
  return Object.entries(field.appliesWhen ?? {}).every(([name, values]) =>
    values.includes(current(fields, value, name)),
  );
}

/** The field of each alternatives group the user is giving: the first with a value, else the first of the group. */
export function chosenAlternatives(fields: readonly Field[], value: unknown): Record<string, string> {
  const chosen: Record<string, string> = {};
  for (const f of fields) {
    if (!f.alternativeOf) continue;
    const given = getIn(value, f.keys) !== undefined;
    if (!(f.alternativeOf in chosen) || (given && getIn(value, [chosen[f.alternativeOf] as string]) === undefined)) {
      chosen[f.alternativeOf] = f.name;
    }
  }
  return chosen;
}

/** The input without the fields that do not apply to the current choices (what the solver is given), nested objects too. */
export function applicableInput(fields: readonly Field[], value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const out = { ...(value as Record<string, unknown>) };
  for (const f of fields) {
    if (!applies(f, fields, value)) delete out[f.name];
    else if (f.children && out[f.name] !== undefined) out[f.name] = applicableInput(f.children, out[f.name]);
  }
  return out;
}
