/**
 * Speed of the front door: `dnn batch` throughput on a 10,000-line mixed file of
 * every registered solver's examples (target ≥ 5,000 lines/s) and the time from
 * `dnn solve` start to printed answer (target < 300 ms), each beside bare
 * `node` start-up measured in the same run.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { registry } from '@dnn/cli';

const bin = createRequire(import.meta.url)
  .resolve('@dnn/cli/package.json')
  .replace(/package\.json$/, 'dist/dnn.mjs');

/** 10,000 JSON lines cycling through every solver's examples. */
export function mixedBatch(lines = 10_000): string {
  const requests = registry
    .list()
    .flatMap(({ id }) =>
      registry.get(id).examples.map((e: { input: unknown }) => JSON.stringify({ id, input: e.input })),
    );
  return `${Array.from({ length: lines }, (_, i) => requests[i % requests.length]).join('\n')}\n`;
}

function timed(args: string[], input?: string): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { input, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/** Runs both measurements and prints them with their targets. */
export async function frontDoor(): Promise<void> {
  const batch = mixedBatch();
  const batchMs = median([0, 1, 2].map(() => timed([bin, 'batch'], batch)));
  const linesPerSecond = 10_000 / (batchMs / 1000);
  const nodeMs = median(Array.from({ length: 10 }, () => timed(['-e', ''])));
  const example = JSON.stringify({ inputShape: [26, 26, 26], outChannels: 5, kernel: 7, stride: 3, padding: 1 });
  const solveMs = median(
    Array.from({ length: 10 }, () => timed([bin, 'solve', 'conv/output-shape', '--json', example])),
  );
  const verdict = (ok: boolean) => (ok ? 'meets target' : 'MISSES target');
  console.log(`solvers in the batch: ${registry.list().length}`);
  console.log(
    `dnn batch, 10,000 mixed lines: ${batchMs.toFixed(0)} ms → ${linesPerSecond.toFixed(0)} lines/s (target ≥ 5,000: ${verdict(linesPerSecond >= 5000)})`,
  );
  console.log(
    `dnn solve start → answer: ${solveMs.toFixed(0)} ms median of 10 (target < 300: ${verdict(solveMs < 300)}); bare node start-up ${nodeMs.toFixed(0)} ms, ratio ${(solveMs / nodeMs).toFixed(2)}×`,
  );
}
