/** `pnpm bench`: runs every benchmark in turn and prints its figures. */
import { machine } from './machine.js';

const benchmarks: { name: string; run: () => Promise<void> }[] = [];

console.log(`dnn-solvers benchmarks on ${machine()}`);
for (const b of benchmarks) {
  console.log(`\n== ${b.name}`);
  await b.run();
}
