/**
 * Structured answers (a list of layers' weights and biases, a matrix) are
 * entered in the calculators' row and grid editors, not as JSON: the editor's
 * form field is made from the shape of the expected value, and its starting
 * value is a skeleton of blanks — a blank grid of each layer's weights' size
 * (the question gives those), a top-level matrix as a 1 × 1 grid (its size is
 * part of the answer).
 */
import { type Field, humanize, type RecordVariant } from '../components/schema-fields';

type Rec = Record<string, unknown>;

const isRecord = (v: unknown): v is Rec => v !== null && typeof v === 'object' && !Array.isArray(v);
const isNumberRow = (r: unknown) => Array.isArray(r) && r.length > 0 && r.every((x) => typeof x === 'number');

/** Whether a value is a rectangular matrix of numbers. */
export function isMatrix(v: unknown): v is number[][] {
  return (
    Array.isArray(v) && v.length > 0 && v.every(isNumberRow) && v.every((r) => r.length === (v[0] as unknown[]).length)
  );
}

/** Whether a value is a list of records (layers, table rows). */
function isRecords(v: unknown): v is Rec[] {
  return Array.isArray(v) && v.length > 0 && v.every(isRecord);
}

/** The form field of one key of a record, by the kind of its expected value. */
function subField(listPath: string, key: string, sample: unknown): Field {
  const base = { path: `${listPath}[].${key}`, keys: [key], name: key, label: humanize(key), required: true };
  if (typeof sample === 'number') return { ...base, kind: 'number', hasDefault: false };
  if (typeof sample === 'boolean') return { ...base, kind: 'boolean', hasDefault: false };
  if (typeof sample === 'string') return { ...base, kind: 'string', hasDefault: false };
  if (isMatrix(sample)) return { ...base, kind: 'json', hasDefault: false, matrix: true, hint: 'a matrix' };
  if (isNumberRow(sample)) return { ...base, kind: 'json', hasDefault: false, hint: 'numbers, e.g. 1, -2' };
  return { ...base, kind: 'json', hasDefault: false, multiline: true, hint: 'a value, or none' };
}

/** The tag that tells records apart (`type` of a CNN's layers), when every record has one as a string. */
function tagOf(records: readonly Rec[]): string | undefined {
  return ['type', 'kind'].find((k) => records.every((r) => typeof r[k] === 'string'));
}

/** The editor field for a rubric path, or undefined when plain text suits it (numbers, lists, words). */
export function structuredField(path: string, label: string, sample: unknown): Field | undefined {
  if (path.includes('[*]')) return undefined;
  const base = { path, keys: [path], name: path, label, required: true, hasDefault: false };
  if (isMatrix(sample)) return { ...base, kind: 'json', matrix: true, hint: 'a matrix' };
  if (!isRecords(sample)) return undefined;
  const tag = tagOf(sample);
  const firsts = tag ? [...new Map(sample.map((r) => [r[tag], r])).values()] : [sample[0] as Rec];
  const variants: RecordVariant[] = firsts.map((r) => {
    const keys = tag ? Object.keys(r).filter((k) => k !== tag) : [...new Set(sample.flatMap((x) => Object.keys(x)))];
    return {
      ...(tag ? { tag: { name: tag, value: String(r[tag]) } } : {}),
      fields: keys.map((k) => subField(path, k, r[k] ?? sample.find((x) => x[k] != null)?.[k])),
    };
  });
  return { ...base, kind: 'records', variants };
}

/** A blank copy of a matrix, same size. */
const blankMatrix = (m: number[][]) => m.map((r) => r.map(() => null));

/**
 * The editor's starting value: records with their tag and blank grids of each
 * matrix's size (the other keys empty); a top-level matrix as one blank cell.
 */
export function skeleton(sample: unknown): unknown {
  if (isMatrix(sample)) return [[null]];
  if (!isRecords(sample)) return undefined;
  const tag = tagOf(sample);
  return sample.map((r) =>
    Object.fromEntries(
      Object.entries(r).flatMap(([k, v]) =>
        k === tag ? [[k, v]] : isMatrix(v) ? [[k, blankMatrix(v)]] : ([] as [string, unknown][]),
      ),
    ),
  );
}

/** Whether an edited value holds anything typed: blank cells (empty text or null) and record tags do not count. */
export function hasEntry(value: unknown): boolean {
  if (typeof value === 'number' || typeof value === 'boolean') return true;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.some(hasEntry);
  if (isRecord(value)) return Object.entries(value).some(([k, v]) => k !== 'type' && k !== 'kind' && hasEntry(v));
  return false;
}
