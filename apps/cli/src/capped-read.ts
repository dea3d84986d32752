/**
 * Reading `dnn`'s input with a hard size cap: a file, device or FIFO (`--input /dev/zero` stops at the cap),
 * or a stream of chunks (stdin), decoded as UTF-8 across chunk boundaries, a leading BOM dropped.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { DnnInputError } from '@dnn/core';

/** The most bytes `dnn` reads for one input: a `solve` or `grade` file or stdin, or one `batch` line (32 MiB). */
export const MAX_INPUT_BYTES = 32 * 2 ** 20;

/** Bytes read from a file or device at a time. */
const CHUNK = 64 * 1024;

/** "32 MiB (33554432 bytes)" — a byte count as people read it, exact. */
export function describeBytes(bytes: number): string {
  const mib = bytes / 2 ** 20;
  return Number.isInteger(mib) ? `${mib} MiB (${bytes} bytes)` : `${bytes} bytes`;
}

/** The input error for `source` (a file name, "stdin", "the line") holding more than `cap` bytes. */
export function inputTooLarge(path: string, source: string, cap: number, size?: number): DnnInputError {
  const got = size === undefined ? 'more than that' : `${size} bytes`;
  return new DnnInputError(path, `${source} is larger than the input limit of ${describeBytes(cap)}: ${got}`);
}

/** UTF-8 text from byte chunks, decoded across chunk boundaries; a leading BOM is dropped. */
class Utf8Text {
  private readonly decoder = new TextDecoder('utf-8');
  private readonly parts: string[] = [];
  /** Bytes pushed so far. */
  bytes = 0;

  push(chunk: Uint8Array): void {
    this.bytes += chunk.byteLength;
    this.parts.push(this.decoder.decode(chunk, { stream: true }));
  }

  text(): string {
    this.parts.push(this.decoder.decode());
    return this.parts.join('');
  }
}

const asBytes = (chunk: string | Uint8Array): Uint8Array => (typeof chunk === 'string' ? Buffer.from(chunk) : chunk);

/**
 * Reads a stream of chunks (stdin) as UTF-8 text; throws {@link inputTooLarge} as soon as more than `cap`
 * bytes arrived, without reading further.
 */
export async function readCappedStream(
  chunks: AsyncIterable<string | Uint8Array>,
  path: string,
  source = 'stdin',
  cap = MAX_INPUT_BYTES,
): Promise<string> {
  const text = new Utf8Text();
  for await (const chunk of chunks) {
    const bytes = asBytes(chunk);
    if (text.bytes + bytes.byteLength > cap) throw inputTooLarge(path, source, cap);
    text.push(bytes);
  }
  return text.text();
}

/**
 * Reads a file as UTF-8 text: a regular file larger than `cap` is refused before reading, anything else
 * (a device such as /dev/zero, a FIFO) is read until it ends or passes `cap` (then {@link inputTooLarge}).
 * File-system errors (ENOENT, EISDIR, …) are thrown as they come.
 */
export function readCappedFile(file: string, path: string, cap = MAX_INPUT_BYTES): string {
  const fd = openSync(file, 'r');
  try {
    const stat = fstatSync(fd);
    if (stat.isFile() && stat.size > cap) throw inputTooLarge(path, file, cap, stat.size);
    const text = new Utf8Text();
    const buffer = Buffer.allocUnsafe(CHUNK);
    for (;;) {
      const n = readSync(fd, buffer, 0, CHUNK, null);
      if (n === 0) return text.text();
      if (text.bytes + n > cap) throw inputTooLarge(path, file, cap);
      text.push(buffer.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
}
