/** Capped input reading: the size cap before parsing, devices, the BOM and UTF-8 across chunk boundaries. */
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_INPUT_BYTES, readCappedFile, readCappedStream } from './capped-read.js';

const dir = mkdtempSync(join(tmpdir(), 'dnn-capped-'));

async function* chunksOf(parts: Uint8Array[]) {
  yield* parts;
}

/** Text with 2-, 3- and 4-byte UTF-8 characters among ASCII. */
const text = fc
  .array(fc.oneof(fc.constantFrom('×', '−', 'é', '中', '😀', '\n'), fc.string({ unit: 'binary', maxLength: 6 })), {
    maxLength: 50,
  })
  .map((p) => p.join(''));

describe('readCappedStream', () => {
  it('decodes the same string however the bytes are cut into chunks', async () => {
    await fc.assert(
      fc.asyncProperty(text, fc.array(fc.nat(), { maxLength: 20 }), async (whole, cuts) => {
        const bytes = Buffer.from(whole);
        const at = [...new Set(cuts.map((c) => c % (bytes.length + 1))), bytes.length].sort((a, b) => a - b);
        const parts = at.map((end, i) => bytes.subarray(i === 0 ? 0 : (at[i - 1] as number), end));
        expect(await readCappedStream(chunksOf(parts), 'input')).toBe(whole.replace(/^\uFEFF/, ''));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps a character cut at a 64 KiB chunk boundary (the stdin chunk size)', async () => {
    const bytes = Buffer.from(`{"expression":"${'1'.repeat(65520)}×x−1"}`);
    const cut = bytes.indexOf(Buffer.from('×')) + 1;
    const decoded = await readCappedStream(chunksOf([bytes.subarray(0, cut), bytes.subarray(cut)]), 'input');
    expect(decoded).toBe(bytes.toString());
    expect(decoded).not.toContain('\uFFFD');
  });

  it('drops a leading BOM', async () => {
    expect(await readCappedStream(chunksOf([Buffer.from('\uFEFF{"a":1}')]), 'input')).toBe('{"a":1}');
  });

  it('stops at cap + 1 bytes of an endless stream with an input error', async () => {
    let pulled = 0;
    async function* endless() {
      for (;;) {
        pulled++;
        yield Buffer.alloc(1000, 0x20);
      }
    }
    await expect(readCappedStream(endless(), 'input', 'stdin', 10_000)).rejects.toThrow(
      /^input: stdin is larger than the input limit of 10000 bytes/,
    );
    expect(pulled).toBe(11);
  });

  it('accepts exactly the cap', async () => {
    expect(await readCappedStream(chunksOf([Buffer.alloc(10, 0x31)]), 'input', 'stdin', 10)).toBe('1111111111');
  });
});

describe('readCappedFile', () => {
  it('refuses a regular file over the cap from its size, before reading', () => {
    const file = join(dir, 'sparse.json');
    writeFileSync(file, '');
    truncateSync(file, MAX_INPUT_BYTES + 1);
    expect(() => readCappedFile(file, 'input')).toThrow(
      `input: ${file} is larger than the input limit of 32 MiB (33554432 bytes): ${MAX_INPUT_BYTES + 1} bytes`,
    );
  });

  it('reads a device such as /dev/zero only up to the cap', () => {
    expect(() => readCappedFile('/dev/zero', 'input', 100_000)).toThrow(
      /^input: \/dev\/zero is larger than the input limit of 100000 bytes: more than that$/,
    );
  });

  it('decodes a character that straddles its 64 KiB reads, and drops a leading BOM', () => {
    const file = join(dir, 'straddle.json');
    const body = `"${'a'.repeat(65531)}😀"`; // BOM 3 bytes + quote + 65531 → the emoji starts at byte 65535
    writeFileSync(file, `\uFEFF${body}`);
    expect(readCappedFile(file, 'input')).toBe(body);
  });

  it('throws file-system errors with their code', () => {
    expect(() => readCappedFile(join(dir, 'missing.json'), 'input')).toThrow(
      expect.objectContaining({ code: 'ENOENT' }),
    );
    expect(() => readCappedFile(dir, 'input')).toThrow(expect.objectContaining({ code: 'EISDIR' }));
  });
});
