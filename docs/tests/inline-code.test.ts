/** Backtick-quoted names in schema descriptions are shown as code (node only: the split the component renders). */
import { describe, expect, it } from 'vitest';
import { calculatorData } from '../src/components/calculator-data.mjs';
import { codeSpans } from '../src/components/code-spans';
import { registry } from '../src/registry';

/** Every `description` string in a JSON Schema. */
function descriptions(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const v of node) descriptions(v, out);
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'description' && typeof v === 'string') out.push(v);
      else descriptions(v, out);
    }
  }
  return out;
}

describe('codeSpans', () => {
  it('splits backtick-quoted spans from the plain text around them', () => {
    expect(codeSpans('for every name of `wrt` (default: every key of `at`)')).toEqual([
      { code: false, text: 'for every name of ' },
      { code: true, text: 'wrt' },
      { code: false, text: ' (default: every key of ' },
      { code: true, text: 'at' },
      { code: false, text: ')' },
    ]);
    expect(codeSpans('`"same"` padding')).toEqual([
      { code: true, text: '"same"' },
      { code: false, text: ' padding' },
    ]);
    expect(codeSpans('a lone ` stays')).toEqual([{ code: false, text: 'a lone ` stays' }]);
    expect(codeSpans('no code')).toEqual([{ code: false, text: 'no code' }]);
  });

  it('leaves no backtick in the plain text of any calculator field or answer description', () => {
    let quoted = 0;
    for (const solver of registry.list().map((i) => registry.get(i.id))) {
      const data = calculatorData(solver);
      for (const text of [...descriptions(data.inputSchema), ...descriptions(data.answerSchema)]) {
        if (!text.includes('`')) continue;
        quoted++;
        for (const span of codeSpans(text))
          if (!span.code) expect(span.text, `${solver.id}: ${text}`).not.toContain('`');
      }
    }
    expect(quoted).toBeGreaterThan(10);
  });
});
