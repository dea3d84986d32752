/** The `dnn` bin (scripts/bundle-bin.mjs): @dnn/cli's split bundle, answering with this package's version. */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const cliDist = join(dirname(createRequire(import.meta.url).resolve('@dnn/cli/package.json')), 'dist');
const files = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
const dnn = (...args: string[]) => spawnSync(process.execPath, [join(dist, 'dnn.mjs'), ...args], { encoding: 'utf8' });

describe('dnn-solvers bin', () => {
  it("is the CLI's split bundle, file for file: entry, per-package chunks and the kernels' wasm", () => {
    const bundled = ['dnn.mjs', 'dnn-chunks', 'wasm'];
    const ours = files(dist).map((f) => join(f.parentPath, f.name).slice(dist.length));
    const theirs = files(cliDist)
      .map((f) => join(f.parentPath, f.name).slice(cliDist.length + 1))
      .filter((p) => bundled.some((b) => p === b || p.startsWith(`${b}/`)));
    expect(theirs.filter((p) => p.startsWith('dnn-chunks/')).length).toBeGreaterThan(4);
    expect(theirs).toContain('wasm/dnn_core.wasm');
    for (const p of theirs) expect(readFileSync(join(dist, p)).equals(readFileSync(join(cliDist, p))), p).toBe(true);
    expect(ours.filter((p) => bundled.some((b) => p === b || p.startsWith(`${b}/`))).sort()).toEqual(theirs.sort());
  });

  it('prints this package version and solves', () => {
    const { version } = JSON.parse(readFileSync(join(dist, '../package.json'), 'utf8'));
    expect(dnn('--version').stdout).toBe(`${version}\n`);
    const r = dnn('solve', 'conv/output-shape', '--json', '{"inputShape":[3,32,32],"outChannels":8,"kernel":3}');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('outputShape: [8,30,30]');
  });
});
