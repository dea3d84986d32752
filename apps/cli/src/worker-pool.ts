/** Worker threads for `dnn batch`: each loads the command's own module and solves blocks of lines. */
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { Registry } from '@dnn/core';
import { type BlockSolver, type SolvedBlock, solveLines } from './batch.js';
import type { InputLine } from './line-splitter.js';

interface Job {
  id: number;
  lines: InputLine[];
}

/** What a worker posts: once `ready` after loading, then each solved block with its job id. */
type Reply = { ready: true } | (SolvedBlock & { id: number });

/** True inside a worker started by {@link createWorkerPool}. */
export const isBatchWorker =
  !isMainThread && (workerData as { dnnBatchWorker?: boolean } | null)?.dnnBatchWorker === true;

/** The worker side: says it is ready, then answers each block of lines with its solved block. */
export function serveBatchWorker(registry: Registry): void {
  parentPort?.on('message', ({ id, lines }: Job) => {
    const solved = solveLines(registry, lines);
    // The bytes are moved, not copied (a fresh buffer of TextEncoder's, which nothing else shares).
    parentPort?.postMessage({ id, ...solved } satisfies Reply, [solved.bytes.buffer]);
  });
  parentPort?.postMessage({ ready: true } satisfies Reply);
}

/** Blocks a worker holds (one being solved, one waiting) before the pool stops being `idle`. */
const WORKER_QUEUE = 2;

interface PoolWorker {
  worker: Worker;
  ready: boolean;
  failed: boolean;
  /** Blocks sent and not answered yet. */
  pending: Map<number, { resolve: (b: SolvedBlock) => void; reject: (e: Error) => void }>;
}

/**
 * Starts `size` workers running `script` — a module that calls {@link serveBatchWorker}
 * when {@link isBatchWorker} — and hands each block to the ready worker with the fewest blocks pending
 * (it is `idle` while one has fewer than {@link WORKER_QUEUE}).
 * A worker that fails or exits rejects its pending blocks and takes no more (the batch solves them itself).
 */
export function createWorkerPool(script: URL, size: number): BlockSolver {
  const fail = (w: PoolWorker, e: Error) => {
    w.failed = true;
    for (const p of w.pending.values()) p.reject(e);
    w.pending.clear();
  };
  const workers = Array.from({ length: size }, () => {
    const w: PoolWorker = {
      worker: new Worker(script, { workerData: { dnnBatchWorker: true } }),
      ready: false,
      failed: false,
      pending: new Map(),
    };
    w.worker.on('message', (reply: Reply) => {
      if ('ready' in reply) {
        w.ready = true;
        return;
      }
      const { id, ...solved } = reply;
      w.pending.get(id)?.resolve(solved);
      w.pending.delete(id);
    });
    w.worker.on('error', (e) => fail(w, e));
    w.worker.on('exit', (code) => fail(w, new Error(`batch worker exited with code ${code}`)));
    return w;
  });
  const usable = () => workers.filter((w) => w.ready && !w.failed);
  let next = 0;
  return {
    get idle() {
      return usable().some((w) => w.pending.size < WORKER_QUEUE);
    },
    solve: (lines) =>
      new Promise((resolve, reject) => {
        const w = usable().reduce<PoolWorker | undefined>(
          (best, c) => (best === undefined || c.pending.size < best.pending.size ? c : best),
          undefined,
        );
        if (!w) return reject(new Error('no batch worker is ready'));
        const id = next++;
        w.pending.set(id, { resolve, reject });
        w.worker.postMessage({ id, lines } satisfies Job);
      }),
    close: () => {
      for (const w of workers) {
        w.failed = true;
        void w.worker.terminate();
      }
    },
  };
}

/** Worker pools started before they are asked for; see {@link prestartWorkerPool}. */
export interface PrestartedPool {
  /** The pool of `size` workers: the one already started when the sizes match, else a new one (the other closed). */
  take(size: number): BlockSolver;
  /** Closes the started pool if nobody took it. */
  close(): void;
}

/**
 * Starts `size` workers now (none for 0), to be handed over later: `dnn batch` starts its default pool before
 * the main thread loads the solvers, so that both load at once instead of one after the other.
 */
export function prestartWorkerPool(script: URL, size: number): PrestartedPool {
  let started = size > 0 ? createWorkerPool(script, size) : undefined;
  return {
    take: (n) => {
      const pool = started;
      started = undefined;
      if (pool && n === size) return pool;
      pool?.close();
      return createWorkerPool(script, n);
    },
    close: () => {
      started?.close();
      started = undefined;
    },
  };
}
