// The `dnn` bin of dnn-solvers is @dnn/cli's bundled command as apps/cli/scripts/bundle.mjs builds it, copied:
// the entry dist/dnn.mjs, its per-package chunks in dist/dnn-chunks/ (`dnn solve <id>` loads only its id's
// package) and the kernels' dist/wasm/dnn_core.wasm. The files need nothing else at run time, and
// `dnn --version` prints this package's version (the entry reads ../package.json).
import { cpSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const cli = join(dirname(require.resolve('@dnn/cli/package.json')), 'dist');

for (const part of ['dnn.mjs', 'dnn-chunks', 'wasm']) {
  rmSync(join('dist', part), { recursive: true, force: true });
  cpSync(join(cli, part), join('dist', part), { recursive: true });
}
