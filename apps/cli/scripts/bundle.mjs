// Bundles the `dnn` command into minified ES modules: the entry dist/dnn.mjs (the CLI itself) and, in
// dist/dnn-chunks/, one chunk per solver package and one for @dnn/core. A handful of files instead of
// hundreds halves start-up, and `dnn solve <id>` loads only the chunks of its id's package (solver-loader.ts).
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist/dnn-chunks', { recursive: true, force: true });
await build({
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
});
