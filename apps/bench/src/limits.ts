/**
 * Work at the documented limits (issue 16): for the solvers whose cost grows
 * with their input, the worst input inside each limit, solved by `dnn solve`
 * in a child process, with its CPU time (user + system) and peak resident
 * memory from `/usr/bin/time`. Target: ≤ 2 s and ≤ 512 MB each.
 *
 * Standalone: `pnpm --filter @dnn/bench bench:limits [--only substring]`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { machine } from './machine.js';

const bin = createRequire(import.meta.url)
  .resolve('@dnn/cli/package.json')
  .replace(/package\.json$/, 'dist/dnn.mjs');

/** Targets of issue 16. */
export const LIMIT_TARGETS = { cpuSeconds: 2, peakMB: 512 } as const;

/** One worst case: a solver, the limit it sits at, and its input. */
interface LimitCase {
  id: string;
  limit: string;
  format?: 'json' | 'markdown';
  input: () => unknown;
}

/** A deterministic pseudo-random stream (LCG), so every run measures the same inputs. */
function stream(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/** Entries uniform in (−scale, scale), 4 significant digits (so the largest inputs stay under the CLI's 32 MiB cap). */
const matrix = (rows: number, cols: number, next: () => number, scale = 1) =>
  Array.from({ length: rows }, () =>
    Array.from({ length: cols }, () => Number(((next() * 2 - 1) * scale).toPrecision(4))),
  );
const names = (n: number) => Array.from({ length: n }, (_, i) => `x${i + 1}`);
const gates = (rows: number, cols: number, next: () => number) =>
  Object.fromEntries(['i', 'f', 'g', 'o'].map((k) => [k, matrix(rows, cols, next, 0.3)]));

/** A random truth table over n variables. */
function randomTable(n: number, next: () => number) {
  const inputs = Array.from({ length: 2 ** n }, (_, r) => Array.from({ length: n }, (_, i) => (r >> (n - 1 - i)) & 1));
  return { truthTable: { inputs, outputs: inputs.map(() => (next() < 0.5 ? 1 : 0)) } };
}

/** Probability rows (each summing to 1) and one-hot targets, rows × cols. */
function classification(rows: number, cols: number, next: () => number) {
  const predictions = matrix(rows, cols, next).map((r) => {
    const e = r.map((v) => Math.exp(v));
    const s = e.reduce((a, b) => a + b, 0);
    return e.map((v) => v / s);
  });
  const targets = predictions.map(() => {
    const k = Math.floor(next() * cols);
    return Array.from({ length: cols }, (_, j) => +(j === k));
  });
  return { predictions, targets };
}

/** The worst cases, one per solver limit that costs work. */
export const LIMIT_CASES: LimitCase[] = [
  { id: 'logic/perceptron', limit: '12 variables: AND', input: () => ({ expression: names(12).join(' & ') }) },
  { id: 'logic/perceptron', limit: '12 variables: random table', input: () => randomTable(12, stream(1)) },
  {
    id: 'logic/perceptron',
    limit: '12 variables: (x1|x2)&…&(x11|x12)',
    input: () => ({ expression: [0, 2, 4, 6, 8, 10].map((i) => `(x${i + 1}|x${i + 2})`).join(' & ') }),
  },
  { id: 'logic/mlp', limit: '12 variables: AND', input: () => ({ expression: names(12).join(' & ') }) },
  { id: 'logic/mlp', limit: '12 variables: random table', input: () => randomTable(12, stream(2)) },
  {
    id: 'logic/mlp',
    limit: '12 variables: x1x2 | x3x4 | x5…x12',
    input: () => ({ expression: 'x1&x2 | x3&x4 | x5&x6&x7&x8&x9&x10&x11&x12' }),
  },
  {
    id: 'logic/mlp',
    limit: '12 variables: (x1|x2)&…&(x11|x12)',
    input: () => ({ expression: [0, 2, 4, 6, 8, 10].map((i) => `(x${i + 1}|x${i + 2})`).join(' & ') }),
  },
  { id: 'logic/xor-parity', limit: 'n = 12', input: () => ({ n: 12 }) },
  {
    id: 'logic/perceptron-train',
    limit: '10⁶ table cells (1000 samples, untilConverged, 100 epochs)',
    input: () => {
      const next = stream(3);
      const samples = Array.from({ length: 1000 }, () => ({
        x: [next() < 0.5 ? -1 : 1, next() < 0.5 ? -1 : 1],
        t: next() < 0.5 ? -1 : 1,
      }));
      return { samples, weights: [0, 0], lr: 1, epochs: 100 };
    },
  },
  ...(['mse', 'bce', 'hinge'] as const).map((kind) => ({
    id: 'optim/loss',
    limit: `1000×1000 ${kind}`,
    input: () => {
      const next = stream(4);
      const predictions = matrix(1000, 1000, next).map((r) => r.map((v) => 0.5 + 0.45 * v));
      const targets = predictions.map((r) => r.map(() => (next() < 0.5 ? (kind === 'hinge' ? -1 : 0) : 1)));
      return { kind, predictions, targets };
    },
  })),
  ...(['cross-entropy', 'softmax-cross-entropy'] as const).map((kind) => ({
    id: 'optim/loss',
    limit: `1000×1000 ${kind}`,
    input: () => ({ kind, ...classification(1000, 1000, stream(5)) }),
  })),
  {
    id: 'optim/divergence',
    limit: '10⁴ outcomes, subnormal q',
    input: () => {
      const p = Array.from({ length: 10_000 }, () => 1e-4);
      const q = p.map((_, i) => (i === 0 ? 5e-324 : 1 / 9999));
      return { p, q, kind: 'kl' };
    },
  },
  {
    id: 'rnn/lstm-forward',
    limit: '10⁶ output values (T = 3333, H = D = 50; 6.7·10⁷ multiply-adds)',
    input: () => {
      const next = stream(6);
      return { Wx: gates(50, 50, next), Wh: gates(50, 50, next), xs: matrix(3333, 50, next) };
    },
  },
  {
    id: 'rnn/lstm-forward',
    limit: '2·10⁸ multiply-adds (T = 100, H = D = 500)',
    input: () => {
      const next = stream(10);
      return { Wx: gates(500, 500, next), Wh: gates(500, 500, next), xs: matrix(100, 500, next) };
    },
  },
  {
    id: 'rnn/forward',
    limit: '2·10⁸ multiply-adds (T = 10⁴, H = 100, D = 100)',
    input: () => {
      const next = stream(7);
      return { Wxh: matrix(100, 100, next, 0.1), Whh: matrix(100, 100, next, 0.1), xs: matrix(10_000, 100, next) };
    },
  },
  ...[0.1, 1e308].map((scale) => ({
    id: 'rnn/gradient-flow',
    limit: `Whh 170×170, T = 10⁴ (1.9·10⁸ multiply-adds), entries up to ${scale}`,
    input: () => ({ Whh: matrix(170, 170, stream(8), scale), steps: 10_000 }),
  })),
  ...(['json', 'markdown'] as const).map((format) => ({
    id: 'conv/forward',
    limit: `10⁶ output values (100 × 100 × 100), --format ${format}`,
    format,
    input: () => {
      const next = stream(9);
      return { input: [matrix(100, 100, next)], weight: matrix(100, 1, next).map((r) => [[r]]) };
    },
  })),
];

/** CPU seconds (user + system) and peak RSS in MB of one `dnn solve`, or the error it printed. */
export function measure(c: LimitCase, dir: string): { cpu: number; peakMB: number; exit: number; error?: string } {
  const file = join(dir, 'input.json');
  writeFileSync(file, JSON.stringify(c.input()));
  const r = spawnSync(
    '/usr/bin/time',
    ['-f', 'LIMITS %U %S %M', process.execPath, bin, 'solve', c.id, '--input', file, '--format', c.format ?? 'json'],
    { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const line = /LIMITS (\S+) (\S+) (\d+)/.exec(r.stderr ?? '');
  const [user, system, kb] = line ? [Number(line[1]), Number(line[2]), Number(line[3])] : [Number.NaN, 0, 0];
  const exit = /Command exited with non-zero status (\d+)/.exec(r.stderr ?? '')?.[1];
  const error = exit ? r.stderr.split('\n').find((l) => l.trim() !== '' && !l.startsWith('LIMITS')) : undefined;
  return { cpu: user + system, peakMB: kb / 1024, exit: exit ? Number(exit) : 0, ...(error ? { error } : {}) };
}

/** Runs every case (or those whose id or limit contains `only`) and prints the table. */
export async function limitsBench(only?: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'dnn-limits-'));
  try {
    console.log('| solver | limit | CPU s | peak MB | within 2 s / 512 MB |');
    console.log('|---|---|---:|---:|---|');
    for (const c of LIMIT_CASES) {
      if (only && !`${c.id} ${c.limit}`.includes(only)) continue;
      const m = measure(c, dir);
      const ok = m.cpu <= LIMIT_TARGETS.cpuSeconds && m.peakMB <= LIMIT_TARGETS.peakMB;
      // An input error is a bounded answer too (exit 2), e.g. eigenvalues beyond float64: shown with its message.
      const verdict = `${ok ? 'yes' : 'NO'}${m.exit !== 0 ? ` (exit ${m.exit}: ${m.error ?? ''})` : ''}`;
      console.log(`| ${c.id} | ${c.limit} | ${m.cpu.toFixed(2)} | ${m.peakMB.toFixed(0)} | ${verdict} |`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const at = process.argv.indexOf('--only');
  console.log(`limits benchmark on ${machine()}`);
  await limitsBench(at >= 0 ? process.argv[at + 1] : undefined);
}
