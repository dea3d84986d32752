/** Entry point of the `dnn` command (also the module `dnn batch` loads in its worker threads). */
import { main } from './main.js';
import { registry } from './registry.js';
import { createWorkerPool, isBatchWorker, serveBatchWorker } from './worker-pool.js';

if (isBatchWorker) serveBatchWorker(registry);
else {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  process.exitCode = await main(registry, process.argv.slice(2), {
    stdin: process.stdin,
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    workers: () => createWorkerPool(new URL(import.meta.url)),
  });
}
