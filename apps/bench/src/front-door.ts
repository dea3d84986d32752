/**
 * Speed of the front door (issue 17), each figure beside a same-run reference so that machines of different
 * speed compare: `dnn batch` on a 10,000-line mixed file of every solver's examples (target ≥ 5,000 lines/s,
 * and batch time ÷ the time to JSON.stringify the same 10,000 Solutions in one process ≤ 5×), `dnn solve`
 * start → answer (≤ 2.5× bare `node -e ''`), and streaming (issue 16): a 100,000-line mixed file and
 * 1,000,000 small lines (mostly input errors) with the batch's peak memory and the time to its first output.
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { registry } from '@dnn/cli';

const bin = createRequire(import.meta.url)
  .resolve('@dnn/cli/package.json')
  .replace(/package\.json$/, 'dist/dnn.mjs');

/** Every solver's examples as batch requests, in catalog order. */
function requests(): { id: string; input: unknown }[] {
  return registry
    .list()
    .flatMap(({ id }) => registry.get(id).examples.map((e: { input: unknown }) => ({ id, input: e.input })));
}

/** `lines` JSON lines cycling through every solver's examples. */
export function mixedBatch(lines = 10_000): string {
  const all = requests().map((r) => JSON.stringify(r));
  return `${Array.from({ length: lines }, (_, i) => all[i % all.length]).join('\n')}\n`;
}

function timed(args: string[], input?: string): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { input, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * Milliseconds of one `dnn batch` over `input`, its output going to a file as a user's `> answers.jsonl` would (read
 * through a pipe into this process, the 42 MB cost this process 0.3 s of CPU on the same cores, counted against the
 * batch); throws unless every line came out.
 */
function timedBatch(input: string, lines: number): number {
  const dir = mkdtempSync(join(tmpdir(), 'dnn-front-door-'));
  const file = join(dir, 'out.jsonl');
  const fd = openSync(file, 'w');
  try {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [bin, 'batch'], { input, stdio: ['pipe', fd, 'pipe'], encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (r.status !== 0) throw new Error(`dnn batch exited ${r.status}: ${r.stderr}`);
    const out = readFileSync(file);
    let count = 0;
    for (let i = out.indexOf(10); i !== -1; i = out.indexOf(10, i + 1)) count++;
    if (count !== lines) throw new Error(`dnn batch wrote ${count} lines for ${lines}`);
    return ms;
  } finally {
    closeSync(fd);
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const verdict = (ok: boolean) => (ok ? 'meets target' : 'MISSES target');

/**
 * Milliseconds to JSON.stringify the Solutions of the first `lines` requests of {@link mixedBatch}, in this
 * process; solving them first, it also measures each solver's CPU time (process.cpuUsage, so other processes on
 * a shared machine do not count) and prints the solvers that take the most: where the batch's time goes.
 */
function serializeMs(lines: number): number {
  const all = requests();
  const cpu = new Map<string, { ms: number; lines: number }>();
  const solutions = Array.from({ length: lines }, (_, i) => {
    const r = all[i % all.length] as { id: string; input: unknown };
    const start = process.cpuUsage();
    const solution = registry.solve(r.id, r.input);
    const used = process.cpuUsage(start);
    const row = cpu.get(r.id) ?? { ms: 0, lines: 0 };
    row.ms += (used.user + used.system) / 1000;
    row.lines++;
    cpu.set(r.id, row);
    return solution;
  });
  const total = [...cpu.values()].reduce((sum, row) => sum + row.ms, 0);
  console.log(`solving the ${lines} lines in one process: ${total.toFixed(0)} ms CPU; the solvers that take the most:`);
  for (const [id, row] of [...cpu].sort((a, b) => b[1].ms - a[1].ms).slice(0, 8))
    console.log(
      `  ${id.padEnd(28)} ${row.ms.toFixed(0).padStart(6)} ms  ${((100 * row.ms) / total).toFixed(1).padStart(4)} %  ${row.lines} lines`,
    );
  return median(
    [0, 1, 2].map(() => {
      const start = process.hrtime.bigint();
      let chars = 0;
      for (const s of solutions) chars += JSON.stringify(s).length;
      if (chars === 0) throw new Error('nothing serialized');
      return Number(process.hrtime.bigint() - start) / 1e6;
    }),
  );
}

/** Runs `dnn batch` on `input`, reading its output as it comes: wall time, first output, peak RSS, lines out. */
async function streamedBatch(input: string): Promise<{ ms: number; firstMs: number; peakMiB: number; lines: number }> {
  const start = process.hrtime.bigint();
  const since = () => Number(process.hrtime.bigint() - start) / 1e6;
  const child = spawn(process.execPath, [bin, 'batch'], { stdio: ['pipe', 'pipe', 'inherit'] });
  child.stdin.end(input);
  let firstMs = Number.NaN;
  let lines = 0;
  child.stdout.on('data', (chunk: Buffer) => {
    if (Number.isNaN(firstMs)) firstMs = since();
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
  });
  let peakKiB = 0;
  const sample = setInterval(() => {
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      peakKiB = Math.max(peakKiB, Number(m?.[1] ?? 0));
    } catch {
      // the child has just exited
    }
  }, 50);
  const code = await new Promise((resolve) => child.on('close', resolve));
  clearInterval(sample);
  if (code !== 0) throw new Error(`dnn batch exited ${code}`);
  return { ms: since(), firstMs, peakMiB: peakKiB / 1024, lines };
}

/** Runs the measurements and prints them with their targets. */
export async function frontDoor(): Promise<void> {
  const batch = mixedBatch();
  console.log(`solvers in the batch: ${registry.list().length}, ${requests().length} distinct requests`);
  // Five runs: on this kind of machine one run of the same batch varies by ±15 %.
  const batchMs = median([0, 1, 2, 3, 4].map(() => timedBatch(batch, 10_000)));
  const linesPerSecond = 10_000 / (batchMs / 1000);
  const serialize = serializeMs(10_000);
  const ratio = batchMs / serialize;
  console.log(
    `dnn batch, 10,000 mixed lines: ${batchMs.toFixed(0)} ms → ${linesPerSecond.toFixed(0)} lines/s (target ≥ 5,000: ${verdict(linesPerSecond >= 5000)})`,
  );
  console.log(
    `JSON.stringify of the same 10,000 Solutions in one process: ${serialize.toFixed(0)} ms → batch/serialize ${ratio.toFixed(1)}× (target ≤ 5×: ${verdict(ratio <= 5)})`,
  );
  const example = JSON.stringify({ inputShape: [26, 26, 26], outChannels: 5, kernel: 7, stride: 3, padding: 1 });
  const nodeRuns: number[] = [];
  const solveRuns: number[] = [];
  for (let i = 0; i < 11; i++) {
    nodeRuns.push(timed(['-e', '']));
    solveRuns.push(timed([bin, 'solve', 'conv/output-shape', '--json', example]));
  }
  const startRatio = median(solveRuns) / median(nodeRuns);
  console.log(
    `dnn solve start → answer: ${median(solveRuns).toFixed(0)} ms, bare node start-up ${median(nodeRuns).toFixed(0)} ms (medians of 11, interleaved) → ${startRatio.toFixed(2)}× (target ≤ 2.5×: ${verdict(startRatio <= 2.5)})`,
  );
  const big = await streamedBatch(mixedBatch(100_000));
  console.log(
    `dnn batch, 100,000 mixed lines: ${big.ms.toFixed(0)} ms → ${(100_000 / (big.ms / 1000)).toFixed(0)} lines/s, first output after ${big.firstMs.toFixed(0)} ms, peak RSS ${big.peakMiB.toFixed(0)} MiB, ${big.lines} lines out`,
  );
  // Small lines: every 100th is solved, the others are input errors (a kernel larger than the input).
  const small = Array.from({ length: 1_000_000 }, (_, i) => {
    const n = 3 + (i % 5000);
    return `{"id":"conv/output-shape","input":{"inputShape":[${n},${n}],"kernel":${i % 100 === 0 ? 3 : n + 1}}}`;
  });
  const million = await streamedBatch(`${small.join('\n')}\n`);
  console.log(
    `dnn batch, 1,000,000 small conv/output-shape lines: ${million.ms.toFixed(0)} ms → ${(1e6 / (million.ms / 1000)).toFixed(0)} lines/s, first output after ${million.firstMs.toFixed(0)} ms, peak RSS ${million.peakMiB.toFixed(0)} MiB, ${million.lines} lines out`,
  );
}
