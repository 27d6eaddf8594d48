import { markerFree } from '@sakutei/shared';
import type { Node as ProseNode } from '@tiptap/pm/model';
import { type SearchOptions, findInText } from './match';

/** A match as document positions, ready for a decoration or a replacement. */
export interface DocMatch {
  from: number;
  to: number;
}

/** Stands for a non-text inline node (a line break): one position, and nothing a query can contain. */
const LEAF = '\uFFFC';

/**
 * A text node's characters, one per position, with each suggestion marker (a proposed new
 * paragraph, line break, join or retyping) as a LEAF: it stands for a break, not for words, so
 * no match takes it in or runs across a proposed paragraph break.
 */
function searchable(text: string): string {
  if (markerFree(text) === text) return text;
  return Array.from(text, (ch) => (markerFree(ch) === ch ? ch : LEAF)).join('');
}

/**
 * The text of one textblock, one character per document position, whatever marks split it
 * into text nodes: 「計画の**推進**体制」 is one string, so a match may cross the bold.
 */
function blockText(block: ProseNode): string {
  let text = '';
  block.forEach((child) => {
    text += child.isText ? searchable(child.text!) : LEAF.repeat(child.nodeSize);
  });
  return text;
}

/** Every match of `query` in the document, in document order. Matches never cross blocks. */
export function findInDoc(doc: ProseNode, query: string, options: SearchOptions): DocMatch[] {
  if (query.length === 0) return [];
  const matches: DocMatch[] = [];
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    const start = pos + 1;
    for (const m of findInText(blockText(node), query, options)) {
      matches.push({ from: start + m.start, to: start + m.end });
    }
    return false;
  });
  return matches;
}
