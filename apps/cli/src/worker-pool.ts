/** Worker threads for `dnn batch`: each loads the command's own module and solves blocks of lines. */
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { Registry } from '@dnn/core';
import { type BlockSolver, type SolvedBlock, solveLines } from './batch.js';

interface Job {
  id: number;
  lines: string[];
}

/** True inside a worker started by {@link createWorkerPool}. */
export const isBatchWorker =
  !isMainThread && (workerData as { dnnBatchWorker?: boolean } | null)?.dnnBatchWorker === true;

/** The worker side: answers each block of lines with its solved block. */
export function serveBatchWorker(registry: Registry): void {
  parentPort?.on('message', ({ id, lines }: Job) => parentPort?.postMessage({ id, ...solveLines(registry, lines) }));
}

/**
 * Starts one worker per core (at most 4) running `script` — a module that calls
 * {@link serveBatchWorker} when {@link isBatchWorker} — and hands blocks out round-robin.
 * A worker that fails rejects its blocks (the batch then solves them itself).
 */
export function createWorkerPool(script: URL, size = Math.min(availableParallelism(), 4)): BlockSolver {
  const waiting = new Map<number, { resolve: (b: SolvedBlock) => void; reject: (e: Error) => void; worker: Worker }>();
  const workers = Array.from({ length: size }, () => {
    const worker = new Worker(script, { workerData: { dnnBatchWorker: true } });
    worker.on('message', ({ id, ...solved }: SolvedBlock & { id: number }) => {
      waiting.get(id)?.resolve(solved);
      waiting.delete(id);
    });
    worker.on('error', (e) => {
      for (const [id, w] of waiting) {
        if (w.worker !== worker) continue;
        w.reject(e);
        waiting.delete(id);
      }
    });
    return worker;
  });
  let next = 0;
  return {
    solve: (lines) =>
      new Promise((resolve, reject) => {
        const id = next++;
        const worker = workers[id % size] as Worker;
        waiting.set(id, { resolve, reject, worker });
        worker.postMessage({ id, lines });
      }),
    close: () => {
      for (const w of workers) void w.terminate();
    },
  };
}
