/** The batch line splitter: lines cut at any byte, multi-byte characters across chunks, BOM, over-long lines. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineSplitter } from './line-splitter.js';

/** Text with multi-byte characters (2, 3 and 4 UTF-8 bytes), CR and blank lines among ASCII. */
const text = fc
  .array(fc.oneof(fc.constantFrom('×', '−', 'é', '中', '😀', '\n', '\r\n', ' ', '\n\n'), fc.string({ maxLength: 8 })), {
    maxLength: 60,
  })
  .map((parts) => parts.join(''));

/** `bytes` cut into chunks at the given (sorted, deduplicated) offsets. */
function chunksAt(bytes: Buffer, cuts: number[]): Buffer[] {
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let start = 0;
  for (const c of [...at, bytes.length]) {
    chunks.push(bytes.subarray(start, c));
    start = c;
  }
  return chunks;
}

function split(chunks: (Buffer | string)[], maxBytes = 1 << 20) {
  const splitter = new LineSplitter(maxBytes);
  return [...chunks.flatMap((c) => splitter.push(c)), ...splitter.end()];
}

/** The oracle: String.prototype.split on the whole text; a blank unterminated last line is not a line. */
function expectedLines(whole: string): string[] {
  const lines = whole.split('\n');
  const last = lines.pop() as string;
  return last.trim() === '' ? lines : [...lines, last];
}

describe('LineSplitter', () => {
  it('gives the lines of the whole text however the bytes are cut into chunks', () => {
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 20 }), (whole, cuts) => {
        expect(split(chunksAt(Buffer.from(whole), cuts))).toEqual(expectedLines(whole));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps a multi-byte character cut exactly at a 64 KiB chunk boundary', () => {
    const line = `${'a'.repeat(65535)}×x−1`;
    const bytes = Buffer.from(`${line}\n`);
    expect(bytes[65535]).toBe(0xc3); // '×' is C3 97: its first byte ends the first 64 KiB chunk
    expect(split([bytes.subarray(0, 65536), bytes.subarray(65536)])).toEqual([line]);
  });

  it('drops a UTF-8 BOM at the start of the input only, even when the BOM is cut', () => {
    const bytes = Buffer.from('\uFEFF{"a":1}\n\uFEFF{"b":2}\n');
    expect(split([bytes.subarray(0, 1), bytes.subarray(1, 2), bytes.subarray(2)])).toEqual([
      '{"a":1}',
      '\uFEFF{"b":2}',
    ]);
  });

  it('turns a line over the limit into its byte count and goes on with the next lines', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.constantFrom('a', '×', '中', '😀', '\r', '\uFEFF'), { maxLength: 30 }).map((cs) => cs.join('')),
          {
            minLength: 1,
            maxLength: 10,
          },
        ),
        fc.nat(40),
        fc.array(fc.nat(), { maxLength: 10 }),
        (lines, max, cuts) => {
          const whole = `${lines.join('\n')}\n`;
          const expected = lines.map((l, i) => {
            const bytes = Buffer.byteLength(l);
            return bytes > max ? bytes : i === 0 ? l.replace(/^\uFEFF/, '') : l;
          });
          expect(split(chunksAt(Buffer.from(whole), cuts), max)).toEqual(expected);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('reads text chunks as UTF-8 and an unterminated last line', () => {
    expect(split(['{"a":', '1}\n{"b"', ':2}'])).toEqual(['{"a":1}', '{"b":2}']);
    expect(split(['x\n', '  \t'])).toEqual(['x']);
  });
});
