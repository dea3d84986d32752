import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from './main.js';
import { registry } from './registry.js';

describe('dnn --version', () => {
  it('prints the package version and exits 0', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    const out: (string | Uint8Array)[] = [];
    const io = { stdin: process.stdin, out: (t: string | Uint8Array) => out.push(t), err: () => undefined };
    expect(await main(registry, ['--version'], io)).toBe(0);
    expect(out.join('')).toBe(`${version}\n`);
  });
});
