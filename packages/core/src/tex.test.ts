import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderSolution, step } from './steps.js';
import { add, eq, escapeLatexText, floor, frac, matrix, mul, num, pow, sub, sym, vec, words } from './tex.js';

describe('tex builders render text and LaTeX together', () => {
  it('parenthesise only where precedence needs it', () => {
    const t = mul(add('a', 'b'), 'c');
    expect(t.text).toBe('(a + b)·c');
    expect(t.latex).toBe('\\left(a + b\\right) \\cdot c');
    expect(sub(5, sub(3, 1)).text).toBe('5 − (3 − 1)');
    expect(add(2, -3).text).toBe('2 + (−3)');
    expect(pow(-2, 2).text).toBe('(−2)^2');
  });

  it('fractions and floors', () => {
    const t = eq('H_out', add(floor(frac(21, 3)), 1), 8);
    expect(t.text).toBe('H_out = ⌊21/3⌋ + 1 = 8');
    expect(t.latex).toBe('H_{\\text{out}} = \\left\\lfloor \\frac{21}{3} \\right\\rfloor + 1 = 8');
  });

  it('matrices and vectors', () => {
    expect(
      matrix([
        [1, 2],
        [3, 4],
      ]).latex,
    ).toBe('\\begin{bmatrix}1 & 2 \\\\ 3 & 4\\end{bmatrix}');
    expect(vec([1, 0.1 + 0.2]).text).toBe('[1, 0.3]');
  });

  it('sym turns Unicode maths into LaTeX commands', () => {
    expect(sym('σ(z_t)·W_hh − η').latex).toBe('\\sigma (z_t) \\cdot W_{\\text{hh}} - \\eta');
    expect(num(-1.5).latex).toBe('-1.5');
  });
});

describe('num', () => {
  it('writes every safe integer as its decimal digits, with a minus sign in text and a hyphen in LaTeX', () => {
    // Oracle: String of the magnitude. Covers the integers num keeps made (|x| ≤ 1024) and those it makes each time.
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -1100, max: 1100 }), fc.maxSafeInteger(), fc.maxSafeNat()), (x) => {
        const t = num(x);
        const digits = String(Math.abs(x));
        expect(t).toEqual({
          text: x < 0 ? `−${digits}` : digits,
          latex: x < 0 ? `-${digits}` : digits,
          prec: x < 0 ? 'sum' : 'atom',
        });
      }),
    );
  });

  it('shares one object per small integer (made once), −0 as 0; other numbers are formatted each time', () => {
    expect(num(7)).toBe(num(7));
    expect(num(-0)).toBe(num(0));
    expect(num(-1024)).toBe(num(-1024));
    expect(num(1025)).not.toBe(num(1025));
    expect(num(0.1 + 0.2)).toEqual({ text: '0.3', latex: '0.3', prec: 'atom' });
    expect(num(-2.5e-8)).toEqual({ text: '−2.5e-8', latex: '-2.5 \\times 10^{-8}', prec: 'sum' });
  });
});

describe('renderSolution', () => {
  const solution = {
    answer: { y: 8 },
    steps: [step('Result', eq('y', add(5, 3), 8)), step('Prose only')],
    notes: ['a note with 50% & an_underscore'],
  };

  it('text: numbered steps, answer, notes', () => {
    expect(renderSolution(solution, 'text')).toBe(
      'Steps:\n  1. Result: y = 5 + 3 = 8\n  2. Prose only\n\nAnswer:\n  y: 8\n\nNotes:\n  - a note with 50% & an_underscore',
    );
  });

  it('markdown: KaTeX inline maths', () => {
    expect(renderSolution(solution, 'markdown')).toContain('1. Result: $y = 5 + 3 = 8$\n2. Prose only');
  });

  it('latex: escapes special characters in prose', () => {
    const out = renderSolution(solution, 'latex');
    expect(out).toContain('\\item Result: $y = 5 + 3 = 8$');
    expect(out).toContain('50\\% \\& an\\_underscore');
  });

  it('json round-trips', () => {
    expect(JSON.parse(renderSolution(solution, 'json'))).toEqual(solution);
  });
});

describe('words', () => {
  it('keeps prose in \\text and turns maths symbols into commands KaTeX accepts', () => {
    expect(words('x2 − 2 ≥ 0').latex).toBe('\\text{x2 } - \\text{ 2 } \\ge \\text{ 0}');
    expect(words('50% of a_b').latex).toBe('\\text{50\\% of a\\_b}');
    // KaTeX and pdflatex (whose OT1 fonts print a bare < > | as ¡ ¿ —) both read the text commands.
    expect(words('|x| < 1 > 0').latex).toBe('\\text{\\textbar{}x\\textbar{} \\textless{} 1 \\textgreater{} 0}');
  });

  it('gives the same Tex for the same text, made once (a Tex is immutable)', () => {
    expect(words('for every unit')).toBe(words('for every unit'));
    expect(words('for every unit')).toEqual({ text: 'for every unit', latex: '\\text{for every unit}', prec: 'atom' });
  });
});

describe('escapeLatexText', () => {
  it('turns exactly the control characters (Unicode category Cc) into spaces', () => {
    // Oracle: the Unicode property escape \p{Cc} of the regex engine, character by character.
    fc.assert(
      fc.property(
        fc.string({ unit: fc.oneof(fc.integer({ min: 0, max: 0x2ff }).map((c) => String.fromCharCode(c))) }),
        (s) => {
          const expected = [...s]
            .map((c) => (/\p{Cc}/u.test(c) ? ' ' : /[\\{}$&#%_^~<>|]/.test(c) ? escapeLatexText(c) : c))
            .join('');
          expect(escapeLatexText(s)).toBe(expected);
        },
      ),
    );
    expect(escapeLatexText('a\u0085b\u009fc\u00a0d\u007f')).toBe('a b c\u00a0d ');
    expect(escapeLatexText('50% of a_b ~ c')).toBe('50\\% of a\\_b \\textasciitilde{} c');
  });
});

describe('sym covers the symbols solvers write', () => {
  it('renders every mapped symbol as a LaTeX command', () => {
    expect(sym('Δw ← w − η·∂L/∂w').latex).toBe('\\Delta w \\leftarrow w - \\eta \\cdot \\partial L/\\partial w');
    expect(sym('Wᵀ·x²').latex).toBe('W^{\\top} \\cdot x^{2}');
  });
});
