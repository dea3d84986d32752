// Bundles the `dnn` command into minified ES modules: the entry dist/dnn.mjs (the CLI itself) and, in
// dist/dnn-chunks/, one chunk per solver package and one for @dnn/core. A handful of files instead of
// hundreds halves start-up, and `dnn solve <id>` loads only the chunks of its id's package (solver-loader.ts).
// The kernels' dnn_core.wasm is copied to where the bundled @dnn/core-wasm loader looks for it
// (`../wasm/dnn_core.wasm` from the chunk that holds the loader). dnn-solvers ships these files as its bin.
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import { build } from 'esbuild';

for (const dir of ['dist/dnn-chunks', 'dist/wasm']) rmSync(dir, { recursive: true, force: true });
const { metafile } = await build({
  entryPoints: { dnn: 'dist/bin.js' },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  chunkNames: 'dnn-chunks/[name]-[hash]',
  splitting: true,
  bundle: true,
  minify: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  banner: { js: '#!/usr/bin/env node' },
  logLevel: 'warning',
  metafile: true,
});

const require = createRequire(resolve('node_modules/@dnn/conv/package.json'));
const wasm = require.resolve('@dnn/core-wasm/dnn_core.wasm');
const loaderChunks = Object.entries(metafile.outputs)
  .filter(([, o]) => Object.keys(o.inputs).some((i) => /core-wasm\/dist\/loader\.js$/.test(i)))
  .map(([file]) => file);
if (loaderChunks.length !== 1) throw new Error(`bundle: @dnn/core-wasm's loader is in ${loaderChunks.length} outputs`);
const target = resolve(dirname(loaderChunks[0]), '../wasm/dnn_core.wasm');
if (relative('dist', target).startsWith('..')) throw new Error(`bundle: ${target} would lie outside dist/`);
mkdirSync(dirname(target), { recursive: true });
copyFileSync(wasm, target);
console.log(`bundle: copied dnn_core.wasm to ${relative('.', target)} (the loader is in ${loaderChunks[0]})`);
