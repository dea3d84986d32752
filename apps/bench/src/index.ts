/** `pnpm bench`: runs every benchmark in turn and prints its figures. */
import { bundleSizes } from './bundle-size.js';
import { frontDoor } from './front-door.js';
import { kernelBench } from './kernels.js';
import { limitsBench } from './limits.js';
import { machine } from './machine.js';
import { pageWeight } from './page-weight.js';

const benchmarks: { name: string; run: () => Promise<void> }[] = [
  { name: 'bundle sizes (esbuild, minified; issue 14 budgets)', run: bundleSizes },
  { name: 'front door (dnn batch, dnn solve)', run: frontDoor },
  { name: 'kernels (@dnn/core-wasm vs tfjs-wasm, tfjs-cpu, onnxruntime-web)', run: kernelBench },
  { name: 'work at the documented limits (issue 16: ≤ 2 s CPU, ≤ 512 MB each)', run: () => limitsBench() },
  { name: 'docs site weight and responsiveness (Chromium, docs/build)', run: () => pageWeight() },
];

console.log(`dnn-solvers benchmarks on ${machine()}`);
for (const b of benchmarks) {
  console.log(`\n== ${b.name}`);
  await b.run();
}
