/** XML text for the Moodle writer: escaped text and CDATA sections that survive any string. */

/** Replaces what XML 1.0 cannot carry (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF) with U+FFFD. */
export function xmlSafe(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    const allowed =
      c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || c >= 0x10000;
    out += allowed ? ch : '\uFFFD';
  }
  return out;
}

/** `s` as XML character data (`&`, `<`, `>` escaped). */
export function escapeXml(s: string): string {
  return xmlSafe(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `s` in a CDATA section; a `]]>` inside is split across two sections. */
export function cdata(s: string): string {
  return `<![CDATA[${xmlSafe(s).replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}
