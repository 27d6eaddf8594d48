/**
 * Just enough XML for the parts of a workbook the import reads: start/end tags with their
 * attributes (namespace prefixes dropped) and the text between them. No DTDs and no entity
 * definitions are honoured, so an "entity expansion" bomb is plain text here.
 */

import { ZipRefusedError } from './zipArchive';

export type XmlEvent =
  | { kind: 'open'; name: string; attrs: Record<string, string>; selfClosing: boolean }
  | { kind: 'close'; name: string }
  | { kind: 'text'; text: string };

// Sticky: tried only at a `<` the scan found with indexOf. Comments, CDATA, processing
// instructions and declarations are found by their closer with indexOf too, never by a lazy
// regex, which rescans to the end from every unterminated opener (quadratic on '<!--' repeated).
const TAG = /<(\/?)(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
const SPECIALS: ReadonlyArray<readonly [opener: string, closer: string]> = [
  ['<![CDATA[', ']]>'],
  ['<!--', '-->'],
  ['<?', '?>'],
  ['<!', '>'],
];
const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Replaces the five predefined entities and character references; anything else stays as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref] ?? whole;
    const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function attributes(source: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const match of source.matchAll(ATTR)) {
    attrs[match[1]!] = decodeEntities(match[2] ?? match[3] ?? '');
  }
  return attrs;
}

/**
 * The document's tags and text in order, from `from`; stop by returning false from `visit`.
 * Linear in the length of `xml`. Throws `ZipRefusedError('unreadable')` on a comment, CDATA
 * section, processing instruction or declaration that is never closed.
 */
export function scanXml(xml: string, visit: (event: XmlEvent) => boolean | void, from = 0): void {
  let textStart = from;
  for (let at = xml.indexOf('<', from); at >= 0; ) {
    let end = -1;
    let event: XmlEvent | null = null;
    TAG.lastIndex = at;
    const tag = TAG.exec(xml);
    if (tag) {
      end = TAG.lastIndex;
      event = tag[1] ? { kind: 'close', name: tag[2]! } : { kind: 'open', name: tag[2]!, attrs: attributes(tag[3] ?? ''), selfClosing: tag[4] === '/' };
    } else {
      const special = SPECIALS.find(([opener]) => xml.startsWith(opener, at) && (opener !== '<!' || /[A-Z]/.test(xml[at + 2] ?? '')));
      if (special) {
        const [opener, closer] = special;
        const close = xml.indexOf(closer, at + opener.length);
        if (close < 0) throw new ZipRefusedError('unreadable', `an unterminated ${opener} in a workbook part`);
        end = close + closer.length;
        if (opener === '<![CDATA[') event = { kind: 'text', text: xml.slice(at + opener.length, close) };
      }
    }
    if (end < 0) {
      // A `<` that opens nothing we read stays part of the text around it.
      at = xml.indexOf('<', at + 1);
      continue;
    }
    if (at > textStart && visit({ kind: 'text', text: decodeEntities(xml.slice(textStart, at)) }) === false) return;
    textStart = end;
    if (event && visit(event) === false) return;
    if (event?.kind === 'open' && event.selfClosing && visit({ kind: 'close', name: event.name }) === false) return;
    at = xml.indexOf('<', end);
  }
}

/** The value of the attribute whose local name is `local` (`r:id` → `id`), prefixed or not. */
export function attr(attrs: Record<string, string>, local: string): string | undefined {
  if (local in attrs) return attrs[local];
  for (const [name, value] of Object.entries(attrs)) if (name.endsWith(`:${local}`)) return value;
  return undefined;
}
