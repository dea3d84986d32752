/**
 * Splitting a stream of byte chunks into lines in linear time: each line's bytes are gathered as slices
 * and decoded once, so a multi-byte character split between chunks survives (a newline byte never occurs
 * inside one). A line longer than the limit is not kept: it comes out as its byte count.
 */

/** One line of input: its text (a leading BOM of the first line dropped), or the byte length of a line over the limit. */
export type InputLine = string | number;

/** Splits chunks into lines; {@link push} returns the lines a chunk completed, {@link end} the last unterminated one. */
export class LineSplitter {
  private parts: Buffer[] = [];
  private bytes = 0;
  private first = true;

  /** @param maxBytes the longest line kept, in bytes (without its newline). */
  constructor(private readonly maxBytes: number) {}

  /** The lines completed by `chunk`, in order. */
  push(chunk: string | Uint8Array): InputLine[] {
    const bytes =
      typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const lines: InputLine[] = [];
    let start = 0;
    for (let nl = bytes.indexOf(10); nl !== -1; nl = bytes.indexOf(10, start)) {
      lines.push(this.finish(bytes, start, nl));
      start = nl + 1;
    }
    if (start < bytes.length) this.keep(bytes.subarray(start));
    return lines;
  }

  /** The last line when the input did not end with a newline, unless it is blank. */
  end(): InputLine[] {
    if (this.bytes === 0) return [];
    const last = this.finish(Buffer.alloc(0), 0, 0);
    return typeof last === 'string' && last.trim() === '' ? [] : [last];
  }

  private keep(piece: Buffer): void {
    this.bytes += piece.length;
    if (this.bytes > this.maxBytes) this.parts = [];
    else this.parts.push(piece);
  }

  private finish(chunk: Buffer, start: number, end: number): InputLine {
    const size = this.bytes + end - start;
    let line: InputLine;
    if (size > this.maxBytes) line = size;
    else if (this.parts.length === 0) line = chunk.toString('utf8', start, end);
    else line = Buffer.concat([...this.parts, chunk.subarray(start, end)]).toString('utf8');
    this.parts = [];
    this.bytes = 0;
    if (this.first && typeof line === 'string' && line.charCodeAt(0) === 0xfeff) line = line.slice(1);
    this.first = false;
    return line;
  }
}
