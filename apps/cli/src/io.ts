/** Command-line plumbing shared by every `dnn` command: I/O, usage errors, JSON files, flags. */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { DnnInputError } from '@dnn/core';
import type { BlockSolver } from './batch.js';
import { readCappedFile, readCappedStream } from './capped-read.js';
import { truncateText } from './truncate.js';

/** Where a command reads and writes; injectable for tests. */
export interface Io {
  stdin: AsyncIterable<string | Buffer>;
  /** Writes output (`dnn batch` writes UTF-8 bytes); a returned promise (backpressure) is awaited by commands that write a lot. */
  out: (chunk: string | Uint8Array) => unknown;
  err: (text: string) => void;
  /** Starts `size` worker threads for long batches; without it `dnn batch` solves on the main thread. */
  workers?: (size: number) => BlockSolver;
}

/** A usage mistake: exit 2 with the message and a pointer to --help. */
export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

/** The parsed flags: strings, or booleans for boolean options. */
export type FlagValues<O extends Options> = { [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : string };

/**
 * Parses a command's flags (plus `--help`/`-h`) and at most one positional.
 * Returns undefined after printing `help` when --help was given.
 */
export function parseCommand<O extends Options>(
  args: string[],
  options: O,
  io: Io,
  help: (positional?: string) => string,
) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { ...options, help: { type: 'boolean', short: 'h' } },
  });
  const [positional, ...extra] = positionals;
  if ((values as { help?: boolean }).help) {
    io.out(`${help(positional)}\n`);
    return undefined;
  }
  if (extra.length) throw new UsageError(`unexpected argument ${JSON.stringify(extra[0])}`);
  return { values: values as FlagValues<O>, positional };
}

/** The value of a flag that must be one of `allowed`. */
export function choice<T extends string>(value: unknown, allowed: readonly T[], flag: string): T {
  if (!(allowed as readonly unknown[]).includes(value))
    throw new UsageError(`--${flag} must be one of ${allowed.join(', ')}`);
  return value as T;
}

/** A whole-number flag within [min, max]; `fallback` when absent. */
export function readInteger(value: unknown, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new DnnInputError(name, `must be a whole number from ${min} to ${max} (got ${JSON.stringify(value)})`);
  }
  return n;
}

/** Parses JSON text; a syntax error is an input error at `path` naming the source. */
export function parseJson(text: string, source: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new DnnInputError(path, `${source} is not valid JSON (${(e as Error).message})`);
  }
}

/**
 * Reads a text file, or stdin for `-`, as UTF-8 (a leading BOM dropped), capped at `MAX_INPUT_BYTES`
 * (capped-read.ts: more is an input error at `path`); an unreadable file is a usage error naming it.
 */
export async function readTextFile(file: string, io: Io, path = 'input'): Promise<string> {
  if (file === '-') return readCappedStream(io.stdin, path);
  try {
    return readCappedFile(file, path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === undefined) throw e;
    throw new UsageError(`cannot read ${truncateText(file)}: ${code}`);
  }
}

/** Reads JSON from a file, or stdin for `-` (as {@link readTextFile}); `path` names the field in errors. */
export async function readJsonFile(file: string, path: string, io: Io): Promise<unknown> {
  return parseJson(await readTextFile(file, io, path), file === '-' ? 'stdin' : truncateText(file), path);
}
