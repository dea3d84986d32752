/** `dnn batch`: JSON Lines in, one JSON line out per input line; a bad line never stops the batch. */
import { isDnnInputError, type Registry } from '@dnn/core';

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
  return { json: JSON.stringify({ error: { message, path } }), internal: false };
}

/** The output lines for a block of input lines, and how many hit an internal error. */
export interface SolvedBlock {
  json: string[];
  internal: number;
}

/** Solves a block of input lines in order. */
export function solveLines(registry: Registry, lines: readonly string[]): SolvedBlock {
  let internal = 0;
  const json = lines.map((line) => {
    const r = solveLine(registry, line.replace(/\r$/, ''));
    if (r.internal) internal++;
    return r.json;
  });
  return { json, internal };
}

/** Somewhere else to solve blocks of lines (worker threads); see `createWorkerPool`. */
export interface BlockSolver {
  solve(lines: string[]): Promise<SolvedBlock>;
  close(): void;
}

/** Lines per block handed to a worker. */
const BLOCK = 500;
/** A batch with a full block is worth starting workers for (they load in ~100 ms; a block takes longer). */
const PARALLEL_AFTER = BLOCK;

/**
 * Runs a batch over a stream of text chunks, writing one output line per input
 * line, in order. From {@link PARALLEL_AFTER} lines on, blocks go to `workers()`
 * (when given) and are written back in input order. Returns the number of
 * internal errors.
 */
export async function runBatch(
  registry: Registry,
  chunks: AsyncIterable<string | Buffer>,
  write: (text: string) => void,
  workers?: () => BlockSolver,
): Promise<number> {
  let pending = '';
  let block: string[] = [];
  let seen = 0;
  let internalErrors = 0;
  let pool: BlockSolver | undefined;
  const inflight: Promise<SolvedBlock>[] = [];
  const emit = (solved: SolvedBlock) => {
    internalErrors += solved.internal;
    if (solved.json.length) write(`${solved.json.join('\n')}\n`);
  };
  const dispatch = async (lines: string[]) => {
    if (!pool && workers && seen >= PARALLEL_AFTER) pool = workers();
    if (!pool) return emit(solveLines(registry, lines));
    inflight.push(pool.solve(lines).catch(() => solveLines(registry, lines)));
    while (inflight.length > 4) emit(await (inflight.shift() as Promise<SolvedBlock>));
  };
  for await (const chunk of chunks) {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      block.push(line);
      seen++;
      if (block.length === BLOCK) {
        await dispatch(block);
        block = [];
      }
    }
  }
  if (pending.trim() !== '') block.push(pending);
  if (block.length) await dispatch(block);
  for (const solved of inflight) emit(await solved);
  pool?.close();
  return internalErrors;
}
