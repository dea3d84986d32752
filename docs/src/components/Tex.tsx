/** KaTeX rendering of a solver step's LaTeX (trust: false; a KaTeX error shows in red, never throws). */
import katex from 'katex';
import { useMemo } from 'react';

/** Renders LaTeX to HTML with KaTeX. Exported for tests and widgets. */
export function renderTex(latex: string, display: boolean): string {
  return katex.renderToString(latex, {
    displayMode: display,
    throwOnError: false,
    trust: false,
    strict: 'ignore',
    maxSize: 50,
    maxExpand: 1000,
    output: 'htmlAndMathml',
  });
}

/** A piece of maths. KaTeX escapes every character it prints, so user text never becomes markup. */
export default function Tex({ latex, display = false }: { latex: string; display?: boolean }) {
  const html = useMemo(() => renderTex(latex, display), [latex, display]);
  return display ? (
    // biome-ignore lint/security/noDangerouslySetInnerHtml: KaTeX output with trust: false escapes every character it prints
    <div className="dnn-tex dnn-tex--display" dangerouslySetInnerHTML={{ __html: html }} />
  ) : (
    // biome-ignore lint/security/noDangerouslySetInnerHtml: KaTeX output with trust: false escapes every character it prints
    <span className="dnn-tex" dangerouslySetInnerHTML={{ __html: html }} />
  );
}
