#!/usr/bin/env node
// Writes the JSON Schema of every solver's input and answer into the package's
// dist/schemas/ (run from a solver package after `tsc`, as part of its build):
//   dist/schemas/<name>.input.json   what `solve(id, input)` accepts (defaults optional)
//   dist/schemas/<name>.answer.json  what `solution.answer` holds (kind/title/description per field)
//   dist/schemas/index.json          { id, title, input, answer } per solver
// They ship in the tarball under the `./schemas/*` export, for users in other
// languages: `@dnn/conv/schemas/output-shape.input.json`.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = resolve(process.argv[2] ?? '.');
const { solvers } = await import(pathToFileURL(join(dir, 'dist/index.js')).href);
const { a, s } = await import(pathToFileURL(join(dir, 'node_modules/@dnn/core/dist/index.js')).href);

const out = join(dir, 'dist/schemas');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const index = [];
const write = (file, schema) => writeFileSync(join(out, file), `${JSON.stringify(schema, null, 2)}\n`);
for (const solver of solvers) {
  const name = solver.id.slice(solver.id.indexOf('/') + 1);
  const entry = { id: solver.id, title: solver.title, input: `${name}.input.json` };
  const { $schema, ...input } = s.toJsonSchema(solver.input);
  write(entry.input, { $schema, title: solver.title, description: solver.description, ...input });
  if (solver.answer) {
    entry.answer = `${name}.answer.json`;
    const { $schema: answerSchema, ...answer } = a.answerJsonSchema(solver.answer);
    write(entry.answer, { $schema: answerSchema, title: `${solver.title}: answer`, ...answer });
  }
  index.push(entry);
}
write('index.json', index);
console.log(`${index.length} solvers: JSON Schemas in ${out}`);
