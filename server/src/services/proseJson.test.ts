import { BODY_FRAGMENT } from '@sakutei/shared';
import { proseSchema } from '@sakutei/shared/editor';
import { proseWithTable } from '@sakutei/shared/fixtures/proseWithTable';
import { prosemirrorJSONToYDoc, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { demoProseDocument } from '../demo/fukushimaProgramme';
import { proseJsonOf } from './proseJson';

const LISTS_AND_MARKS = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 5 }, content: [{ type: 'text', text: '細目' }] },
    {
      type: 'bulletList',
      content: [
        {
          type: 'listItem',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: '太字', marks: [{ type: 'bold' }, { type: 'link', attrs: { href: 'https://example.jp' } }] }] },
            { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: '入れ子' }] }] }] },
          ],
        },
      ],
    },
    { type: 'paragraph' },
  ],
};

describe('prose JSON read without recursion', () => {
  for (const [what, json] of Object.entries({ demo: demoProseDocument(), table: proseWithTable(), lists: LISTS_AND_MARKS })) {
    it(`gives what y-tiptap gives for the ${what} prose, so hashes of frozen revisions hold`, () => {
      const fragment = prosemirrorJSONToYDoc(proseSchema(), json, BODY_FRAGMENT).getXmlFragment(BODY_FRAGMENT);
      expect(proseJsonOf(fragment)).toEqual({ prose: yXmlFragmentToProsemirrorJSON(fragment), flattened: 0 });
    });
  }

  it('flattens what is nested beyond the bound into paragraphs of its text, and says how many', () => {
    const doc = new Y.Doc();
    doc.transact(() => {
      let outer: Y.XmlFragment = doc.getXmlFragment(BODY_FRAGMENT);
      for (let i = 0; i < 5_000; i++) {
        const wrap = new Y.XmlElement('blockquote');
        outer.insert(0, [wrap]);
        outer = wrap;
      }
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText('底')]);
      outer.insert(0, [paragraph]);
    });
    const { prose, flattened } = proseJsonOf(doc.getXmlFragment(BODY_FRAGMENT), 4);
    expect(flattened).toBe(1);
    expect(JSON.stringify(prose)).toBe(
      JSON.stringify({ type: 'doc', content: [{ type: 'blockquote', content: [{ type: 'blockquote', content: [{ type: 'blockquote', content: [{ type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: '底' }] }] }] }] }] }] }),
    );
  });
});
