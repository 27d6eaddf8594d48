import { describe, expect, it } from 'vitest';
import { scanXml, type XmlEvent } from './xmlScan';
import { ZipRefusedError } from './zipArchive';

function events(xml: string): XmlEvent[] {
  const seen: XmlEvent[] = [];
  scanXml(xml, (event) => {
    seen.push(event);
  });
  return seen;
}

// Each input would make a lazy-regex scanner rescan to the end from every opener (quadratic:
// seconds at these sizes). No clock here: a scanner that went quadratic again fails by the test timeout.
const UNTERMINATED = ['<!--', '<![CDATA[', '<?', '<!DOCTYPE '];

describe('scanXml', () => {
  it('reads tags, attributes, text, CDATA and skips comments, instructions and declarations', () => {
    const xml = '<?xml version="1.0"?><!DOCTYPE x><x:row r="1" s=\'a&amp;b\'><!-- note --><c>1 &lt; 2</c><v><![CDATA[<raw>]]></v><e/></x:row>';
    expect(events(xml)).toEqual([
      { kind: 'open', name: 'row', attrs: { r: '1', s: 'a&b' }, selfClosing: false },
      { kind: 'open', name: 'c', attrs: {}, selfClosing: false },
      { kind: 'text', text: '1 < 2' },
      { kind: 'close', name: 'c' },
      { kind: 'open', name: 'v', attrs: {}, selfClosing: false },
      { kind: 'text', text: '<raw>' },
      { kind: 'close', name: 'v' },
      { kind: 'open', name: 'e', attrs: {}, selfClosing: true },
      { kind: 'close', name: 'e' },
      { kind: 'close', name: 'row' },
    ]);
  });

  it('keeps a stray < as text', () => {
    expect(events('<c>a < b</c>')).toEqual([
      { kind: 'open', name: 'c', attrs: {}, selfClosing: false },
      { kind: 'text', text: 'a < b' },
      { kind: 'close', name: 'c' },
    ]);
  });

  for (const opener of UNTERMINATED) {
    it(`refuses an unterminated ${opener} as unreadable, in linear time, even repeated`, () => {
      for (const xml of [`<c>${opener}`, `<c>1</c>${opener.repeat(40_000)}`, `<c>${opener.repeat(200_000)}`]) {
        let refusal: unknown;
        try {
          events(xml);
        } catch (err) {
          refusal = err;
        }
        expect(refusal).toBeInstanceOf(ZipRefusedError);
        expect((refusal as ZipRefusedError).reason).toBe('unreadable');
      }
    });
  }

  it('scans a long run of stray < and unclosed tags without going quadratic', () => {
    const xml = `<c>${'<a b="'.repeat(50_000)}${'<a '.repeat(50_000)}${'<'.repeat(100_000)}</c>`;
    const seen = events(xml);
    expect(seen[0]).toEqual({ kind: 'open', name: 'c', attrs: {}, selfClosing: false });
    expect(seen.at(-1)).toEqual({ kind: 'close', name: 'c' });
  });
});
