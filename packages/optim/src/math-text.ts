/**
 * `math(text)`: like @dnn/core's `sym`, plus the symbols loss and optimizer
 * formulas need (ℓ, ², ½, √, ←, ᵀ, hats, ‖, …), so their LaTeX stays ASCII.
 */
import { sym, type Tex, tex } from '@dnn/core';

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

/** Formulas recur in every solution (`ℓ = ½(ŷ − y)²`): converted once, shared (a {@link Tex} is immutable). */
const cache = new Map<string, Tex>();

/** A formula in plain text; its LaTeX has every symbol as a command (ASCII only). */
export function math(text: string): Tex {
  const known = cache.get(text);
  if (known) return known;
  if (cache.size >= 4096) cache.clear();
  const made = makeMath(text);
  cache.set(text, made);
  return made;
}

function makeMath(text: string): Tex {
  const base = sym(text);
  let latex = base.latex;
  for (const [re, to] of EXTRA) latex = latex.replace(re, to);
  return tex(base.text, latex, base.prec);
}
