import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { XML_FORBIDDEN, hostileText } from '../testing/hostileText';
import { hasXmlForbidden, hasXmlForbiddenUtf8, xmlSafeText } from './xmlText';

describe('xmlSafeText', () => {
  it('drops each control XML 1.0 forbids, keeps tab and line ends, and marks an unpaired surrogate', () => {
    for (const char of XML_FORBIDDEN) expect(hasXmlForbidden(xmlSafeText(`施${char}策`))).toBe(false);
    expect(xmlSafeText('施\u0000策\u000B\uFFFF')).toBe('施策');
    expect(xmlSafeText('a\tb\nc\rd')).toBe('a\tb\nc\rd');
    expect(xmlSafeText('\uD800x\uDC00')).toBe('\uFFFDx\uFFFD');
    expect(xmlSafeText('𠮷野家😀')).toBe('𠮷野家😀');
  });

  it('leaves no forbidden character in any hostile text, and changes clean text not at all', () => {
    fc.assert(fc.property(hostileText, (text) => !hasXmlForbidden(xmlSafeText(text))), { numRuns: 500 });
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => xmlSafeText(text) === text || hasXmlForbidden(text)), { numRuns: 500 });
  });

  it('finds the same characters in UTF-8 bytes without decoding them, a surrogate written as is included', () => {
    const utf8 = new TextEncoder();
    // TextEncoder writes an unpaired surrogate as U+FFFD, which XML allows.
    const encoded = (text: string) => text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
    fc.assert(fc.property(fc.oneof(hostileText, fc.string({ unit: 'grapheme' })), (text) => hasXmlForbiddenUtf8(utf8.encode(text)) === hasXmlForbidden(encoded(text))), { numRuns: 500 });
    expect(hasXmlForbiddenUtf8(Uint8Array.from([0x61, 0xed, 0xa0, 0x80]))).toBe(true);
    expect(hasXmlForbiddenUtf8(utf8.encode('施策\t\r\n𠮷\uFFFD'))).toBe(false);
  });
});
