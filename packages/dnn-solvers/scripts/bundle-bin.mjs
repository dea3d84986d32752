// The `dnn` bin of dnn-solvers: @dnn/cli's entry point bundled into one self-contained, minified ES
// module (dist/dnn.mjs), so the command needs none of @dnn/cli's files at run time and starts fast.
// `dnn --version` prints this package's version (the bundle reads ../package.json).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);
const cli = dirname(require.resolve('@dnn/cli/package.json'));

await build({
  entryPoints: [join(cli, 'dist/bin.js')],
  outfile: 'dist/dnn.mjs',
  bundle: true,
  minify: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  banner: { js: '#!/usr/bin/env node' },
  logLevel: 'warning',
});
