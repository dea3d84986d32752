/** Entry point of the `dnn` command (also the module `dnn batch` loads in its worker threads). */
import { tuneTieringForBatch } from './batch-tiering.js';
import { main } from './main.js';
import { registryFor } from './solver-loader.js';
import { exitOnWriteError, streamWriter } from './stdout-writer.js';
import { createWorkerPool, isBatchWorker, serveBatchWorker } from './worker-pool.js';

if (process.argv[2] === 'batch' && !isBatchWorker) tuneTieringForBatch();
if (isBatchWorker) serveBatchWorker((await import('./registry.js')).registry);
else {
  exitOnWriteError(process.stdout);
  const argv = process.argv.slice(2);
  process.exitCode = await main(await registryFor(argv), argv, {
    stdin: process.stdin,
    out: streamWriter(process.stdout),
    err: (text) => process.stderr.write(text),
    workers: (size) => createWorkerPool(new URL(import.meta.url), size),
  });
}
