/** `pnpm bench`: runs every benchmark in turn and prints its figures. */
import { frontDoor } from './front-door.js';
import { machine } from './machine.js';

const benchmarks: { name: string; run: () => Promise<void> }[] = [{ name: 'front door (dnn batch, dnn solve)', run: frontDoor }];

console.log(`dnn-solvers benchmarks on ${machine()}`);
for (const b of benchmarks) {
  console.log(`\n== ${b.name}`);
  await b.run();
}
