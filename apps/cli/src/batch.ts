/** `dnn batch`: JSON Lines in, one JSON line out per input line; a bad line never stops the batch. */
import { isDnnInputError, type Registry } from '@dnn/core';
import { describeBytes, MAX_INPUT_BYTES } from './capped-read.js';
import { type InputLine, LineSplitter } from './line-splitter.js';
import { MAX_ECHO, MAX_MESSAGE, truncateText } from './truncate.js';

/** The output line for one input line. Exported for tests and benchmarks. */
export function solveLine(registry: Registry, line: string): { json: string; internal: boolean } {
  let request: unknown;
  try {
    request = JSON.parse(line);
  } catch (e) {
    return errorLine('', `the line is not valid JSON (${(e as Error).message})`);
  }
  if (request === null || typeof request !== 'object' || Array.isArray(request)) {
    return errorLine('', 'each line must be an object {"id": "...", "input": {...}}');
  }
  const { id, input } = request as { id?: unknown; input?: unknown };
  if (typeof id !== 'string') return errorLine('id', 'is required: the solver id, e.g. "conv/output-shape"');
  try {
    return { json: JSON.stringify(registry.solve(id, input)), internal: false };
  } catch (e) {
    if (isDnnInputError(e)) return errorLine(e.path, e.message);
    return { ...errorLine('', `internal error: ${(e as Error).message}`), internal: true };
  }
}

function errorLine(path: string, message: string): { json: string; internal: boolean } {
  return {
    json: JSON.stringify({
      error: { message: truncateText(message, MAX_MESSAGE), path: truncateText(path, MAX_ECHO) },
    }),
    internal: false,
  };
}

/** The output of a block of input lines: one JSON line each, every line ending in "\n", and how many hit an internal error. */
export interface SolvedBlock {
  /**
   * The lines in UTF-8, outside the JavaScript heap. Solved blocks wait in the write queue and come over from the
   * workers: as strings, every young-generation GC of the main thread copied them and then promoted them (78 MB
   * promoted on the bench's 10,000-line batch; 21 MB as bytes), and each worker's block was copied across. Bytes
   * are transferred, and they are what stdout writes anyway (the encoding only happens earlier).
   */
  bytes: Uint8Array<ArrayBuffer>;
  internal: number;
}

const utf8 = new TextEncoder();

/**
 * Solves a block of input lines in order (a trailing "\r" dropped); a line given as its byte count was
 * over the per-line limit and gets an error line.
 */
export function solveLines(
  registry: Registry,
  lines: readonly InputLine[],
  maxLineBytes = MAX_INPUT_BYTES,
): SolvedBlock {
  let internal = 0;
  let text = '';
  for (const line of lines) {
    if (typeof line === 'number') {
      text += `${errorLine('', `the line is ${line} bytes long, above the limit of ${describeBytes(maxLineBytes)} per line`).json}\n`;
      continue;
    }
    const r = solveLine(registry, line.endsWith('\r') ? line.slice(0, -1) : line);
    if (r.internal) internal++;
    text += `${r.json}\n`;
  }
  return { bytes: utf8.encode(text), internal };
}

/** Somewhere else to solve blocks of lines (worker threads); see `createWorkerPool`. */
export interface BlockSolver {
  /** Solves a block; rejects when its worker failed (the batch then solves the block itself). */
  solve(lines: InputLine[]): Promise<SolvedBlock>;
  /** True when a loaded worker has room for another block (else the caller solves the block itself). */
  readonly idle: boolean;
  close(): void;
}

/** Lines per block; a block also closes at {@link BLOCK_CHARS}. */
const BLOCK = 100;
/** Characters of input per block at most (one longer line makes a block of its own). */
const BLOCK_CHARS = 256 * 1024;
/** Characters of input in blocks solved or being solved but not yet written; beyond it the batch waits. */
const QUEUED_CHARS = 4 * 2 ** 20;
/** Blocks solved or being solved but not yet written, at most. */
const QUEUED_BLOCKS = 16;

/**
 * Runs a batch over a stream of chunks (bytes or text), writing one output line per input line, in order.
 * Lines are split in linear time and decoded whole (multi-byte characters survive chunk boundaries); a line
 * over `maxLineBytes` gets an error line. From the first full block on, `workers()` (when given) start; a block
 * goes to a worker with room for it, else this thread solves it (so it works while they load, and as one more
 * solver after). A promise returned by `write` (output
 * backpressure) is awaited before more input is read, so memory stays bounded whatever the reader does.
 * Returns the number of internal errors.
 */
export async function runBatch(
  registry: Registry,
  chunks: AsyncIterable<string | Uint8Array>,
  write: (chunk: Uint8Array) => unknown,
  workers?: () => BlockSolver,
  maxLineBytes = MAX_INPUT_BYTES,
): Promise<number> {
  const splitter = new LineSplitter(maxLineBytes);
  /** Blocks not written yet, in input order; `done` once solved. */
  const queue: { solved: Promise<SolvedBlock>; done?: SolvedBlock; chars: number }[] = [];
  let queuedChars = 0;
  let internalErrors = 0;
  let pool: BlockSolver | undefined;
  let block: InputLine[] = [];
  let blockChars = 0;
  /** Writes the solved blocks at the head of the queue, and waits for more while it is over the limits. */
  const writeUntil = async (blocks: number, chars: number) => {
    while (queue.length > 0 && (queue[0]?.done || queue.length > blocks || queuedChars > chars)) {
      const head = queue.shift() as (typeof queue)[number];
      queuedChars -= head.chars;
      const solved = await head.solved;
      internalErrors += solved.internal;
      if (solved.bytes.length > 0) await write(solved.bytes);
    }
  };
  /** Hands the current block on; `more` when input follows (worth starting the workers for). */
  const dispatch = async (more: boolean) => {
    const lines = block;
    const chars = blockChars;
    block = [];
    blockChars = 0;
    if (!pool && workers && more) pool = workers();
    if (pool?.idle) {
      const entry: (typeof queue)[number] = {
        solved: pool.solve(lines).catch(() => solveLines(registry, lines, maxLineBytes)),
        chars,
      };
      entry.solved.then((done) => {
        entry.done = done;
      });
      queue.push(entry);
    } else {
      const done = solveLines(registry, lines, maxLineBytes);
      queue.push({ solved: Promise.resolve(done), done, chars });
      // Let the workers' messages (ready, solved blocks) in between the blocks this thread solves.
      if (pool) await new Promise(setImmediate);
    }
    queuedChars += chars;
    await writeUntil(QUEUED_BLOCKS, QUEUED_CHARS);
  };
  const add = async (lines: InputLine[]) => {
    for (const line of lines) {
      block.push(line);
      blockChars += typeof line === 'number' ? 0 : line.length;
      if (block.length === BLOCK || blockChars >= BLOCK_CHARS) await dispatch(true);
    }
  };
  try {
    for await (const chunk of chunks) await add(splitter.push(chunk));
    await add(splitter.end());
    if (block.length) await dispatch(false);
    await writeUntil(0, 0);
  } finally {
    pool?.close();
  }
  return internalErrors;
}
