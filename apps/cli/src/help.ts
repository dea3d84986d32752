/** Help texts of the `dnn` command. */
import { type AnySolver, s } from '@dnn/core';

/** `dnn --help`. */
export const MAIN_HELP = `dnn — step-by-step solvers for deep-neural-network exam problems

Usage:
  dnn list [--json]                      every solver id with its title
  dnn solve <id> (--input FILE | --input - | --json '<inline>') [--format text|json|markdown|latex]
                                         solve one problem and print the worked solution
  dnn solve <id> --help                  the solver's input fields, defaults and examples
  dnn batch                              JSON Lines {"id", "input"} on stdin → one JSON line each on stdout
  dnn generate <id|topic> [--seed N] [--count K] [--difficulty easy|medium|hard] [--format markdown|json]
                                         exam questions with answer keys (a whole sheet for a topic such as conv)
  dnn grade <id> --input q.json --answer a.json [--format text|json]
                                         grade an answer with partial credit and the worked solution
  dnn --version                          the version of the package

Exit codes: 0 solved, 2 bad input (the message names the field), 1 internal error.
Run \`dnn <command> --help\` for details.`;

/** `dnn list --help`. */
export const LIST_HELP = `Usage: dnn list [--json]

Prints every solver id with its title. --json prints an array of {"id", "title", "package"}.`;

/** `dnn solve --help`. */
export const SOLVE_HELP = `Usage: dnn solve <id> (--input FILE | --input - | --json '<inline>') [--format text|json|markdown|latex]

Reads the input JSON from FILE, from stdin (-) or inline, and prints the solution:
  text      the steps, then the answer and notes (default)
  json      the Solution object {"answer", "steps", "notes"}
  markdown  steps with $LaTeX$ maths, the answer as JSON, the notes
  latex     an enumerate list of the steps
Exit 0 solved, 2 bad input (stderr names the field), 1 internal error.
\`dnn solve <id> --help\` lists that solver's fields.`;

/** `dnn batch --help`. */
export const BATCH_HELP = `Usage: dnn batch < problems.jsonl

Reads JSON Lines {"id": "...", "input": {...}} on stdin and writes one JSON line per
input line, in order: the Solution, or {"error": {"message": "...", "path": "..."}}.
A bad line never stops the batch.`;

interface JsonSchemaField {
  type?: string | string[];
  description?: string;
  default?: unknown;
  enum?: unknown[];
  anyOf?: JsonSchemaField[];
}

/** `dnn solve <id> --help`: the solver's description, fields and example commands. */
export function solverHelp(solver: AnySolver): string {
  const schema = s.toJsonSchema(solver.input) as { properties?: Record<string, JsonSchemaField>; required?: string[] };
  const required = new Set(schema.required ?? []);
  const fields = Object.entries(schema.properties ?? {}).map(([name, f]) => {
    const tags = [required.has(name) ? 'required' : 'optional'];
    if (f.default !== undefined) tags.push(`default ${JSON.stringify(f.default)}`);
    return `  ${name} (${tags.join(', ')})\n      ${f.description ?? ''}`;
  });
  const examples = solver.examples.map(
    (e: { title: string; input: unknown }) =>
      `  # ${e.title}\n  dnn solve ${solver.id} --json '${JSON.stringify(e.input)}'`,
  );
  return [
    `${solver.id} — ${solver.title}`,
    '',
    solver.description,
    '',
    'Input fields:',
    ...fields,
    '',
    'Examples:',
    ...examples,
  ].join('\n');
}

/** `dnn generate --help`. */
export const GENERATE_HELP = `Usage: dnn generate <id|topic> [--seed N] [--count K] [--difficulty easy|medium|hard] [--format markdown|json]

Writes exam-style questions with their answer keys (worked solutions). <id> is a solver id
(conv/output-shape) or a topic (conv, rnn, optim, logic) for a whole sheet, one question per solver.
The same --seed gives the same questions (default: a random seed, printed with each question);
--count K writes K questions per solver with seeds N, N+1, …; --difficulty defaults to medium.
--format json prints {"id", "seed", "question", "input", "solution"} (a list with --count or a topic).`;

/** `dnn grade --help`. */
export const GRADE_HELP = `Usage: dnn grade <id> --input q.json --answer a.json [--format text|json]

Grades a student's answer (a JSON object shaped like the solver's answer; numbers may be decimals
or fractions such as "14/3") for the problem in q.json (a solver input, or a question printed by
\`dnn generate --format json\`). Partial credit per field; the worked solution follows what was wrong.
--format json prints {"score", "maxScore", "fields": [{"path", "verdict", "points", "maxPoints", "expected", "got"}], "solution"}.`;
