/** The `dnn` commands: list, solve, batch, generate, grade. Each returns its exit code. */
import { availableParallelism } from 'node:os';
import type { Registry, RenderFormat } from '@dnn/core';
import { renderSolution } from '@dnn/core';
import { runBatch } from './batch.js';
import { BATCH_HELP, GENERATE_HELP, GRADE_HELP, LIST_HELP, SOLVE_HELP, solverHelp } from './help.js';
import { choice, type Io, parseCommand, parseJson, readInteger, readJsonFile, UsageError } from './io.js';
import {
  exerciseJson,
  generateSheet,
  gradeAnswer,
  gradeBatchCommand,
  gradeText,
  idsFor,
  readDifficulty,
  sheetMarkdown,
} from './practice.js';

const FORMATS: readonly RenderFormat[] = ['text', 'json', 'markdown', 'latex'];

/** `dnn list [--json]`. */
export function listCommand(registry: Registry, args: string[], io: Io): number {
  const parsed = parseCommand(args, { json: { type: 'boolean' } }, io, () => LIST_HELP);
  if (!parsed) return 0;
  const list = registry.list();
  if (parsed.values.json) io.out(`${JSON.stringify(list)}\n`);
  else {
    const width = Math.max(0, ...list.map((s) => s.id.length));
    io.out(`${list.map((s) => `${s.id.padEnd(width)}  ${s.title}`).join('\n')}\n`);
  }
  return 0;
}

/** `dnn solve <id> (--input FILE | --input - | --json '…') [--format …]`. */
export async function solveCommand(registry: Registry, args: string[], io: Io): Promise<number> {
  const options = {
    input: { type: 'string' },
    json: { type: 'string' },
    format: { type: 'string', default: 'text' },
  } as const;
  const parsed = parseCommand(args, options, io, (id) => (id ? solverHelp(registry.get(id)) : SOLVE_HELP));
  if (!parsed) return 0;
  const { values, positional: id } = parsed;
  if (!id) throw new UsageError('the solver id is missing (see `dnn list`)');
  const format = choice(values.format, FORMATS, 'format');
  const solver = registry.get(id);
  if (values.input !== undefined && values.json !== undefined)
    throw new UsageError('give either --input or --json, not both');
  let input: unknown;
  if (values.json !== undefined) input = parseJson(values.json, '--json', 'input');
  else if (values.input !== undefined) input = await readJsonFile(values.input, 'input', io);
  else throw new UsageError("the input is missing: give --input FILE, --input - (stdin) or --json '{...}'");
  io.out(`${renderSolution(registry.solve(solver.id, input), format)}\n`);
  return 0;
}

/** The worker threads `dnn batch` starts without `--workers`: one per core beside the main thread, at most 4. */
export function defaultBatchWorkers(): number {
  return Math.min(availableParallelism() - 1, 4);
}

/** `dnn batch`: JSON Lines in, one JSON line out per line; 1 when a line hit an internal error. */
export async function batchCommand(registry: Registry, args: string[], io: Io): Promise<number> {
  const parsed = parseCommand(args, { workers: { type: 'string' } }, io, () => BATCH_HELP);
  if (!parsed) return 0;
  const size = readInteger(parsed.values.workers, 'workers', defaultBatchWorkers(), 0, 64);
  const { workers } = io;
  const pool = workers && size > 0 ? () => workers(size) : undefined;
  return (await runBatch(registry, io.stdin, io.out, pool)) > 0 ? 1 : 0;
}

/** `dnn generate <id|topic> [--seed N] [--count K] [--difficulty …] [--format markdown|json]`. */
export function generateCommand(registry: Registry, args: string[], io: Io): number {
  const options = {
    seed: { type: 'string' },
    count: { type: 'string' },
    difficulty: { type: 'string', default: 'medium' },
    format: { type: 'string', default: 'markdown' },
  } as const;
  const parsed = parseCommand(args, options, io, () => GENERATE_HELP);
  if (!parsed) return 0;
  const { values, positional: idOrTopic } = parsed;
  if (!idOrTopic) throw new UsageError('the solver id or topic is missing (e.g. conv/output-shape, or conv)');
  const format = choice(values.format, ['markdown', 'json'], 'format');
  const seed = readInteger(values.seed, 'seed', Math.floor(Math.random() * 2 ** 31), 0, 2 ** 31 - 1);
  const count = readInteger(values.count, 'count', 1, 1, 1000);
  const ids = idsFor(registry, idOrTopic);
  const sheet = generateSheet(registry, ids, seed, count, readDifficulty(String(values.difficulty)));
  if (format === 'markdown') io.out(`${sheetMarkdown(sheet)}\n`);
  else {
    const json = sheet.map(exerciseJson);
    io.out(`${JSON.stringify(values.count === undefined && ids.length === 1 ? json[0] : json)}\n`);
  }
  return 0;
}

/** `dnn grade <id> --input q.json --answer a.json [--format text|json]`. */
export async function gradeCommand(registry: Registry, args: string[], io: Io): Promise<number> {
  const options = {
    input: { type: 'string' },
    answer: { type: 'string' },
    format: { type: 'string', default: 'text' },
    batch: { type: 'string' },
    jsonl: { type: 'boolean' },
    gradebook: { type: 'string' },
    feedback: { type: 'string' },
  } as const;
  const parsed = parseCommand(args, options, io, () => GRADE_HELP);
  if (!parsed) return 0;
  const { values, positional: id } = parsed;
  if (values.batch !== undefined) {
    if (id !== undefined || values.input !== undefined || values.answer !== undefined)
      throw new UsageError('--batch takes the questions from its rows: no solver id, --input or --answer');
    const { batch, jsonl, gradebook, feedback } = values;
    return gradeBatchCommand(registry, { batch, jsonl, gradebook, feedback }, io);
  }
  if (!id) throw new UsageError('the solver id is missing');
  const format = choice(values.format, ['text', 'json'], 'format');
  if (values.input === undefined || values.answer === undefined)
    throw new UsageError('give both --input FILE and --answer FILE');
  if (values.input === '-' && values.answer === '-')
    throw new UsageError('only one of --input and --answer can read stdin');
  const question = await readJsonFile(values.input, 'input', io);
  const answer = await readJsonFile(values.answer, 'answer', io);
  const g = gradeAnswer(registry, registry.get(id).id, question, answer);
  io.out(`${format === 'json' ? JSON.stringify(g) : gradeText(g)}\n`);
  return 0;
}
