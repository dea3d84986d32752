/** End-to-end tests of the built `dnn` binary (run after `pnpm build`). */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../dist/dnn.mjs', import.meta.url));

function dnn(args: string[], stdin?: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { input: stdin, encoding: 'utf8', maxBuffer: 1 << 28 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const lesson = { inputShape: [26, 26, 26], outChannels: 5, kernel: 7, stride: 3, padding: 1 };

describe('dnn solve', () => {
  it('prints a JSON Solution with --format json', () => {
    const r = dnn(['solve', 'conv/output-shape', '--json', JSON.stringify(lesson), '--format', 'json']);
    expect(r.code).toBe(0);
    const solution = JSON.parse(r.out);
    expect(solution.answer.outputShape).toEqual([5, 8, 8]);
    expect(solution.steps.length).toBeGreaterThan(2);
  });

  it('prints steps, then the answer, as text by default', () => {
    const r = dnn(['solve', 'conv/output-shape', '--json', JSON.stringify(lesson)]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Steps:\n {2}1\. /);
    expect(r.out).toMatch(/Answer:\n {2}outputShape: \[5,8,8\]/);
  });

  it('reads --input FILE and --input - (stdin)', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dnn-')), 'q.json');
    writeFileSync(file, JSON.stringify(lesson));
    expect(
      JSON.parse(dnn(['solve', 'conv/output-shape', '--input', file, '--format', 'json']).out).answer.outputShape,
    ).toEqual([5, 8, 8]);
    expect(
      JSON.parse(dnn(['solve', 'conv/output-shape', '--input', '-', '--format', 'json'], JSON.stringify(lesson)).out)
        .answer.outputShape,
    ).toEqual([5, 8, 8]);
  });

  it('renders markdown and LaTeX', () => {
    expect(dnn(['solve', 'conv/output-shape', '--json', JSON.stringify(lesson), '--format', 'markdown']).out).toMatch(
      /### Steps[\s\S]*\$H_\{\\text\{out\}\}/,
    );
    expect(dnn(['solve', 'conv/output-shape', '--json', JSON.stringify(lesson), '--format', 'latex']).out).toMatch(
      /^\\begin\{enumerate\}/,
    );
  });

  it('exits 2 on bad input with a message naming the field', () => {
    const r = dnn(['solve', 'conv/output-shape', '--json', '{"inputShape":[3,4,4],"outChannels":2,"kernel":7}']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^error: kernel: kernel 7 is larger than the padded input 4/);
  });

  it('exits 2 on invalid JSON, an unknown id, a missing input or a bad format', () => {
    expect(dnn(['solve', 'conv/output-shape', '--json', '{bad']).err).toMatch(/input: --json is not valid JSON/);
    expect(dnn(['solve', 'nope/nope', '--json', '{}']).code).toBe(2);
    expect(dnn(['solve', 'conv/output-shape']).err).toMatch(/the input is missing/);
    expect(dnn(['solve', 'conv/output-shape', '--json', '{}', '--format', 'pdf']).code).toBe(2);
    expect(dnn(['solve', 'conv/output-shape', '--input', '/no/such/file']).err).toMatch(
      /cannot read \/no\/such\/file: ENOENT/,
    );
  });

  it("shows a solver's fields and examples with --help", () => {
    const r = dnn(['solve', 'conv/output-shape', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/inputShape \(required\)/);
    expect(r.out).toMatch(/padding \(optional, default 0\)/);
    expect(r.out).toMatch(/dnn solve conv\/output-shape --json '\{"inputShape":\[26,26,26\]/);
  });
});

describe('dnn batch', () => {
  it('answers each line in order; a bad line yields an error line and the batch goes on', () => {
    const input = [
      '{"id":"nope","input":{}}',
      '{"id":"conv/output-shape","input":{"inputShape":[3,32,32],"outChannels":8,"kernel":3}}',
      'not json',
      '',
      '{"id":"conv/output-shape","input":{"inputShape":[3,4,4],"outChannels":2,"kernel":7}}',
    ].join('\n');
    const r = dnn(['batch'], `${input}\n`);
    expect(r.code).toBe(0);
    // Nothing on stderr: also that this Node knows the V8 flag batch-tiering.ts sets (else V8 prints an error).
    expect(r.err).toBe('');
    const lines = r.out
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(5);
    expect(lines[0].error).toMatchObject({ path: 'id' });
    expect(lines[0].error.message).toMatch(/unknown solver id "nope"/);
    expect(lines[1].answer.outputShape).toEqual([8, 30, 30]);
    expect(lines[2].error.message).toMatch(/not valid JSON/);
    expect(lines[3].error.message).toMatch(/not valid JSON/);
    expect(lines[4].error).toMatchObject({ path: 'kernel' });
  });

  it('a long batch (blocks solved by worker threads and the main thread) answers every line exactly as solveLine does, in order', async () => {
    const { registry, solveLine } = await import('./index.js');
    const requests = registry
      .list()
      .flatMap(({ id }) =>
        registry.get(id).examples.map((e: { input: unknown }) => JSON.stringify({ id, input: e.input })),
      );
    const lines = Array.from({ length: 2600 }, (_, i) =>
      i % 97 === 0 ? 'not json' : (requests[i % requests.length] as string),
    );
    const r = dnn(['batch'], `${lines.join('\n')}\n`);
    expect(r.code).toBe(0);
    const out = r.out.trimEnd().split('\n');
    expect(out).toHaveLength(lines.length);
    for (const [i, line] of lines.entries()) expect(out[i]).toBe(solveLine(registry, line).json);
  });

  it('handles a last line without a newline and CRLF line ends', () => {
    const r = dnn(
      ['batch'],
      '{"id":"conv/output-shape","input":{"inputShape":[8,8],"kernel":3}}\r\n{"id":"conv/output-shape","input":{"inputShape":[8,8],"kernel":5}}',
    );
    const lines = r.out
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.answer.outputShape)).toEqual([
      [6, 6],
      [4, 4],
    ]);
  });
});

describe('dnn list and help', () => {
  it('list --json prints id, title and package of every solver', () => {
    const list = JSON.parse(dnn(['list', '--json']).out);
    expect(list).toContainEqual({ id: 'conv/output-shape', title: expect.any(String), package: '@dnn/conv' });
  });

  it('list prints one line per solver', () => {
    expect(dnn(['list']).out).toMatch(/^conv\/output-shape\s+Output shape/m);
  });

  it('--help works on every command; an unknown command exits 2', () => {
    for (const args of [['--help'], ['list', '--help'], ['solve', '--help'], ['batch', '--help']]) {
      const r = dnn(args);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/Usage/);
    }
    expect(dnn(['frobnicate']).code).toBe(2);
    expect(dnn(['solve', 'conv/output-shape', '--jsn', '{}']).code).toBe(2);
  });
});
