/** Truncated echoes: short text unchanged, long text cut with the count of what was left out, pairs kept whole. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveLine } from './batch.js';
import { registry } from './registry.js';
import { truncateText } from './truncate.js';

describe('truncateText', () => {
  it('keeps text up to the limit and otherwise a prefix, "…" and the number of characters left out', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'é', '😀', '中', ' '), { maxLength: 60 }).map((cs) => cs.join('')),
        fc.integer({ min: 2, max: 40 }),
        (text, max) => {
          const out = truncateText(text, max);
          if (text.length <= max) {
            expect(out).toBe(text);
            return;
          }
          const m = /^([\s\S]*)… \((\d+) more characters\)$/.exec(out);
          expect(m).not.toBeNull();
          const [, kept, more] = m as unknown as [string, string, string];
          expect(text.startsWith(kept)).toBe(true);
          expect(kept.length + Number(more)).toBe(text.length);
          expect(kept.length).toBeGreaterThanOrEqual(max - 1);
          expect(kept.length).toBeLessThanOrEqual(max);
          // never half a surrogate pair
          expect(/[\uD800-\uDBFF]$/.test(kept)).toBe(false);
        },
      ),
    );
  });

  it('bounds a batch error line whose message echoes a huge input', () => {
    const key = 'k'.repeat(1_000_000);
    const line = solveLine(registry, `{"id":"conv/output-shape","input":{"inputShape":[8,8],"kernel":3,"${key}":1}}`);
    expect(line.json.length).toBeLessThan(3000);
    const { error } = JSON.parse(line.json);
    expect(error.message.length).toBeLessThanOrEqual(2000 + 30);
    expect(error.path.length).toBeLessThanOrEqual(200 + 30);
    expect(error.path.startsWith('kkkk')).toBe(true);
  });
});
