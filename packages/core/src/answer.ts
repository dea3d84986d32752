/**
 * Answer schemas: every solver declares what it returns with these builders.
 * Each field carries a `title`, a `description` and a display `kind` in zod's
 * metadata, so one schema types the answer (`z.output`), documents it (JSON
 * Schema, the generated catalog) and tells the docs site how to draw it (one
 * renderer per kind, never per solver).
 */
import * as z from 'zod/mini';

/** How an answer field is drawn; the docs site has one renderer per kind. */
export type AnswerKind =
  /** A real number, optionally with a unit. */
  | 'scalar'
  /** A whole number (counts, sizes). */
  | 'count'
  /** Yes / no. */
  | 'flag'
  /** A short text: a formula, a name, a choice. */
  | 'text'
  /** An exact value as a fraction or surd string, e.g. `"-7/6"`. */
  | 'fraction'
  /** A complex number `{ re, im }`. */
  | 'complex'
  /** A tensor shape; `axes` names its axes (`C`, `H`, `W`). */
  | 'shape'
  /** A list of numbers. */
  | 'vector'
  /** Rows of numbers. */
  | 'matrix'
  /** Channels of matrices `[C][H][W]`. */
  | 'tensor'
  /** Rows of records; `totals` names the columns summed in a totals row. */
  | 'table'
  /** Rows of records over steps or epochs (a table; two parameters also drawn as a path). */
  | 'trajectory'
  /** Layers of threshold or dense units: `[{ weights[unit][input], bias[unit] }]`. */
  | 'network'
  /** Half-planes of the plane: `[{ weights: [a1, a2], bias, text }]` (drawn with the input's polygons). */
  | 'region'
  /** A computation graph: nodes `{ id, op, inputs, value, grad, label }` in forward order. */
  | 'graph'
  /** A truth table: rows of inputs with their output. */
  | 'truth-table'
  /** Named sub-fields, each drawn by its own kind. */
  | 'record'
  /** Name → value pairs (gradients by variable, values by name). */
  | 'map'
  /** A list of items, each drawn by the item's kind. */
  | 'list';

/** The metadata of one answer field (zod metadata, `z.meta`; also emitted into JSON Schema). */
export interface AnswerMeta {
  kind: AnswerKind;
  /** Label shown to readers ("Output shape"), never the camelCase key. */
  title: string;
  /** What the value means, with every convention that changes it. */
  description?: string;
  /** Unit of a scalar ("MACs", "pixels"). */
  unit?: string;
  /** Axis names of a shape, tensor or matrix (`["C", "H", "W"]`). */
  axes?: string[];
  /** Table columns summed in a totals row. */
  totals?: string[];
  /** Table columns to show first, in order (the rest follow in schema order). */
  columns?: string[];
}

/** Optional presentation details of a field. */
export type AnswerOptions = Omit<AnswerMeta, 'kind' | 'title' | 'description'>;

/** Attaches answer metadata to any schema (for kinds the shortcuts below do not cover). */
export function field<T extends z.ZodMiniType>(
  kind: AnswerKind,
  schema: T,
  title: string,
  description?: string,
  options: AnswerOptions = {},
): T {
  const meta: AnswerMeta = { kind, title, ...(description ? { description } : {}), ...options };
  return schema.check(z.meta(meta as unknown as z.core.GlobalMeta));
}

/** The answer object: a strict object, so a field the schema does not declare is a test failure. */
export function answer<T extends z.core.$ZodLooseShape>(fields: T) {
  return z.strictObject(fields);
}

/** A real number. */
export const scalar = (title: string, description?: string, options?: AnswerOptions) =>
  field('scalar', z.number(), title, description, options);

/** A whole number. */
export const count = (title: string, description?: string, options?: AnswerOptions) =>
  field('count', z.number().check(z.int()), title, description, options);

/** Yes / no. */
export const flag = (title: string, description?: string) => field('flag', z.boolean(), title, description);

/** A text; pass `values` for a fixed set of choices. */
export function text(title: string, description?: string): z.ZodMiniString<string>;
export function text<const V extends readonly [string, ...string[]]>(
  title: string,
  description: string | undefined,
  values: V,
): z.ZodMiniEnum<{ [K in V[number]]: K }>;
export function text(title: string, description?: string, values?: readonly [string, ...string[]]) {
  return field('text', values ? z.enum(values) : z.string(), title, description);
}

/** An exact value as text (`"-7/6"`, `"√2/2"`). */
export const fraction = (title: string, description?: string) => field('fraction', z.string(), title, description);

/** A complex number. */
export const complex = (title: string, description?: string) =>
  field('complex', z.strictObject({ re: z.number(), im: z.number() }), title, description);

/** A tensor shape. */
export const shape = (title: string, description?: string, options?: AnswerOptions) =>
  field('shape', z.array(z.number().check(z.int())), title, description, options);

/** A list of numbers. */
export const vector = (title: string, description?: string, options?: AnswerOptions) =>
  field('vector', z.array(z.number()), title, description, options);

/** Rows of numbers. */
export const matrix = (title: string, description?: string, options?: AnswerOptions) =>
  field('matrix', z.array(z.array(z.number())), title, description, options);

/** Channels of matrices `[C][H][W]`. */
export const tensor = (title: string, description?: string, options?: AnswerOptions) =>
  field('tensor', z.array(z.array(z.array(z.number()))), title, description, options);

/** Rows of records, columns from `row`'s fields. */
export const table = <R extends z.ZodMiniType>(row: R, title: string, description?: string, options?: AnswerOptions) =>
  field('table', z.array(row), title, description, options);

/** Rows of records over steps or epochs. */
export const trajectory = <R extends z.ZodMiniType>(
  row: R,
  title: string,
  description?: string,
  options?: AnswerOptions,
) => field('trajectory', z.array(row), title, description, options);

/** One layer of a network: `weights[unit][input]`, `bias[unit]`. */
export const layer = z.strictObject({
  weights: matrix('Weights', 'weights[unit][input]'),
  bias: vector('Biases', 'One per unit'),
});

/** Layers of units, input side first. */
export const network = (title: string, description?: string) => field('network', z.array(layer), title, description);

/** A node of a traced computation graph (the shape of @dnn/core's `GraphNode`). */
export const graphNode = z.strictObject({
  id: text('Node', '`n1`, `n2`, … in forward order'),
  op: text('Operation', '`var`, `const`, `+`, `-`, `*`, `/`, `^`, `neg`, or a function name'),
  inputs: field('list', z.array(z.string()), 'Inputs', 'Ids of the operand nodes'),
  value: scalar('Value', 'The node’s value in the forward pass'),
  grad: scalar('Gradient', '∂output/∂node, accumulated over every path'),
  label: text('Computes', 'The subexpression this node computes'),
  localGrads: vector('Local gradients', '∂node/∂input for each input, in order'),
});

/** A computation graph in forward order. */
export const graph = (title: string, description?: string) => field('graph', z.array(graphNode), title, description);

/** Named sub-fields. */
export const record = <T extends z.core.$ZodLooseShape>(fields: T, title: string, description?: string) =>
  field('record', z.strictObject(fields), title, description);

/** Name → value pairs. */
export const map = <V extends z.ZodMiniType>(value: V, title: string, description?: string) =>
  field('map', z.record(z.string(), value), title, description);

/** A list of items. */
export const list = <V extends z.ZodMiniType>(item: V, title: string, description?: string) =>
  field('list', z.array(item), title, description);

/** The answer metadata of a schema (through `z.optional`/`z.nullable` wrappers), or undefined. */
export function metaOf(schema: z.ZodMiniType): AnswerMeta | undefined {
  let current: z.ZodMiniType | undefined = schema;
  while (current) {
    const meta = z.globalRegistry.get(current) as Partial<AnswerMeta> | undefined;
    if (meta?.kind) return meta as AnswerMeta;
    const def = current.def as { innerType?: z.ZodMiniType };
    current = def.innerType;
  }
  return undefined;
}

/** The title of each top-level field of an answer schema, by key (e.g. `{ outputShape: 'Output shape' }`). */
export function fieldTitles(schema: z.ZodMiniType): Record<string, string> {
  const shape = (schema.def as { shape?: Record<string, z.ZodMiniType> }).shape ?? {};
  const titles: Record<string, string> = {};
  for (const [key, field] of Object.entries(shape)) {
    const title = metaOf(field)?.title;
    if (title) titles[key] = title;
  }
  return titles;
}

/** Converts an answer schema to JSON Schema (output side); each field keeps its `kind`, `title`, `description`. */
export function answerJsonSchema(schema: z.ZodMiniType): Record<string, unknown> {
  return z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as Record<string, unknown>;
}
