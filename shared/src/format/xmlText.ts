/**
 * Text made fit for an XML 1.0 document (DOCX, XLSX, XHTML-ish print pages).
 *
 * XML 1.0 allows only tab, LF and CR among the C0 controls, and neither the noncharacters
 * U+FFFE / U+FFFF nor unpaired surrogates. A single such character anywhere in a part makes
 * Word refuse the whole file ("unreadable content") and strict parsers stop at it. They reach
 * the document through pastes (Word's vertical tab for a line break, a NUL from a PDF, half of
 * an emoji cut by a careless edit), so every writer passes its text through here.
 */

// Tab (09), LF (0A) and CR (0D) are the C0 controls XML keeps.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const HAS_FORBIDDEN = new RegExp(FORBIDDEN.source);

/**
 * Drops the controls and noncharacters XML 1.0 forbids, and turns an unpaired surrogate into
 * U+FFFD (what a UTF-8 encoder writes for one anyway, so the reader sees where text was lost).
 */
export function xmlSafeText(text: string): string {
  if (!HAS_FORBIDDEN.test(text)) return text;
  return text.replace(FORBIDDEN, (char) => (char.length === 1 && char >= '\uD800' && char <= '\uDFFF' ? '\uFFFD' : ''));
}

/** Whether `text` holds a character XML 1.0 forbids: for tests and assertions. */
export function hasXmlForbidden(text: string): boolean {
  return HAS_FORBIDDEN.test(text);
}

/**
 * `hasXmlForbidden` for text already encoded as UTF-8, without decoding it: the forbidden
 * controls are single bytes that never occur inside a multi-byte sequence, U+FFFE / U+FFFF are
 * EF BF BE / EF BF BF, and a surrogate written as is (by an encoder that does not replace it)
 * starts ED A0–BF. A writer checks its finished parts this way at a fraction of the cost of
 * decoding them.
 */
export function hasXmlForbiddenUtf8(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte < 0x20) {
      if (byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) return true;
    } else if (byte === 0xef) {
      if (bytes[i + 1] === 0xbf && (bytes[i + 2] === 0xbe || bytes[i + 2] === 0xbf)) return true;
    } else if (byte === 0xed) {
      if ((bytes[i + 1] ?? 0) >= 0xa0) return true;
    }
  }
  return false;
}
