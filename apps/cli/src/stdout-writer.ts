/** Writing `dnn`'s output to a Node stream with its backpressure respected and its errors reported. */

/**
 * A writer for `stream`: writes the text or bytes and, when the stream's buffer is full (`write()` returned false),
 * returns a promise that resolves on 'drain' — callers that write a lot await it before producing more.
 */
export function streamWriter(stream: NodeJS.WritableStream): (chunk: string | Uint8Array) => Promise<void> | undefined {
  return (chunk) => (stream.write(chunk) ? undefined : new Promise((resolve) => stream.once('drain', resolve)));
}

/**
 * Ends the process when `stream` (stdout) fails: quietly with 0 on EPIPE (the reader left, as `head` does),
 * else with 1 and the error code on stderr (ENOBUFS, EIO, …: the output is incomplete).
 */
export function exitOnWriteError(stream: NodeJS.WritableStream, name = 'stdout'): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    process.stderr.write(`error: cannot write to ${name} (${e.code ?? e.message}); the output is incomplete\n`);
    process.exit(1);
  });
}
