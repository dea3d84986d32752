/** Reading answer JSON Schemas: unwrap nullable fields, order columns, guess a kind for untagged values. */
import type { AnswerKind } from '@dnn/core';
import type { AnswerSchema } from './types';

const EMPTY: AnswerSchema = {};
const unwrapped = new WeakMap<AnswerSchema, AnswerSchema>();
const picked = new WeakMap<AnswerSchema, Map<number, AnswerSchema>>();

/**
 * The non-null alternative of a nullable field's schema (`anyOf: [X, {type: 'null'}]` → X). The same schema
 * always gives the same object, so renderers memoised on their schema skip unchanged values.
 */
export function unwrap(schema: AnswerSchema | undefined): AnswerSchema {
  if (!schema) return EMPTY;
  const alts = schema.anyOf as AnswerSchema[] | undefined;
  if (!alts) return schema;
  let plain = unwrapped.get(schema);
  if (!plain) {
    const real = alts.filter((a) => a.type !== 'null');
    plain = real.length === 1 ? { ...real[0], ...pickMeta(schema) } : schema;
    unwrapped.set(schema, plain);
  }
  return plain;
}

function pickMeta(schema: AnswerSchema): Partial<AnswerSchema> {
  const { kind, title, description } = schema;
  return Object.fromEntries(Object.entries({ kind, title, description }).filter(([, v]) => v !== undefined));
}

/** Nesting depth of arrays in a value: 0 for a number, 1 for a vector, 2 for a matrix, 3 for a tensor. */
function depth(value: unknown): number {
  let d = 0;
  let v = value;
  while (Array.isArray(v)) {
    d++;
    v = v[0];
  }
  return d;
}

const KIND_DEPTH: Partial<Record<AnswerKind, number>> = { vector: 1, shape: 1, matrix: 2, tensor: 3 };

function schemaDepth(schema: AnswerSchema): number {
  const own = schema.kind ? KIND_DEPTH[schema.kind] : undefined;
  if (own !== undefined) return own;
  return schema.type === 'array' ? 1 + schemaDepth((schema.items as AnswerSchema | undefined) ?? {}) : 0;
}

/**
 * The schema that describes `value`: nullable wrappers removed, and of a union
 * (an output that is [H][W] or [C][H][W] by the input's rank) the alternative
 * whose nesting depth matches the value.
 */
export function pick(schema: AnswerSchema | undefined, value: unknown): AnswerSchema {
  const plain = unwrap(schema);
  const alts = (plain.anyOf as AnswerSchema[] | undefined)?.filter((a) => a.type !== 'null');
  if (!alts || alts.length < 2) return plain;
  const d = depth(value);
  let byDepth = picked.get(plain);
  if (!byDepth) {
    byDepth = new Map();
    picked.set(plain, byDepth);
  }
  let chosen = byDepth.get(d);
  if (!chosen) {
    const match = alts.find((a) => schemaDepth(a) === d) ?? alts[0] ?? {};
    chosen = { ...match, title: match.title ?? plain.title, description: match.description ?? plain.description };
    byDepth.set(d, chosen);
  }
  return chosen;
}

/** The kind a field is drawn as: its declared kind, else one guessed from the value's shape. */
export function kindOf(schema: AnswerSchema, value: unknown): AnswerKind {
  if (schema.kind) return schema.kind;
  if (typeof value === 'number') return Number.isInteger(value) ? 'count' : 'scalar';
  if (typeof value === 'boolean') return 'flag';
  if (typeof value === 'string') return 'text';
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'number')) return 'vector';
    if (value.every((r) => Array.isArray(r) && r.every((v) => typeof v === 'number'))) return 'matrix';
    if (value.every((r) => r !== null && typeof r === 'object' && !Array.isArray(r))) return 'table';
    return 'list';
  }
  if (value !== null && typeof value === 'object') return schema.properties ? 'record' : 'map';
  return 'text';
}

/** Table columns: the schema's `columns` first, then the other properties in schema order, then keys only the rows have. */
export function columnsOf(row: AnswerSchema | undefined, rows: readonly unknown[], first: readonly string[] = []) {
  const props = row?.properties ?? {};
  const keys = [...first, ...Object.keys(props)];
  for (const r of rows) if (r && typeof r === 'object') keys.push(...Object.keys(r));
  const seen = new Set<string>();
  return keys
    .filter((k) => !seen.has(k) && seen.add(k))
    .filter((k) => rows.some((r) => r && typeof r === 'object' && (r as Record<string, unknown>)[k] !== undefined))
    .map((key) => ({ key, schema: unwrap(props[key] as AnswerSchema | undefined) }));
}

/** A field's label: its schema title, else the key made readable (`outputShape` → `Output shape`). */
export function labelOf(key: string, schema: AnswerSchema): string {
  if (schema.title) return schema.title;
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Inline kinds fit on one line of the answer card; the others get a block of their own. */
export function isInline(kind: AnswerKind, value: unknown): boolean {
  if (['scalar', 'count', 'flag', 'text', 'fraction', 'complex', 'shape'].includes(kind)) return true;
  if (kind === 'vector' && Array.isArray(value)) return value.length <= 8;
  if (kind === 'list' && Array.isArray(value))
    return value.every((v) => v === null || typeof v !== 'object') && value.length <= 6;
  return false;
}
