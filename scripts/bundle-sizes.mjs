#!/usr/bin/env node
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
// Bundle-size budgets of issue 14, measured with esbuild (minified, ESM, browser platform) on what a
// dependant installs: `node scripts/bundle-sizes.mjs <dir>` bundles small entry files that import from
// the packages as <dir>/node_modules holds them (the consumer test points it at the packed tarballs,
// `pnpm bench` at the workspace). Prints one line per case and exits 1 when a budget is exceeded.
import { gzipSync } from 'node:zlib';

/** Each case: what a dependant writes and its budget in minified bytes (exceeding one fails the check). */
export const CASES = [
  {
    name: 'one solver (outputShape from @dnn/conv)',
    code: `import { outputShape } from '@dnn/conv';\nconsole.log(outputShape.run({ inputShape: [3, 32, 32], outChannels: 8, kernel: 3 }).answer);`,
    budget: 120_000,
  },
  {
    name: 'DnnInputError alone (@dnn/core)',
    code: `import { DnnInputError } from '@dnn/core';\nconsole.log(new DnnInputError('kernel', 'must be at least 1'));`,
    budget: 5_000,
  },
  {
    name: "@dnn/conv's solve (every conv solver)",
    code: `import { solve } from '@dnn/conv';\nconsole.log(solve('conv/output-shape', { inputShape: [3, 32, 32], outChannels: 8, kernel: 3 }).answer);`,
    // 293.6 KB at 11f850a: conv 183, zod/mini 60, core 20, optim 14 (losses for backprop), core-wasm 10 KB; the
    // kernels' .wasm is a separate file and the TypeScript reference kernels stay out (the solvers' own loops are
    // their fallback).
    budget: 300_000,
  },
];

/** Bundles each case from `dir` (which must resolve the @dnn/* packages) and returns the sizes. */
export async function measure(dir) {
  const require = createRequire(resolve(dir, 'package.json'));
  let esbuild;
  try {
    esbuild = await import(pathToFileURL(require.resolve('esbuild')).href);
  } catch {
    esbuild = await import('esbuild');
  }
  const results = [];
  for (const c of CASES) {
    const out = await esbuild.build({
      stdin: { contents: c.code, resolveDir: dir, loader: 'js' },
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
      metafile: true,
    });
    const bytes = out.outputFiles[0].contents;
    const inputs = Object.entries(out.metafile.outputs)[0][1].inputs;
    const byPackage = {};
    for (const [path, { bytesInOutput }] of Object.entries(inputs)) {
      const m =
        path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules)/) ?? path.match(/packages\/([^/]+)\//);
      const key = m ? m[1] : path;
      byPackage[key] = (byPackage[key] ?? 0) + bytesInOutput;
    }
    results.push({ ...c, minified: bytes.length, gzip: gzipSync(bytes).length, byPackage });
  }
  return results;
}

const kb = (n) => `${(n / 1000).toFixed(1)} KB`;

/** One line per case; returns the number of budgets exceeded. */
export function report(results, log = console.log) {
  let over = 0;
  for (const r of results) {
    const ok = r.minified <= r.budget;
    if (!ok) over++;
    const verdict = ok ? 'ok  ' : 'OVER';
    const top = Object.entries(r.byPackage)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4)
      .map(([k, v]) => `${k} ${kb(v)}`)
      .join(', ');
    log(`${verdict} ${r.name}: ${kb(r.minified)} minified, ${kb(r.gzip)} gzip (budget ${kb(r.budget)}) — ${top}`);
  }
  return over;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = resolve(process.argv[2] ?? '.');
  const results = await measure(dir);
  process.exit(report(results) ? 1 : 0);
}
