import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { cdata, escapeXml } from './xml-text.js';

const parser = new XMLParser({ parseTagValue: false, trimValues: false });
const read = (xml: string): string => {
  expect(XMLValidator.validate(xml)).toBe(true);
  return String(parser.parse(xml).t ?? '');
};
// Strings of characters XML 1.0 can carry (its Char production), with the CDATA terminator and markup mixed in.
const xmlChars = fc
  .array(
    fc.oneof(fc.constantFrom(']]>', ']]', ']', '>', '<![CDATA[', '&', '<', '&amp;'), fc.string({ unit: 'grapheme' })),
  )
  .map((parts) => parts.join('').replace(/[^\t\n\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, ''));

describe('XML text', () => {
  it('a CDATA section reads back as the same string, ]]> included', () => {
    fc.assert(
      fc.property(xmlChars, (s) => {
        expect(read(`<t>${cdata(s)}</t>`)).toBe(s);
      }),
    );
    expect(cdata('a]]>b')).toBe('<![CDATA[a]]]]><![CDATA[>b]]>');
  });

  it('escaped text reads back as the same string', () => {
    fc.assert(
      fc.property(xmlChars, (s) => {
        expect(read(`<t>${escapeXml(s)}</t>`)).toBe(s);
      }),
    );
  });

  it('characters outside XML 1.0 become U+FFFD, in CDATA and in text', () => {
    const bad = '\u0000\u0001\u001F\uFFFE\uFFFF\uDC00\uD800x\uD83D'; // lone low and high surrogates
    expect(read(`<t>${cdata(bad)}</t>`)).toBe('\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFDx\uFFFD');
    expect(read(`<t>${escapeXml(`a${bad}`)}</t>`)).toBe('a\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFD\uFFFDx\uFFFD');
    expect(cdata('\uD83D\uDE00\t')).toBe('<![CDATA[\uD83D\uDE00\t]]>'); // a surrogate pair and a tab are fine
  });
});
