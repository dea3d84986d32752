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

/** Runs a batch over a stream of text chunks; returns the number of internal errors. */
export async function runBatch(
  registry: Registry,
  chunks: AsyncIterable<string | Buffer>,
  write: (text: string) => void,
): Promise<number> {
  let pending = '';
  let internalErrors = 0;
  const flush = (lines: string[]) => {
    const out: string[] = [];
    for (const line of lines) {
      const r = solveLine(registry, line.replace(/\r$/, ''));
      if (r.internal) internalErrors++;
      out.push(r.json);
    }
    if (out.length) write(`${out.join('\n')}\n`);
  };
  for await (const chunk of chunks) {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    flush(lines);
  }
  if (pending.trim() !== '') flush([pending]);
  return internalErrors;
}
