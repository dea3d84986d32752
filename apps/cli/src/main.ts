/** The `dnn` command: argument parsing and exit codes (0 solved, 2 bad input, 1 internal error). */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DnnInputError, isDnnInputError, type Registry, type RenderFormat, renderSolution } from '@dnn/core';
import { runBatch } from './batch.js';
import { BATCH_HELP, LIST_HELP, MAIN_HELP, SOLVE_HELP, solverHelp } from './help.js';

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

async function readInput(values: { input?: string; json?: string }, io: Io): Promise<unknown> {
  if (values.input !== undefined && values.json !== undefined)
    throw new UsageError('give either --input or --json, not both');
  let text: string;
  let source: string;
  if (values.json !== undefined) [text, source] = [values.json, '--json'];
  else if (values.input === '-') [text, source] = [await readAll(io.stdin), 'stdin'];
  else if (values.input !== undefined) {
    try {
      text = readFileSync(values.input, 'utf8');
    } catch (e) {
      throw new UsageError(`cannot read ${values.input}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    source = values.input;
  } else throw new UsageError("the input is missing: give --input FILE, --input - (stdin) or --json '{...}'");
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new DnnInputError('input', `${source} is not valid JSON (${(e as Error).message})`);
  }
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
