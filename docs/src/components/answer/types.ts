/**
 * The contract between the generic answer view and the renderers of each
 * answer kind: a renderer gets the field's value, its JSON Schema (with the
 * `kind`, `title`, `description` metadata of `@dnn/core`'s answer builders),
 * and the whole answer and input for context (a region picture draws the
 * input's polygons; a heatmap highlights a window from the input's kernel).
 */
import type { AnswerKind } from '@dnn/core';
import type { JsonSchema } from '../schema-fields';

/** An answer field's JSON Schema with the answer metadata. */
export interface AnswerSchema extends JsonSchema {
  kind?: AnswerKind;
  title?: string;
  unit?: string;
  axes?: string[];
  totals?: string[];
  columns?: string[];
}

/** Props of every kind renderer and picture. */
export interface KindProps {
  /** The field's value (never null: null values are shown as "none" by the caller). */
  value: unknown;
  /** The field's schema (nullable wrappers already removed). */
  schema: AnswerSchema;
  /** The whole answer. */
  answer: Record<string, unknown>;
  /** The validated input as the user gave it (before defaults). */
  input: Record<string, unknown>;
  /** The solver id, for data attributes only (renderers never branch on it). */
  solverId: string;
}
