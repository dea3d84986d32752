/** A piece of maths rendered with KaTeX on the page (widgets, practice); calculators get theirs from the solve worker. */
import { useMemo } from 'react';
import { renderTex } from './steps-html';

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
