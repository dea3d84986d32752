/** Entry point of the `dnn` command (also the module `dnn batch` loads in its worker threads). */
import { tuneTieringForBatch } from './batch-tiering.js';
import { defaultBatchWorkers } from './commands.js';
import { main } from './main.js';
import { registryFor } from './solver-loader.js';
import { exitOnWriteError, streamWriter } from './stdout-writer.js';
import { isBatchWorker, prestartWorkerPool, serveBatchWorker } from './worker-pool.js';

if (isBatchWorker) serveBatchWorker((await import('./registry.js')).registry);
else {
  exitOnWriteError(process.stdout);
  const argv = process.argv.slice(2);
  const batch = argv[0] === 'batch';
  if (batch) tuneTieringForBatch();
  // `dnn batch`'s default workers load the solvers while this thread does (about 0.2 s each).
  const pool = prestartWorkerPool(new URL(import.meta.url), batch ? defaultBatchWorkers() : 0);
  try {
    process.exitCode = await main(await registryFor(argv), argv, {
      stdin: process.stdin,
      out: streamWriter(process.stdout),
      err: (text) => process.stderr.write(text),
      workers: pool.take,
    });
  } finally {
    pool.close();
  }
}
