/**
 * `dnn batch` as a stream, on the built binary: bounded memory with a stalled reader, every line of a long
 * batch answered in order, over-long lines, and the same answers from workers and the main thread.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { registry } from './registry.js';

const bin = fileURLToPath(new URL('../dist/dnn.mjs', import.meta.url));

function dnn(args: string[], stdin?: string | Buffer) {
  const r = spawnSync(process.execPath, [bin, ...args], { input: stdin, encoding: 'utf8', maxBuffer: 1 << 30 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Resident memory of a process in MiB (Linux /proc). */
function rssMiB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : Number.NaN;
}

/** CPU time a process has used, all threads, in clock ticks (utime + stime of /proc/<pid>/stat). */
function cpuTicks(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return Number(fields[11]) + Number(fields[12]);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A cheap request whose answer depends on `n` (the output shape of an n×n input under a 3×3 kernel is n−2). */
const shapeLine = (n: number) => `{"id":"conv/output-shape","input":{"inputShape":[${n},${n}],"kernel":3}}`;

describe('dnn batch streaming', () => {
  it('keeps memory bounded while the reader stalls, then delivers every line in order', async () => {
    // ~3 KB of output per line: 60,000 lines are ~180 MB of output, which an unbounded writer would hold.
    const heavy = '{"id":"logic/xor-parity","input":{"n":5}}';
    const lines = Array.from({ length: 60_000 }, (_, i) => (i % 1000 === 0 ? shapeLine(10 + i / 1000) : heavy));
    const child = spawn(process.execPath, [bin, 'batch'], { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin.end(`${lines.join('\n')}\n`);
    child.stdout.pause();
    // Sample until the child stops using CPU for a second: blocked on output (bounded) or done solving with
    // everything queued (unbounded) — either way its memory is then at its peak, however loaded the machine.
    const pid = child.pid as number;
    const samples: number[] = [];
    let idle = 0;
    for (let last = -1; idle < 4 && samples.length < 480; ) {
      await sleep(250);
      const ticks = cpuTicks(pid);
      idle = ticks === last ? idle + 1 : 0;
      last = ticks;
      samples.push(rssMiB(pid));
    }
    expect(idle).toBe(4);
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stdout.resume();
    const code = await new Promise((r) => child.on('close', r));
    expect(code).toBe(0);
    // Node, the bundle and two workers take ~100–160 MiB; without backpressure the queued output adds ~180 MB.
    expect(Math.max(...samples)).toBeLessThan(250);
    const out = Buffer.concat(chunks).toString().trimEnd().split('\n');
    expect(out).toHaveLength(lines.length);
    for (let i = 0; i < lines.length; i += 1000) {
      expect(JSON.parse(out[i] as string).answer.outputShape).toEqual([8 + i / 1000, 8 + i / 1000]);
    }
  });

  it('answers 200,000 lines, each in its place', () => {
    // Line i asks for a kernel one larger than an n×n input, n = 3 + i mod 5000: an input error naming n.
    // Every 1000th line is solved instead (n − 2 outputs per side).
    const n = (i: number) => 3 + (i % 5000);
    const lines = Array.from({ length: 200_000 }, (_, i) =>
      i % 1000 === 0
        ? shapeLine(n(i))
        : `{"id":"conv/output-shape","input":{"inputShape":[${n(i)},${n(i)}],"kernel":${n(i) + 1}}}`,
    );
    const r = dnn(['batch'], `${lines.join('\n')}\n`);
    expect(r.code).toBe(0);
    const out = r.out.trimEnd().split('\n');
    expect(out).toHaveLength(lines.length);
    for (const [i, line] of out.entries()) {
      if (i % 1000 === 0) expect(JSON.parse(line).answer.outputShape).toEqual([n(i) - 2, n(i) - 2]);
      else expect(line).toContain(`kernel ${n(i) + 1} is larger than the padded input ${n(i)} along H`);
    }
  });

  it('answers a line over 32 MiB with an error line and goes on with the next lines', () => {
    const big = `{"id":"conv/output-shape","input":{"inputShape":[8,8],"kernel":3,"x":"${'a'.repeat(32 * 2 ** 20)}"}}`;
    const r = dnn(['batch'], `${shapeLine(9)}\n${big}\n${shapeLine(10)}\n${big}`);
    expect(r.code).toBe(0);
    const out = r.out.trimEnd().split('\n');
    expect(out).toHaveLength(4);
    expect(JSON.parse(out[0] as string).answer.outputShape).toEqual([7, 7]);
    const tooLong = `the line is ${Buffer.byteLength(big)} bytes long, above the limit of 32 MiB (33554432 bytes) per line`;
    expect(JSON.parse(out[1] as string)).toEqual({ error: { message: tooLong, path: '' } });
    expect(JSON.parse(out[2] as string).answer.outputShape).toEqual([8, 8]);
    expect(JSON.parse(out[3] as string)).toEqual({ error: { message: tooLong, path: '' } });
  });

  it('refuses a 10 MB unknown id at once and echoes only its start', () => {
    const r = dnn(['batch'], `{"id":"${'x'.repeat(10_000_000)}","input":{}}\n`);
    const { error } = JSON.parse(r.out);
    expect(error.path).toBe('id');
    expect(error.message).toMatch(/^id: unknown solver id "x{29}…x{28}", 10,000,000 characters long;/);
    expect(r.out.length).toBeLessThan(300);
  });

  it('keeps a character cut at the 64 KiB stdin chunk boundary, for batch and for solve --input -', () => {
    // JSON whitespace pads the request so that '×' (bytes C3 97) of "2×x−1" starts at byte 65535 of stdin.
    const request = (prefix: string, suffix: string) => {
      const pad = 65535 - Buffer.byteLength(`${prefix}"2`);
      const text = `${prefix}${' '.repeat(pad)}"2×x−1"${suffix}`;
      expect(Buffer.from(text).subarray(65535, 65537)).toEqual(Buffer.from('×'));
      return text;
    };
    const line = request('{"id":"optim/derivative","input":{"expression":', '}}');
    expect(JSON.parse(dnn(['batch'], `${line}\n`).out).answer.derivatives).toEqual({ x: '2' });
    const input = request('{"expression":', '}');
    const r = dnn(['solve', 'optim/derivative', '--input', '-', '--format', 'json'], input);
    expect(r.err).toBe('');
    expect(JSON.parse(r.out).answer.derivatives).toEqual({ x: '2' });
  });

  it('gives byte-identical output from the main thread and from worker threads', () => {
    const examples = registry
      .list()
      .flatMap(({ id }) =>
        registry.get(id).examples.map((e: { input: unknown }) => JSON.stringify({ id, input: e.input })),
      );
    expect(examples.length).toBeGreaterThan(50);
    const input = `${Array.from({ length: 1000 }, (_, i) => (i % 89 === 0 ? 'not json' : examples[i % examples.length])).join('\n')}\n`;
    const main = dnn(['batch', '--workers', '0'], input);
    const workers = dnn(['batch', '--workers', '2'], input);
    expect(main.code).toBe(0);
    expect(main.out.split('\n')).toHaveLength(1001);
    expect(workers.out).toBe(main.out);
  });
});

describe('dnn solve and dnn batch agree', () => {
  it("solve (which loads only its id's package) prints the Solution batch (every package) gives, byte for byte", () => {
    const picks = ['conv', 'rnn', 'optim', 'logic'].map((prefix) => {
      const solver = registry.list().find((s) => s.id.startsWith(`${prefix}/`));
      if (!solver) throw new Error(`no ${prefix}/ solver`);
      return { id: solver.id, input: registry.get(solver.id).examples[0]?.input };
    });
    const batch = dnn(['batch', '--workers', '0'], `${picks.map((p) => JSON.stringify(p)).join('\n')}\n`).out.split(
      '\n',
    );
    for (const [i, { id, input }] of picks.entries()) {
      const solve = dnn(['solve', id, '--json', JSON.stringify(input), '--format', 'json']);
      expect(solve.code).toBe(0);
      expect(solve.out).toBe(`${batch[i]}\n`);
    }
  });
});

describe('dnn solve input limits', () => {
  it('reads /dev/zero only up to the 32 MiB cap and exits 2', () => {
    const r = dnn(['solve', 'conv/output-shape', '--input', '/dev/zero']);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'error: input: /dev/zero is larger than the input limit of 32 MiB (33554432 bytes): more than that\n',
    );
  });

  it('refuses stdin over the cap with exit 2', () => {
    const r = dnn(['solve', 'conv/output-shape', '--input', '-'], Buffer.alloc(32 * 2 ** 20 + 1, 0x20));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^error: input: stdin is larger than the input limit of 32 MiB/);
  });

  it('reads a file that starts with a UTF-8 BOM', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dnn-bom-')), 'q.json');
    writeFileSync(file, `\uFEFF${JSON.stringify({ inputShape: [3, 32, 32], outChannels: 8, kernel: 3 })}`);
    const r = dnn(['solve', 'conv/output-shape', '--input', file, '--format', 'json']);
    expect(r.err).toBe('');
    expect(JSON.parse(r.out).answer.outputShape).toEqual([8, 30, 30]);
  });
});
