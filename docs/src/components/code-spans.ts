/** Schema descriptions name fields and values in Markdown backticks (`wrt`, `"same"`): the spans to show as code. */

/** One piece of a description: plain text, or a backtick-quoted span (without its backticks). */
export interface CodeSpan {
  code: boolean;
  text: string;
}

/** Splits `text` at backtick-quoted spans; a lone backtick stays in the plain text. */
export function codeSpans(text: string): CodeSpan[] {
  // split with one capture group: even indexes are plain text, odd ones the quoted spans.
  return text
    .split(/`([^`\n]+)`/)
    .map((part, i) => ({ code: i % 2 === 1, text: part }))
    .filter((p) => p.code || p.text !== '');
}
