/**
 * `pnpm bench`: runs every benchmark in turn and prints its figures. DNN_BENCH_ONLY=front,kernels (any of bundle,
 * front, kernels, limits, pages) runs only those.
 */
import { bundleSizes } from './bundle-size.js';
import { frontDoor } from './front-door.js';
import { kernelBench } from './kernels.js';
import { limitsBench } from './limits.js';
import { machine } from './machine.js';
import { pageWeight } from './page-weight.js';

const benchmarks: { key: string; name: string; run: () => Promise<void> }[] = [
  { key: 'bundle', name: 'bundle sizes (esbuild, minified; issue 14 budgets)', run: bundleSizes },
  { key: 'front', name: 'front door (dnn batch, dnn solve)', run: frontDoor },
  { key: 'kernels', name: 'kernels (@dnn/core-wasm vs tfjs-wasm, tfjs-cpu, onnxruntime-web)', run: kernelBench },
  {
    key: 'limits',
    name: 'work at the documented limits (issue 16: ≤ 2 s CPU, ≤ 512 MB each)',
    run: () => limitsBench(),
  },
  { key: 'pages', name: 'docs site weight and responsiveness (Chromium, docs/build)', run: () => pageWeight() },
];
const only = process.env.DNN_BENCH_ONLY?.split(',');
const unknown = only?.filter((key) => !benchmarks.some((b) => b.key === key)) ?? [];
if (unknown.length > 0) {
  throw new Error(`DNN_BENCH_ONLY: no benchmark ${unknown.join(', ')} (${benchmarks.map((b) => b.key).join(', ')})`);
}

console.log(`dnn-solvers benchmarks on ${machine()}`);
for (const b of benchmarks.filter((b) => !only || only.includes(b.key))) {
  console.log(`\n== ${b.name}`);
  await b.run();
}
