#!/usr/bin/env node
// Packs every publishable package the way `pnpm publish` would (workspace:
// ranges rewritten) and checks the tarball with publint --strict and
// @arethetypeswrong/cli on its default profile (node10, node16 from CJS and ESM,
// bundler). Exits non-zero on any problem.
//
// One attw rule is ignored, on purpose: `cjs-resolves-to-esm`. The packages are
// ES modules whose exports maps have a `default` condition, so `require()` of
// them works on Node >= 20.19 (require(esm), unflagged) -- our `engines` floor --
// and TypeScript >= 5.8 accepts it under `module: nodenext`/`node20`. attw models
// only the older node16 rule (require of ESM is an error), so it reports "ESM
// (dynamic import only)" for node16-from-CJS. scripts/consumer-test.mjs proves
// the real `require('@dnn/conv')` works on the packed tarballs. node10
// resolution is clean (top-level `main` and `types`), so nothing there needs
// documenting. Exported .wasm files are assets, not modules: attw skips them.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const roots = ['packages', 'apps'];
const dirs = roots.flatMap((root) => readdirSync(root).map((name) => join(root, name)));
const publishable = dirs.filter((dir) => {
  try {
    return !JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).private;
  } catch {
    return false;
  }
});

const out = mkdtempSync(join(tmpdir(), 'dnn-pack-'));
let failed = 0;
for (const dir of publishable) {
  const before = new Set(readdirSync(out));
  execFileSync('pnpm', ['pack', '--pack-destination', out], { cwd: dir, stdio: 'ignore' });
  const tarball = join(
    out,
    readdirSync(out).find((f) => !before.has(f)),
  );
  // Exported assets that are not modules (@dnn/core-wasm's dnn_core.wasm) have no types for attw to find.
  const exportsMap = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).exports ?? {};
  const assets = Object.keys(exportsMap).filter((key) => /\.wasm$/.test(key));
  for (const [tool, args] of [
    ['publint', ['run', tarball, '--strict']],
    [
      'attw',
      [
        tarball,
        '--ignore-rules',
        'cjs-resolves-to-esm',
        ...(assets.length ? ['--exclude-entrypoints', ...assets] : []),
      ],
    ],
  ]) {
    try {
      execFileSync('pnpm', ['exec', tool, ...args], { stdio: 'pipe' });
      console.log(`ok    ${tool.padEnd(8)} ${dir}`);
    } catch (e) {
      failed++;
      console.log(`FAIL  ${tool.padEnd(8)} ${dir}\n${e.stdout}${e.stderr}`);
    }
  }
}
process.exit(failed ? 1 : 0);
