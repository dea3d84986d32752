/**
 * User text in steps (variable and layer names, titles, notes) can hold anything: LaTeX must still parse in KaTeX
 * (strict for ASCII, the docs site's settings for any Unicode), and Markdown must read as that text — no HTML, no
 * injected headings or lists, no way out of the answer's code fence.
 */
import fc from 'fast-check';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { parseExpression } from './expr/parse.js';
import { exprToTex } from './expr/print.js';
import type { Solution } from './solution.js';
import { escapeMarkdown, renderSolution, step } from './steps.js';
import { add, call, eq, frac, matrix, sym, vec, words } from './tex.js';

const strict = (latex: string) => katex.renderToString(latex, { throwOnError: true, strict: 'error' });
/** The docs site's settings (steps-html.ts): Unicode text is accepted, the expansion limit is 1000. */
const docs = (latex: string) =>
  katex.renderToString(latex, { throwOnError: true, strict: 'ignore', trust: false, maxExpand: 1000 });

/** Names the expression language accepts (identifiers), underscores anywhere. */
const identifier = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,10}$/);
const hostile = fc.oneof(
  fc.string({ unit: 'binary-ascii', maxLength: 30 }),
  fc.constantFrom(
    '<img src=x onerror=alert(1)>',
    'a\n## injected\n- item',
    '`code` **bold** _em_ [link](http://x) ![i](y)',
    '$x$ \\(y\\) $$z$$',
    '```\n} ]',
    '\\begin{array}',
    'x^a^b_c_d',
    'a^',
    '_',
    '^^',
    '&amp; &lt;',
    '|a|b|\n|-|-|',
    '\u0000\u0007\u001b[31m',
    'w_1_1',
    'alpha_beta',
  ),
);

describe('LaTeX of user names parses in KaTeX', () => {
  it.each([
    ['w_1_1', 'w_{\\text{1\\_1}}'],
    ['alpha_beta', 'alpha_{\\text{beta}}'],
    ['H_out', 'H_{\\text{out}}'],
    ['x_1', 'x_1'],
  ])('sym(%j) is %j (w_1_1 was a double subscript)', (name, latex) => {
    expect(sym(name).latex).toBe(latex);
    expect(() => strict(latex)).not.toThrow();
  });

  it('identifiers in the forms the point and gradient steps use render strictly', () => {
    fc.assert(
      fc.property(identifier, fc.double({ noNaN: true, noDefaultInfinity: true }), (name, value) => {
        for (const t of [sym(name), sym(`∂f/∂${name}`), eq(sym(name), value), vec([sym(`${name} = 1`)])]) {
          expect(() => strict(t.latex), t.latex).not.toThrow();
        }
      }),
      { numRuns: 150 },
    );
  });

  it('any ASCII text (control characters included) renders strictly through sym and words', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        for (const t of [sym(text), words(text), frac(sym(text), sym(text)), matrix([[sym(text), 1]])]) {
          expect(() => strict(t.latex), JSON.stringify(t.latex)).not.toThrow();
        }
      }),
      { numRuns: 200 },
    );
  });

  it('a combining accent on a letter written as a macro (α̂, β̀) is dropped, not left after \\alpha where KaTeX rejects it', () => {
    // Found by the property below (seed 1728443135): sym('α̂') was `\\alpha ̂`, words('α̂') `\\alpha \\text{̂}`.
    for (const name of ['α\u0302', 'β\u0300', 'σ\u0307']) {
      for (const t of [sym(name), words(name)]) {
        expect(() => docs(t.latex), t.latex).not.toThrow();
        expect(t.latex).not.toMatch(/[\u0300-\u036f]/);
      }
    }
    // A Latin letter keeps its accent.
    expect(sym('x\u0302').latex).toBe('x\u0302');
  });

  it('names in any script (accents, combining marks, CJK, emoji, lone surrogates) render with the docs site’s KaTeX settings through sym and words', () => {
    // Letters of many scripts, combining marks (some KaTeX has no accent for), emoji and lone surrogates (valid in
    // JSON strings). Unicode maths symbols are left out: KaTeX maps some to maths-only macros (≔), which no name holds.
    const ranges: [number, number][] = [
      [0x20, 0x7e],
      [0xc0, 0x24f],
      [0x300, 0x36f],
      [0x391, 0x3c9],
      [0x410, 0x44f],
      [0x4e00, 0x4e80],
      [0x1f600, 0x1f64f],
      [0xd800, 0xdfff],
    ];
    const unit = fc
      .oneof(...ranges.map(([min, max]) => fc.integer({ min, max })))
      .map((cp) => String.fromCodePoint(cp));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 20 }), (text) => {
        for (const t of [sym(text), words(text)]) expect(() => docs(t.latex), JSON.stringify(t.latex)).not.toThrow();
      }),
      { numRuns: 150 },
    );
  });
});

/** Reads Markdown inline text back as CommonMark does for what escapeMarkdown writes: backslash escapes and the three entities. */
function unescapeMarkdown(md: string): string {
  return md.replace(/\\([!-/:-@[-`{-~])|&(lt|gt|amp);/g, (_, c: string | undefined, entity: string | undefined) =>
    c !== undefined ? c : (({ lt: '<', gt: '>', amp: '&' } as Record<string, string>)[entity as string] as string),
  );
}

describe('Markdown of user text', () => {
  it('escapeMarkdown reads back as the text (line breaks as spaces), with no raw < > or line break left', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const md = escapeMarkdown(text);
        expect(md).not.toMatch(/[<>\r\n]/);
        expect(unescapeMarkdown(md)).toBe(text.replace(/[\r\n\u2028\u2029]+/g, ' '));
      }),
      { numRuns: 200 },
    );
  });

  it('a solution with hostile titles, notes and answer strings keeps its structure: one line per step, three headings, the answer JSON intact', () => {
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 1, maxLength: 4 }), hostile, hostile, (titles, note, text) => {
        const solution: Solution<unknown> = {
          answer: { label: text, fence: '```\n# not a heading' },
          steps: titles.map((t) => step(t, eq(sym(t), 1))),
          notes: [note],
        };
        const md = renderSolution(solution, 'markdown');
        const lines = md.split('\n');
        expect(lines.filter((l) => l.startsWith('#'))).toEqual(['### Steps', '### Answer', '### Notes']);
        expect(lines.filter((l) => /^\d+\. /.test(l))).toHaveLength(titles.length);
        expect(md.split('### Answer')[0]).not.toMatch(/<[a-z]/i);
        const open = lines.findIndex((l) => /^`{3,}json$/.test(l));
        const fenceText = (lines[open] as string).slice(0, -4);
        const close = lines.indexOf(fenceText, open + 1);
        expect(JSON.parse(lines.slice(open + 1, close).join('\n'))).toEqual(solution.answer);
      }),
      { numRuns: 150 },
    );
  });

  it('the layer name <img src=x onerror=alert(1)> is shown as text, not markup', () => {
    const md = renderSolution(
      { answer: {}, steps: [step('Layer <img src=x onerror=alert(1)>\n## owned')], notes: [] },
      'markdown',
    );
    expect(md).toContain('1. Layer &lt;img src=x onerror=alert(1)&gt; \\#\\# owned');
  });
});

describe('KaTeX expansion budget', () => {
  it('300 of every core maths builder in one formula render within the docs site’s maxExpand of 1000', () => {
    // \operatorname cost ~20 expansions each and \dots ~5: a 100-row table of them did not render.
    const cell = add(
      call('max', [1, 2]),
      sym('tanh(z) + relu(z) … x_out ≤ y²'),
      words('a … b'),
      exprToTex(parseExpression('sqrt(abs(x)) + relu(x) + step(x) + sign(x) + softplus(x)')),
    );
    const latex = matrix(Array.from({ length: 300 }, () => [cell])).latex;
    expect(() => docs(latex)).not.toThrow();
  });
});
