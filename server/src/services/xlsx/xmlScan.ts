/**
 * Just enough XML for the parts of a workbook the import reads: start/end tags with their
 * attributes (namespace prefixes dropped) and the text between them. No DTDs and no entity
 * definitions are honoured, so an "entity expansion" bomb is plain text here.
 */

export type XmlEvent =
  | { kind: 'open'; name: string; attrs: Record<string, string>; selfClosing: boolean }
  | { kind: 'close'; name: string }
  | { kind: 'text'; text: string };

const TOKEN = /<(\/?)(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<![A-Z][^>]*>/g;
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

/** The document's tags and text in order, from `from`; stop by returning false from `visit`. */
export function scanXml(xml: string, visit: (event: XmlEvent) => boolean | void, from = 0): void {
  TOKEN.lastIndex = from;
  let textStart = from;
  for (let match = TOKEN.exec(xml); match; match = TOKEN.exec(xml)) {
    if (match.index > textStart && visit({ kind: 'text', text: decodeEntities(xml.slice(textStart, match.index)) }) === false) return;
    textStart = TOKEN.lastIndex;
    let event: XmlEvent | null = null;
    if (match[2] !== undefined) {
      event = match[1] ? { kind: 'close', name: match[2] } : { kind: 'open', name: match[2], attrs: attributes(match[3] ?? ''), selfClosing: match[4] === '/' };
    } else if (match[5] !== undefined) {
      event = { kind: 'text', text: match[5] };
    }
    if (event && visit(event) === false) return;
    if (event?.kind === 'open' && event.selfClosing && visit({ kind: 'close', name: event.name }) === false) return;
  }
}

/** The value of the attribute whose local name is `local` (`r:id` → `id`), prefixed or not. */
export function attr(attrs: Record<string, string>, local: string): string | undefined {
  if (local in attrs) return attrs[local];
  for (const [name, value] of Object.entries(attrs)) if (name.endsWith(`:${local}`)) return value;
  return undefined;
}
