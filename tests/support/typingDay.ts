import * as Y from 'yjs';
import { seededRandom } from './random';

function paragraph(text: string): Y.XmlElement {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  return p;
}

/**
 * Types into a document's prose the way the editor (y-prosemirror) writes it, one keystroke per
 * transaction: characters at the caret, backspaces, Enter splitting a paragraph, clicks that move
 * the caret elsewhere, bold over a few characters, a selection deleted, a sentence pasted. Each
 * caret move, deletion and formatting breaks Yjs's merging of consecutive typing into one item,
 * which is what makes a day offline cost tens of thousands of structs rather than a handful.
 */
export function typeADay(doc: Y.Doc, keystrokes: number, seed = 1): void {
  const rnd = seededRandom(seed);
  const body = doc.getXmlFragment('body');
  if (body.length === 0) body.insert(0, [paragraph('')]);
  const textAt = (i: number) => (body.get(i) as Y.XmlElement).get(0) as Y.XmlText;
  let p = 0;
  let caret = 0;
  for (let k = 0; k < keystrokes; k++) {
    const x = rnd();
    doc.transact(() => {
      const text = textAt(p);
      if (x < 0.83) {
        text.insert(caret++, 'あいうえおかきくけこ'[Math.floor(rnd() * 10)]!);
      } else if (x < 0.9) {
        if (caret > 0) text.delete(--caret, 1);
      } else if (x < 0.92) {
        const rest = text.toString().slice(caret);
        if (rest.length > 0) text.delete(caret, rest.length);
        body.insert(++p, [paragraph(rest)]);
        caret = 0;
      } else if (x < 0.97) {
        p = Math.floor(rnd() * body.length);
        caret = Math.floor(rnd() * (textAt(p).length + 1));
      } else if (x < 0.98) {
        if (text.length > 4) text.format(Math.floor(rnd() * (text.length - 4)), 1 + Math.floor(rnd() * 3), { bold: {} });
      } else if (x < 0.99) {
        const n = Math.min(text.length - caret, Math.floor(rnd() * 30));
        if (n > 0) text.delete(caret, n);
      } else {
        text.insert(caret, '貼り付けた文章、'.repeat(5));
        caret += 40;
      }
    });
  }
}
