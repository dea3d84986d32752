/**
 * Work at the documented limits (issue 16): for every registered solver, the
 * worst input inside each of its limits ({@link LIMIT_CASES}), solved by `dnn solve`
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
import { LIMIT_CASES, type LimitCase } from './limits-cases.js';
import { machine } from './machine.js';

const bin = createRequire(import.meta.url)
  .resolve('@dnn/cli/package.json')
  .replace(/package\.json$/, 'dist/dnn.mjs');

/** Targets of issue 16. */
export const LIMIT_TARGETS = { cpuSeconds: 2, peakMB: 512 } as const;

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

/** Registered solver ids (`dnn list --json`) that no case covers: each must get its worst inputs. */
export function uncoveredSolvers(): string[] {
  const list = spawnSync(process.execPath, [bin, 'list', '--json'], { encoding: 'utf8' });
  const ids = (JSON.parse(list.stdout) as { id: string }[]).map((s) => s.id);
  const covered = new Set(LIMIT_CASES.map((c) => c.id));
  return ids.filter((id) => !covered.has(id));
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
    const missing = uncoveredSolvers();
    if (missing.length) console.log(`\nNOT COVERED (add their worst inputs to limits-cases.ts): ${missing.join(', ')}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const at = process.argv.indexOf('--only');
  console.log(`limits benchmark on ${machine()}`);
  await limitsBench(at >= 0 ? process.argv[at + 1] : undefined);
}
