/** Shortening user text that `dnn` echoes back (ids, error messages and paths), so an echo stays small whatever came in. */

/** Longest echo of user text in a message, in characters. */
export const MAX_ECHO = 200;

/**
 * `text` itself when at most `max` characters, else its first `max` characters (not splitting a surrogate
 * pair), then "…" and how many characters were left out.
 */
export function truncateText(text: string, max = MAX_ECHO): string {
  if (text.length <= max) return text;
  const cut = /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return `${text.slice(0, cut)}… (${text.length - cut} more characters)`;
}

/** Longest error message `dnn` prints or writes into a batch line, in characters. */
export const MAX_MESSAGE = 2000;
