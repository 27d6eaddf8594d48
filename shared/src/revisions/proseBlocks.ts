import type { ProseNode } from './canonical';
import { markerFree } from './suggestionText';

/**
 * Plan prose as the 新旧対照表 lays it out: one row per block of text. Structure that has
 * no words of its own (the lists around items, a horizontal rule, an empty paragraph) makes
 * no row; formatting marks are not compared, since the table compares wording.
 */

export type ProseBlockType = 'heading' | 'paragraph' | 'listItem' | 'blockquote' | 'codeBlock' | 'tableRow' | 'other';

export type ProseBlock = {
  blockType: ProseBlockType;
  /** Plain text; a hard break or a break between paragraphs of one block is `\n`. */
  text: string;
  /** A heading's level. */
  level?: number;
  /** A list item's 1-based position in each enclosing list, outermost first: [2, 1]. */
  listPath?: number[];
  /** Whether a list item's own list is numbered. */
  ordered?: boolean;
  /** A table row's cells, each as plain text; `text` joins them with TABLE_CELL_SEPARATOR. */
  cells?: string[];
  /** Whether a table row is made of header cells. */
  header?: boolean;
};

/** Between the cells of a table row when the row is compared as one line of text. */
export const TABLE_CELL_SEPARATOR = ' ｜ ';

/**
 * The text of an inline run: text nodes, with hard breaks as line breaks. A suggestion's
 * marker character is never part of the wording (the table compares clean text; markup is
 * laid over it by suggestionOverlay.ts), so one found here reads as plain text would.
 */
function inlineText(nodes: readonly ProseNode[] | undefined): string {
  let text = '';
  for (const node of nodes ?? []) {
    if (node.type === 'text') text += markerFree(node.text ?? '');
    else if (node.type === 'hardBreak') text += '\n';
    else text += inlineText(node.content);
  }
  return text;
}

function isInline(node: ProseNode): boolean {
  return node.type === 'text' || node.type === 'hardBreak';
}

/** All the words inside a node, block by block on separate lines. */
function allText(node: ProseNode): string {
  const content = node.content ?? [];
  if (content.length === 0) return markerFree(node.text ?? '');
  if (content.some(isInline)) return inlineText(content);
  return content
    .map(allText)
    .filter((text) => text !== '')
    .join('\n');
}

const isList = (node: ProseNode) => node.type === 'bulletList' || node.type === 'orderedList';

/** The blocks of a document in reading order. */
export function flattenProse(doc: ProseNode): ProseBlock[] {
  const blocks: ProseBlock[] = [];
  const push = (block: ProseBlock) => {
    if (block.text.trim() !== '') blocks.push(block);
  };

  const visitList = (list: ProseNode, path: number[]) => {
    const ordered = list.type === 'orderedList';
    let position = 0;
    for (const item of list.content ?? []) {
      position++;
      const itemPath = [...path, position];
      // The item's own paragraphs make its row; lists nested in it follow as rows of their own.
      const own = (item.content ?? []).filter((child) => !isList(child));
      const text = own
        .map(allText)
        .filter((t) => t !== '')
        .join('\n');
      push({ blockType: 'listItem', text, listPath: itemPath, ordered });
      for (const child of item.content ?? []) if (isList(child)) visitList(child, itemPath);
    }
  };

  const visit = (node: ProseNode) => {
    switch (node.type) {
      case 'heading': {
        const level = node.attrs?.['level'];
        push({ blockType: 'heading', text: inlineText(node.content), level: typeof level === 'number' ? level : 1 });
        return;
      }
      case 'paragraph':
        push({ blockType: 'paragraph', text: inlineText(node.content) });
        return;
      case 'bulletList':
      case 'orderedList':
        visitList(node, []);
        return;
      case 'blockquote':
        push({ blockType: 'blockquote', text: allText(node) });
        return;
      case 'codeBlock':
        push({ blockType: 'codeBlock', text: inlineText(node.content) });
        return;
      case 'tableRow': {
        // A table is compared row by row: a row is one line, its cells side by side.
        const cellNodes = node.content ?? [];
        const cells = cellNodes.map(allText);
        const header = cellNodes.length > 0 && cellNodes.every((cell) => cell.type === 'tableHeader');
        push({ blockType: 'tableRow', text: cells.join(TABLE_CELL_SEPARATOR).trim() === '' ? '' : cells.join(TABLE_CELL_SEPARATOR), cells, header });
        return;
      }
      default: {
        const content = node.content ?? [];
        // A node from an extension we do not know: a text block if it holds text, otherwise
        // a container whose children are blocks.
        if (content.some(isInline)) push({ blockType: 'other', text: inlineText(content) });
        else for (const child of content) visit(child);
      }
    }
  };

  visit(doc);
  return blocks;
}
