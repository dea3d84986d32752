/**
 * One renderer per answer kind. `AnswerValue` picks the renderer from the
 * field's schema (or the value's shape when the schema has no kind); tables,
 * matrices and records are real HTML, pictures come from `./pictures`.
 * Numbers are shown rounded for reading; the exact value is in each cell's
 * `title` and in the solution's JSON.
 */
import { memo, type ReactNode, Suspense, useMemo } from 'react';
import { complexText, exact, grouped, isRounded, readable } from './format';
import { PICTURES } from './pictures';
import { columnsOf, kindOf, labelOf, pick, unwrap } from './schema';
import type { AnswerSchema, KindProps } from './types';

/** Context every renderer passes down: the whole answer, the input, the solver id. */
type Context = Omit<KindProps, 'value' | 'schema'>;

function Num({ x, integer }: { x: number; integer?: boolean }) {
  const text = integer && Number.isSafeInteger(x) ? grouped(x) : readable(x);
  return (
    <span className="dnn-num" title={isRounded(x) ? exact(x) : undefined}>
      {text}
    </span>
  );
}

const NONE = <span className="dnn-none">none</span>;

function Shape({ value, schema }: { value: number[]; schema: AnswerSchema }) {
  const axes = schema.axes && schema.axes.length >= value.length ? schema.axes.slice(-value.length) : undefined;
  return (
    <span className="dnn-shape" title={exact(value)}>
      {value.map((n, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: axes are positional
        <span key={i} className="dnn-shape__axis">
          {i > 0 && <span className="dnn-shape__times"> × </span>}
          {grouped(n)}
          {axes && <sub className="dnn-shape__name">{axes[i]}</sub>}
        </span>
      ))}
    </span>
  );
}

function Vector({ value }: { value: number[] }) {
  return (
    <span className="dnn-vector">
      [
      {value.map((x, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: positional entries
        <span key={i}>
          {i > 0 && ', '}
          <Num x={x} />
        </span>
      ))}
      ]
    </span>
  );
}

/** A matrix as a bracketed HTML table (row and column numbers for screen readers). */
export function Matrix({ value, label }: { value: number[][]; label: string }) {
  return (
    <div className="dnn-scroll">
      <table className="dnn-matrix" aria-label={label}>
        <tbody>
          {value.map((row, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: positional rows
            <tr key={i}>
              {row.map((x, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: positional cells
                <td key={j}>
                  <Num x={x} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Tensor({ value, label }: { value: number[][][]; label: string }) {
  return (
    <div className="dnn-tensor">
      {value.map((channel, c) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: channels are positional
        <figure key={c} className="dnn-tensor__channel">
          <figcaption>Channel {c + 1}</figcaption>
          <Matrix value={channel} label={`${label}, channel ${c + 1}`} />
        </figure>
      ))}
    </div>
  );
}

function sum(rows: readonly unknown[], key: string): number | undefined {
  let total = 0;
  for (const r of rows) {
    const v = (r as Record<string, unknown>)?.[key];
    if (typeof v !== 'number') return undefined;
    total += v;
  }
  return total;
}

/** A table column: the record key and its schema. */
type Column = { key: string; schema: AnswerSchema };

/** Props of {@link TableRow}. */
interface TableRowProps {
  row: unknown;
  index: number;
  columns: readonly Column[];
  numbered: boolean;
  ctx: Context;
}

function TableRowView({ row, index, columns, numbered, ctx }: TableRowProps) {
  return (
    <tr data-row={index}>
      {numbered && <th scope="row">{index + 1}</th>}
      {columns.map((c) => (
        <td key={c.key}>
          <AnswerValue
            value={(row as Record<string, unknown>)?.[c.key]}
            schema={c.schema}
            name={c.key}
            ctx={ctx}
            compact
          />
        </td>
      ))}
    </tr>
  );
}

/**
 * True when `value` holds an array of objects or arrays at any depth: only such values reach a renderer that
 * is not compact (a list's blocks), which may draw a picture from the answer and input in the context.
 */
function drawsFromContext(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((v) => v !== null && typeof v === 'object');
  return Object.values(value).some(drawsFromContext);
}

/**
 * One table row, re-rendered only when its values (compared as JSON: every new solution is a new object),
 * its position or its columns change — an edit that changes one layer's numbers redraws only the rows
 * that differ.
 */
const TableRow = memo(
  TableRowView,
  (a, b) =>
    a.index === b.index &&
    a.columns === b.columns &&
    a.numbered === b.numbered &&
    (a.ctx === b.ctx || (a.ctx.solverId === b.ctx.solverId && !drawsFromContext(b.row))) &&
    (a.row === b.row || JSON.stringify(a.row) === JSON.stringify(b.row)),
);

/** Rows of records as an HTML table; columns from the row schema, a totals row where the schema says so. */
function Table({ rows, schema, label, ctx }: { rows: unknown[]; schema: AnswerSchema; label: string; ctx: Context }) {
  const row = unwrap(schema.items as AnswerSchema | undefined);
  const found = columnsOf(row, rows, schema.columns);
  // The same columns object while the keys stay (their schemas are the row schema's, cached by `unwrap`).
  const signature = found.map((c) => c.key).join('\n');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `found` is new each render; its keys decide
  const columns = useMemo(() => found, [row, signature]);
  const totals = schema.totals?.filter((k) => columns.some((c) => c.key === k)) ?? [];
  const numbered = !columns.some((c) => ['name', 'step', 'epoch', 't'].includes(c.key));
  return (
    <div className="dnn-scroll">
      <table className="dnn-table">
        <caption className="dnn-visually-hidden">{label}</caption>
        <thead>
          <tr>
            {numbered && <th scope="col">#</th>}
            {columns.map((c) => (
              <th key={c.key} scope="col" title={c.schema.description}>
                {labelOf(c.key, c.schema)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional
            <TableRow key={i} row={r} index={i} columns={columns} numbered={numbered} ctx={ctx} />
          ))}
        </tbody>
        {totals.length > 0 && (
          <tfoot>
            <tr>
              {numbered && <th scope="row">Total</th>}
              {columns.map((c, j) => {
                const total = totals.includes(c.key) ? sum(rows, c.key) : undefined;
                return (
                  <td key={c.key}>
                    {total !== undefined ? (
                      <Num x={total} integer />
                    ) : !numbered && j === 0 ? (
                      <strong>Total</strong>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}

/** Name → value pairs as a two-column table. */
function MapTable({
  value,
  schema,
  label,
  ctx,
}: {
  value: Record<string, unknown>;
  schema: AnswerSchema;
  label: string;
  ctx: Context;
}) {
  const item = unwrap(typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
  return (
    <div className="dnn-scroll">
      <table className="dnn-table dnn-table--map">
        <caption className="dnn-visually-hidden">{label}</caption>
        <tbody>
          {Object.entries(value).map(([k, v]) => (
            <tr key={k}>
              <th scope="row">
                <code>{k}</code>
              </th>
              <td>
                <AnswerValue value={v} schema={item} name={k} ctx={ctx} compact />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Name → value pairs on one line inside a table cell: `p = 6, q = −2`. */
function InlineMap({ value, schema, ctx }: { value: Record<string, unknown>; schema: AnswerSchema; ctx: Context }) {
  const item = unwrap(typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
  return (
    <span className="dnn-inline-map">
      {Object.entries(value).map(([k, v], i) => (
        <span key={k} className="dnn-inline-map__pair">
          {i > 0 && ', '}
          <var>{k}</var> = <AnswerValue value={v} schema={item} name={k} ctx={ctx} compact />
        </span>
      ))}
    </span>
  );
}

/** Named sub-fields: inline ones as a definition list, large ones as sub-blocks. */
function RecordView({ value, schema, ctx }: { value: Record<string, unknown>; schema: AnswerSchema; ctx: Context }) {
  return (
    <dl className="dnn-record">
      {Object.entries(value).map(([k, v]) => {
        const s = unwrap(schema.properties?.[k] as AnswerSchema | undefined);
        return (
          <div key={k} className="dnn-record__row">
            <dt title={s.description}>{labelOf(k, s)}</dt>
            <dd>
              <AnswerValue value={v} schema={s} name={k} ctx={ctx} compact />
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

function ListView({ value, schema, ctx }: { value: unknown[]; schema: AnswerSchema; ctx: Context }) {
  const item = unwrap(schema.items as AnswerSchema | undefined);
  if (value.every((v) => v === null || typeof v !== 'object')) {
    return (
      <ul className="dnn-list">
        {value.map((v, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: positional items
          <li key={i}>
            <AnswerValue value={v} schema={item} name="" ctx={ctx} compact />
          </li>
        ))}
      </ul>
    );
  }
  return (
    <ol className="dnn-list dnn-list--blocks">
      {value.map((v, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: positional items
        <li key={i}>
          <AnswerValue value={v} schema={item} name={`${labelOf('', item) || 'Item'} ${i + 1}`} ctx={ctx} />
        </li>
      ))}
    </ol>
  );
}

/** Props of {@link AnswerValue}. */
export interface AnswerValueProps {
  value: unknown;
  schema: AnswerSchema;
  /** The field's key (for its label when the schema has no title). */
  name: string;
  ctx: Context;
  /** Inside a table cell: no pictures, small matrices inline. */
  compact?: boolean;
}

/** Draws one answer value by its kind. */
export function AnswerValue({ value, schema: raw, name, ctx, compact }: AnswerValueProps): ReactNode {
  if (value === null || value === undefined) return NONE;
  const schema = pick(raw, value);
  const kind = kindOf(schema, value);
  const label = labelOf(name, schema);
  // A field declared as feature maps ([H][W] or [C][H][W]) keeps its heatmaps when this value is one [H][W] map.
  const FeatureMaps = unwrap(raw).kind === 'tensor' && kind === 'matrix' && !compact ? PICTURES.tensor : undefined;
  if (FeatureMaps) {
    return (
      <>
        <FeatureMaps value={value} schema={schema} {...ctx} />
        <details className="dnn-answer__numbers">
          <summary>{label} as a table</summary>
          <Matrix value={value as number[][]} label={label} />
        </details>
      </>
    );
  }
  switch (kind) {
    case 'scalar':
    case 'count':
      return typeof value === 'number' ? (
        <>
          <Num x={value} integer={kind === 'count'} />
          {schema.unit && <span className="dnn-unit"> {schema.unit}</span>}
        </>
      ) : (
        <code>{String(value)}</code>
      );
    case 'flag':
      return <span className="dnn-flag">{value ? 'yes' : 'no'}</span>;
    case 'text':
    case 'fraction':
      return <code className="dnn-text">{String(value)}</code>;
    case 'complex': {
      const c = value as { re: number; im: number };
      return (
        <span className="dnn-num" title={exact(value)}>
          {complexText(c.re, c.im)}
        </span>
      );
    }
    case 'shape':
      return <Shape value={value as number[]} schema={schema} />;
    case 'vector':
      return <Vector value={value as number[]} />;
    case 'matrix':
      return <Matrix value={value as number[][]} label={label} />;
    case 'record':
      return <RecordView value={value as Record<string, unknown>} schema={schema} ctx={ctx} />;
    case 'map':
      return compact ? (
        <InlineMap value={value as Record<string, unknown>} schema={schema} ctx={ctx} />
      ) : (
        <MapTable value={value as Record<string, unknown>} schema={schema} label={label} ctx={ctx} />
      );
    case 'list':
      return <ListView value={value as unknown[]} schema={schema} ctx={ctx} />;
    default:
      break;
  }
  const Picture = compact ? undefined : PICTURES[kind];
  // Suspense: a picture may load as its own chunk (pictures/index.ts).
  const picture = Picture ? (
    <Suspense fallback={null}>
      <Picture value={value} schema={schema} {...ctx} />
    </Suspense>
  ) : null;
  const body =
    kind === 'tensor' ? (
      <Tensor value={value as number[][][]} label={label} />
    ) : Array.isArray(value) && value.every((r) => r !== null && typeof r === 'object' && !Array.isArray(r)) ? (
      <Table rows={value} schema={schema} label={label} ctx={ctx} />
    ) : (
      <ListView value={value as unknown[]} schema={schema} ctx={ctx} />
    );
  if (!picture) return body;
  if (kind === 'trajectory') {
    return (
      <>
        {body}
        {picture}
      </>
    );
  }
  // The picture first; its numbers stay one click away as a table (and for screen readers).
  return (
    <>
      {picture}
      <details className="dnn-answer__numbers">
        <summary>{label} as a table</summary>
        {body}
      </details>
    </>
  );
}
