#!/usr/bin/env node
// The solver catalog, generated from the schemas: `node scripts/catalog.mjs` writes CATALOG.md at the
// repository root from the built packages (ids, titles, descriptions, every input field with its type,
// default and description, every answer field with its title, kind and description, and the examples).
// packages/dnn-solvers/src/catalog.test.ts fails when the committed CATALOG.md is stale: rerun this script
// (after `pnpm build`) and commit the result.
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const SAFE = 2 ** 53;
const cell = (text) =>
  String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
const code = (text) => (text === '' ? '' : `\`${String(text).replace(/`/g, 'ˋ')}\``);

/** A compact type of a JSON Schema: `integer ≥ 1`, `"a" \| "b"`, `number[][]`, `[integer, integer]`. */
export function typeOf(schema, depth = 0) {
  if (!schema || typeof schema !== 'object' || depth > 6) return 'any';
  if ('const' in schema) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  const union = schema.anyOf ?? schema.oneOf;
  if (union) {
    const parts = union.map((s) => {
      const tag = s.properties && Object.entries(s.properties).find(([, p]) => p && 'const' in p);
      return tag ? `{${tag[0]}: ${JSON.stringify(tag[1].const)}, …}` : typeOf(s, depth + 1);
    });
    return [...new Set(parts)].join(' | ');
  }
  switch (schema.type) {
    case 'array': {
      if (schema.prefixItems) return `[${schema.prefixItems.map((s) => typeOf(s, depth + 1)).join(', ')}]`;
      const item = typeOf(schema.items, depth + 1);
      return item.includes(' | ') || item.includes(' ≥') || item.includes(' ≤') ? `(${item})[]` : `${item}[]`;
    }
    case 'object':
      if (schema.properties && Object.keys(schema.properties).length) return 'object';
      if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
        return `{ [name]: ${typeOf(schema.additionalProperties, depth + 1)} }`;
      }
      return 'object';
    case 'integer':
    case 'number': {
      const bounds = [];
      if (schema.minimum !== undefined && Math.abs(schema.minimum) < SAFE - 1) bounds.push(`≥ ${schema.minimum}`);
      if (schema.exclusiveMinimum !== undefined) bounds.push(`> ${schema.exclusiveMinimum}`);
      if (schema.maximum !== undefined && Math.abs(schema.maximum) < SAFE - 1) bounds.push(`≤ ${schema.maximum}`);
      if (schema.exclusiveMaximum !== undefined) bounds.push(`< ${schema.exclusiveMaximum}`);
      return [schema.type, ...bounds].join(' ');
    }
    default:
      return schema.type ?? 'any';
  }
}

/** The schema without a `null` alternative (answers use `X | null` with a reason in the notes). */
function nonNull(schema) {
  const union = schema?.anyOf;
  if (!union) return { schema, nullable: false };
  const rest = union.filter((s) => s.type !== 'null');
  if (rest.length === union.length) return { schema, nullable: false };
  return { schema: rest.length === 1 ? { ...rest[0], ...pick(schema) } : { ...schema, anyOf: rest }, nullable: true };
}
const pick = (s) =>
  Object.fromEntries(['title', 'description', 'kind', 'default'].filter((k) => k in s).map((k) => [k, s[k]]));

/** Nested rows of an object schema: `layers[].kernel`, `Wx.i`, and per variant of a tagged union. */
function fieldRows(schema, prefix = '', depth = 0) {
  const rows = [];
  const required = new Set(schema.required ?? []);
  for (const [name, raw] of Object.entries(schema.properties ?? {})) {
    const { schema: field, nullable } = nonNull(raw);
    const path = `${prefix}${name}`;
    rows.push({ path, field: { ...pick(raw), ...field }, nullable, required: required.has(name) });
    if (depth >= 2) continue;
    rows.push(...childRows(field, path, depth));
  }
  return rows;
}

function childRows(field, path, depth) {
  if (field.type === 'object' && field.properties) return fieldRows(field, `${path}.`, depth + 1);
  const items = field.type === 'array' ? field.items : undefined;
  if (!items) return [];
  if (items.type === 'object' && items.properties) return fieldRows(items, `${path}[].`, depth + 1);
  const variants = items.oneOf ?? items.anyOf;
  if (!variants) return childRows(items, `${path}[]`, depth + 1);
  return variants.flatMap((v) => {
    if (!v.properties) return [];
    const tag = Object.entries(v.properties).find(([, p]) => p && 'const' in p);
    const label = tag ? `${path}[${tag[0]}=${JSON.stringify(tag[1].const)}].` : `${path}[].`;
    return fieldRows(v, label, depth + 1).filter((r) => !(tag && r.path === `${label}${tag[0]}`));
  });
}

function inputTable(jsonSchema) {
  const rows = fieldRows(jsonSchema);
  if (!rows.length) return 'No fields.\n';
  const lines = ['| field | type | default | description |', '|---|---|---|---|'];
  for (const { path, field, nullable, required } of rows) {
    const type = typeOf(field) + (nullable ? ' | null' : '');
    const dflt = 'default' in field ? code(JSON.stringify(field.default)) : required ? 'required' : 'optional';
    lines.push(`| ${code(path)} | ${cell(type)} | ${cell(dflt)} | ${cell(field.description)} |`);
  }
  return `${lines.join('\n')}\n`;
}

function answerTable(jsonSchema) {
  const rows = fieldRows(jsonSchema);
  const lines = ['| field | title | kind | type | description |', '|---|---|---|---|---|'];
  for (const { path, field, nullable, required } of rows) {
    const type = typeOf(field) + (nullable ? ' | null' : '') + (required ? '' : ' (optional)');
    lines.push(
      `| ${code(path)} | ${cell(field.title)} | ${cell(field.kind)} | ${cell(type)} | ${cell(field.description)} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** CATALOG.md from the solver packages (`[{ name, solvers }]`) and @dnn/core's `s` and `a` helpers. */
export function catalogMarkdown({ packages, s, a }) {
  const out = [
    '# Solver catalog',
    '',
    '<!-- Generated by scripts/catalog.mjs from the solvers’ input and answer schemas; do not edit by hand. -->',
    '',
    'Every solver of dnn-solvers: its id (the public API of `solve(id, input)`, `dnn solve <id>` and the',
    'docs’ calculators), its input fields with their types, defaults and meaning, its answer fields, and',
    'its exam examples. The same schemas ship as JSON Schema files in each package',
    '(`@dnn/conv/schemas/output-shape.input.json`, `…answer.json`).',
    'Every number field also accepts an exact fraction as text, such as `"1/9"` or `"-7/6"` (answers stay',
    'JSON numbers).',
    'Work per request is bounded: at most 2.5·10⁶ input values (numbers, texts, list items and object',
    'entries, counted before anything else reads them), 10⁷ output cells, 2·10⁸ multiply-adds, 12 boolean',
    'variables and 10⁴ time or optimizer steps; a solver whose worst case at these limits would cost more',
    'than 2 s of CPU or 512 MB states a tighter limit in its field descriptions. Beyond a limit the request',
    'is an input error naming the field.',
    '',
  ];
  for (const pkg of packages) {
    out.push(`- [${pkg.name}](#${pkg.name.replace(/[@/]/g, '')})`);
    for (const solver of pkg.solvers)
      out.push(`  - [\`${solver.id}\`](#${solver.id.replace(/\//g, '')}) — ${solver.title}`);
  }
  for (const pkg of packages) {
    out.push('', `## ${pkg.name}`, '');
    for (const solver of pkg.solvers) {
      out.push(`### ${solver.id}`, '', `**${solver.title}.** ${solver.description}`, '');
      out.push('#### Input', '', inputTable(s.toJsonSchema(solver.input)));
      if (solver.answer) out.push('#### Answer', '', answerTable(a.answerJsonSchema(solver.answer)));
      if (solver.examples?.length) {
        out.push('#### Examples', '');
        for (const ex of solver.examples) {
          out.push(`- **${cell(ex.title)}** — ${cell(ex.source)}`);
          out.push(`  - input: ${code(JSON.stringify(ex.input))}`);
          out.push(`  - answer: ${code(JSON.stringify(ex.answer))}`);
        }
        out.push('');
      }
    }
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = new URL('../', import.meta.url);
  const umbrella = await import(new URL('packages/dnn-solvers/dist/index.js', root).href);
  const text = catalogMarkdown({ packages: umbrella.packages, s: umbrella.core.s, a: umbrella.core.a });
  writeFileSync(new URL('CATALOG.md', root), text);
  console.log(`CATALOG.md: ${umbrella.list().length} solvers, ${text.length} characters`);
}
