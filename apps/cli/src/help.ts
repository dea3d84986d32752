/** Help texts of the `dnn` command. */
import { type AnySolver, s } from '@dnn/core';
import { describeBytes, MAX_INPUT_BYTES } from './capped-read.js';

/** The input size cap as the help texts print it. */
const INPUT_LIMIT = describeBytes(MAX_INPUT_BYTES);

/** `dnn --help`. */
export const MAIN_HELP = `dnn — step-by-step solvers for deep-neural-network exam problems

Usage:
  dnn list [--json]                      every solver id with its title
  dnn solve <id> (--input FILE | --input - | --json '<inline>') [--format text|json|markdown|latex]
                                         solve one problem and print the worked solution
  dnn solve <id> --help                  the solver's input fields, defaults and examples
  dnn batch [--workers N]                JSON Lines {"id", "input"} on stdin → one JSON line each on stdout
  dnn generate <id|topic> [--seed N] [--count K] [--difficulty easy|medium|hard] [--format markdown|json]
                                         exam questions with answer keys (a whole sheet for a topic such as conv)
  dnn grade <id> --input q.json --answer a.json [--format text|json]
                                         grade an answer with partial credit and the worked solution
  dnn grade --batch answers.csv [--gradebook g.csv] [--feedback DIR]
                                         grade a class: a gradebook CSV and feedback per student
  dnn exam <spec.json> (--students N | --roster FILE) [--format html|latex|markdown|json|moodle|gift] --out DIR
                                         an exam sheet and answer key per student, seeded by the spec and the id
  dnn --version                          the version of the package

Exit codes: 0 solved, 2 bad input (the message names the field), 1 internal error.
Input files, stdin and batch lines are UTF-8 (a leading BOM ignored), at most ${INPUT_LIMIT} each.
Run \`dnn <command> --help\` for details.`;

/** `dnn list --help`. */
export const LIST_HELP = `Usage: dnn list [--json]

Prints every solver id with its title. --json prints an array of {"id", "title", "package"}.`;

/** `dnn solve --help`. */
export const SOLVE_HELP = `Usage: dnn solve <id> (--input FILE | --input - | --json '<inline>') [--format text|json|markdown|latex]

Reads the input JSON from FILE, from stdin (-) or inline, and prints the solution
(files and stdin: UTF-8, a leading BOM ignored, at most ${INPUT_LIMIT}):
  text      the steps, then the answer and notes (default)
  json      the Solution object {"answer", "steps", "notes"}
  markdown  steps with $LaTeX$ maths, the answer as JSON, the notes
  latex     an enumerate list of the steps
Exit 0 solved, 2 bad input (stderr names the field), 1 internal error.
\`dnn solve <id> --help\` lists that solver's fields.`;

/** `dnn batch --help`. */
export const BATCH_HELP = `Usage: dnn batch [--workers N] < problems.jsonl

Reads JSON Lines {"id": "...", "input": {...}} on stdin and writes one JSON line per
input line, in order: the Solution, or {"error": {"message": "...", "path": "..."}}.
A bad line never stops the batch; a line over ${INPUT_LIMIT} gets an error line.
Output streams as lines are solved; a slow reader slows the batch down (memory stays bounded).
--workers N  worker threads solving blocks of lines beside the main thread (default: one per core
             but one, at most 4; 0: the main thread alone). The output is the same for every N.`;

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
       dnn grade --batch answers.csv [--jsonl] [--gradebook gradebook.csv] [--feedback DIR]

Grades a student's answer (a JSON object shaped like the solver's answer, or keyed by field paths such as
"layers[2].params") for the problem in q.json (a solver input, or a question printed by
\`dnn generate --format json\`). Answers are read the way students write them: (4, 5, 5), 4×5×5, 4x5x5,
[4, 5, 5], 4/1, 44,865 or 44 865, 2 ln 2, √2, e^-1. A comma followed by exactly three digits and no space is a
thousands separator (128,256,512 is one number: write 128, 256, 512 for a list). Partial credit per field, with
remarks (an H×W×C shape where C×H×W is asked earns half); the worked solution follows what was wrong.
--format json prints {"score", "maxScore", "fields": [{"path", "verdict", "points", "maxPoints", "expected", "got",
"remarks"}], "solution"}.

--batch grades a class. answers.csv has a header row and one row per student, question and field:
  student,question,seed,difficulty,item,points,field,answer
  ada,conv/output-shape,42,easy,Q1,4,outputShape,"(4, 5, 5)"
question + seed + difficulty regenerate the question as \`dnn generate\` does (difficulty defaults to medium);
item (optional) labels it in the gradebook (default "<question> seed <seed>"); points (optional) is the
question's weight on the exam, to which its rubric score is scaled (default: the rubric's points). Instead of field + answer, a row may
have one column per field (named by its path). A .jsonl/.ndjson file (or --jsonl) has one JSON object per line
with the same keys, "answers": {field: answer} allowed. Writes the gradebook CSV (student, "<item>: <field>"
points, total, max) to --gradebook or stdout, and one Markdown file per student (verdicts, remarks, worked
solutions) into --feedback DIR. Rejected rows are listed on stderr as FILE:LINE: reason and the rest is graded;
exit 0 when every row was graded, 2 when some were rejected.`;

/** `dnn exam --help`. */
export const EXAM_HELP = `Usage: dnn exam <spec.json> (--students N | --roster FILE) [--format FORMAT] --out DIR

Writes one seeded variant of an exam per student, with its answer key (the answers and worked steps).
The spec (a JSON file, or - for stdin):
  {"title": "Midterm", "instructions": "Show your work.", "seed": 2024,
   "items": [{"solver": "conv/output-shape", "difficulty": "easy", "points": 2},
             {"topic": "rnn", "points": 4}]}
  items[].solver   a solver id with a question generator (dnn list), or
  items[].topic    conv, rnn, optim or logic: each student gets one of the topic's solvers
                   (different solvers for two items of one topic while the topic has enough)
  items[].difficulty  easy, medium (default) or hard;  items[].points  what the question is worth
The same spec and student id always give the same variant; other ids give other numbers.
Students: --students N makes ids s01 … sN; --roster FILE reads one id per line (blank lines and
lines starting with # are skipped; ids become file names, other characters than letters, digits,
. _ - written as _).
Formats and files in DIR (<id> is the student id):
  html      <id>.html, <id>.key.html   printable pages: no controls, one question per page, room to write
  latex     <id>.tex,  <id>.key.tex    the exam document class (the key with its answers option);
                                       pdflatex <id>.tex (packages: exam, amsmath, adjustbox)
                                       (a title or id in a script beyond Latin-1 stops pdflatex
                                       with an error naming the character; html has no such limit)
  markdown  <id>.md,   <id>.key.md     the key with $LaTeX$ maths
  json      <id>.json, <id>.key.json   {"title", "student", "questions": [{"id", "seed", "input", …}]};
                                       a question can be graded with dnn grade <id> --input
  moodle    moodle.xml                 Moodle XML, one question category per student
  gift      gift.txt                   GIFT, one category per student
--format defaults to html. Existing files of the same names are overwritten.`;
