/**
 * `dnn batch` when its output goes away (issue 16: an uncaught `write ENOBUFS` killed it): a reader that leaves
 * early (EPIPE) ends the batch quietly with every line before the close intact; an output that fails (ENOSPC on
 * /dev/full, the same path as ENOBUFS or EIO) ends it with exit 1 and one readable line, never a stack trace.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../dist/dnn.mjs', import.meta.url));

/** A request whose answer depends on its line: an n×n input under a 3×3 kernel gives an (n − 2)×(n − 2) output. */
const shapeLine = (n: number) => `{"id":"conv/output-shape","input":{"inputShape":[${n},${n}],"kernel":3}}`;
const batchOf = (count: number) => `${Array.from({ length: count }, (_, i) => shapeLine(i + 3)).join('\n')}\n`;

/** Runs `dnn batch` on `count` lines, reads until `keep` answer lines have arrived, then closes the pipe. */
function readThenClose(count: number, keep: number): Promise<{ code: number | null; lines: string[]; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, 'batch'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let received: string[] = [];
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString();
    });
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const complete = out.split('\n').slice(0, -1);
      if (complete.length >= keep && received.length === 0) {
        received = complete;
        child.stdout.destroy(); // the reader leaves, as `head -n` does
      }
    });
    child.stdin.on('error', () => {}); // the child may stop reading once its output is gone
    child.stdin.end(batchOf(count));
    child.on('close', (code) => resolve({ code, lines: received, err }));
  });
}

describe('dnn batch with its output closed or failing', () => {
  it('a reader that leaves after any number of lines: exit 0, nothing on stderr, every line up to the close in order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 3000 }),
        fc.integer({ min: 20_000, max: 40_000 }),
        async (keep, count) => {
          const { code, lines, err } = await readThenClose(count, keep);
          expect(err).toBe('');
          expect(code).toBe(0);
          expect(lines.length).toBeGreaterThanOrEqual(keep);
          lines.forEach((line, i) => {
            // The oracle: line i asked for an (i + 3)×(i + 3) input, so its output shape is (i + 1)×(i + 1).
            expect((JSON.parse(line) as { answer: { outputShape: number[] } }).answer.outputShape).toEqual([
              i + 1,
              i + 1,
            ]);
          });
        },
      ),
      { numRuns: 4 },
    );
  }, 120_000);

  it('an output that fails (ENOSPC on /dev/full): exit 1 and one line saying the output is incomplete, no stack trace', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [bin, 'batch'], {
        input: batchOf(5000),
        stdio: ['pipe', full, 'pipe'],
        encoding: 'utf8',
      });
      expect(r.status).toBe(1);
      expect(r.stderr).toBe('error: cannot write to stdout (ENOSPC); the output is incomplete\n');
    } finally {
      closeSync(full);
    }
  });
});
