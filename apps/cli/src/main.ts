/** The `dnn` command: dispatch and exit codes (0 solved, 2 bad input, 1 internal error). */
import { readFileSync } from 'node:fs';
import { isDnnInputError, type Registry } from '@dnn/core';
import { batchCommand, generateCommand, gradeCommand, listCommand, solveCommand } from './commands.js';
import { examCommand } from './exam.js';
import { MAIN_HELP } from './help.js';
import { type Io, UsageError } from './io.js';
import { MAX_MESSAGE, truncateText } from './truncate.js';

export type { Io } from './io.js';

/**
 * The version of the package this file ships in: dist/main.js of @dnn/cli, or the bundled dist/dnn.mjs of
 * @dnn/cli or of dnn-solvers (the package.json one directory up; the packages are released together).
 */
export function version(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string })
      .version;
  } catch {
    return 'unknown';
  }
}

const COMMANDS: Record<string, (registry: Registry, args: string[], io: Io) => number | Promise<number>> = {
  list: listCommand,
  solve: solveCommand,
  batch: batchCommand,
  generate: generateCommand,
  grade: gradeCommand,
  exam: examCommand,
};

/** Runs `dnn` with `argv` (without `node` and the script); resolves to the exit code. */
export async function main(registry: Registry, argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined) {
      io.err(`${MAIN_HELP}\n`);
      return 2;
    }
    if (command === '--help' || command === '-h' || command === 'help') {
      io.out(`${MAIN_HELP}\n`);
      return 0;
    }
    if (command === '--version' || command === '-v') {
      io.out(`${version()}\n`);
      return 0;
    }
    const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
    if (!run) throw new UsageError(`unknown command ${JSON.stringify(command)}`);
    return await run(registry, rest, io);
  } catch (e) {
    if (isDnnInputError(e)) {
      io.err(`error: ${truncateText(e.message, MAX_MESSAGE)}\n`);
      return 2;
    }
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      const help =
        command && command !== 'help' && Object.hasOwn(COMMANDS, command) ? `dnn ${command} --help` : 'dnn --help';
      io.err(`error: ${(e as Error).message}\nRun \`${help}\` for usage.\n`);
      return 2;
    }
    io.err(`internal error: ${(e as Error).stack ?? String(e)}\n`);
    return 1;
  }
}
