/** Entry point of the `dnn` command (also the module `dnn batch` loads in its worker threads). */
import { main } from './main.js';
import { registry } from './registry.js';
import { exitOnWriteError, streamWriter } from './stdout-writer.js';
import { createWorkerPool, isBatchWorker, serveBatchWorker } from './worker-pool.js';

if (isBatchWorker) serveBatchWorker(registry);
else {
  exitOnWriteError(process.stdout);
  process.exitCode = await main(registry, process.argv.slice(2), {
    stdin: process.stdin,
    out: streamWriter(process.stdout),
    err: (text) => process.stderr.write(text),
    workers: (size) => createWorkerPool(new URL(import.meta.url), size),
  });
}
