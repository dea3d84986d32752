/** A schema description with its backtick-quoted names shown as code, not as backticks. */
import type { ReactNode } from 'react';
import { codeSpans } from './code-spans';

/** `text` with each backtick-quoted span as a `<code>` element (see {@link codeSpans}). */
export function InlineCode({ text }: { text: string }): ReactNode {
  const spans = codeSpans(text);
  if (spans.length === 1 && !spans[0]?.code) return text;
  return spans.map((s, i) =>
    // biome-ignore lint/suspicious/noArrayIndexKey: the pieces of one fixed string, never reordered
    s.code ? <code key={i}>{s.text}</code> : s.text,
  );
}
