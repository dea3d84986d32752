/**
 * `math(text)`: like @dnn/core's `sym`, plus the symbols loss and optimizer
 * formulas need (ℓ, ², ½, √, ←, ᵀ, hats, ‖, …), so their LaTeX stays ASCII.
 */
import { memoByText, sym, type Tex, tex } from '@dnn/core';

const EXTRA: [RegExp, string][] = [
  [/([A-Za-z])̂/g, '\\hat{$1}'],
  [/ℓ/g, '\\ell '],
  [/²/g, '^{2}'],
  [/½/g, '\\tfrac{1}{2}'],
  [/√\(([^()]*)\)/g, '\\sqrt{$1}'],
  [/√(\\hat\{.\}|[A-Za-z0-9]+)/g, '\\sqrt{$1}'],
  [/√/g, '\\sqrt '],
  [/←/g, ' \\leftarrow '],
  [/ᵀ/g, '^{\\top}'],
  [/‖/g, '\\| '],
  [/…/g, '\\dots '],
  [/∘/g, ' \\circ '],
  [/∞/g, '\\infty '],
  [/δ/g, '\\delta '],
  [/⁺/g, '^{+}'],
  [/⁻/g, '^{-}'],
];

/**
 * A formula in plain text; its LaTeX has every symbol as a command (ASCII only). Formulas recur in every solution
 * (`ℓ = ½(ŷ − y)²`): each is converted once.
 */
export const math: (text: string) => Tex = memoByText((text) => makeMath(text));

function makeMath(text: string): Tex {
  const base = sym(text);
  let latex = base.latex;
  for (const [re, to] of EXTRA) latex = latex.replace(re, to);
  return tex(base.text, latex, base.prec);
}
