/** The `dnn` command: argument parsing and exit codes (0 solved, 2 bad input, 1 internal error). */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DnnInputError, isDnnInputError, type Registry, type RenderFormat, renderSolution } from '@dnn/core';
import { runBatch } from './batch.js';
import { BATCH_HELP, GENERATE_HELP, GRADE_HELP, LIST_HELP, MAIN_HELP, SOLVE_HELP, solverHelp } from './help.js';
import {
  exerciseJson,
  generateSheet,
  gradeAnswer,
  gradeText,
  idsFor,
  readDifficulty,
  sheetMarkdown,
} from './practice.js';

/** Where the command reads and writes; injectable for tests. */
export interface Io {
  stdin: AsyncIterable<string | Buffer>;
  out: (text: string) => void;
  err: (text: string) => void;
}

const FORMATS = ['text', 'json', 'markdown', 'latex'] as const;

/** A usage mistake: exit 2 with the message and a pointer to --help. */
class UsageError extends Error {}

async function readAll(stream: AsyncIterable<string | Buffer>): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += chunk.toString();
  return text;
}

/** Reads JSON from a file, or stdin for `-`; `path` names the field in errors. */
async function readJsonFile(file: string, path: string, io: Io): Promise<unknown> {
  let text: string;
  if (file === '-') text = await readAll(io.stdin);
  else {
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  }
  return parseJson(text, file === '-' ? 'stdin' : file, path);
}

function parseJson(text: string, source: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new DnnInputError(path, `${source} is not valid JSON (${(e as Error).message})`);
  }
}

async function readInput(values: { input?: string; json?: string }, io: Io): Promise<unknown> {
  if (values.input !== undefined && values.json !== undefined)
    throw new UsageError('give either --input or --json, not both');
  if (values.json !== undefined) return parseJson(values.json, '--json', 'input');
  if (values.input !== undefined) return readJsonFile(values.input, 'input', io);
  throw new UsageError("the input is missing: give --input FILE, --input - (stdin) or --json '{...}'");
}

function readInteger(value: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new DnnInputError(name, `must be a whole number from ${min} to ${max} (got ${JSON.stringify(value)})`);
  }
  return n;
}

function generateCommand(registry: Registry, args: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      seed: { type: 'string' },
      count: { type: 'string' },
      difficulty: { type: 'string', default: 'medium' },
      format: { type: 'string', default: 'markdown' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.out(`${GENERATE_HELP}\n`);
    return 0;
  }
  const [idOrTopic, ...extra] = positionals;
  if (!idOrTopic) throw new UsageError('the solver id or topic is missing (e.g. conv/output-shape, or conv)');
  if (extra.length) throw new UsageError(`unexpected argument ${JSON.stringify(extra[0])}`);
  if (values.format !== 'markdown' && values.format !== 'json')
    throw new UsageError('--format must be markdown or json');
  const seed = readInteger(values.seed, 'seed', Math.floor(Math.random() * 2 ** 31), 0, 2 ** 31 - 1);
  const count = readInteger(values.count, 'count', 1, 1, 1000);
  const ids = idsFor(registry, idOrTopic);
  const sheet = generateSheet(registry, ids, seed, count, readDifficulty(values.difficulty));
  if (values.format === 'markdown') io.out(`${sheetMarkdown(sheet)}\n`);
  else {
    const json = sheet.map(exerciseJson);
    io.out(`${JSON.stringify(values.count === undefined && ids.length === 1 ? json[0] : json)}\n`);
  }
  return 0;
}

async function gradeCommand(registry: Registry, args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      input: { type: 'string' },
      answer: { type: 'string' },
      format: { type: 'string', default: 'text' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.out(`${GRADE_HELP}\n`);
    return 0;
  }
  const [id, ...extra] = positionals;
  if (!id) throw new UsageError('the solver id is missing');
  if (extra.length) throw new UsageError(`unexpected argument ${JSON.stringify(extra[0])}`);
  if (values.input === undefined || values.answer === undefined)
    throw new UsageError('give both --input FILE and --answer FILE');
  if (values.input === '-' && values.answer === '-')
    throw new UsageError('only one of --input and --answer can read stdin');
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError('--format must be text or json');
  const question = await readJsonFile(values.input, 'input', io);
  const answer = await readJsonFile(values.answer, 'answer', io);
  const g = gradeAnswer(registry, registry.get(id).id, question, answer);
  io.out(`${values.format === 'json' ? JSON.stringify(g) : gradeText(g)}\n`);
  return 0;
}

async function solveCommand(registry: Registry, args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      input: { type: 'string' },
      json: { type: 'string' },
      format: { type: 'string', default: 'text' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [id, ...extra] = positionals;
  if (values.help) {
    io.out(`${id ? solverHelp(registry.get(id)) : SOLVE_HELP}\n`);
    return 0;
  }
  if (!id) throw new UsageError('the solver id is missing (see `dnn list`)');
  if (extra.length) throw new UsageError(`unexpected argument ${JSON.stringify(extra[0])}`);
  const format = values.format as RenderFormat;
  if (!(FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  const solver = registry.get(id);
  const solution = registry.solve(solver.id, await readInput(values, io));
  io.out(`${renderSolution(solution, format)}\n`);
  return 0;
}

function listCommand(registry: Registry, args: string[], io: Io): number {
  const { values } = parseArgs({ args, options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    io.out(`${LIST_HELP}\n`);
    return 0;
  }
  const list = registry.list();
  if (values.json) io.out(`${JSON.stringify(list)}\n`);
  else {
    const width = Math.max(0, ...list.map((s) => s.id.length));
    io.out(`${list.map((s) => `${s.id.padEnd(width)}  ${s.title}`).join('\n')}\n`);
  }
  return 0;
}

async function batchCommand(registry: Registry, args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({ args, options: { help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    io.out(`${BATCH_HELP}\n`);
    return 0;
  }
  const internalErrors = await runBatch(registry, io.stdin, io.out);
  return internalErrors > 0 ? 1 : 0;
}

/** Runs `dnn` with `argv` (without `node` and the script); resolves to the exit code. */
export async function main(registry: Registry, argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'list':
        return listCommand(registry, rest, io);
      case 'solve':
        return await solveCommand(registry, rest, io);
      case 'batch':
        return await batchCommand(registry, rest, io);
      case 'generate':
        return generateCommand(registry, rest, io);
      case 'grade':
        return await gradeCommand(registry, rest, io);
      case undefined:
        io.err(`${MAIN_HELP}\n`);
        return 2;
      case '--help':
      case '-h':
      case 'help':
        io.out(`${MAIN_HELP}\n`);
        return 0;
      default:
        throw new UsageError(`unknown command ${JSON.stringify(command)}`);
    }
  } catch (e) {
    if (isDnnInputError(e)) {
      io.err(`error: ${e.message}\n`);
      return 2;
    }
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(
        `error: ${(e as Error).message}\nRun \`dnn ${command && command !== 'help' ? `${command} ` : ''}--help\` for usage.\n`,
      );
      return 2;
    }
    io.err(`internal error: ${(e as Error).stack ?? String(e)}\n`);
    return 1;
  }
}
